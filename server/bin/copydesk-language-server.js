#!/usr/bin/env node
'use strict';
// The Copydesk language server for any LSP client (Neovim, Helix, Zed, Sublime Text): the same bundle
// VS Code runs. Editors start it with no arguments, so stdio is the default transport.
const transports = ['--stdio', '--node-ipc'];
if (!process.argv.slice(2).some((argument) => transports.includes(argument) || argument.startsWith('--socket=') || argument.startsWith('--pipe='))) {
  process.argv.push('--stdio');
}
require('../out/server.js');
