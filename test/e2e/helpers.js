// What both extension-host suites use: bounded polling, the code-action retry, and the diagnostics summary. The
// desktop suite require()s it; the web-worker host's require() knows only 'vscode', so run.mjs puts this file's
// text in front of the web suite, where `module` is a stand-in and the suite reads `e2eHelpers`.
const vscode = require('vscode');

/** Polls `probe` (sync or async) every `step` ms until it returns something truthy; fails after `ms`. */
async function waitFor(what, probe, ms = 20000, step = 100) {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - start > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, step));
  }
}

const SEVERITY = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, information: vscode.DiagnosticSeverity.Information, hint: vscode.DiagnosticSeverity.Hint };
const codeOf = (diagnostic) => (typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);
const copydesk = (uri) => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'copydesk');
const byPosition = (a, b) => a[1] - b[1] || a[2] - b[2] || String(a[0]).localeCompare(String(b[0]));
const summary = (diagnostics) => diagnostics.map((d) => [codeOf(d), d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.severity]).sort(byPosition);

// VS Code cancels an in-flight code-action request whenever another provider registers (the built-in markdown
// extension starting, say), and the language client then answers with no actions: ask again until the fix is offered.
async function quickFix(uri, range, matches) {
  let last = [];
  return waitFor('a quick fix', async () => {
    try {
      last = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) || [];
    } catch (error) {
      if (!/Canceled/.test(String(error && error.message))) throw error;
    }
    return last.find((action) => matches(action.title));
  }, 20000, 250).catch((error) => { throw new Error(`${error.message}; last offered: ${JSON.stringify(last.map((a) => a.title))}`); });
}

module.exports = { waitFor, SEVERITY, codeOf, copydesk, byPosition, summary, quickFix };
