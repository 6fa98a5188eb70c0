/**
 * `.gitignore` and `.copydeskignore`, read as git reads them: each file's patterns apply to paths below
 * its own folder, deeper files can re-include what shallower ones excluded, and the last matching rule
 * wins. `.copydeskignore` is read after `.gitignore` in the same folder, so it can re-include a draft
 * git ignores (`!drafts/embargoed.md`) as well as exclude drafts git tracks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isInside } from '../project/draft-files';

/** The ignore files read in every folder, in the order their rules apply. */
export const IGNORE_FILE_NAMES = ['.gitignore', '.copydeskignore'] as const;

/** Reads and caches the ignore files of a tree; answers whether a path is ignored. */
export class IgnoreRules {
  private readonly folders = new Map<string, Ignore | null>();
  private readonly roots = new Map<string, string>();

  /** @param cwd where relative paths are resolved; the root of last resort. */
  constructor(private readonly cwd: string) {}

  /**
   * Where ignore files start to apply for a path: the nearest folder holding `.git` (a repository's
   * ignore files above the path count), else the working folder when the path is under it, else the
   * path's own folder. Folders above that are never read, so a stray ignore file in a home folder or
   * /tmp does not hide drafts.
   */
  rootFor(folder: string): string {
    const start = resolve(folder);
    let root = this.roots.get(start);
    if (root === undefined) {
      for (let current = start; ; current = dirname(current)) {
        if (existsSync(join(current, '.git'))) {
          root = current;
          break;
        }
        if (dirname(current) === current) break;
      }
      root ??= isInside(start, this.cwd) ? this.cwd : start;
      this.roots.set(start, root);
    }
    return root;
  }

  /**
   * Whether a path under `root` is ignored by the ignore files of `root` and the folders between it and
   * the path. Parent folders are not tested here: a walk never enters an ignored folder, and
   * {@link isIgnoredAnywhere} checks them for paths named on the command line.
   */
  isIgnored(path: string, isDirectory: boolean, root: string): boolean {
    let ignored = false;
    const folders: string[] = [];
    for (let folder = dirname(path); isInside(folder, root); folder = dirname(folder)) {
      folders.unshift(folder);
      if (folder === root || dirname(folder) === folder) break;
    }
    for (const folder of folders) {
      const rules = this.rulesOf(folder);
      if (!rules) continue;
      const relativePath = relative(folder, path).split(sep).join('/') + (isDirectory ? '/' : '');
      const verdict = rules.test(relativePath);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }

  /** Whether a path named on the command line, or any folder between its root and it, is ignored. */
  isIgnoredAnywhere(path: string, isDirectory: boolean): boolean {
    const absolute = resolve(path);
    const root = this.rootFor(isDirectory ? absolute : dirname(absolute));
    const chain: string[] = [];
    for (let current = absolute; current !== root && isInside(current, root); current = dirname(current)) chain.unshift(current);
    return chain.some((current, index) => this.isIgnored(current, index < chain.length - 1 || isDirectory, root));
  }

  private rulesOf(folder: string): Ignore | null {
    let rules = this.folders.get(folder);
    if (rules !== undefined) return rules;
    rules = null;
    for (const name of IGNORE_FILE_NAMES) {
      const file = join(folder, name);
      if (!existsSync(file)) continue;
      try {
        rules ??= ignore();
        rules.add(readFileSync(file, 'utf8'));
      } catch {
        // An unreadable ignore file ignores nothing; the lint itself must not fail over it.
      }
    }
    this.folders.set(folder, rules);
    return rules;
  }
}
