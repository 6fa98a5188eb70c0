import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { lint } from '../../server/src/core/index';
import { SERVER_PATH, startTestServer, type TestServer } from './lsp-client';
import { SERVER_COMMANDS, SOURCING_REPORT_REQUEST, STATS_REQUEST } from '../../server/src/lsp/protocol';

const fixture = join(__dirname, '..', '..', 'test-fixtures', 'seed-article.md');
let workspace: string;
let server: TestServer;
let version = 1;

/** Applies LSP text edits to a string (edits do not overlap). */
function applyEdits(text: string, edits: TextEdit[]): string {
  const offsetOf = (line: number, character: number): number => {
    let offset = 0;
    for (let current = 0; current < line; current++) offset = text.indexOf('\n', offset) + 1;
    return offset + character;
  };
  return [...edits]
    .sort((a, b) => offsetOf(b.range.start.line, b.range.start.character) - offsetOf(a.range.start.line, a.range.start.character))
    .reduce((result, edit) => result.slice(0, offsetOf(edit.range.start.line, edit.range.start.character)) + edit.newText + result.slice(offsetOf(edit.range.end.line, edit.range.end.character)), text);
}

async function open(name: string, text: string, languageId = 'markdown'): Promise<string> {
  const uri = `file://${join(workspace, name)}`;
  writeFileSync(join(workspace, name), text);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: ++version, text } });
  return uri;
}

async function change(uri: string, text: string): Promise<number> {
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
  return version;
}

const actionsFor = (uri: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> =>
  server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only } });

beforeAll(async () => {
  expect(existsSync(SERVER_PATH), 'npm run build writes server/out/server.js').toBe(true);
  workspace = mkdtempSync(join(tmpdir(), 'copydesk-lsp-'));
  server = await startTestServer(workspace);
});

afterAll(async () => {
  await server?.stop();
});

