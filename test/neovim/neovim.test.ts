/**
 * Copydesk in a real Neovim: Debian's `nvim`, headless, runs the README's setup (copydesk.lua) through
 * its built-in LSP client, opens the seed article, and must show the fixture's expected findings as
 * diagnostics, each on exactly the text it flags. `npm test` installs neovim first
 * (scripts/provision-test-tools.mjs). Nothing is written outside a temporary folder: HOME and the XDG
 * folders point into it, and --clean keeps Neovim from reading any user config or shada file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const SEED = join(root, 'test-fixtures', 'seed-article.md');
const SERVER_BIN = join(root, 'server', 'bin', 'copydesk-language-server.js');
const HARNESS = join(__dirname, 'harness.lua');
/** How long Neovim may wait for diagnostics; generous, since it returns as soon as they arrive. */
const WAIT_MS = 20_000;

/** What harness.lua writes. */
interface NeovimReport {
  arrived: boolean;
  error?: string;
  wait_ms: number;
  nvim: string;
  file: string;
  filetype: string;
  clients: string[];
  lsp_log: string;
  diagnostics: Array<{ code: string; severity: string; source: string; message: string; lnum: number; col: number; end_lnum: number; end_col: number; text: string }>;
}

interface ExpectedFinding {
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  actual: string;
}

/** Runs Neovim headless on a draft with the harness and returns its report and the sandbox it ran in. */
function runNeovim(draft: string): { report: NeovimReport; sandbox: string } {
  const sandbox = mkdtempSync(join(tmpdir(), 'copydesk-nvim-'));
  const home = join(sandbox, 'home');
  const bin = join(sandbox, 'bin');
  mkdirSync(home);
  mkdirSync(bin);
  // The README's setup starts `copydesk-language-server` from PATH, as an installed copydesk provides it.
  symlinkSync(SERVER_BIN, join(bin, 'copydesk-language-server'));
  const result = join(sandbox, 'diagnostics.json');
  const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-u', HARNESS, draft], {
    cwd: sandbox,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      XDG_DATA_HOME: join(home, '.local', 'share'),
      XDG_STATE_HOME: join(home, '.local', 'state'),
      XDG_CACHE_HOME: join(home, '.cache'),
      XDG_RUNTIME_DIR: join(sandbox, 'run'),
      COPYDESK_NVIM_RESULT: result,
      COPYDESK_NVIM_WAIT_MS: String(WAIT_MS),
    },
    // Only a hung editor gets here: the harness quits as soon as diagnostics arrive or its wait ends.
    timeout: WAIT_MS + 10_000,
    killSignal: 'SIGKILL',
  });
  if (run.error) throw new Error(`nvim did not run: ${run.error.message}`);
  if (!existsSync(result)) throw new Error(`nvim exited (status ${run.status}, signal ${run.signal}) without a result; stderr: ${run.stderr}`);
  return { report: JSON.parse(readFileSync(result, 'utf8')) as NeovimReport, sandbox };
}

/** A 1-based UTF-16 column (the fixture's, as LSP counts) as the 0-based byte column Neovim keeps. */
function byteColumn(lineText: string, utf16Column: number): number {
  return Buffer.byteLength(lineText.slice(0, utf16Column - 1), 'utf8');
}

beforeAll(() => {
  const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (version.error) throw new Error('nvim is not installed: run `node scripts/provision-test-tools.mjs` (npm test does) or apt-get install neovim');
  expect(existsSync(join(root, 'server', 'out', 'server.js')), 'npm run build writes server/out/server.js').toBe(true);
});

describe('Neovim, headless, with the README setup', () => {
  it('is the setup the README gives, word for word', () => {
    const setup = readFileSync(join(__dirname, 'copydesk.lua'), 'utf8');
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(`\`\`\`lua\n${setup}\`\`\`\n`);
  });

  it('shows the seed article\'s expected findings as diagnostics, each on exactly the text it flags', () => {
    const { report, sandbox } = runNeovim(SEED);
    expect(report.error).toBeUndefined();
    expect(report.arrived, `no diagnostics within ${WAIT_MS} ms; see ${report.lsp_log}`).toBe(true);
    expect(report.file).toBe(SEED);
    expect(report.filetype).toBe('markdown');
    expect(report.clients).toEqual(['copydesk']);

    const expected = JSON.parse(readFileSync(`${SEED}.expected.json`, 'utf8')) as ExpectedFinding[];
    const lines = readFileSync(SEED, 'utf8').split('\n');
    expect(report.diagnostics.map((diagnostic) => ({ code: diagnostic.code, severity: diagnostic.severity, source: diagnostic.source, text: diagnostic.text })))
      .toEqual(expected.map((finding) => ({ code: finding.ruleId, severity: finding.severity, source: 'copydesk', text: finding.actual })));
    expect(report.diagnostics.map((diagnostic) => [diagnostic.lnum, diagnostic.col, diagnostic.end_lnum, diagnostic.end_col]))
      .toEqual(expected.map((finding) => [finding.line - 1, byteColumn(lines[finding.line - 1], finding.column), finding.endLine - 1, byteColumn(lines[finding.endLine - 1], finding.endColumn)]));
    expect(report.diagnostics.every((diagnostic) => diagnostic.message.length > 0)).toBe(true);

    // Neovim wrote its logs under the sandbox's HOME, so the redirection that keeps the real home clean held.
    expect(report.lsp_log.startsWith(sandbox)).toBe(true);
  });

  it('reads a .news draft as newsdraft and honours the project\'s .copydesk.yml', () => {
    // No .git above a temporary folder: the setup takes the folder of .copydesk.yml as the project root.
    const desk = mkdtempSync(join(tmpdir(), 'copydesk-nvim-desk-'));
    writeFileSync(join(desk, '.copydesk.yml'), 'rules:\n  loaded-term: error\n  loaded-verb: off\n');
    mkdirSync(join(desk, 'politics'));
    const draft = join(desk, 'politics', 'vote.news');
    writeFileSync(draft, '// newsdraft comments are never linted: the regime\nThe dictator claimed the vote was fair.\n');
    const { report } = runNeovim(draft);
    expect(report.arrived, `no diagnostics within ${WAIT_MS} ms; see ${report.lsp_log}`).toBe(true);
    expect(report.filetype).toBe('newsdraft');
    // Defaults would give a loaded-term warning and a loaded-verb warning for "claimed".
    expect(report.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.lnum, diagnostic.text])).toEqual([['loaded-term', 'error', 1, 'dictator']]);
  });
});
