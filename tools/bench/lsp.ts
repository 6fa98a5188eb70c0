/**
 * The language server as an editor meets it: from a one-character edit to the diagnostics for it,
 * over stdio, and its memory with many drafts open. The client asks for diagnostics after each edit
 * (pull, as VS Code does), so the time includes the request and the re-lint, not a debounce.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../../server/src/core/text-index';
import { quantile, round, type Measurement } from './measure';


/** The built server over stdio, initialized as a pull-diagnostics client (as VS Code is). */
async function startServer(serverPath: string): Promise<{ child: ChildProcess; connection: ProtocolConnection; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true } } });
  await connection.sendNotification('initialized', {});
  const stop = async (): Promise<void> => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
    child.kill();
  };
  return { child, connection, stop };
}

/**
 * Edit-to-diagnostics latency for each document, then the server's RSS once all of `openDrafts` are open
 * too (labelled `openLabel`). With no documents, the RSS is that of a fresh server with the drafts alone; after
 * a large document it includes the lint worker that document started (it stops when idle, after 30 s).
 */
export async function measureServer(serverPath: string, documents: ReadonlyArray<readonly [string, string]>, openDrafts: readonly string[], openLabel: string): Promise<Measurement[]> {
  const { child, connection, stop } = await startServer(serverPath);
  let version = 0;
  const rows: Measurement[] = [];
  for (const [name, text0] of documents) {
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

  for (const [index, text] of openDrafts.entries()) {
    const uri = `file:///bench/draft-${index}.md`;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: ++version, text } });
    await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  }
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
  const after = documents.length === 0 ? '' : ', after the edits above (their lint worker still running)';
  rows.push({ name: `server RSS, ${openDrafts.length} drafts open${after}`, size: openLabel, median_ms: null, p95_ms: null, kb_per_s: null, rss_mb: round(rssKb / 1024) });
  await stop();
  return rows;
}

/** A paragraph with findings, unique by `index` so that no cache answers for it. */
const findingParagraph = (index: number): string =>
  `The regime said more than ${index + 200} people attended the rally on day ${index}, and many believe the figure is inflated.`;

/**
 * The README's limits, timed: each draft from opening to its diagnostics, while a small draft is hovered
 * every 20 ms; the slowest of those hovers shows whether a huge draft holds up the rest.
 */
export async function measureLimits(serverPath: string): Promise<Measurement[]> {
  const { connection, stop } = await startServer(serverPath);
  let version = 0;
  const open = async (name: string, text: string, languageId = 'markdown'): Promise<string> => {
    const uri = `file:///bench/limits/${name}`;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: ++version, text } });
    return uri;
  };
  const small = await open('small.md', 'He touched down in the pariah state on Tuesday.\n');
  await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: small } });
  const hovers: number[] = [];
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const start = performance.now();
      await connection.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 0, character: 26 } });
      hovers.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const paragraphs = (characters: number): string => {
    const parts: string[] = [];
    let length = 0;
    while (length < characters) {
      parts.push(findingParagraph(parts.length));
      length += parts[parts.length - 1].length + 2;
    }
    return parts.join('\n\n');
  };
  const rows: Measurement[] = [];
  for (const [name, size, text, languageId] of [
    ['limits: 10 MB draft, to its size notice', '10 MB', paragraphs(10 * 1024 * 1024), 'markdown'],
    ['limits: 5 MB draft, linted on the worker', '5 MB', paragraphs(5 * 1024 * 1024 - 4096), 'markdown'],
    ['limits: a single 1 MB line', '1 MB', findingParagraph(0).repeat(Math.ceil((1024 * 1024) / findingParagraph(0).length)), 'plaintext'],
    ['limits: 100,000 one-line paragraphs', '100,000', Array.from({ length: 100_000 }, (_, index) => `P${index}.`).join('\n\n'), 'markdown'],
  ] as const) {
    const start = performance.now();
    const uri = await open(`${rows.length}.${languageId === 'plaintext' ? 'txt' : 'md'}`, text, languageId);
    await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    rows.push({ name, size, median_ms: round(performance.now() - start), p95_ms: null, kb_per_s: null, rss_mb: null });
  }
  probing = false;
  await probe;
  rows.push({ name: 'limits: slowest hover on a small draft meanwhile', size: `${hovers.length} hovers`, median_ms: round(quantile(hovers, 0.5)), p95_ms: round(Math.max(...hovers)), kb_per_s: null, rss_mb: null });
  await stop();
  return rows;
}
