/**
 * Turning the command line's PATH and GLOB arguments into the list of drafts to lint: files as named,
 * folders walked for drafts, globs matched, each draft once, in a stable order.
 */
import { realpathSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { draftsUnder, isInside } from '../project/draft-files';
import { globToRegExp, isGlob, splitGlob } from './glob';
import { IgnoreRules } from './ignore-rules';

export { formatForPath } from '../project/draft-format';

/** One thing to lint: a file on disk, or standard input. */
export type Target = { kind: 'file'; path: string } | { kind: 'stdin' };

/** What the arguments named: the targets, and what to tell the user about the rest. */
export interface Collected {
  targets: Target[];
  /** Arguments that named nothing lintable: reported, and the run exits 2. */
  errors: string[];
  /** Things worth a line on stderr that are not failures (an ignored file named explicitly). */
  notices: string[];
}

/** Options for {@link collectTargets}. */
export interface CollectOptions {
  cwd: string;
  /** Honour `.gitignore` and `.copydeskignore`. */
  ignore: boolean;
  /** A folder or glob naming no draft is an error (else a notice). */
  errorOnUnmatched: boolean;
}

/** Expands PATH, GLOB and `-` arguments into targets, in argument order, each draft once. */
export function collectTargets(patterns: readonly string[], options: CollectOptions): Collected {
  const rules = new IgnoreRules(options.cwd);
  const seen = new Set<string>();
  const collected: Collected = { targets: [], errors: [], notices: [] };
  const add = (path: string): boolean => {
    let key = path;
    try {
      key = realpathSync(path);
    } catch {
      // A dangling link is reported when it is read.
    }
    if (seen.has(key)) return false;
    seen.add(key);
    collected.targets.push({ kind: 'file', path });
    return true;
  };
  // A folder that cannot be read, or a draft whose name is not UTF-8, is an error: a draft must not hide from CI.
  const unreadable = (message: string): void => {
    collected.errors.push(message);
  };
  const unmatched = (message: string): void => {
    (options.errorOnUnmatched ? collected.errors : collected.notices).push(message);
  };

  for (const pattern of patterns) {
    if (pattern === '-') {
      // Standard input can be read once; a second - adds nothing.
      if (!collected.targets.some((target) => target.kind === 'stdin')) collected.targets.push({ kind: 'stdin' });
      continue;
    }
    const path = resolve(options.cwd, pattern);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      if (options.ignore && rules.isIgnoredAnywhere(path, true)) {
        collected.notices.push(`${pattern} is ignored by .gitignore or .copydeskignore; skipped (--no-ignore lints it).`);
        continue;
      }
      const found = walk(path, rules, options.ignore, unreadable);
      if (found.length === 0) unmatched(`no drafts (.md, .markdown, .txt, .news) under ${pattern}`);
      found.forEach(add);
    } else if (stat) {
      if (options.ignore && rules.isIgnoredAnywhere(path, false)) {
        collected.notices.push(`${pattern} is ignored by .gitignore or .copydeskignore; skipped (--no-ignore lints it).`);
        continue;
      }
      add(path);
    } else if (isGlob(pattern)) {
      const { base, rest } = splitGlob(pattern);
      const baseFolder = resolve(options.cwd, base);
      // '/**/*.md' (or '../../**/*.md') would walk the whole disk, or everything around the working folder:
      // refused; naming the folder itself, or a glob inside it, is how to mean it.
      if (baseFolder !== resolve(options.cwd) && isInside(resolve(options.cwd), baseFolder)) {
        collected.errors.push(`${pattern}: this glob starts above the working folder, at ${baseFolder}, and would walk everything under it; name that folder itself, or a glob inside the working folder`);
        continue;
      }
      const matcher = globToRegExp(rest);
      let found: string[] = [];
      try {
        if (statSync(baseFolder).isDirectory()) found = walk(baseFolder, rules, options.ignore, unreadable).filter((file) => matcher.test(relative(baseFolder, file).split(sep).join('/')));
      } catch {
        found = [];
      }
      if (found.length === 0) unmatched(`no drafts match ${pattern}`);
      found.forEach(add);
    } else {
      collected.errors.push(`${pattern}: no such file or folder`);
    }
  }
  return collected;
}

/** Drafts under a folder, sorted by path, less what the ignore files exclude (when honoured). */
function walk(treeRoot: string, rules: IgnoreRules, honourIgnores: boolean, onUnreadable: (message: string) => void): string[] {
  const ignoreRoot = rules.rootFor(treeRoot);
  const skip = honourIgnores ? (path: string, isFolder: boolean): boolean => rules.isIgnored(path, isFolder, ignoreRoot) : undefined;
  return draftsUnder(treeRoot, { linksInsideTree: true, skip, onUnreadable }).map((draft) => draft.path);
}
