// The Copydesk extension in a real extension host: diagnostics, quick-fixes, hover, live settings, the newsdraft
// language and the commands, all through the public `vscode` API. Every wait is a bounded poll, never a fixed sleep.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { waitFor, SEVERITY, codeOf, copydesk, byPosition, summary, quickFix } = require('../helpers');

const repo = process.env.COPYDESK_E2E_REPO || path.join(__dirname, '..', '..', '..');
const expected = JSON.parse(fs.readFileSync(path.join(repo, 'test-fixtures', 'seed-article.md.expected.json'), 'utf8'));
// COPYDESK_E2E_BREAK=1 makes the first test expect a wrong rule code, to show that a failing assertion fails the run.
const BREAK = process.env.COPYDESK_E2E_BREAK === '1';

/** Process ids of the running Copydesk language servers (the bundled server.js the client starts). */
function serverProcesses() {
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let commandLine;
    try { commandLine = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0'); } catch { continue; }
    if (commandLine.some((part) => /copydesk[^/]*\/server\/out\/server\.js$/.test(part))) pids.push(Number(entry));
  }
  return pids;
}

suite('Copydesk in a real VS Code extension host', () => {
  let folder;
  let seed;

  suiteSetup(async () => {
    folder = vscode.workspace.workspaceFolders[0].uri;
    seed = vscode.Uri.joinPath(folder, 'seed-article.md');
    const extension = vscode.extensions.getExtension('copydesk.copydesk');
    assert.ok(extension, 'the Copydesk extension is installed');
    console.log(`[suite] VS Code ${vscode.version}; Copydesk ${extension.packageJSON.version} from ${extension.extensionPath}`);
    // The extension under test is the installed .vsix, not the source tree.
    assert.ok(!extension.extensionPath.startsWith(repo), `expected the installed .vsix, got ${extension.extensionPath}`);
  });

  test('the seed article gets the expected diagnostics: source, rule codes, ranges and severities', async () => {
    const document = await vscode.workspace.openTextDocument(seed);
    await vscode.window.showTextDocument(document);
    assert.strictEqual(document.languageId, 'markdown');
    const diagnostics = await waitFor('diagnostics on the seed article', () => copydesk(seed).length > 0 && copydesk(seed));
    assert.ok(vscode.languages.getDiagnostics(seed).every((d) => d.source === 'copydesk'), 'every diagnostic comes from copydesk');
    const want = expected.map((f, i) => [BREAK && i === 0 ? 'loaded-verb' : f.ruleId, f.line - 1, f.column - 1, f.endLine - 1, f.endColumn - 1, SEVERITY[f.severity]]).sort(byPosition);
    assert.deepStrictEqual(summary(diagnostics), want);
    for (const d of diagnostics) assert.ok(d.code.target.toString().endsWith(`${codeOf(d)}.md`), `rule page link for ${codeOf(d)}`);
  });

  test('hover on a finding explains it and offers a better sentence', async () => {
    const pariah = copydesk(seed).find((d) => codeOf(d) === 'loaded-term' && d.range.start.line === 6);
    const text = await waitFor('a hover', async () => {
      const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', seed, pariah.range.start.translate(0, 2))) || [];
      const all = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
      return all.includes('loaded-term') && all;
    });
    assert.match(text, /\*Better:\* .*isolated country/);
  });

  test('a loaded-term quick-fix applies and its diagnostic disappears', async () => {
    const document = await vscode.workspace.openTextDocument(seed);
    const pariah = copydesk(seed).find((d) => document.getText(d.range) === 'pariah state');
    assert.ok(pariah, 'the seed article has a "pariah state" finding');
    const fix = await quickFix(seed, pariah.range, (title) => title === 'Replace "pariah state" with "isolated country"');
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
    assert.ok(document.lineAt(6).text.includes('the isolated country'), document.lineAt(6).text);
    await waitFor('the loaded-term diagnostic to go', () => {
      const now = copydesk(seed);
      return now.length === expected.length - 1 && !now.some((d) => document.getText(d.range).includes('pariah'));
    });
  });

  test('"Add attribution" inserts ", according to TK", which is then flagged as a placeholder', async () => {
    const document = await vscode.workspace.openTextDocument(seed);
    const figure = copydesk(seed).find((d) => document.getText(d.range) === 'around 100 missiles');
    assert.ok(figure, 'the seed article has an uncited figure "around 100 missiles"');
    const line = figure.range.start.line;
    const fix = await quickFix(seed, figure.range, (title) => title.startsWith('Add attribution'));
    assert.strictEqual(fix.title, 'Add attribution (according to TK)');
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
    assert.match(document.lineAt(line).text, /guarantee of survival, according to TK\.$/);
    const after = await waitFor('the uncited-figure diagnostic to go', () => {
      const onLine = copydesk(seed).filter((d) => d.range.start.line === line).map(codeOf);
      return !onLine.includes('uncited-figure') && onLine;
    });
    assert.deepStrictEqual(after, ['unfilled-placeholder']);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('the reverted article to be linted again', () => copydesk(seed).length === expected.length);
  });

  test('copydesk.rules in the workspace settings turns loaded-term off, live', async () => {
    const loaded = expected.filter((f) => f.ruleId === 'loaded-term').length;
    const config = () => vscode.workspace.getConfiguration('copydesk', seed);
    await config().update('rules', { 'loaded-term': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('loaded-term to be off', () => copydesk(seed).length === expected.length - loaded && !copydesk(seed).some((d) => codeOf(d) === 'loaded-term'));
    } finally {
      await config().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('loaded-term to be back', () => copydesk(seed).length === expected.length);
  });

  test('the language server killed mid-lint is restarted; unsaved text and settings survive', async () => {
    const document = await vscode.workspace.openTextDocument(seed);
    await vscode.window.showTextDocument(document);
    const config = () => vscode.workspace.getConfiguration('copydesk', seed);
    const loaded = expected.filter((f) => f.ruleId === 'loaded-term').length;
    await config().update('rules', { 'loaded-term': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('loaded-term to be off', () => copydesk(seed).length === expected.length - loaded);
      const before = serverProcesses();
      assert.strictEqual(before.length, 1, `one Copydesk server runs (found ${JSON.stringify(before)})`);

      // An unsaved edit the server is linting at the moment it dies. Anything that saves or reverts the
      // seed while the server restarts would make the check below meaningless: record it to say so.
      const events = [];
      const watchers = [
        vscode.workspace.onDidSaveTextDocument((saved) => saved.uri.toString() === seed.toString() && events.push(`saved at version ${saved.version}`)),
        vscode.workspace.onDidChangeTextDocument((change) => change.document.uri.toString() === seed.toString() && events.push(`changed to version ${change.document.version} (dirty ${change.document.isDirty}, reason ${change.reason}, ${change.contentChanges.length} changes)`)),
      ];
      const edit = new vscode.WorkspaceEdit();
      edit.insert(seed, new vscode.Position(0, 0), 'Officials claimed the dictator was ill.\n\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      process.kill(before[0], 'SIGKILL');

      const after = await waitFor('a new server process', () => {
        const now = serverProcesses();
        return now.length === 1 && now[0] !== before[0] && now;
      });
      console.log(`[suite] server ${before[0]} killed; client started ${after[0]}`);
      // The new server lints the buffer as it is now, with the workspace setting still applied.
      const onNewLine = await waitFor('the restarted server to lint the unsaved line', () => {
        const codes = copydesk(seed).filter((d) => d.range.start.line === 0).map(codeOf);
        return codes.includes('loaded-verb') && codes;
      });
      assert.ok(!onNewLine.includes('loaded-term'), `"dictator" stays unflagged: loaded-term is still off (${onNewLine})`);
      watchers.forEach((watcher) => watcher.dispose());
      assert.ok(document.isDirty && document.lineAt(0).text === 'Officials claimed the dictator was ill.', `the unsaved text is intact (dirty ${document.isDirty}; events: ${events.join('; ')})`);
    } finally {
      await config().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      // Take the inserted line out by an edit to this document and save, rather than "Revert File": that
      // command acts on whichever editor is active, and the settings update just now can leave another one so.
      if (document.lineAt(0).text === 'Officials claimed the dictator was ill.') {
        const undo = new vscode.WorkspaceEdit();
        undo.delete(seed, new vscode.Range(0, 0, 2, 0));
        assert.ok(await vscode.workspace.applyEdit(undo), 'the inserted line is taken out again');
      }
      await document.save();
    }
    await waitFor('the restored article to be linted again', () => copydesk(seed).length === expected.length);
  });

  test('a .news file opens as newsdraft and is linted', async () => {
    const uri = vscode.Uri.joinPath(folder, 'briefing.news');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('// desk: check the spelling of names\nThe dictator spoke on Tuesday. [[call the embassy]]\n'));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.strictEqual(document.languageId, 'newsdraft');
    const diagnostics = await waitFor('diagnostics on the .news file', () => copydesk(uri).length > 0 && copydesk(uri));
    assert.deepStrictEqual(summary(diagnostics).map((d) => d.slice(0, 3)), [['loaded-term', 1, 4]]);
  });

  test('the three commands are registered and run', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['copydesk.restartServer', 'copydesk.checkWorkspace', 'copydesk.showSourcingReport']) assert.ok(commands.includes(id), `${id} is registered`);

    // Restart, then show that the new server lints an edit.
    await vscode.commands.executeCommand('copydesk.restartServer');
    const news = vscode.Uri.joinPath(folder, 'briefing.news');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(news, new vscode.Position(2, 0), 'The regime replied.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the restarted server to lint the edit', () => copydesk(news).some((d) => codeOf(d) === 'loaded-term' && d.range.start.line === 2));

    // Check all drafts: lints the drafts that are not open.
    const closed = vscode.Uri.joinPath(folder, 'notes', 'closed.md');
    await vscode.workspace.fs.writeFile(closed, Buffer.from('The strongman arrived on Tuesday.\n'));
    const result = await vscode.commands.executeCommand('copydesk.checkWorkspace');
    console.log(`[suite] copydesk.checkWorkspace -> ${JSON.stringify(result)}`);
    assert.deepStrictEqual(Object.keys(result).sort(), ['files', 'findings']);
    assert.ok(result.files >= 1 && result.findings >= 1, 'the closed draft was checked');
    await waitFor('diagnostics on the closed draft', () => copydesk(closed).some((d) => codeOf(d) === 'loaded-term'));

    // The sourcing report of the active draft.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(seed));
    const report = await vscode.commands.executeCommand('copydesk.showSourcingReport');
    assert.strictEqual(report.uri.scheme, 'copydesk-report');
    const text = report.getText();
    for (const heading of ['## Sources', '## Vague attributions', '## Uncited figures', '## Unattributed quotes']) assert.ok(text.includes(heading), `report has ${heading}`);
    assert.match(text, /\*\*Shoigu’s ministry\*\* \(organisation; 1 claim: 1 quoted, 0 reported\)/);
    assert.match(text, /\*\*Kim Jong-un\*\* \(named; 3 claims/);
  });
});
