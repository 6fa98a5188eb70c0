import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectTargets } from './files';
import { globToRegExp, isGlob, splitGlob } from './glob';
import { cli, CLEAN_TEXT, folder, WARNING_TEXT } from './test-helpers';

/** The drafts a run over `patterns` in `cwd` would lint, relative to `cwd`. */
function drafts(cwd: string, patterns: string[], ignore = true): { files: string[]; errors: string[]; notices: string[] } {
  const collected = collectTargets(patterns, { cwd, ignore, errorOnUnmatched: true });
  return {
    files: collected.targets.map((target) => (target.kind === 'stdin' ? '-' : target.path.slice(cwd.length + 1))),
    errors: collected.errors,
    notices: collected.notices,
  };
}

describe('finding drafts', () => {
  it('walks folders for .md, .markdown, .txt and .news, sorted, skipping node_modules and dot-folders', () => {
    const dir = folder({
      'b.md': '', 'a.news': '', 'notes.markdown': '', 'sub/c.txt': '', 'sub/d.pdf': '', 'sub/E.MD': '',
      'node_modules/pkg/readme.md': '', '.git/x.md': '', '.drafts/y.md': '', 'image.png': '',
    });
    expect(drafts(dir, ['.']).files).toEqual(['a.news', 'b.md', 'notes.markdown', 'sub/E.MD', 'sub/c.txt']);
  });

  it('lints each draft once however many arguments name it, in argument order', () => {
    const dir = folder({ 'a.md': '', 'b.md': '' });
    expect(drafts(dir, ['b.md', '.', 'a.md', '*.md', '-', '-']).files).toEqual(['b.md', 'a.md', '-']);
  });

  it('honours .gitignore and .copydeskignore at every level, deeper files re-including, .copydeskignore last', () => {
    const dir = folder({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'build/\n*.txt\n!keep.txt\n',
      '.copydeskignore': 'archive/**\n!archive/2024/\n!archive/2024/live.md\nembargoed.md\n',
      'story.md': '', 'notes.txt': '', 'keep.txt': '', 'embargoed.md': '',
      'build/out.md': '', 'archive/old.md': '', 'archive/2024/live.md': '', 'archive/2024/dead.md': '',
      'desk/.gitignore': '!local.txt\nprivate/\n', 'desk/local.txt': '', 'desk/other.txt': '', 'desk/private/p.md': '', 'desk/public.md': '',
    });
    // As in git, a file in an ignored folder cannot be re-included until the folder itself is.
    expect(drafts(dir, ['.']).files).toEqual(['archive/2024/live.md', 'desk/local.txt', 'desk/public.md', 'keep.txt', 'story.md']);
    // A sub-folder run still reads the ignore files between the repository root and it.
    expect(drafts(join(dir, 'desk'), ['.']).files).toEqual(['local.txt', 'public.md']);
    expect(drafts(dir, ['.'], false).files).toHaveLength(12);
  });

  it('skips an explicitly named ignored file or folder with a notice, not an error', () => {
    const dir = folder({ '.git/HEAD': '', '.copydeskignore': 'embargoed.md\nold/\n', 'embargoed.md': '', 'old/a.md': '', 'new.md': '' });
    const result = drafts(dir, ['embargoed.md', 'old', 'old/a.md', 'new.md']);
    expect(result.files).toEqual(['new.md']);
    expect(result.errors).toEqual([]);
    expect(result.notices).toEqual([
      'embargoed.md is ignored by .gitignore or .copydeskignore; skipped (--no-ignore lints it).',
      'old is ignored by .gitignore or .copydeskignore; skipped (--no-ignore lints it).',
      'old/a.md is ignored by .gitignore or .copydeskignore; skipped (--no-ignore lints it).',
    ]);
    expect(drafts(dir, ['embargoed.md'], false).files).toEqual(['embargoed.md']);
  });

  it('does not read ignore files above the repository (or the working folder when there is none)', () => {
    const outer = folder({ '.gitignore': '*.md\n', 'repo/.git/HEAD': '', 'repo/a.md': '', 'plain/b.md': '' });
    expect(drafts(join(outer, 'repo'), ['.']).files).toEqual(['a.md']);
    expect(drafts(join(outer, 'plain'), ['.']).files).toEqual(['b.md']);
  });

  it('follows a symlinked draft inside the tree, never one out of it, and no symlinked folder', () => {
    const outside = folder({ 'secret.md': '', 'dir/x.md': '' });
    const dir = folder({ 'real/a.md': '' });
    symlinkSync(join(dir, 'real', 'a.md'), join(dir, 'alias.md'));
    symlinkSync(join(outside, 'secret.md'), join(dir, 'leak.md'));
    symlinkSync(join(outside, 'dir'), join(dir, 'linked-dir'));
    symlinkSync(join(dir, 'real'), join(dir, 'loop'));
    // alias.md and real/a.md are one draft: linted once, under the first name the walk meets.
    expect(drafts(dir, ['.']).files).toEqual(['alias.md']);
  });

  it('expands globs from their literal base folder, with the same skipping rules', () => {
    const dir = folder({ 'drafts/2024/a.md': '', 'drafts/2024/b.txt': '', 'drafts/2023/c.md': '', 'drafts/node_modules/d.md': '', 'other/e.md': '', '.gitignore': 'drafts/2023/\n' });
    mkdirSync(join(dir, '.git'));
    expect(drafts(dir, ['drafts/**/*.md']).files).toEqual(['drafts/2024/a.md']);
    expect(drafts(dir, ['drafts/*/*.{md,txt}']).files).toEqual(['drafts/2024/a.md', 'drafts/2024/b.txt']);
    expect(drafts(dir, ['**/*.md']).files).toEqual(['drafts/2024/a.md', 'other/e.md']);
    expect(drafts(dir, ['*.news'])).toMatchObject({ files: [], errors: ['no drafts match *.news'] });
    expect(drafts(dir, ['missing.md'])).toMatchObject({ files: [], errors: ['missing.md: no such file or folder'] });
  });
});

