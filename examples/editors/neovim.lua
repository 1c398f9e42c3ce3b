-- dueregard's language server for Markdown and plain text in Neovim 0.11+.
-- Put this in your init.lua (or a file under plugin/); `dueregard` must be on
-- your PATH (cargo install --path core).
vim.lsp.config('dueregard', {
  cmd = { 'dueregard', 'lsp' },
  filetypes = { 'markdown', 'text' },
  root_markers = { '.git' },
  -- Sent at start; a relative rule pack is taken from the root folder.
  init_options = {
    rulePack = '',   -- e.g. 'rule-packs/our-trust.json'
    docBaseUrl = '', -- e.g. 'https://intranet.example.nhs.uk/dueregard/rules'
  },
  -- Sent as workspace/didChangeConfiguration; these win over init_options.
  settings = { dueregard = {} },
})
vim.lsp.enable('dueregard')

-- Quick fixes: `:lua vim.lsp.buf.code_action()` on a diagnostic (gra by default).
