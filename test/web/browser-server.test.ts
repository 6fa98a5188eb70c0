// The browser language server (server/out/browser-server.js) as VS Code for the Web runs it: a Web Worker in
// a real chromium, spoken to over LSP through postMessage. Its findings on the seed article must equal the Node
// server's, and it must read the project's .copydesk.yml by asking its client, since it has no disk.
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../lsp/lsp-client';

// What the page's code uses (it runs in chromium; this file's typings are Node's).
declare class Worker {
  constructor(url: string);
  onmessage: ((event: { data: { method?: string; id?: number; params?: { uri?: string; items?: unknown[] }; result?: unknown; error?: unknown } }) => void) | null;
  postMessage(message: unknown): void;
}

const repo = join(__dirname, '..', '..');
const BUNDLE = join(repo, 'server', 'out', 'browser-server.js');
const seed = readFileSync(join(repo, 'test-fixtures', 'seed-article.md'), 'utf8');

interface Diagnostic {
  code?: unknown;
  range: unknown;
  severity?: number;
  message: unknown;
}
const summary = (diagnostics: Diagnostic[]) => diagnostics.map(({ code, range, severity, message }) => ({ code, range, severity, message }));

let http: Server;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  http = createServer((request, response) => {
    if (request.url === '/browser-server.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(BUNDLE));
    else response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>copydesk</title>');
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
});

afterAll(async () => {
  await browser?.close();
  http?.close();
});

/**
 * A page that starts the server in a Web Worker and plays a minimal LSP client in the page: it answers the
 * server's requests (configuration, registrations, and Copydesk's file requests from `files`) and records
 * every message. `files` maps URIs to text; any other URI does not exist.
 */
async function browserServer(workspaceFolder: string, files: Record<string, string>): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(origin);
  await page.evaluate((files) => {
    const worker = new Worker('/browser-server.js');
    const state = { received: [] as Array<{ method?: string; params?: unknown; id?: number }>, asked: [] as string[] };
    const pending = new Map<number, (result: unknown) => void>();
    let nextId = 1;
    const answer = (method: string, params: { uri?: string; items?: unknown[] }): unknown => {
      if (method === 'workspace/configuration') return (params.items ?? []).map(() => ({}));
      if (method === 'copydesk/files/exists') return params.uri !== undefined && params.uri in files;
      if (method === 'copydesk/files/read') return params.uri !== undefined && params.uri in files ? { text: files[params.uri] } : { refused: 'failed', detail: 'no such file' };
      if (method === 'copydesk/files/findDrafts') return [];
      return null;
    };
    worker.onmessage = ({ data }) => {
      state.received.push(data);
      if (data.method && data.id !== undefined) {
        if (data.method.startsWith('copydesk/files/')) state.asked.push(`${data.method} ${data.params?.uri}`);
        worker.postMessage({ jsonrpc: '2.0', id: data.id, result: answer(data.method, data.params ?? {}) });
      } else if (data.id !== undefined) pending.get(data.id)?.(data.result ?? data.error);
    };
    Object.assign(globalThis, {
      lspState: state,
      lspRequest: (method: string, params: unknown) => new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        worker.postMessage({ jsonrpc: '2.0', id, method, params });
      }),
      lspNotify: (method: string, params: unknown) => worker.postMessage({ jsonrpc: '2.0', method, params }),
    });
  }, files);
  const initialized = await page.evaluate((folder) => (globalThis as unknown as { lspRequest(m: string, p: unknown): Promise<unknown> }).lspRequest('initialize', {
    processId: null,
    rootUri: folder,
    workspaceFolders: [{ uri: folder, name: 'drafts' }],
    initializationOptions: { trusted: true, workspaceFiles: true },
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  }), workspaceFolder);
  expect(initialized).toMatchObject({ serverInfo: { name: 'copydesk' } });
  await page.evaluate(() => (globalThis as unknown as { lspNotify(m: string, p: unknown): void }).lspNotify('initialized', {}));
  return page;
}

/** Opens a draft in the browser server and waits for its published diagnostics. */
async function diagnosticsInBrowser(page: Page, uri: string, text: string): Promise<Diagnostic[]> {
  await page.evaluate(({ uri, text }) => (globalThis as unknown as { lspNotify(m: string, p: unknown): void }).lspNotify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } }), { uri, text });
  const handle = await page.waitForFunction((uri) => {
    const received = (globalThis as unknown as { lspState: { received: Array<{ method?: string; params?: { uri: string; diagnostics: unknown[] } }> } }).lspState.received;
    return received.find((message) => message.method === 'textDocument/publishDiagnostics' && message.params?.uri === uri)?.params?.diagnostics;
  }, uri, { timeout: 15_000 });
  return (await handle.jsonValue()) as Diagnostic[];
}

describe('the language server in a Web Worker (VS Code for the Web)', () => {
  it('finds on the seed article exactly what the Node server finds', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'copydesk-web-'));
    writeFileSync(join(folder, 'seed-article.md'), seed);
    const node = await startTestServer(folder);
    const nodeUri = `file://${folder}/seed-article.md`;
    await node.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: nodeUri, languageId: 'markdown', version: 1, text: seed } });
    const nodeDiagnostics = (await node.diagnostics(nodeUri, (params) => params.diagnostics.length > 0)).diagnostics;
    await node.stop();

    const page = await browserServer('vscode-test-web://mount/drafts', {});
    const webDiagnostics = await diagnosticsInBrowser(page, 'vscode-test-web://mount/drafts/seed-article.md', seed);
    await page.close();

    const expected = JSON.parse(readFileSync(join(repo, 'test-fixtures', 'seed-article.md.expected.json'), 'utf8')) as unknown[];
    expect(nodeDiagnostics).toHaveLength(expected.length);
    expect(summary(webDiagnostics)).toEqual(summary(nodeDiagnostics));
  });

  it('reads the project .copydesk.yml through its client, and it takes effect', async () => {
    const folder = 'vscode-test-web://mount/drafts';
    const config = `${folder}/.copydesk.yml`;
    const page = await browserServer(folder, { [config]: 'allow:\n  - pariah state\n' });
    const diagnostics = await diagnosticsInBrowser(page, `${folder}/desk/seed-article.md`, seed);
    const asked = await page.evaluate(() => (globalThis as unknown as { lspState: { asked: string[] } }).lspState.asked);
    await page.close();
    expect(asked).toContain(`copydesk/files/read ${config}`);
    // The lookup walked up from the draft's folder inside the workspace, and never above it.
    expect(asked).toContain(`copydesk/files/exists ${folder}/desk/.copydesk.yml`);
    expect(asked.every((request) => request.includes(folder))).toBe(true);
    const texts = diagnostics.map((diagnostic) => (diagnostic as { data?: { actual?: string } }).data?.actual?.toLowerCase());
    expect(texts).not.toContain('pariah state');
    expect(diagnostics.length).toBeGreaterThan(0);
  });
});