describe('what a walk cannot read, and globs that would walk too much', () => {
  it('a draft whose name is not UTF-8 is an error naming it, not skipped in silence', () => {
    const dir = folder({ 'ok.md': '' });
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.md')]), 'The regime fell.\n');
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/image`), Buffer.from([0xe9]), Buffer.from('.png')]), '');
    const { files, errors } = drafts(dir, ['.']);
    expect(files).toEqual(['ok.md']);
    expect(errors).toEqual([`${dir}: a file whose name is not UTF-8 ("caf\u00e9.md") was skipped; rename it to lint it`]);
  });

  it.skipIf(process.getuid?.() === 0)('a folder that cannot be read is an error (not testable as root, who can read any folder)', () => {
    const dir = folder({ 'ok.md': '', 'locked/hidden.md': '' });
    chmodSync(join(dir, 'locked'), 0o000);
    try {
      expect(drafts(dir, ['.']).errors).toEqual([expect.stringMatching(/locked: cannot read this folder \(EACCES\); its drafts were not linted$/)]);
    } finally {
      chmodSync(join(dir, 'locked'), 0o755);
    }
  });

  it('refuses a glob that starts above the working folder; a folder named outright, a sibling glob or one inside are fine', () => {
    const root = folder({ 'desk/a.md': '', 'desk/sub/b.md': '', 'archive/c.md': '' });
    const cwd = join(root, 'desk');
    for (const pattern of ['/**/*.md', '../**/*.md', `${root}/**/*.md`]) {
      const { files, errors } = drafts(cwd, [pattern]);
      expect(files, pattern).toEqual([]);
      expect(errors[0], pattern).toMatch(/this glob starts above the working folder, at .*, and would walk everything under it/);
    }
    expect(collectTargets(['../archive/**/*.md'], { cwd, ignore: true, errorOnUnmatched: true }).targets).toEqual([{ kind: 'file', path: join(root, 'archive', 'c.md') }]);
    expect(drafts(cwd, ['**/*.md']).files).toEqual(['a.md', 'sub/b.md']);
    expect(drafts(cwd, ['..']).errors).toEqual([]);
  });
});

describe('globs', () => {
  it('matches *, ?, **, classes and alternatives on whole paths', () => {
    const cases: Array<[string, string, boolean]> = [
      ['*.md', 'a.md', true], ['*.md', 'x/a.md', false], ['**/*.md', 'a.md', true], ['**/*.md', 'x/y/a.md', true],
      ['a/**', 'a/b/c.md', true], ['a/**/b/*.md', 'a/b/c.md', true], ['a/**/b/*.md', 'a/q/r/b/c.md', true],
      ['{a,b}/*.{md,txt}', 'b/x.txt', true], ['{a,b}/*.{md,txt}', 'c/x.txt', false], ['[!x]*.md', 'y.md', true],
      ['[!x]*.md', 'x.md', false], ['d?.md', 'd1.md', true], ['d?.md', 'd12.md', false], ['a.b(c).md', 'a.b(c).md', true],
    ];
    for (const [pattern, path, expected] of cases) expect(globToRegExp(pattern).test(path), `${pattern} ~ ${path}`).toBe(expected);
    expect(isGlob('drafts/*.md')).toBe(true);
    expect(isGlob('drafts/a.md')).toBe(false);
    expect(splitGlob('drafts/2024/**/*.md')).toEqual({ base: 'drafts/2024', rest: '**/*.md' });
    expect(splitGlob('/abs/*.md')).toEqual({ base: '/abs', rest: '*.md' });
  });
});

describe('the command line over folders and globs', () => {
  it('lints a folder and a quoted glob, and exits 2 on a glob that names nothing unless told not to', async () => {
    const dir = folder({ 'desk/a.md': WARNING_TEXT, 'desk/b.txt': CLEAN_TEXT, '.copydeskignore': 'desk/b.txt\n' });
    const run = await cli(['-f', 'json', 'desk'], { cwd: dir });
    expect(JSON.parse(run.stdout).map((result: { file: string }) => result.file)).toEqual([join(dir, 'desk', 'a.md')]);
    expect((await cli(['desk/*.md'], { cwd: dir })).code).toBe(1);
    const none = await cli(['drafts/**/*.news'], { cwd: dir });
    expect(none).toMatchObject({ code: 2, stderr: 'copydesk: no drafts match drafts/**/*.news\n' });
    expect(await cli(['--no-error-on-unmatched-pattern', 'drafts/**/*.news'], { cwd: dir })).toMatchObject({ code: 0, stderr: 'copydesk: no drafts match drafts/**/*.news\n' });
  });
});
