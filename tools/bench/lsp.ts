/**
 * The language server as an editor meets it: from a one-character edit to the diagnostics for it,
 * over stdio, and its memory with many drafts open. The client asks for diagnostics after each edit
 * (pull, as VS Code does), so the time includes the request and the re-lint, not a debounce.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../../server/src/core/text-index';
import { articleOfWords, draftOfSize } from './corpus';
import { quantile, round, type Measurement } from './measure';


/** Edit-to-diagnostics latency for two documents, and RSS with 50 drafts open. */
export async function measureServer(serverPath: string): Promise<Measurement[]> {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true } } });
  await connection.sendNotification('initialized', {});

  let version = 0;
  const rows: Measurement[] = [];
  for (const [name, text0] of [['edit to diagnostics, 1,000-word article', articleOfWords(1000)], ['edit to diagnostics, 100 KB draft', draftOfSize(100 * 1024, 7)]] as const) {
    const uri = `file:///bench/${encodeURIComponent(name)}.md`;
    let text = text0;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: ++version, text } });
    await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    const samples: number[] = [];
    for (let edit = -5; edit < 100; edit++) {
      const offset = Math.floor(((Math.abs(edit) + 0.5) * text.length) / 100);
      const position = new LineIndex(text).positionAt(offset);
      text = `${text.slice(0, offset)}x${text.slice(offset)}`;
      const start = performance.now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: position, end: position }, text: 'x' }] });
      await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      if (edit >= 0) samples.push(performance.now() - start); // the first five warm the server up
    }
    rows.push({ name, size: `${Math.round(text0.length / 1024)} KB`, median_ms: round(quantile(samples, 0.5)), p95_ms: round(quantile(samples, 0.95)), kb_per_s: null, rss_mb: null });
  }

  for (let index = 0; index < 50; index++) {
    const uri = `file:///bench/draft-${index}.md`;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: ++version, text: draftOfSize(20 * 1024, 100 + index) } });
    await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  }
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
  rows.push({ name: 'server RSS, 50 drafts open', size: '50 x 20 KB', median_ms: null, p95_ms: null, kb_per_s: null, rss_mb: round(rssKb / 1024) });

  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  child.kill();
  return rows;
}
