/**
 * Reporting only what a change touched: the unified-diff reader on its own, and `--diff` and
 * `--changed-since` end to end against a real git repository with two commits.
 */
import { execFileSync } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff, touchesChange } from './changed-lines';
import { cli, folder } from './test-helpers';

const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Desk', GIT_AUTHOR_EMAIL: 'desk@example.com', GIT_COMMITTER_NAME: 'Desk', GIT_COMMITTER_EMAIL: 'desk@example.com' } });

/** Lines no edit touches, so that git sees a renamed draft as renamed (it compares content). */
const BODY = '\n\nThe council met at noon.\n\nThe mayor read the budget aloud.\n\nThe meeting ended at three.\n\nThe clerk filed the minutes.\n';
/** The old story: one loaded term on line 1, already published. */
const OLD = `The regime fell on Tuesday.\n\nVoters went to the polls.${BODY}`;
/** The edit: line 3 now holds a new loaded term; line 1's is old. */
const NEW = `The regime fell on Tuesday.\n\nThe dictator left the capital.${BODY}`;

/** A repository whose first commit has the old story and whose working tree has the edit. */
function repository(): string {
  const root = folder({ 'story.md': OLD, 'untouched.md': 'The strongman spoke.\n' });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'first');
  return root;
}

describe('the unified diff reader', () => {
  it('takes added and changed lines of the new file, follows renames, counts new files whole and leaves deleted ones out', () => {
    const diff = [
      'diff --git a/desk/story.md b/desk/story.md', 'index 1..2 100644', '--- a/desk/story.md', '+++ b/desk/story.md',
      '@@ -3 +3 @@', '-The minister said the vote was fair.', '+The minister said the dictator was fair.',
      '@@ -10,0 +11,2 @@', '+one', '+two',
      'diff --git a/old.md b/"caf\\303\\251.md"', 'similarity index 90%', 'rename from old.md', 'rename to café.md', '--- a/old.md', '+++ "b/caf\\303\\251.md"', '@@ -1 +1 @@', '-x', '+y',
      'diff --git a/new.md b/new.md', 'new file mode 100644', '--- /dev/null', '+++ b/new.md', '@@ -0,0 +1 @@', '+fresh',
      'diff --git a/gone.md b/gone.md', 'deleted file mode 100644', '--- a/gone.md', '+++ /dev/null', '@@ -1 +0,0 @@', '-bye',
    ].join('\n');
    const changed = parseUnifiedDiff(diff, '/repo');
    expect([...changed.keys()]).toEqual(['/repo/desk/story.md', '/repo/café.md', '/repo/new.md']);
    expect([...(changed.get('/repo/desk/story.md') as Set<number>)]).toEqual([3, 11, 12]);
    expect([...(changed.get('/repo/café.md') as Set<number>)]).toEqual([1]);
    expect(changed.get('/repo/new.md')).toBe('all');
  });

  it('a finding touches a change when any of its lines was changed', () => {
    expect(touchesChange(new Set([3]), 2, 2)).toBe(true);
    expect(touchesChange(new Set([3]), 0, 1)).toBe(false);
    expect(touchesChange(new Set([3]), 1, 4)).toBe(true);
    expect(touchesChange('all', 40, 40)).toBe(true);
    expect(touchesChange(undefined, 0, 0)).toBe(false);
  });
});

