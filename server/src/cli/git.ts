/**
 * The one place Copydesk starts a process: `git`, for `--changed-since`. Run by argument list (never a
 * shell), with no pager, prompt or external diff driver, a time limit and a cap on its output, in the
 * working folder the user ran copydesk in. The language server never reaches this module.
 */
import { execFileSync } from 'node:child_process';
import { UsageError } from './errors';
import { parseUnifiedDiff, type ChangedLines } from './changed-lines';

const GIT_TIMEOUT_MS = 60_000;
const GIT_OUTPUT_LIMIT = 256 * 1024 * 1024;

function git(args: string[], cwd: string): string {
  return execFileSync('git', ['-c', 'core.quotePath=false', '-c', 'diff.noprefix=false', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: GIT_OUTPUT_LIMIT,
    timeout: GIT_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', GIT_EXTERNAL_DIFF: '' },
  });
}

/**
 * The lines changed since `ref`: its diff to the working tree (staged and unstaged changes included,
 * renames followed), and every untracked draft git does not ignore, as new. A ref the repository does not
 * have (a shallow clone that never fetched it) is a usage error that says how to fetch it.
 */
export function changedSince(ref: string, cwd: string): ChangedLines {
  if (ref.startsWith('-')) throw new UsageError(`--changed-since ${ref}: a ref cannot start with "-".`);
  let root: string;
  try {
    root = git(['rev-parse', '--show-toplevel'], cwd).trim();
  } catch {
    throw new UsageError('--changed-since needs a git repository: the working folder is not in one (or git is not installed).');
  }
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  } catch {
    const shallow = (() => {
      try {
        return git(['rev-parse', '--is-shallow-repository'], cwd).trim() === 'true';
      } catch {
        return false;
      }
    })();
    throw new UsageError(`--changed-since ${ref}: no such commit in this repository.${shallow ? ` This is a shallow clone: fetch the ref first (git fetch --depth=1 origin ${ref}), or check out with fetch-depth: 0.` : ''}`);
  }
  const changed = parseUnifiedDiff(git(['diff', '--no-color', '--no-ext-diff', '--unified=0', '-M', ref, '--'], root), root);
  for (const path of git(['ls-files', '--others', '--exclude-standard', '-z'], root).split('\0')) {
    if (path !== '') changed.set(`${root}/${path}`, 'all');
  }
  return changed;
}
