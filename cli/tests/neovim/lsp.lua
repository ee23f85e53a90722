-- Neovim end-to-end check of `redlint lsp`, run by tests/neovim.rs:
--   nvim --headless -u NONE -i NONE -n -S tests/neovim/lsp.lua
-- Inputs (environment): REDLINT_BIN, REDLINT_ROOT, REDLINT_NOTE, REDLINT_OUT, and
-- REDLINT_UTF8=1 to negotiate UTF-8 positions (else UTF-16, Neovim's default).
-- Output: a JSON file with what vim.diagnostic.get() returned at each step.
local out = assert(os.getenv("REDLINT_OUT"))
local utf8 = os.getenv("REDLINT_UTF8") == "1"
local result = { version = vim.version(), steps = {} }

local function finish(err)
  result.error = err
  local f = assert(io.open(out, "w"))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd("qa!")
end

local function snapshot(name, bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(list, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      code = code, severity = d.severity, source = d.source, message = d.message,
    })
  end
  table.insert(result.steps, { name = name, diagnostics = list })
  return list
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(assert(os.getenv("REDLINT_NOTE"))))
  local bufnr = vim.api.nvim_get_current_buf()
  local config = {
    name = "redlint",
    cmd = { assert(os.getenv("REDLINT_BIN")), "lsp" },
    root_dir = assert(os.getenv("REDLINT_ROOT")),
    init_options = { redlint = { lang = "en" } },
  }
  if utf8 then
    config.offset_encoding = "utf-8"
    config.before_init = function(params)
      params.capabilities.general = params.capabilities.general or {}
      params.capabilities.general.positionEncodings = { "utf-8" }
    end
  end
  local client_id
  if vim.lsp.start then -- Neovim 0.8+
    client_id = vim.lsp.start(config)
  else -- Neovim 0.7
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
  assert(client_id, "the client did not start")
  result.api = vim.lsp.start and "vim.lsp.start" or "vim.lsp.start_client"

  -- 1. the diagnostics of the note as opened
  local count = tonumber(os.getenv("REDLINT_COUNT"))
  assert(vim.wait(15000, function() return #vim.diagnostic.get(bufnr) >= count end, 20), "no diagnostics after open")
  local client = vim.lsp.get_client_by_id(client_id)
  result.offset_encoding = client.offset_encoding
  local caps = client.server_capabilities or {}
  result.server_encoding = caps.positionEncoding or "utf-16"
  local function signature()
    local parts = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      table.insert(parts, string.format("%s:%d:%d", tostring(d.code), d.lnum, d.col))
    end
    table.sort(parts)
    return table.concat(parts, ";")
  end
  snapshot("open", bufnr)
  local before = signature()

  -- 2. an edit: an emoji at the start of a line (Neovim sends it incrementally)
  local line = tonumber(os.getenv("REDLINT_EDIT_LINE"))
  vim.api.nvim_buf_set_text(bufnr, line, 0, line, 0, { "🙂" })
  assert(vim.wait(15000, function() return signature() ~= before end, 20), "no new diagnostics after the edit")
  snapshot("edit", bufnr)

  -- 3. the quick fix at a position (0-based line, byte column), requested and applied the
  -- way Neovim does
  local fix_line, fix_col = tonumber(os.getenv("REDLINT_FIX_LINE")), tonumber(os.getenv("REDLINT_FIX_COL"))
  vim.api.nvim_win_set_cursor(0, { fix_line + 1, fix_col })
  local params = vim.lsp.util.make_range_params(0, client.offset_encoding)
  params.context = { diagnostics = {} }
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 10000)
  local titles, fix = {}, nil
  for _, r in pairs(responses or {}) do
    for _, action in ipairs(r.result or {}) do
      table.insert(titles, action.title)
      if action.edit and action.isPreferred and not fix then fix = action end
    end
  end
  result.actions = titles
  assert(fix, "no preferred quick fix")
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  result.fixed_line = vim.api.nvim_buf_get_lines(bufnr, fix_line, fix_line + 1, true)[1]
  assert(vim.wait(15000, function() return #vim.diagnostic.get(bufnr) == count - 1 end, 20),
    "the fixed violation is still reported")
  snapshot("fixed", bufnr)
end)

finish(not ok and tostring(err) or nil)