describe('copydesk --changed-since and --diff', () => {
  it('--changed-since reports only the findings on changed lines, in every format, and the exit code follows them', async () => {
    const root = repository();
    writeFileSync(join(root, 'story.md'), NEW);
    const all = await cli(['--format', 'json', '.'], { cwd: root });
    expect(JSON.parse(all.stdout).flatMap((file: { findings: Array<{ actual: string }> }) => file.findings.map((finding) => finding.actual)).sort()).toEqual(['dictator', 'regime', 'strongman']);
    const json = await cli(['--format', 'json', '--changed-since', 'HEAD', '.'], { cwd: root });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).flatMap((file: { findings: Array<{ actual: string; line: number }> }) => file.findings.map((finding) => [finding.actual, finding.line]))).toEqual([['dictator', 3]]);
    const github = await cli(['--format', 'github', '--changed-since', 'HEAD', '.'], { cwd: root });
    expect(github.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^::warning file=story\.md,line=3,.*title=loaded-term::/)]);
    const sarif = await cli(['--format', 'sarif', '--changed-since', 'HEAD', '.'], { cwd: root });
    expect(JSON.parse(sarif.stdout).runs[0].results).toHaveLength(1);
    const stylish = await cli(['--changed-since', 'HEAD', 'story.md'], { cwd: root });
    expect(stylish.stdout).toContain('dictator');
    expect(stylish.stdout).not.toContain('The regime fell');
    // Nothing changed since the working tree was committed: nothing reported, exit 0.
    git(root, 'commit', '-q', '-am', 'second');
    const clean = await cli(['--format', 'json', '--changed-since', 'HEAD', '.'], { cwd: root });
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout).flatMap((file: { findings: unknown[] }) => file.findings)).toEqual([]);
    // Against the first commit, the second's change is reported.
    const sinceFirst = await cli(['--format', 'json', '--changed-since', 'HEAD~1', '.'], { cwd: root });
    expect(sinceFirst.code).toBe(1);
  });

  it('a renamed draft reports its changed lines under the new name; an untracked draft counts as new', async () => {
    const root = repository();
    renameSync(join(root, 'story.md'), join(root, 'renamed.md'));
    writeFileSync(join(root, 'renamed.md'), NEW);
    git(root, 'add', '-A');
    writeFileSync(join(root, 'fresh.md'), 'He landed in the pariah state.\n');
    const { stdout } = await cli(['--format', 'json', '--changed-since', 'HEAD', '.'], { cwd: root });
    const reported = JSON.parse(stdout).flatMap((file: { file: string; findings: Array<{ actual: string }> }) => file.findings.map((finding) => `${file.file.split('/').pop()}: ${finding.actual}`));
    expect(reported.sort()).toEqual(['fresh.md: pariah state', 'renamed.md: dictator']);
  });

  it('a ref the repository does not have, or no repository, is a clear usage error (exit 2); a shallow clone says how to fetch', async () => {
    const root = repository();
    const missing = await cli(['--changed-since', 'origin/nowhere', '.'], { cwd: root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('copydesk: --changed-since origin/nowhere: no such commit in this repository.\n');
    git(root, 'commit', '-q', '--allow-empty', '-m', 'second');
    const shallow = join(folder({}), 'shallow');
    git(root, 'clone', '-q', '--depth=1', `file://${root}`, shallow);
    const inShallow = await cli(['--changed-since', 'HEAD~1', '.'], { cwd: shallow });
    expect(inShallow.code).toBe(2);
    expect(inShallow.stderr).toContain('This is a shallow clone: fetch the ref first (git fetch --depth=1 origin HEAD~1), or check out with fetch-depth: 0.');
    const notRepo = await cli(['--changed-since', 'HEAD', '.'], { cwd: folder({ 'a.md': 'x\n' }) });
    expect(notRepo.code).toBe(2);
    expect(notRepo.stderr).toContain('--changed-since needs a git repository');
    const option = await cli(['--changed-since', '--output=x', '.'], { cwd: root });
    expect(option.stderr).toContain('a ref cannot start with "-"');
  });

  it('--diff reads a unified diff from a file or standard input', async () => {
    const root = repository();
    writeFileSync(join(root, 'story.md'), NEW);
    const diff = git(root, 'diff');
    writeFileSync(join(root, 'change.diff'), diff);
    const fromFile = await cli(['--format', 'json', '--diff', 'change.diff', 'story.md', 'untouched.md'], { cwd: root });
    expect(JSON.parse(fromFile.stdout).flatMap((file: { findings: Array<{ actual: string }> }) => file.findings.map((finding) => finding.actual))).toEqual(['dictator']);
    const fromStdin = await cli(['--format', 'json', '--diff', '-', 'story.md'], { cwd: root, stdin: diff });
    expect(JSON.parse(fromStdin.stdout).flatMap((file: { findings: Array<{ actual: string }> }) => file.findings.map((finding) => finding.actual))).toEqual(['dictator']);
    const both = await cli(['--diff', '-', '-'], { cwd: root, stdin: diff });
    expect(both.code).toBe(2);
    const twice = await cli(['--diff', 'change.diff', '--changed-since', 'HEAD', '.'], { cwd: root });
    expect(twice.stderr).toContain('use one');
  });
});
