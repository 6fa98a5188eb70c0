-- The headless Neovim test's init file (nvim --headless --clean -u harness.lua DRAFT).
-- It loads copydesk.lua (the README's setup, unchanged), lets Neovim open the draft given on the command
-- line, polls until the server's diagnostics arrive (bounded by COPYDESK_NVIM_WAIT_MS), writes what
-- Neovim holds to the JSON file COPYDESK_NVIM_RESULT names, and quits. Whatever goes wrong, it still
-- writes a result and quits, so that the test reads a reason instead of waiting on a hung editor.

local here = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
dofile(here .. 'copydesk.lua')

local result_path = assert(os.getenv('COPYDESK_NVIM_RESULT'), 'COPYDESK_NVIM_RESULT is not set')
local wait_ms = tonumber(os.getenv('COPYDESK_NVIM_WAIT_MS') or '20000')
local severity_names = { [1] = 'error', [2] = 'warning', [3] = 'information', [4] = 'hint' }

local function write_result(result)
  local file = assert(io.open(result_path, 'w'))
  file:write(vim.json.encode(result))
  file:close()
end

-- What Neovim shows for a buffer: each diagnostic with the text its range covers (Neovim keeps byte
-- columns, so the text proves the server's UTF-16 positions were placed on the right characters).
local function diagnostics_of(buf)
  local shown = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(buf)) do
    local lines = vim.api.nvim_buf_get_text(buf, diagnostic.lnum, diagnostic.col, diagnostic.end_lnum, diagnostic.end_col, {})
    table.insert(shown, {
      code = diagnostic.code,
      severity = severity_names[diagnostic.severity],
      source = diagnostic.source,
      message = diagnostic.message,
      lnum = diagnostic.lnum,
      col = diagnostic.col,
      end_lnum = diagnostic.end_lnum,
      end_col = diagnostic.end_col,
      text = table.concat(lines, '\n'),
    })
  end
  table.sort(shown, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return shown
end

local function run()
  local buf = vim.api.nvim_get_current_buf()
  local started = vim.loop.hrtime()
  -- Bounded polling: vim.wait runs Neovim's event loop (and so the LSP client) between checks.
  local arrived = vim.wait(wait_ms, function() return #vim.diagnostic.get(buf) > 0 end, 25)
  local clients = {}
  for _, client in pairs(vim.lsp.buf_get_clients(buf)) do
    table.insert(clients, client.name)
  end
  local version = vim.version()
  write_result({
    arrived = arrived,
    wait_ms = math.floor((vim.loop.hrtime() - started) / 1e6),
    nvim = string.format('%d.%d.%d', version.major, version.minor, version.patch),
    file = vim.api.nvim_buf_get_name(buf),
    filetype = vim.bo[buf].filetype,
    clients = clients,
    lsp_log = vim.lsp.get_log_path(),
    diagnostics = diagnostics_of(buf),
  })
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local ok, err = pcall(run)
    if not ok then write_result({ arrived = false, error = tostring(err), diagnostics = {} }) end
    vim.cmd('qall!')
  end,
})
