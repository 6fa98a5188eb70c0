/**
 * What the command line and the Node language server agree on about files on disk: how a folder is walked
 * for drafts, and when a path lies inside a folder. (Which files are drafts, and how their bytes are read
 * as text, is draft-format.ts: the browser server needs it too.)
 */
import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import type { Format } from '../core/index';
import { formatForPath } from './draft-format';

/** Whether `inner` is `outer` or inside it (both absolute paths). */
export function isInside(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
/** A file name as a string, or undefined when its bytes are not UTF-8. */
function decodeName(bytes: Buffer): string | undefined {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A draft a folder walk found. */
export interface FoundDraft {
  path: string;
  format: Format;
  /** Size in bytes, from the walk's stat. */
  size: number;
}

/** How {@link draftsUnder} treats links, exclusions and very large trees. */
export interface DraftWalkOptions {
  /**
   * Take a symbolic link to a draft whose target lies inside the walked tree (the command line). Links to
   * folders are never followed: their targets inside the tree are walked anyway, and one outside it could
   * pull in anything, or loop. Without this, no link is followed at all (the workspace check).
   */
  linksInsideTree?: boolean;
  /** Leave out a file or folder (the ignore files). */
  skip?: (path: string, isFolder: boolean) => boolean;
  /** Stop after this many drafts. */
  limit?: number;
  /**
   * Told of what the walk could not look at: a folder it cannot read, a name that is not UTF-8. A CI run
   * says so on stderr, so that a draft cannot hide from the check by being unreadable or oddly named.
   */
  onUnreadable?: (message: string) => void;
}

/**
 * Drafts under a folder, in sorted path order: regular files with a draft extension. Skips dot-folders
 * and node_modules; reads no FIFO or device (reading one can block forever), and a folder it cannot read
 * holds nothing to lint.
 */
export function draftsUnder(root: string, options: DraftWalkOptions = {}): FoundDraft[] {
  const { linksInsideTree = false, skip, limit = Infinity, onUnreadable } = options;
  const realRoot = linksInsideTree ? (safeRealpath(root) ?? root) : root;
  const found: FoundDraft[] = [];
  const visit = (folder: string): void => {
    let entries: Buffer[];
    try {
      entries = readdirSync(folder, { encoding: 'buffer' });
    } catch (error) {
      onUnreadable?.(`${folder}: cannot read this folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); its drafts were not linted`);
      return;
    }
    const names: string[] = [];
    for (const entry of entries) {
      const name = decodeName(entry);
      if (name === undefined) {
        // Not UTF-8: the name cannot be passed back to the file system as a string. Only drafts matter.
        if (/\.(?:md|markdown|txt|news)$/i.test(entry.toString('latin1'))) onUnreadable?.(`${folder}: a file whose name is not UTF-8 (${JSON.stringify(entry.toString('latin1'))}) was skipped; rename it to lint it`);
        continue;
      }
      names.push(name);
    }
    names.sort();
    for (const name of names) {
      if (found.length >= limit) return;
      if (name.startsWith('.') || name === 'node_modules') continue;
      const path = join(folder, name);
      let stat;
      try {
        // lstat, not stat: a symbolic link is seen as a link, never followed unawares.
        stat = lstatSync(path);
      } catch {
        continue; // removed while we walked
      }
      if (stat.isDirectory()) {
        if (!skip?.(path, true)) visit(path);
        continue;
      }
      const format = formatForPath(name);
      if (!format || skip?.(path, false)) continue;
      if (stat.isFile()) found.push({ path, format, size: stat.size });
      else if (stat.isSymbolicLink() && linksInsideTree) {
        const target = safeRealpath(path);
        const targetStat = target && isInside(target, realRoot) ? safeStat(target) : undefined;
        if (targetStat?.isFile()) found.push({ path, format, size: targetStat.size });
      }
    }
  };
  visit(root);
  return found;
}

function safeRealpath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function safeStat(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
