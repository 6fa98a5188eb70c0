/**
 * The built command line (server/out/cli.js, what `npx copydesk` runs) as a child process: exit codes,
 * standard input, the parallel path across worker threads, docs lookup from the bundle, and the
 * language server behind `copydesk --stdio` and `copydesk-language-server`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';

const root = join(__dirname, '..', '..');
const CLI = join(root, 'server', 'out', 'cli.js');
const BIN = join(root, 'server', 'bin', 'copydesk.js');
const SERVER_BIN = join(root, 'server', 'bin', 'copydesk-language-server.js');
const SEED = join(root, 'test-fixtures', 'seed-article.md');

function copydesk(args: string[], options: { input?: string; cwd?: string; env?: Record<string, string> } = {}): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { input: options.input ?? '', cwd: options.cwd ?? root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', ...options.env }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A folder of `count` distinct drafts: the seed article with every paragraph tagged, so no cache hides work. */
function copies(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-many-'));
  const seed = readFileSync(SEED, 'utf8');
  for (let index = 0; index < count; index++) {
    const sub = join(dir, `desk-${index % 5}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `story-${index}.md`), seed.replace(/\.\n/g, ` (file ${index}).\n`));
  }
  return dir;
}

describe('the built command line', () => {
  it('exists (npm run build writes it) and its bin script runs it', () => {
    expect(existsSync(CLI), 'run npm run build first').toBe(true);
    const result = spawnSync(BIN, ['--version'], { encoding: 'utf8' });
    expect(result.stdout).toBe('copydesk 0.1.0\n');
  });

  it('exits 0, 1 and 2 as documented, with one line and no stack for a user error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-exit-'));
    writeFileSync(join(dir, 'clean.md'), 'The council met on Tuesday, its chair said.\n');
    expect(copydesk(['clean.md'], { cwd: dir }).code).toBe(0);
    expect(copydesk([SEED]).code).toBe(1);
    for (const args of [['--format', 'xml', SEED], ['nowhere.md'], ['explain', 'regime']]) {
      const { code, stderr } = copydesk(args);
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).not.toMatch(/\bat .*\.js:\d+/);
    }
  });

  it('reads a piped standard input with --stdin-filename', () => {
    const { code, stdout } = copydesk(['-f', 'json', '--stdin-filename', 'story.txt', '-'], { input: 'He landed in the pariah state.\n' });
    expect(code).toBe(1);
    expect(JSON.parse(stdout)[0]).toMatchObject({ file: join(root, 'story.txt'), findings: [{ ruleId: 'loaded-term', line: 1, column: 18 }] });
  });

  it('explains a rule from the docs beside the bundle', () => {
    const { code, stdout } = copydesk(['explain', 'uncited-figure']);
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(join(root, 'docs', 'rules', 'uncited-figure.md'), 'utf8'));
  });

  it('lints many drafts across worker threads with exactly the serial findings, in the same order', () => {
    const dir = copies(40);
    const serial = copydesk(['-f', 'json', '--threads', '1', '.'], { cwd: dir, env: { COPYDESK_DEBUG: '1' } });
    const parallel = copydesk(['-f', 'json', '--threads', '3', '.'], { cwd: dir, env: { COPYDESK_DEBUG: '1' } });
    expect(serial.stderr).toContain('copydesk: 40 drafts, no worker threads\n');
    expect(parallel.stderr).toContain('copydesk: 40 drafts, 3 worker threads\n');
    expect(parallel.code).toBe(1);
    const files = JSON.parse(parallel.stdout) as Array<{ file: string; findings: unknown[] }>;
    expect(files).toHaveLength(40);
    expect(files.every((file) => file.findings.length >= 10)).toBe(true);
    expect(parallel.stdout).toBe(serial.stdout);
    // Automatic: more than 16 drafts use threads whenever there is more than one core.
    const auto = copydesk(['-f', 'json', '.'], { cwd: dir, env: { COPYDESK_DEBUG: '1' } });
    expect(auto.stdout).toBe(serial.stdout);
  });
});

/** Starts a language server command, initializes it, opens the seed article and waits for its diagnostics. */
async function diagnosticsFrom(command: string[]): Promise<{ serverName: string; codes: string[] }> {
  const child = spawn(process.execPath, command, { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  try {
    const published = new Promise<PublishDiagnosticsParams>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no diagnostics within 15 s')), 15_000);
      connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        clearTimeout(timer);
        resolve(params);
      });
    });
    connection.listen();
    const result = await connection.sendRequest<{ serverInfo: { name: string } }>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: `file://${SEED}`, languageId: 'markdown', version: 1, text: readFileSync(SEED, 'utf8') } });
    const { diagnostics } = await published;
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    return { serverName: result.serverInfo.name, codes: diagnostics.map((diagnostic) => String(diagnostic.code)) };
  } finally {
    connection.dispose();
    child.kill();
  }
}

describe('the language server for other editors', () => {
  const expected = JSON.parse(copydesk(['-f', 'json', SEED]).stdout)[0].findings.map((finding: { ruleId: string }) => finding.ruleId);

  it('copydesk --stdio runs it', async () => {
    expect(await diagnosticsFrom([CLI, '--stdio'])).toEqual({ serverName: 'copydesk', codes: expected });
  });

  it('copydesk-language-server runs it with no arguments (stdio by default)', async () => {
    expect(await diagnosticsFrom([SERVER_BIN])).toEqual({ serverName: 'copydesk', codes: expected });
  });
});
