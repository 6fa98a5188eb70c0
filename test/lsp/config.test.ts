/**
 * A hand-edited `.copydesk.yml` with several mistakes: each is a diagnostic on the config file at its
 * own place, the draft is linted with the entries that were valid, and fixing the file clears them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Documents } from './drafts';
import { messageText, startTestServer, type TestServer } from './lsp-client';

let server: TestServer;
let workspace: string;

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'copydesk-config-'));
  writeFileSync(join(workspace, '.copydesk.yml'), ['rules:', '  loaded-term: off', '  loaded-terms: error', '  editorializing: loud', 'allow: regime', 'sources: [Copydesk Herald]', 'sources: [Other]', 'colour: blue', ''].join('\n'));
  server = await startTestServer(workspace);
});

afterAll(async () => {
  await server?.stop();
});

describe('a broken project config', () => {
  it('reports each mistake where it is, and the draft gets the valid entries', async () => {
    const drafts = new Documents(server, workspace);
    const { uri, version } = await drafts.open('draft.md', 'The dictator said more than 300 people attended, Copydesk Herald reported.\n');
    const draft = await server.diagnostics(uri, (params) => params.version === version);
    // loaded-term is off and Copydesk Herald is a source: nothing to flag.
    expect(draft.diagnostics).toEqual([]);
    const config = await server.diagnostics(`file://${join(workspace, '.copydesk.yml')}`);
    expect(config.diagnostics.map((diagnostic) => [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.character, diagnostic.severity, messageText(diagnostic).split(/[;:]/)[0]])).toEqual([
      [2, 2, 14, 1, 'Unknown rule "loaded-terms" (did you mean "loaded-term"?)'],
      [3, 18, 22, 1, 'Rule "editorializing"'],
      [4, 7, 13, 1, '"allow" must be a list of words or phrases. Copydesk uses its defaults in place of this entry.'],
      [6, 0, 7, 1, 'Duplicate key "sources"'],
      [7, 0, 6, 1, 'Unknown key "colour"'],
    ]);
    expect(config.diagnostics.every((diagnostic) => diagnostic.code === 'copydesk-config')).toBe(true);
    expect(config.diagnostics[0].message).toMatch(/Copydesk uses its defaults in place of this entry\.$/);
    expect(config.diagnostics[3].message).toBe('Duplicate key "sources": only its first occurrence is used.');
  });
});
