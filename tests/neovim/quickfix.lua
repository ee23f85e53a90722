-- Reads `redlint check --format line` output into the quickfix list with Vim's default
-- 'errorformat' and with the one the README suggests, and writes both lists as JSON.
-- Inputs (environment): REDLINT_LINES (the output file), REDLINT_OUT.
local result = {}
local function read(efm)
  if efm then vim.o.errorformat = efm end
  vim.cmd("cgetfile " .. vim.fn.fnameescape(os.getenv("REDLINT_LINES")))
  local list = {}
  for _, e in ipairs(vim.fn.getqflist()) do
    table.insert(list, {
      valid = e.valid, file = vim.fn.bufname(e.bufnr), lnum = e.lnum, col = e.col,
      type = e.type, text = e.text,
    })
  end
  return list
end
result.default = read(nil)
result.suggested = read("%f:%l:%c: %t%*[^:]: %m")
local f = assert(io.open(os.getenv("REDLINT_OUT"), "w"))
f:write(vim.fn.json_encode(result))
f:close()
vim.cmd("qa!")
