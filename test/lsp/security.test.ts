/**
 * Security at the language server: "Check All Drafts" follows no symbolic link out of the workspace
 * and reads no FIFO or oversized file; a project config that links outside the workspace, or is no
 * regular file, is refused; an untrusted workspace's config is ignored; and a whole session, worker
 * thread included, makes no network request and starts no process (traps loaded with --require).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { bigDraft, Documents } from './drafts';
import { startTestServer, type TestServer } from './lsp-client';
import { SERVER_COMMANDS, SOURCING_REPORT_REQUEST } from '../../server/src/lsp/protocol';

const DICTATOR = 'The dictator spoke on Tuesday.\n';

/** A workspace with drafts inside it and links, a FIFO and an oversized file that must not be read. */
function hostileWorkspace(): { workspace: string; outside: string } {
  const outside = mkdtempSync(join(tmpdir(), 'copydesk-outside-'));
  writeFileSync(join(outside, 'secret.md'), DICTATOR);
  writeFileSync(join(outside, 'other.md'), DICTATOR);
  const workspace = mkdtempSync(join(tmpdir(), 'copydesk-hostile-'));
  writeFileSync(join(workspace, 'inside.md'), DICTATOR);
  mkdirSync(join(workspace, 'desk'));
  writeFileSync(join(workspace, 'desk', 'nested.news'), DICTATOR);
  symlinkSync(outside, join(workspace, 'linked-folder'), 'dir');
  symlinkSync(join(outside, 'other.md'), join(workspace, 'linked.md'));
  execFileSync('mkfifo', [join(workspace, 'pipe.md')]);
  // A sparse 40 MB file: over the limit by its size alone, so it is never read into memory.
  writeFileSync(join(workspace, 'huge.md'), '');
  truncateSync(join(workspace, 'huge.md'), 40 * 1024 * 1024);
  writeFileSync(join(workspace, 'scan.txt'), 'PDF\u0000\u0001 the regime');
  return { workspace, outside };
}

describe('"Check All Drafts" in a hostile workspace', () => {
  let server: TestServer;
  let fixture: { workspace: string; outside: string };
  beforeAll(async () => {
    fixture = hostileWorkspace();
    server = await startTestServer(fixture.workspace);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('lints the drafts inside, follows no link out, reads no FIFO, and declines the oversized and binary files with a notice', async () => {
    const result: { files: number; findings: number } = await server.connection.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.checkWorkspace, arguments: [] });
    const byFile = new Map(server.published.map((params) => [params.uri.slice(`file://${fixture.workspace}/`.length), params.diagnostics.map((diagnostic) => diagnostic.code)]));
    expect(Object.fromEntries(byFile)).toEqual({
      'desk/nested.news': ['loaded-term'],
      'huge.md': ['copydesk-size'],
      'inside.md': ['loaded-term'],
      'scan.txt': ['copydesk-binary'],
    });
    expect(result).toEqual({ files: 4, findings: 4 });
    expect(server.published.some((params) => params.uri.includes(fixture.outside))).toBe(false);
  });
});

/**
 * Opens a draft in a workspace whose .copydesk.yml the server must refuse, checks that the draft gets
 * the defaults (its "dictator" is flagged), and hands the rest of the check the draft and the config's diagnostics.
 */
async function withDefaultsDespiteConfig(
  workspace: string,
  check: (seen: { server: TestServer; uri: string; linted: PublishDiagnosticsParams; config: PublishDiagnosticsParams }) => Promise<void>,
): Promise<void> {
  const server = await startTestServer(workspace);
  try {
    const drafts = new Documents(server, workspace);
    const { uri, version } = await drafts.open('draft.md', DICTATOR);
    const linted = await server.diagnostics(uri, (params) => params.version === version);
    expect(linted.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['loaded-term']);
    const config = await server.diagnostics(`file://${join(workspace, '.copydesk.yml')}`);
    await check({ server, uri, linted, config });
  } finally {
    await server.stop();
  }
}

