import { join, posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArguments } from './args';
import { fnv1a32, shardKey, shardOf } from './shard';
import { CLEAN_TEXT, cli, folder, WARNING_TEXT } from './test-helpers';

/**
 * FNV-1a 32-bit written again, with BigInt arithmetic rather than Math.imul, so that the split the CLI
 * makes is checked against something other than itself.
 */
function referenceShard(relativePath: string, count: number): number {
  let hash = 0x811c9dc5n;
  for (const byte of new TextEncoder().encode(relativePath)) hash = ((hash ^ BigInt(byte)) * 0x01000193n) & 0xffffffffn;
  return Number(hash % BigInt(count)) + 1;
}

/** The drafts a JSON report lists, relative to `cwd` with `/`. */
function reported(stdout: string, cwd: string): string[] {
  return (JSON.parse(stdout) as Array<{ file: string }>).map((result) => result.file.slice(cwd.length + 1).split('\\').join('/'));
}

/** Thirty clean drafts in nested folders, with a space and an accented letter among the names. */
function archive(prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 27; i++) files[`${prefix}archive/${2020 + (i % 4)}/story-${i}.${['md', 'txt', 'news'][i % 3]}`] = CLEAN_TEXT;
  files[`${prefix}desk/café.md`] = CLEAN_TEXT;
  files[`${prefix}desk/with space.markdown`] = CLEAN_TEXT;
  files[`${prefix}wire/latest.txt`] = CLEAN_TEXT;
  return files;
}

describe('--shard: reading K/N', () => {
  it('reads --shard K/N and --shard=K/N, the last one given winning', () => {
    expect(parseArguments(['--shard', '2/4', 'a.md'])).toMatchObject({ shard: { index: 2, count: 4 } });
    expect(parseArguments(['--shard=3/3', 'a.md'])).toMatchObject({ shard: { index: 3, count: 3 } });
    expect(parseArguments(['--shard', '1/1', '--shard', '10000/10000', 'a.md'])).toMatchObject({ shard: { index: 10000, count: 10000 } });
    expect(parseArguments(['a.md'])).not.toHaveProperty('shard');
  });

  it('exits 2 with one clear line on a bad K/N, and on standard input with --shard', async () => {
    const dir = folder({ 'a.md': CLEAN_TEXT });
    const cases: Array<[string[], string]> = [
      [['--shard', '0/3', 'a.md'], 'copydesk: --shard "0/3": K must be from 1 to 3, the number of shards.\n'],
      [['--shard', '4/3', 'a.md'], 'copydesk: --shard "4/3": K must be from 1 to 3, the number of shards.\n'],
      [['--shard=2', 'a.md'], 'copydesk: --shard needs K/N, shard K of N, for example --shard 2/4; not "2".\n'],
      [['--shard', 'a/b', 'a.md'], 'copydesk: --shard needs K/N, shard K of N, for example --shard 2/4; not "a/b".\n'],
      [['--shard', '-1/3', 'a.md'], 'copydesk: --shard needs K/N, shard K of N, for example --shard 2/4; not "-1/3".\n'],
      [['--shard', '1/0', 'a.md'], 'copydesk: --shard "1/0": N, the number of shards, must be from 1 to 10000.\n'],
      [['--shard', '1/10001', 'a.md'], 'copydesk: --shard "1/10001": N, the number of shards, must be from 1 to 10000.\n'],
      [['--shard', '1/99999999999999999999', 'a.md'], 'copydesk: --shard "1/99999999999999999999": N, the number of shards, must be from 1 to 10000.\n'],
      // A value is shown with its control characters escaped, as every message is.
      [['--shard', '1/2\u001b]0;pwned\u0007', 'a.md'], 'copydesk: --shard needs K/N, shard K of N, for example --shard 2/4; not "1/2\\u{1b}]0;pwned\\u{7}".\n'],
      [['a.md', '--shard'], 'copydesk: --shard needs a value. Run copydesk --help for usage.\n'],
      [['--shardd', '1/2', 'a.md'], 'copydesk: Unknown option "--shardd" (did you mean "--shard"?). Run copydesk --help for usage.\n'],
      [['--shard', '1/2', 'a.md', '-'], 'copydesk: --shard splits drafts by their paths; standard input (-) has none: lint it in a run without --shard.\n'],
    ];
    for (const [argv, message] of cases) {
      expect(await cli(argv, { cwd: dir, stdin: WARNING_TEXT }), argv.join(' ')).toEqual({ code: 2, stdout: '', stderr: message });
    }
  });
});

