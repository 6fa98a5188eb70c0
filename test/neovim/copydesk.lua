-- Copydesk in Neovim 0.7 or later, with no plugin: source-attribution diagnostics for news drafts.
-- This file is the setup the README gives; test/neovim/neovim.test.ts runs it as written.
-- (Neovim 0.7, Debian bookworm's, has no vim.lsp.start, so this uses start_client + buf_attach_client.)

-- How to start the server: copydesk-language-server on PATH, or
-- { 'node', '/path/to/copydesk/server/bin/copydesk-language-server.js' }.
local cmd = { 'copydesk-language-server' }

-- Neovim's filetypes for drafts, and the language id Copydesk expects for each.
local language_ids = { markdown = 'markdown', text = 'plaintext', newsdraft = 'newsdraft' }

-- Editor settings, over the project's .copydesk.yml: severity or 'off' per rule id, e.g.
-- rules = { ['scare-quotes'] = 'off', ['loaded-term'] = 'error' }.
local settings = { copydesk = { rules = {} } }

-- Neovim 0.7 answers workspace/configuration but does not say so; without this the server never asks
-- for the settings above.
local capabilities = vim.tbl_deep_extend('force', vim.lsp.protocol.make_client_capabilities(), { workspace = { configuration = true } })

-- One server per project: the folder holding .git, else the nearest .copydesk.yml, else the draft's
-- folder. The server looks for .copydesk.yml no higher than this root, so it must not be too low.
local function project_root(path)
  local folder = vim.fn.fnamemodify(path, ':p:h')
  for _, marker in ipairs({ '.git', '.copydesk.yml' }) do
    -- A marker may be a folder or a file (.git is a file in worktrees and submodules).
    local found = vim.fn.finddir(marker, folder .. ';')
    if found == '' then found = vim.fn.findfile(marker, folder .. ';') end
    if found ~= '' then return vim.fn.fnamemodify(vim.fn.fnamemodify(found, ':p'):gsub('/$', ''), ':h') end
  end
  return folder
end

local clients = {} -- project root -> client id

vim.api.nvim_create_autocmd({ 'BufNewFile', 'BufRead' }, { pattern = '*.news', command = 'setfiletype newsdraft' })

vim.api.nvim_create_autocmd('FileType', {
  pattern = vim.tbl_keys(language_ids),
  callback = function(args)
    local path = vim.api.nvim_buf_get_name(args.buf)
    if path == '' then return end
    local root = project_root(path)
    if not clients[root] or vim.lsp.get_client_by_id(clients[root]) == nil then
      clients[root] = vim.lsp.start_client({
        name = 'copydesk',
        cmd = cmd,
        root_dir = root,
        settings = settings,
        capabilities = capabilities,
        get_language_id = function(_, filetype) return language_ids[filetype] or filetype end,
      })
    end
    -- nil when the command could not be started; Neovim has already said why.
    if clients[root] then vim.lsp.buf_attach_client(args.buf, clients[root]) end
  end,
})
