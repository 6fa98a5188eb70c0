// extensionTestsPath of the web suite: the web-worker extension host fetches this file and calls run(). Its
// require() knows only 'vscode' (no Node, no mocha), so it carries its own small runner and asserts. It checks that
// the installed Copydesk really runs in this host, then diagnostics, hover, a quick-fix and a project
// .copydesk.yml, all through the public API. Every wait is a bounded poll, never a fixed sleep.
const vscode = require('vscode');
// helpers.js, put in front of this file by run.mjs.
// eslint-disable-next-line no-undef
const { waitFor, SEVERITY, codeOf, copydesk, byPosition, summary, quickFix } = e2eHelpers;

const tests = [];
const test = (name, fn) => tests.push({ name, fn });
const log = (line) => console.log(`[web suite] ${line}`);
function ok(value, message) {
  if (!value) throw new Error(`assertion failed: ${message}`);
}
function same(actual, expected, message) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${message}:\n  actual   ${a}\n  expected ${e}`);
}

let folder;
let seed;
let expected;

test('Copydesk runs in the web-worker extension host, not the Node one', async () => {
  folder = vscode.workspace.workspaceFolders[0].uri;
  seed = vscode.Uri.joinPath(folder, 'seed-article.md');
  const host = vscode.extensions.getExtension('copydesk-test.copydesk-e2e-web-host');
  expected = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(host.extensionUri, 'seed-article.md.expected.json'))));
  // This suite is in a web worker: no Node process object, a worker global scope.
  ok(typeof process === 'undefined' || !(process.versions && process.versions.node), 'the suite runs without Node');
  ok(typeof WorkerGlobalScope !== 'undefined', 'the suite runs in a web worker');
  const extension = vscode.extensions.getExtension('copydesk.copydesk');
  ok(extension, 'the Copydesk extension is installed');
  // Activating it, and reaching its exports, works only from its own extension host: Copydesk runs in this one.
  const client = await extension.activate();
  ok(client && typeof client.sendRequest === 'function' && extension.exports === client, 'Copydesk\u2019s client is in this (web worker) host');
  same(extension.extensionKind, vscode.ExtensionKind.UI, 'the web worker host is the local (UI) side');
  ok(extension.packageJSON.browser === './client/out/browser-extension.js', 'the manifest has the browser entry');
  log(`VS Code ${vscode.version}; Copydesk ${extension.packageJSON.version} from ${extension.extensionUri.toString()}`);
});

test('the seed article gets the expected diagnostics', async () => {
  const document = await vscode.workspace.openTextDocument(seed);
  await vscode.window.showTextDocument(document);
  const diagnostics = await waitFor('diagnostics on the seed article', () => copydesk(seed).length === expected.length && copydesk(seed));
  const want = expected.map((f) => [f.ruleId, f.line - 1, f.column - 1, f.endLine - 1, f.endColumn - 1, SEVERITY[f.severity]]).sort(byPosition);
  same(summary(diagnostics), want, 'the seed article findings');
});

test('hover on a finding explains it and offers a better sentence', async () => {
  const pariah = copydesk(seed).find((d) => codeOf(d) === 'loaded-term' && d.range.start.line === 6);
  ok(pariah, 'the "pariah state" finding');
  const text = await waitFor('a hover', async () => {
    const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', seed, pariah.range.start.translate(0, 2))) || [];
    const all = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    return all.includes('loaded-term') && all;
  });
  ok(/\*Better:\* .*isolated country/.test(text), `the hover offers a better sentence: ${text}`);
});

test('a project .copydesk.yml, read through the client, takes effect and is withdrawn', async () => {
  const config = vscode.Uri.joinPath(folder, '.copydesk.yml');
  await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('allow:\n  - masterminds\n'));
  try {
    await waitFor('"masterminds" to be allowed', () => copydesk(seed).length === expected.length - 1 && !copydesk(seed).some((d) => codeOf(d) === 'loaded-term' && d.range.start.line === 4 && d.range.start.character === 88));
  } finally {
    await vscode.workspace.fs.delete(config);
  }
  await waitFor('the finding to come back', () => copydesk(seed).length === expected.length);
});

test('a loaded-term quick-fix applies and its diagnostic disappears', async () => {
  const document = await vscode.workspace.openTextDocument(seed);
  const pariah = copydesk(seed).find((d) => document.getText(d.range) === 'pariah state');
  ok(pariah, 'the seed article has a "pariah state" finding');
  const fix = await quickFix(seed, pariah.range, (title) => title === 'Replace "pariah state" with "isolated country"');
  ok(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
  ok(document.lineAt(6).text.includes('the isolated country'), document.lineAt(6).text);
  await waitFor('the loaded-term diagnostic to go', () => copydesk(seed).length === expected.length - 1);
  // Leave the draft as it was, open, for the screenshot.
  const undo = new vscode.WorkspaceEdit();
  const at = document.getText().indexOf('the isolated country') + 4;
  undo.replace(seed, new vscode.Range(document.positionAt(at), document.positionAt(at + 'isolated country'.length)), 'pariah state');
  ok(await vscode.workspace.applyEdit(undo), 'the edit is undone');
  await document.save();
  await waitFor('the restored article to be linted again', () => copydesk(seed).length === expected.length);
});

// With --web-screenshot the runner leaves a `take-screenshot` file beside this suite: once every test has passed,
// the draft is shown with its findings and Problems, the runner is asked (through the log) to take the picture, and
// says so with `screenshot-taken`. Not a test: without the flag nothing happens, and nothing is counted.
async function pictureForReadme() {
  const host = vscode.extensions.getExtension('copydesk-test.copydesk-e2e-web-host').extensionUri;
  const exists = (name) => vscode.workspace.fs.stat(vscode.Uri.joinPath(host, name)).then(() => true, () => false);
  if (!(await exists('take-screenshot'))) return;
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(seed));
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  await waitFor('the findings to be shown', () => copydesk(seed).length === expected.length);
  log('ready for the screenshot');
  await waitFor('the runner to take the screenshot', () => exists('screenshot-taken'), 30000, 250);
}

exports.run = async function run() {
  let passing = 0;
  const failed = [];
  for (const { name, fn } of tests) {
    try {
      await fn();
      passing++;
      log(`  ok ${name}`);
    } catch (error) {
      failed.push(name);
      log(`  FAILED ${name}: ${(error && error.stack) || error}`);
    }
  }
  log(`${passing} passing`);
  if (failed.length > 0) {
    log(`${failed.length} failing`);
    throw new Error(`${failed.length} web test(s) failed: ${failed.join('; ')}`);
  }
  await pictureForReadme();
};