describe('project config the server will not follow', () => {
  it('a .copydesk.yml that links outside the workspace is refused with a diagnostic, and the defaults apply', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'copydesk-outside-config-'));
    writeFileSync(join(outside, 'house.yml'), 'rules:\n  loaded-term: off\n');
    const workspace = mkdtempSync(join(tmpdir(), 'copydesk-linked-config-'));
    symlinkSync(join(outside, 'house.yml'), join(workspace, '.copydesk.yml'));
    await withDefaultsDespiteConfig(workspace, async ({ config }) => {
      expect(config.diagnostics[0].message).toMatch(/links to .*house\.yml, outside the workspace; Copydesk does not follow it/);
    });
  });

  it('a .copydesk.yml that is a FIFO is refused without blocking the server', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'copydesk-fifo-config-'));
    execFileSync('mkfifo', [join(workspace, '.copydesk.yml')]);
    await withDefaultsDespiteConfig(workspace, async ({ server, uri, linted, config }) => {
      expect(config.diagnostics[0].message).toContain('The config file is not a regular file (a FIFO)');
      // "Allow in this project" would edit the config: it is not offered, and the server does not block on the FIFO.
      const actions: CodeAction[] = await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: linted.diagnostics[0].range, context: { diagnostics: linted.diagnostics } });
      const titles = actions.map((action) => action.title);
      expect(titles).toContain('Ignore loaded-term on this line');
      expect(titles.filter((title) => title.startsWith('Allow'))).toEqual([]);
    });
  });

  it('in an untrusted workspace the project config is ignored: drafts get the defaults', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'copydesk-untrusted-'));
    writeFileSync(join(workspace, '.copydesk.yml'), 'rules:\n  loaded-term: off\n');
    const server = await startTestServer(workspace, { initializationOptions: { trusted: false } });
    try {
      const drafts = new Documents(server, workspace);
      const { uri, version } = await drafts.open('draft.md', DICTATOR);
      const linted = await server.diagnostics(uri, (params) => params.version === version);
      expect(linted.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['loaded-term']);
      // Nor is "Allow in this project" offered: it would read the config and return its text.
      const actions: CodeAction[] = await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: linted.diagnostics[0].range, context: { diagnostics: linted.diagnostics } });
      expect(actions.map((action) => action.title)).toContain('Ignore loaded-term on this line');
      expect(actions.filter((action) => action.title.startsWith('Allow'))).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  it('a draft outside every workspace folder, or untitled, reads no config above it and is offered no allow fix', async () => {
    // A config in the folder above the workspace (what a walk to / would find) turns the rule off.
    const above = mkdtempSync(join(tmpdir(), 'copydesk-above-'));
    writeFileSync(join(above, '.copydesk.yml'), 'rules:\n  loaded-term: off\n');
    const workspace = join(above, 'workspace');
    mkdirSync(workspace);
    const loose = join(above, 'loose');
    mkdirSync(loose);
    const server = await startTestServer(workspace);
    try {
      for (const [uri, languageId] of [[`file://${join(loose, 'story.md')}`, 'markdown'], ['untitled:Untitled-1', 'markdown']] as const) {
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: DICTATOR } });
        const linted = await server.diagnostics(uri, (params) => params.version === 1);
        expect(linted.diagnostics.map((diagnostic) => diagnostic.code), uri).toEqual(['loaded-term']);
        const actions: CodeAction[] = await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: linted.diagnostics[0].range, context: { diagnostics: linted.diagnostics } });
        expect(actions.map((action) => action.title), uri).toContain('Ignore loaded-term on this line');
        expect(actions.filter((action) => action.title.startsWith('Allow')), uri).toEqual([]);
      }
      expect(existsSync('/.copydesk.yml')).toBe(false);
    } finally {
      await server.stop();
    }
  });

  it('a dangling .copydesk.yml link is reported on the config, not ignored', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'copydesk-dangling-'));
    symlinkSync(join(workspace, 'gone.yml'), join(workspace, '.copydesk.yml'));
    await withDefaultsDespiteConfig(workspace, async ({ server, uri, linted, config }) => {
      expect(config.diagnostics[0].message).toMatch(/Cannot read the config file: ENOENT/);
      const actions: CodeAction[] = await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: linted.diagnostics[0].range, context: { diagnostics: linted.diagnostics } });
      expect(actions.filter((action) => action.title.startsWith('Allow'))).toEqual([]);
    });
  });
});

describe('no network, no processes', () => {
  let server: TestServer;
  let workspace: string;
  beforeAll(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'copydesk-guarded-'));
    writeFileSync(join(workspace, '.copydesk.yml'), 'rules:\n  scare-quotes: information\n');
    writeFileSync(join(workspace, 'closed.md'), DICTATOR);
    server = await startTestServer(workspace, { execArgv: ['--require', join(__dirname, 'network-guard.cjs')] });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('a whole session, worker thread included, trips none of the traps', async () => {
    const drafts = new Documents(server, workspace);
    const { uri, version } = await drafts.open('draft.md', 'The dictator claimed that many believe the vote was fair.\n');
    const { diagnostics } = await server.diagnostics(uri, (params) => params.version === version);
    const loaded = diagnostics.find((diagnostic) => diagnostic.code === 'loaded-term') as Diagnostic;
    const actions: CodeAction[] = await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: loaded.range, context: { diagnostics: [loaded], only: undefined } });
    expect(actions.map((action) => action.title)).toContain('Allow "dictator" in this project');
    await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: loaded.range.start });
    await server.connection.sendRequest(SOURCING_REPORT_REQUEST, { uri });
    const big = await drafts.open('big.md', bigDraft(300_000, 30));
    await server.diagnostics(big.uri, (params) => params.version === big.version, 120_000);
    await server.connection.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.checkWorkspace, arguments: [] });
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${join(workspace, '.copydesk.yml')}`, type: 2 }] });
    await drafts.settled();
    const stderr = server.stderr.join('');
    expect(stderr).toContain('copydesk-guard: armed in the main thread');
    expect(stderr).toContain('copydesk-guard: armed in the worker thread');
    expect(stderr).not.toContain('forbidden');
    expect(server.logs.join('\n')).not.toContain('forbidden');
  });
});