describe('language server over stdio', () => {
  it('publishes the engine\'s findings for the seed article, with rule codes, doc links and exact ranges', async () => {
    copyFileSync(fixture, join(workspace, 'seed-article.md'));
    const text = (await import('node:fs')).readFileSync(fixture, 'utf8');
    const uri = await open('seed-article.md', text);
    const { diagnostics } = await server.diagnostics(uri, (params) => params.diagnostics.length > 0);
    const expected = lint(text, { format: 'markdown' });
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range])).toEqual(expected.map((finding) => [finding.ruleId, { start: finding.start, end: finding.end }]));
    expect(diagnostics.every((diagnostic) => diagnostic.source === 'copydesk' && diagnostic.codeDescription?.href.endsWith(`${diagnostic.code}.md`))).toBe(true);
  });

  it('a loaded-term quick-fix applies and the re-lint clears that diagnostic', async () => {
    const text = 'He touched down in the pariah state on Tuesday.\n';
    const uri = await open('fix.md', text);
    const { diagnostics } = await server.diagnostics(uri, (params) => params.diagnostics.some((d) => d.code === 'loaded-term'));
    const pariah = diagnostics.find((diagnostic) => diagnostic.code === 'loaded-term')!;
    const actions = await actionsFor(uri, pariah);
    const replace = actions.find((action) => action.title === 'Replace "pariah state" with "isolated country"');
    expect(replace?.isPreferred).toBe(true);
    const fixed = applyEdits(text, replace!.edit!.changes![uri]);
    expect(fixed).toBe('He touched down in the isolated country on Tuesday.\n');
    const fixedVersion = await change(uri, fixed);
    const after = await server.diagnostics(uri, (params) => params.version === fixedVersion);
    expect(after.diagnostics.filter((diagnostic) => diagnostic.code === 'loaded-term')).toEqual([]);
  });

  it('refuses to edit when the document changed since the diagnostic', async () => {
    const text = 'He touched down in the pariah state on Tuesday.\n';
    const uri = await open('stale.md', text);
    const { diagnostics } = await server.diagnostics(uri, (params) => params.diagnostics.some((d) => d.code === 'loaded-term'));
    const stale = diagnostics.find((diagnostic) => diagnostic.code === 'loaded-term')!;
    await change(uri, 'Rewritten entirely: the talks ended.\n');
    expect(await actionsFor(uri, stale)).toEqual([]);
  });

  it('"Add attribution" inserts the TK form, which unfilled-placeholder then flags', async () => {
    const text = 'Since 2022, North Korea has test-fired around 100 missiles.\n';
    const uri = await open('attribution.md', text);
    const { diagnostics } = await server.diagnostics(uri, (params) => params.diagnostics.some((d) => d.code === 'uncited-figure'));
    const actions = await actionsFor(uri, diagnostics.find((diagnostic) => diagnostic.code === 'uncited-figure')!);
    const add = actions.find((action) => action.title.startsWith('Add attribution'))!;
    const fixed = applyEdits(text, add.edit!.changes![uri]);
    expect(fixed).toBe('Since 2022, North Korea has test-fired around 100 missiles, according to TK.\n');
    const fixedVersion = await change(uri, fixed);
    const after = await server.diagnostics(uri, (params) => params.version === fixedVersion);
    expect(after.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['unfilled-placeholder']);
  });

  it('fix-all replaces only loaded verbs with their single safe replacement', async () => {
    const text = 'The dictator claimed the vote was fair.\n';
    const uri = await open('fixall.md', text);
    const { diagnostics } = await server.diagnostics(uri, (params) => params.diagnostics.length >= 2);
    const actions = await actionsFor(uri, diagnostics[0], ['source.fixAll']);
    const fixAll = actions.find((action) => action.kind === 'source.fixAll.copydesk')!;
    expect(applyEdits(text, fixAll.edit!.changes![uri])).toBe('The dictator said the vote was fair.\n');
  });

  it('hover explains the finding and offers a better sentence', async () => {
    const text = 'He touched down in the pariah state on Tuesday.\n';
    const uri = await open('hover.md', text);
    await server.diagnostics(uri, (params) => params.diagnostics.length > 0);
    const hover: Hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 26 } });
    const value = (hover.contents as { value: string }).value;
    expect(value).toContain('loaded-term');
    expect(value).toContain('*Better:* He touched down in the isolated country on Tuesday.');
    expect(value).toContain('docs/rules/loaded-term.md');
  });

  it('a setting change turns a rule off without a restart', async () => {
    const uri = await open('settings.md', 'The dictator spoke on Tuesday.\n');
    await server.diagnostics(uri, (params) => params.diagnostics.some((d) => d.code === 'loaded-term'));
    server.settings = { rules: { 'loaded-term': 'off' } };
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const after = await server.diagnostics(uri, (params) => !params.diagnostics.some((d) => d.code === 'loaded-term'));
    expect(after.diagnostics).toEqual([]);
    server.settings = {};
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await server.diagnostics(uri, (params) => params.diagnostics.some((d) => d.code === 'loaded-term'));
  });

  it('a broken .copydesk.yml yields a diagnostic on that file, and the server stays up', async () => {
    const configPath = join(workspace, '.copydesk.yml');
    writeFileSync(configPath, 'rules:\n  loaded-term: [off\n');
    const configUri = `file://${configPath}`;
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    const { diagnostics } = await server.diagnostics(configUri, (params) => params.diagnostics.length > 0);
    expect(diagnostics[0].message).toMatch(/YAML syntax error/);
    expect(diagnostics[0].range.start.line).toBeGreaterThanOrEqual(1);
    const uri = await open('after-config.md', 'The dictator spoke.\n');
    const after = await server.diagnostics(uri, (params) => params.diagnostics.length > 0);
    expect(after.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['loaded-term']);
    writeFileSync(configPath, 'rules:\n  loaded-term: information\n');
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    const cleared = await server.diagnostics(configUri, (params) => params.diagnostics.length === 0);
    expect(cleared.diagnostics).toEqual([]);
    const relinted = await server.diagnostics(uri, (params) => params.diagnostics.some((d) => d.severity === 3));
    expect(relinted.diagnostics[0].code).toBe('loaded-term');
  });

  it('an edit to one paragraph of a long draft re-analyses only that paragraph', async () => {
    const paragraphs = Array.from({ length: 200 }, (_, index) => `Paragraph ${index} reports that the council met on day ${index + 1}, its chair said.`);
    const uri = await open('long.md', paragraphs.join('\n\n'));
    await server.diagnostics(uri);
    const before: { paragraphsAnalysed: number } = await server.connection.sendRequest(STATS_REQUEST);
    paragraphs[120] = 'Paragraph 120 now says the dictator arrived.';
    const edited = await change(uri, paragraphs.join('\n\n'));
    await server.diagnostics(uri, (params) => params.version === edited);
    const after: { paragraphsAnalysed: number } = await server.connection.sendRequest(STATS_REQUEST);
    expect(after.paragraphsAnalysed - before.paragraphsAnalysed).toBe(1);
  });

  it('"Allow TERM in this project" edits .copydesk.yml, keeping its other content and comments', async () => {
    writeFileSync(join(workspace, '.copydesk.yml'), '# house rules\nrules:\n  loaded-term: information # softer\n');
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${join(workspace, '.copydesk.yml')}`, type: 2 }] });
    const uri = await open('allow.md', 'The strongman spoke.\n');
    const { diagnostics } = await server.diagnostics(uri, (params) => params.diagnostics.some((d) => d.code === 'loaded-term'));
    const actions = await actionsFor(uri, diagnostics.find((diagnostic) => diagnostic.code === 'loaded-term')!);
    const allow = actions.find((action) => action.title === 'Allow "strongman" in this project')!;
    const [change] = allow.edit!.documentChanges! as Array<{ textDocument: { uri: string; version: number | null }; edits: Array<{ newText: string }> }>;
    expect(change.textDocument).toEqual({ uri: `file://${join(workspace, '.copydesk.yml')}`, version: null });
    expect(change.edits[0].newText).toBe('# house rules\nrules:\n  loaded-term: information # softer\nallow:\n  - strongman\n');
  });

  it('"Allow TERM in this project" on an open .copydesk.yml edits its unsaved text, at its version; the config is not linted', async () => {
    const configPath = join(workspace, '.copydesk.yml');
    writeFileSync(configPath, 'rules:\n  loaded-term: warning\n');
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${configPath}`, type: 2 }] });
    // The editor has the config open with a line not yet saved.
    const configUri = `file://${configPath}`;
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: configUri, languageId: 'yaml', version: 7, text: 'rules:\n  loaded-term: warning\n# unsaved: ask the desk before adding more\n' } });
    const uri = await open('allow-open.md', 'The strongman spoke.\n');
    const { diagnostics } = await server.diagnostics(uri, (params) => params.diagnostics.some((d) => d.code === 'loaded-term'));
    const actions = await actionsFor(uri, diagnostics.find((diagnostic) => diagnostic.code === 'loaded-term')!);
    const allow = actions.find((action) => action.title === 'Allow "strongman" in this project')!;
    const [change] = allow.edit!.documentChanges! as Array<{ textDocument: { uri: string; version: number | null }; edits: Array<{ newText: string }> }>;
    expect(change.textDocument).toEqual({ uri: configUri, version: 7 });
    // The unsaved comment is kept (the YAML writer puts a document's closing comment after its last entry).
    expect(change.edits[0].newText).toBe('rules:\n  loaded-term: warning\nallow:\n  - strongman\n\n# unsaved: ask the desk before adding more\n');
    expect(server.published.filter((params) => params.uri === configUri && params.diagnostics.length === 0 && params.version !== undefined)).toEqual([]);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: configUri } });
  });

  it('the sourcing report lists each source with what it carries, vague attributions, uncited figures and unattributed quotes', async () => {
    const text = (await import('node:fs')).readFileSync(fixture, 'utf8');
    const uri = await open('report.md', text);
    await server.diagnostics(uri, (params) => params.diagnostics.length > 0);
    const report: string = await server.connection.sendRequest(SOURCING_REPORT_REQUEST, { uri });
    expect(report).toContain('# Sourcing report: report.md');
    expect(report).toContain('10 named, 0 anonymous, 1 vague attributions.');
    expect(report).toMatch(/- \*\*Kim Jong-un\*\* \(named; 3 claims: 1 quoted, 2 reported; also “he”, “Kim”\)\n {2}- \[line 11\]\(file:.*#L11\), maintains: the armistice was a victory/);
    expect(report).toMatch(/- \*\*Shoigu’s ministry\*\* \(organisation; 1 claim: 1 quoted, 0 reported\)\n {2}- \[line 19\]\(file:.*#L19\), said: the delegation’s visit will help strengthen relations/);
    expect(report).toMatch(/- \*\*Korean Central News Agency\*\* \(organisation; 1 claim/);
    expect(report).toMatch(/## Vague attributions\n\n- \[line 5\].*“footage has shown” \(unattributed-claim\)/);
    expect(report).toMatch(/## Uncited figures\n\n- \[line 11\].*“killed nearly five million people”/);
    expect(report).toContain('## Unattributed quotes\n\nNone found.');
  });

  it('"Check All Drafts" lints drafts that are not open and reports the count', async () => {
    writeFileSync(join(workspace, 'closed.news'), 'The dictator spoke.\n');
    const result: { files: number; findings: number } = await server.connection.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.checkWorkspace, arguments: [] });
    expect(result.files).toBeGreaterThanOrEqual(1);
    const closed = await server.diagnostics(`file://${join(workspace, 'closed.news')}`);
    expect(closed.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['loaded-term']);
  });
});

describe('a client that cannot be asked for settings (no workspace/configuration)', () => {
  it('applies the settings it pushes in initializationOptions and in didChangeConfiguration', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'copydesk-lsp-pushed-'));
    const pushed = await startTestServer(folder, { askConfiguration: false, initializationOptions: { copydesk: { rules: { 'loaded-term': 'off' } } } });
    try {
      const uri = `file://${join(folder, 'pushed.md')}`;
      await pushed.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'The dictator claimed that the vote was fair.\n' } });
      const first = await pushed.diagnostics(uri, (params) => params.diagnostics.length > 0);
      expect(first.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['loaded-verb']);
      await pushed.connection.sendNotification('workspace/didChangeConfiguration', { settings: { copydesk: { rules: { 'loaded-verb': 'off' } } } });
      const second = await pushed.diagnostics(uri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'loaded-term'));
      expect(second.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['loaded-term']);
    } finally {
      await pushed.stop();
    }
  });
});
