import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './main';

const seed = join(__dirname, '..', '..', '..', 'test-fixtures', 'seed-article.md');

function cli(argv: string[], stdin = ''): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = run(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), stdin: () => stdin, isTTY: false });
  return { code, stdout, stderr };
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-cli-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('copydesk command line', () => {
  it('prints JSON findings with 1-based lines and columns and 0-based offsets, exit 1 on warnings', () => {
    const { code, stdout } = cli(['--format', 'json', seed]);
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout);
    expect(result.file).toBe(seed);
    const pariah = result.findings.find((finding: { actual: string }) => finding.actual === 'pariah state');
    expect(pariah).toMatchObject({ ruleId: 'loaded-term', severity: 'warning', line: 7, suggestions: ['isolated country', expect.any(String)] });
    expect(Object.keys(pariah).sort()).toEqual(['actual', 'column', 'endColumn', 'endLine', 'endOffset', 'line', 'message', 'offset', 'ruleId', 'severity', 'suggestions']);
  });

  it('prints stylish output grouped by file with a summary line, no colour when not a TTY', () => {
    const { stdout } = cli([seed]);
    expect(stdout).toMatch(/seed-article\.md\n/);
    expect(stdout).toMatch(/ {2}7:\d+ +warning +“pariah state” is a loaded label/);
    expect(stdout).toMatch(/1 file, \d+ findings: \d+ warnings, \d+ information\n$/);
    expect(stdout).not.toContain('\u001b[');
  });

  it('exits 0 when nothing reaches warning', () => {
    const dir = folder({ 'clean.txt': 'The council met on Tuesday, its chair said.\n', 'info.txt': 'The man was reportedly seen in Paris.\n' });
    expect(cli([join(dir, 'clean.txt')]).code).toBe(0);
    expect(cli([join(dir, 'info.txt')]).code).toBe(0);
  });

  it('reads standard input with -', () => {
    const { code, stdout } = cli(['--format', 'json', '--stdin-format', 'plaintext', '-'], 'He landed in the pariah state.');
    expect(code).toBe(1);
    expect(JSON.parse(stdout)[0]).toMatchObject({ file: '<stdin>', findings: [{ actual: 'pariah state' }] });
  });

  it('exits 2 with one clear line on usage errors', () => {
    for (const argv of [[], ['--format', 'xml', seed], ['--bogus', seed]]) {
      const { code, stderr } = cli(argv);
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^copydesk: /);
    }
  });

  it('reports a missing file and an unsupported or binary file, and goes on to the next', () => {
    const dir = folder({ 'a.pdf': 'x', 'bin.txt': 'abc\u0000def', 'ok.txt': 'He landed in the pariah state.' });
    const { code, stdout, stderr } = cli(['--format', 'json', join(dir, 'missing.md'), join(dir, 'a.pdf'), join(dir, 'bin.txt'), join(dir, 'ok.txt')]);
    expect(code).toBe(2);
    expect(stderr).toContain('missing.md: no such file');
    expect(stderr).toContain('a.pdf: unsupported file type');
    expect(stderr).toContain('bin.txt: looks like a binary file');
    expect(JSON.parse(stdout).map((result: { findings: unknown[] }) => result.findings.length)).toEqual([1]);
  });

  it('uses the nearest .copydesk.yml, and reports a broken one with its place while linting with defaults', () => {
    const good = folder({ '.copydesk.yml': 'rules:\n  loaded-term: off\n', 'draft.txt': 'He landed in the pariah state.' });
    expect(cli([join(good, 'draft.txt')]).code).toBe(0);
    const broken = folder({ '.copydesk.yml': 'rules:\n  loaded-term: [off\n', 'draft.txt': 'He landed in the pariah state.' });
    const { code, stdout, stderr } = cli(['--format', 'json', join(broken, 'draft.txt')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/\.copydesk\.yml:\d+:\d+: YAML syntax error/);
    expect(JSON.parse(stdout)[0].findings[0].actual).toBe('pariah state');
  });

  it('--config names the config file explicitly', () => {
    const dir = folder({ 'house.yml': 'allow: [pariah state]\n', 'draft.txt': 'He landed in the pariah state.' });
    expect(cli(['--config', join(dir, 'house.yml'), join(dir, 'draft.txt')]).code).toBe(0);
  });
});
