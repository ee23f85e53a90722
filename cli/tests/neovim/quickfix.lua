-- Reads `redlint check --format line` output into the quickfix list with Vim's default
-- 'errorformat' and with the one the README suggests, jumps to each entry, and writes both
-- lists and the jumps as JSON.
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
-- where `:cc N` puts the cursor for each entry: line, byte column, and the text from there
result.jumps = {}
for i = 1, #result.suggested do
  vim.cmd("silent cc " .. i)
  local col = vim.fn.col(".")
  table.insert(result.jumps, { lnum = vim.fn.line("."), col = col, rest = vim.fn.matchstr(vim.fn.getline("."), "\\%" .. col .. "c.*") })
end
local f = assert(io.open(os.getenv("REDLINT_OUT"), "w"))
f:write(vim.fn.json_encode(result))
f:close()
vim.cmd("qa!")
