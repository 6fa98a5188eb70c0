/**
 * Quick-fixes through the real server: for every diagnostic of the seed article and of drafts with every
 * kind of fix, every action the server offers passes the same checks as the property tests (it edits
 * exactly what its title says), and once the draft changes, the old diagnostics get no edits at all.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkAction } from '../../server/src/lsp/quick-fix-properties';
import { Documents } from './drafts';
import { startTestServer, type TestServer } from './lsp-client';

let server: TestServer;
let drafts: Documents;

beforeAll(async () => {
  const workspace = mkdtempSync(join(tmpdir(), 'copydesk-fixes-'));
  server = await startTestServer(workspace);
  drafts = new Documents(server, workspace);
});

afterAll(async () => {
  await server?.stop();
});

const actionsFor = (uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> =>
  server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });

const DRAFTS: Array<[string, string, 'markdown' | 'plaintext' | 'newsdraft']> = [
  ['seed-article.md', readFileSync(join(__dirname, '..', '..', 'test-fixtures', 'seed-article.md'), 'utf8'), 'markdown'],
  ['crlf.txt', 'The dictator claimed the vote was fair.\r\nCritics say the regime is isolated.\r\nNorth Korea fired around 100 missiles\r\n', 'plaintext'],
  ['desk.news', '  He touched down in the pariah state 😀 on Tuesday, reportedly.\n\nThe minister slammed the report.\n', 'newsdraft'],
];

describe('every quick-fix the server offers', () => {
  it.each(DRAFTS)('edits exactly what its title says, and nothing once the draft changed (%s)', async (name, text, format) => {
    const { uri, version } = await drafts.open(name, text, format);
    const { diagnostics } = await server.diagnostics(uri, (params) => params.version === version);
    expect(diagnostics.length).toBeGreaterThan(2);
    const document = TextDocument.create(uri, format, version, text);
    const problems: string[] = [];
    let checked = 0;
    for (const diagnostic of diagnostics) {
      for (const action of await actionsFor(uri, diagnostic)) {
        // Over JSON-RPC the action names a copy of the diagnostic, equal but not the same object.
        problems.push(...checkAction(document, diagnostic, { ...action, diagnostics: action.diagnostics?.length === 1 && JSON.stringify(action.diagnostics[0]) === JSON.stringify(diagnostic) ? [diagnostic] : action.diagnostics }, format));
        checked++;
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(diagnostics.length);
    await drafts.change(uri, `${text}\nOne more line.\n`);
    for (const diagnostic of diagnostics) expect(await actionsFor(uri, diagnostic)).toEqual([]);
  });
});
