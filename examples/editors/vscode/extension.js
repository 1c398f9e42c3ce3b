// A minimal VS Code extension that runs `dueregard lsp` for Markdown and
// plain-text documents. Settings under "dueregard" (rulePack, docBaseUrl)
// are sent at start and again whenever they change.
const { workspace } = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate() {
  const config = workspace.getConfiguration('dueregard');
  const server = { command: config.get('path') || 'dueregard', args: ['lsp'], transport: TransportKind.stdio };
  client = new LanguageClient('dueregard', 'dueregard', server, {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
    ],
    initializationOptions: {
      rulePack: config.get('rulePack') || '',
      docBaseUrl: config.get('docBaseUrl') || '',
    },
    synchronize: { configurationSection: 'dueregard' },
  });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
