-- Drives Neovim (0.7 and later) headless against `cpiplan lsp --stdio`, configured as the README
-- says: opens the plan, waits for its diagnostics, asks for a hover and for formatting, checks
-- what came back and writes it as JSON for the vitest wrapper (test/neovim/neovim.test.ts).
--
-- Environment: CPIPLAN_PLAN (the plan to open), CPIPLAN_RESULT (where to write the JSON),
-- CPIPLAN_EXPECT_LOCALE (it or en: the language the messages must be in).
-- Exit status 0 when every check holds; 1 otherwise, with the reasons on stderr and in the JSON.

local plan = os.getenv('CPIPLAN_PLAN')
local result_file = os.getenv('CPIPLAN_RESULT')
local locale = os.getenv('CPIPLAN_EXPECT_LOCALE') or 'en'
local result = { failures = {} }

local function fail(message)
  table.insert(result.failures, message)
end

local function finish()
  local out = io.open(result_file, 'w')
  out:write(vim.fn.json_encode(result))
  out:close()
  if #result.failures > 0 then
    io.stderr:write(table.concat(result.failures, '\n') .. '\n')
    vim.cmd('cquit 1')
  else
    vim.cmd('qall!')
  end
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(plan))
  local buf = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[buf].filetype

  -- Diagnostics arrive once the server has built the document.
  local published = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  if not published then
    fail('no diagnostics within 30 s')
    return
  end
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    -- 0.7 keeps the LSP code under user_data.lsp; later versions also copy it to `code`.
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(result.diagnostics, { code = code, message = d.message, lnum = d.lnum, col = d.col, severity = d.severity })
  end
  local expected_message = locale == 'it'
    and 'Totale dichiarato della linea 3.4: € 12.000,00; la somma delle parti è € 10.000,00 (differenza € 2.000,00).'
    or 'Declared total of line 3.4 is € 12.000,00, but its parts add up to € 10.000,00 (difference € 2.000,00).'
  if #result.diagnostics ~= 1 then
    fail('expected 1 diagnostic, got ' .. #result.diagnostics)
  else
    local d = result.diagnostics[1]
    if d.code ~= 'total-mismatch' then fail('expected code total-mismatch, got ' .. tostring(d.code)) end
    if d.message ~= expected_message then fail('unexpected message: ' .. d.message) end
    if d.severity ~= vim.diagnostic.severity.ERROR then fail('expected an error, got severity ' .. tostring(d.severity)) end
    if d.lnum ~= 4 then fail('expected the diagnostic on line 5, got ' .. (d.lnum + 1)) end
  end

  local uri = vim.uri_from_bufnr(buf)
  -- Hover on the line's code `3.4` (0-based line 2, character 7).
  local hovers = vim.lsp.buf_request_sync(buf, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = 2, character = 7 } }, 10000)
  for _, response in pairs(hovers or {}) do
    if response.result and response.result.contents then
      result.hover = response.result.contents.value or response.result.contents
    end
  end
  if type(result.hover) ~= 'string' or not result.hover:find('3.4', 1, true) then
    fail('no hover on the line: ' .. vim.inspect(hovers))
  end

  local formatted = vim.lsp.buf_request_sync(buf, 'textDocument/formatting', { textDocument = { uri = uri }, options = { tabSize = 4, insertSpaces = true } }, 10000)
  for _, response in pairs(formatted or {}) do
    if response.result then
      vim.lsp.util.apply_text_edits(response.result, buf, 'utf-16')
    end
  end
  result.formatted = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  if result.formatted[4] ~= '    voce "Arredi" € 10.000,00' then
    fail('the item is not indented after formatting: ' .. vim.inspect(result.formatted))
  end
end

local ok, err = pcall(run)
if not ok then
  fail('error: ' .. tostring(err))
end
finish()