describe('--shard: the split', () => {
  it('pins the hash: FNV-1a 32-bit over the UTF-8 bytes, so a release cannot move drafts between shards unnoticed', () => {
    // The published FNV-1a test vectors, then two paths worked out apart from this code.
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
    expect(fnv1a32('archive/2024/kim-visit.md')).toBe(0xf9470663);
    expect(fnv1a32('desk/café.md')).toBe(0xe13a1924);
    expect([2, 3, 4, 8].map((count) => shardOf('archive/2024/kim-visit.md', count))).toEqual([2, 3, 4, 4]);
    expect([2, 3, 4, 8].map((count) => shardOf('desk/café.md', count))).toEqual([1, 3, 1, 5]);
  });

  it('hashes the path relative to the working folder with / separators, so Windows and Linux checkouts agree', () => {
    expect(shardKey('/home/runner/work/news/archive/2024/kim-visit.md', '/home/runner/work/news', posix)).toBe('archive/2024/kim-visit.md');
    expect(shardKey('D:\\a\\news\\archive\\2024\\kim-visit.md', 'D:\\a\\news', win32)).toBe('archive/2024/kim-visit.md');
    expect(shardKey('/srv/other/x.md', '/srv/news', posix)).toBe('../other/x.md');
  });

  it('puts each of 30 drafts in exactly one shard for N = 1..5, the shards together being the whole run', async () => {
    const dir = folder(archive());
    const all = reported((await cli(['-f', 'json', '.'], { cwd: dir })).stdout, dir);
    expect(all).toHaveLength(30);
    for (let count = 1; count <= 5; count++) {
      const shards: string[][] = [];
      for (let index = 1; index <= count; index++) {
        const run = await cli(['-f', 'json', '--shard', `${index}/${count}`, '.'], { cwd: dir });
        expect(run.code, `${index}/${count}`).toBe(0);
        shards.push(reported(run.stdout, dir));
      }
      // Each shard is exactly the drafts the reference hash gives it, in the order of the whole run.
      expect(shards).toEqual(Array.from({ length: count }, (_, index) => all.filter((file) => referenceShard(file, count) === index + 1)));
      expect(shards.flat().sort()).toEqual([...all].sort());
      expect(new Set(shards.flat()).size).toBe(30);
    }
  });

  it('assigns a draft by its path below the working folder, wherever the checkout is', async () => {
    const shallow = folder(archive());
    const deep = join(folder(archive('runner/work/newsroom/')), 'runner', 'work', 'newsroom');
    for (let index = 1; index <= 3; index++) {
      const here = reported((await cli(['-f', 'json', `--shard=${index}/3`, 'archive', 'desk', 'wire'], { cwd: shallow })).stdout, shallow);
      const there = reported((await cli(['-f', 'json', `--shard=${index}/3`, 'archive', 'desk', 'wire'], { cwd: deep })).stdout, deep);
      expect(there).toEqual(here);
      expect(here.length).toBeGreaterThan(0);
    }
  });
});

describe('--shard: a shard with no drafts', () => {
  // archive/2024/kim-visit.md is in shard 4 of 4 (pinned above), so shard 1 of 4 has nothing to lint.
  const dir = folder({ 'archive/2024/kim-visit.md': WARNING_TEXT });

  it('is a clean run in every format: [] in JSON, a SARIF log with one empty run, the summary alone in stylish, nothing for github', async () => {
    const full = await cli(['-f', 'json', '--shard', '4/4', 'archive'], { cwd: dir });
    expect(full.code).toBe(1);
    expect(reported(full.stdout, dir)).toEqual(['archive/2024/kim-visit.md']);

    expect(await cli(['-f', 'json', '--shard', '1/4', 'archive'], { cwd: dir })).toEqual({ code: 0, stdout: '[]\n', stderr: '0 files, 0 findings\n' });
    expect(await cli(['--shard', '1/4', 'archive'], { cwd: dir })).toEqual({ code: 0, stdout: '0 files, 0 findings\n', stderr: '' });
    expect(await cli(['-f', 'github', '--shard', '1/4', 'archive'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '0 files, 0 findings\n' });
    const sarif = await cli(['-f', 'sarif', '--shard', '1/4', 'archive'], { cwd: dir });
    expect(sarif.code).toBe(0);
    const log = JSON.parse(sarif.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].tool.driver.name).toBe('Copydesk');
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].invocations).toEqual([{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });

  it('still fails on a pattern that names nothing before sharding, unless --no-error-on-unmatched-pattern', async () => {
    expect(await cli(['--shard', '1/4', 'archive', 'drafts/**/*.md'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'copydesk: no drafts match drafts/**/*.md\n' });
    expect(await cli(['--shard', '1/4', '--no-error-on-unmatched-pattern', 'archive', 'drafts/**/*.md'], { cwd: dir })).toEqual({ code: 0, stdout: '0 files, 0 findings\n', stderr: 'copydesk: no drafts match drafts/**/*.md\n' });
    // Every shard names a missing file, not only the one its path would hash to.
    expect(await cli(['--shard', '2/4', 'archive', 'gone.md'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'copydesk: gone.md: no such file or folder\n' });
  });
});
