/**
 * Size and shape at the language server: drafts over the limit and binary files are declined with one
 * notice; huge drafts within the limit are linted on the worker thread, so a small draft's diagnostics
 * and a hover are answered first. Every assertion is about order or content, never about time.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover } from 'vscode-languageserver-protocol';
import { bigDraft, Documents } from './drafts';
import { startTestServer, type TestServer } from './lsp-client';
import { SOURCING_REPORT_REQUEST } from '../../server/src/lsp/protocol';

let server: TestServer;
let drafts: Documents;

beforeAll(async () => {
  const workspace = mkdtempSync(join(tmpdir(), 'copydesk-limits-'));
  server = await startTestServer(workspace);
  drafts = new Documents(server, workspace);
});

afterAll(async () => {
  await server?.stop();
});

const SMALL = 'He touched down in the pariah state on Tuesday.\n';

describe('size and shape', () => {
  it('a draft over the 5 MB limit gets exactly one information notice saying why', async () => {
    const { uri, version } = await drafts.open('ten-megabytes.md', bigDraft(10 * 1024 * 1024));
    const { diagnostics } = await server.diagnostics(uri, (params) => params.version === version);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 3, code: 'copydesk-size', range: { start: { line: 0, character: 0 } } });
    expect(diagnostics[0].message).toMatch(/has 10\.\d million characters and the limit is 5 MB/);
  });

  it('a file with NUL bytes is declined as binary with one notice; invalid UTF-8 (replacement characters) is linted', async () => {
    const binary = await drafts.open('scan.txt', `%PDF-1.7\u0000\u0000\u0001 The regime said\u0000 obj`, 'plaintext');
    const declined = await server.diagnostics(binary.uri, (params) => params.version === binary.version);
    expect(declined.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([['copydesk-binary', 3]]);
    // What an editor shows for bytes that are not UTF-8: U+FFFD. The prose around them is still read.
    const mangled = await drafts.open('latin1.md', 'The dictator visited Malm\uFFFD on Tuesday.\n');
    const linted = await server.diagnostics(mangled.uri, (params) => params.version === mangled.version);
    expect(linted.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['loaded-term']);
  });

  it('a hostile draft (hundreds of reference links, once quadratic) does not hold up another draft: its hover and diagnostics come first', async () => {
    const order: string[] = [];
    let hostileText = '';
    for (let i = 0; hostileText.length < 200_000; i++) hostileText += i % 2 ? `[r${i}]: https://example.com/${i}\n` : `The minister said the plan [r${i + 1}] would pass.\n\n`;
    const hostile = await drafts.open('references.md', hostileText);
    const small = await drafts.open('other.md', SMALL);
    const hostileDone = server.diagnostics(hostile.uri, (params) => params.version === hostile.version, 120_000).then(() => order.push('hostile diagnostics'));
    await server.diagnostics(small.uri, (params) => params.version === small.version);
    order.push('small diagnostics');
    const hover: Hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: small.uri }, position: { line: 0, character: 26 } });
    order.push('hover');
    expect((hover.contents as { value: string }).value).toContain('loaded-term');
    await hostileDone;
    expect(order).toEqual(['small diagnostics', 'hover', 'hostile diagnostics']);
  }, 150_000);

  it('a huge draft does not hold up a small one: the small draft\'s diagnostics and a hover come first', async () => {
    const order: string[] = [];
    // About three seconds of engine time here: orders of magnitude more than the small draft needs.
    const big = await drafts.open('big.md', bigDraft(2 * 1024 * 1024, 1));
    const small = await drafts.open('small.md', SMALL);
    const bigDone = server.diagnostics(big.uri, (params) => params.version === big.version, 120_000).then((params) => {
      order.push('big diagnostics');
      return params;
    });
    await server.diagnostics(small.uri, (params) => params.version === small.version);
    order.push('small diagnostics');
    const hover: Hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: small.uri }, position: { line: 0, character: 26 } });
    order.push('hover');
    expect((hover.contents as { value: string }).value).toContain('loaded-term');
    const bigDiagnostics = await bigDone;
    expect(order).toEqual(['small diagnostics', 'hover', 'big diagnostics']);
    // The big draft was linted in full, within the diagnostics limit and with a note of the rest.
    expect(bigDiagnostics.diagnostics).toHaveLength(5001);
    expect(bigDiagnostics.diagnostics[5000]).toMatchObject({ code: 'copydesk-truncated', severity: 3 });
    expect(bigDiagnostics.diagnostics[5000].message).toMatch(/first 5,000 findings in this file; [\d,]+ more are not shown/);
  }, 150_000);

  it('a single 1 MB line and 100,000 tiny paragraphs are linted, and the server keeps answering meanwhile', async () => {
    const line = await drafts.open('one-line.txt', 'The regime said more than 200 people attended, many believe. '.repeat(17_000), 'plaintext');
    const tiny = await drafts.open('tiny.md', Array.from({ length: 100_000 }, (_, index) => `P${index}.`).join('\n\n'));
    const lineDone = server.diagnostics(line.uri, (params) => params.version === line.version, 120_000);
    const tinyDone = server.diagnostics(tiny.uri, (params) => params.version === tiny.version, 120_000);
    const small = await drafts.open('small-2.md', SMALL);
    await server.diagnostics(small.uri, (params) => params.version === small.version);
    expect((await lineDone).diagnostics.filter((diagnostic) => diagnostic.code === 'loaded-term')).not.toHaveLength(0);
    expect((await tinyDone).diagnostics).toEqual([]);
  }, 150_000);

  it('the sourcing report of a huge draft is built on the worker thread too', async () => {
    const { uri, version } = await drafts.open('report.md', bigDraft(300_000, 2));
    await server.diagnostics(uri, (params) => params.version === version, 120_000);
    const report: string = await server.connection.sendRequest(SOURCING_REPORT_REQUEST, { uri });
    expect(report).toContain('# Sourcing report: report.md');
    expect(report).toContain('## Uncited figures');
  }, 150_000);
});
