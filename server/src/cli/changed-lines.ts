/**
 * Which lines a change added or changed, from a unified diff (`git diff`, `diff -u`): what
 * `--diff` and `--changed-since` report findings on. A run lints whole drafts, so that who is speaking
 * is read in context, and reports only the findings that touch these lines.
 */
import { resolve } from 'node:path';

/** For each file (absolute path, as it is after the change), its added or changed lines (1-based), or `all` for a new file. */
export type ChangedLines = Map<string, Set<number> | 'all'>;

/**
 * The changed lines of a unified diff whose paths are relative to `root`. Renamed files are keyed by
 * their new name; deleted files are left out; a file the diff creates counts as changed throughout.
 */
export function parseUnifiedDiff(diff: string, root: string): ChangedLines {
  const changed: ChangedLines = new Map();
  let file: string | undefined;
  let created = false;
  let line = 0;
  for (const raw of diff.split('\n')) {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.startsWith('diff --git ')) {
      file = undefined;
      created = false;
      continue;
    }
    if (text.startsWith('new file mode')) {
      created = true;
      continue;
    }
    if (text.startsWith('--- ')) continue;
    if (text.startsWith('+++ ')) {
      const target = diffPath(text.slice(4));
      file = target === undefined ? undefined : resolve(root, target);
      if (file !== undefined && !changed.has(file)) changed.set(file, created ? 'all' : new Set());
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
    if (hunk) {
      line = Number(hunk[1]);
      continue;
    }
    if (file === undefined || line === 0) continue;
    const lines = changed.get(file);
    if (text.startsWith('+')) {
      if (lines instanceof Set) lines.add(line);
      line++;
    } else if (text.startsWith(' ')) line++;
    // '-' lines and "\ No newline at end of file" leave the new file's numbering as it is.
  }
  return changed;
}

/** The path of a `+++` line without its `b/` prefix (git quotes unusual names C-style), or undefined for /dev/null. */
function diffPath(field: string): string | undefined {
  const name = field.startsWith('"') ? unquote(field) : field.replace(/\t.*$/, '');
  if (name === '/dev/null') return undefined;
  return name.startsWith('b/') ? name.slice(2) : name;
}

/** Git's C-style quoting of a path: "caf\303\251.md" is "café.md". */
function unquote(field: string): string {
  const end = field.lastIndexOf('"');
  const body = field.slice(1, end > 0 ? end : undefined);
  const bytes: number[] = [];
  const ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = body[i + 1];
    if (/[0-7]/.test(next ?? '')) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Whether a finding on lines `startLine`..`endLine` (0-based, as findings count them) touches a changed line. */
export function touchesChange(lines: Set<number> | 'all' | undefined, startLine: number, endLine: number): boolean {
  if (lines === undefined) return false;
  if (lines === 'all') return true;
  for (let line = startLine + 1; line <= endLine + 1; line++) if (lines.has(line)) return true;
  return false;
}
