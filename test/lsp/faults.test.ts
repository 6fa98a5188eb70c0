/**
 * Process faults at the language server: a draft changed or closed while it is being linted leaves no
 * stale diagnostics, and cancelled requests are honoured. The huge drafts here are linted on the worker
 * thread for seconds, so the change, close or cancel reliably lands while the lint runs; the tests then
 * wait for the worker to go idle (an event, not a sleep) and check what was published.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancellationTokenSource, DocumentDiagnosticRequest, type Diagnostic, type DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { bigDraft, Documents } from './drafts';
import { startTestServer, type TestServer } from './lsp-client';

const REQUEST_CANCELLED = -32800;
const SERVER_CANCELLED = -32802;

describe('a draft changed or closed while it is linted (push diagnostics)', () => {
  let server: TestServer;
  let drafts: Documents;
  beforeAll(async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'copydesk-faults-'));
    server = await startTestServer(workspace);
    drafts = new Documents(server, workspace);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('changed mid-lint: the final diagnostics are those of the latest text, and the old lint publishes nothing', async () => {
    const { uri, version } = await drafts.open('changed.md', bigDraft(1024 * 1024, 10));
    await drafts.backgroundBusy();
    const rewritten = await drafts.change(uri, 'The dictator spoke.\n');
    const latest = await server.diagnostics(uri, (params) => params.version === rewritten);
    expect(latest.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['loaded-term']);
    await drafts.settled();
    const forThisDraft = server.published.filter((params) => params.uri === uri);
    expect(forThisDraft.map((params) => params.version)).not.toContain(version);
    expect(forThisDraft.at(-1)?.version).toBe(rewritten);
  });

  it('closed mid-lint: nothing is published for it after the close', async () => {
    const { uri } = await drafts.open('closed.md', bigDraft(1024 * 1024, 11));
    await drafts.backgroundBusy();
    await drafts.close(uri);
    await drafts.settled();
    const forThisDraft = server.published.filter((params) => params.uri === uri);
    expect(forThisDraft.every((params) => params.diagnostics.length === 0)).toBe(true);
  });

  it('typing into a huge draft queues no backlog: versions typed while it lints are skipped, the latest is published', async () => {
    const text = bigDraft(1024 * 1024, 12);
    const { uri } = await drafts.open('typing.md', text);
    await drafts.backgroundBusy();
    const before = (await drafts.stats()).backgroundJobsDone;
    let last = 0;
    for (let keystroke = 1; keystroke <= 5; keystroke++) {
      last = await drafts.change(uri, `${text}\n\nThe dictator${'!'.repeat(keystroke)}`);
      // A hover asks for this version's lint at once (no debounce), as a user pausing to read would.
      void server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } });
    }
    const final = await server.diagnostics(uri, (params) => params.version === last, 120_000);
    expect(final.diagnostics.at(-1)?.code).toBe('copydesk-truncated');
    await drafts.settled();
    expect(server.published.filter((params) => params.uri === uri).map((params) => params.version)).toEqual([last]);
    // The lint running when typing began, then the latest version: the four in between never ran.
    expect((await drafts.stats()).backgroundJobsDone - before).toBe(2);
  }, 150_000);
});

describe('cancellation (pull diagnostics)', () => {
  let server: TestServer;
  let drafts: Documents;
  beforeAll(async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'copydesk-cancel-'));
    server = await startTestServer(workspace, { pull: true });
    drafts = new Documents(server, workspace);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const pull = (uri: string, token?: CancellationTokenSource): Promise<DocumentDiagnosticReport> =>
    server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }, token?.token);

  it('a pull cancelled by the client answers RequestCancelled, and the server goes on answering', async () => {
    const { uri } = await drafts.open('pulled.md', bigDraft(1024 * 1024, 20));
    const source = new CancellationTokenSource();
    const pending = pull(uri, source);
    source.cancel();
    await expect(pending).rejects.toMatchObject({ code: REQUEST_CANCELLED });
    const small = await drafts.open('small.md', 'The dictator spoke.\n');
    const report = await pull(small.uri);
    expect(report.kind === 'full' && report.items.map((diagnostic) => diagnostic.code)).toEqual(['loaded-term']);
  });

  it('a pull whose draft changes while it is linted answers ServerCancelled with retrigger, then the new text\'s findings', async () => {
    const { uri } = await drafts.open('moving.md', bigDraft(1024 * 1024, 21));
    const pending = pull(uri);
    await drafts.change(uri, 'Critics say the talks failed.\n');
    await expect(pending).rejects.toMatchObject({ code: SERVER_CANCELLED, data: { retriggerRequest: true } });
    const report = await pull(uri);
    expect(report.kind === 'full' && report.items.map((diagnostic) => diagnostic.code)).toEqual(['unattributed-claim']);
  });

  it('a code action (fix-all) cancelled by the client answers RequestCancelled', async () => {
    const { uri } = await drafts.open('fixing.md', `${bigDraft(1024 * 1024, 22)}\n\nThe minister claimed victory.`);
    const diagnostic: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x' };
    const source = new CancellationTokenSource();
    const pending = server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [], only: ['source.fixAll'] } }, source.token);
    source.cancel();
    await expect(pending).rejects.toMatchObject({ code: REQUEST_CANCELLED });
  });

  it('a hover cancelled by the client answers RequestCancelled', async () => {
    const { uri } = await drafts.open('hovered.md', bigDraft(1024 * 1024, 23));
    const source = new CancellationTokenSource();
    const pending = server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } }, source.token);
    source.cancel();
    await expect(pending).rejects.toMatchObject({ code: REQUEST_CANCELLED });
  });
});

describe('protocol misuse', () => {
  it('requests before initialize are refused with ServerNotInitialized, and the server then initializes normally', async () => {
    const { spawn } = await import('node:child_process');
    const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-languageserver-protocol/node');
    const { SERVER_PATH } = await import('./lsp-client');
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const published: unknown[] = [];
    connection.onNotification('textDocument/publishDiagnostics', (params) => {
      published.push(params);
    });
    connection.listen();
    try {
      const uri = 'file:///nowhere/early.md';
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'The dictator spoke.\n' } });
      await expect(connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } })).rejects.toMatchObject({ code: -32002 });
      await expect(connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, context: { diagnostics: [] } })).rejects.toMatchObject({ code: -32002 });
      const initialized = await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      expect(initialized).toMatchObject({ serverInfo: { name: 'copydesk' } });
      // Nothing was linted or published for the draft opened before initialize.
      expect(published).toEqual([]);
    } finally {
      connection.dispose();
      child.kill();
    }
  });

  it('a change that reuses the version number is linted afresh, not answered from the cache', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'copydesk-reused-version-'));
    const server = await startTestServer(workspace, { pull: true });
    try {
      const uri = `file://${join(workspace, 'reused.md')}`;
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 4, text: 'The dictator spoke.\n' } });
      const first = (await server.connection.sendRequest(DocumentDiagnosticRequest.method, { textDocument: { uri } })) as { items: Diagnostic[] };
      expect(first.items.map((diagnostic) => diagnostic.code)).toEqual(['loaded-term']);
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ text: 'The president spoke.\n' }] });
      const second = (await server.connection.sendRequest(DocumentDiagnosticRequest.method, { textDocument: { uri } })) as { items: Diagnostic[] };
      expect(second.items).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
