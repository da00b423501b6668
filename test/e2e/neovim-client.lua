-- Drives the thidua language server from headless Neovim 0.7 (vim.lsp.start_client + buf_attach_client)
-- and writes what it received as JSON. Paths come from the environment.
local OUT, ROOT, FILE, NODE, SERVER = vim.env.THIDUA_OUT, vim.env.THIDUA_ROOT, vim.env.THIDUA_FILE, vim.env.THIDUA_NODE, vim.env.THIDUA_SERVER
local results = { published = {} }

local function save()
  local f = io.open(OUT, 'w')
  f:write(vim.fn.json_encode(results))
  f:close()
end

-- Position (UTF-16, as LSP counts) of the first occurrence of `needle` in the buffer.
local function position_of(buf, needle, delta)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local s = string.find(line, needle, 1, true)
    if s then
      local _, u16 = vim.str_utfindex(line, s - 1)
      return { line = i - 1, character = u16 + (delta or 0) }
    end
  end
end

local function run()
  local client_id = vim.lsp.start_client({
    name = 'thidua',
    cmd = { NODE, SERVER, '--stdio' },
    root_dir = ROOT,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(_, result)
        if result.uri:match('003%-chi%-thi') then table.insert(results.published, result.diagnostics) end
      end,
    },
  })
  vim.cmd('edit ' .. FILE)
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)
  results.first_ok = vim.wait(30000, function() return #results.published >= 1 end, 50)
  results.first = results.published[#results.published]

  local count = #results.published
  local added = 'Phòng Nội vụ chỉ trì việc kiểm tra, chi tieu'
  vim.api.nvim_buf_set_lines(buf, 12, 12, false, { added })
  results.second_ok = vim.wait(30000, function()
    if #results.published <= count then return false end
    for _, d in ipairs(results.published[#results.published]) do
      if d.range.start.line == 12 then return true end
    end
    return false
  end, 50)
  results.second = results.published[#results.published]

  local client = vim.lsp.get_client_by_id(client_id)
  local uri = vim.uri_from_bufnr(buf)
  local at_citation = position_of(buf, '34-CT/TW', 2)
  local hover = client.request_sync('textDocument/hover', { textDocument = { uri = uri }, position = at_citation }, 10000, buf)
  results.hover = hover and hover.result
  local _, end16 = vim.str_utfindex(added, #added)
  local completion = client.request_sync('textDocument/completion', { textDocument = { uri = uri }, position = { line = 12, character = end16 } }, 10000, buf)
  results.completion = completion and completion.result
  local definition = client.request_sync('textDocument/definition', { textDocument = { uri = uri }, position = at_citation }, 10000, buf)
  results.definition = definition and definition.result
  vim.lsp.stop_client(client_id)
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local ok, err = pcall(run)
    if not ok then results.error = tostring(err) end
    save()
    vim.cmd('qa!')
  end,
})
