/**
 * Glob patterns, matched here rather than with a dependency or `path.matchesGlob` (which Node 20 only
 * gained in 20.17): `*`, `?`, `**`, `[abc]`, `[!abc]` and `{a,b}`, on `/`-separated paths.
 */

const MAGIC = /[*?[{]/;

/** Whether an argument is a glob pattern rather than a literal path. */
export function isGlob(pattern: string): boolean {
  return MAGIC.test(pattern);
}

/**
 * The literal folder a pattern starts in (`drafts/2024` for `drafts/2024/**\/*.md`), so that only that
 * folder is walked, and the rest of the pattern, which is matched against paths relative to it.
 */
export function splitGlob(pattern: string): { base: string; rest: string } {
  const segments = pattern.replace(/\\/g, '/').split('/');
  const literal: string[] = [];
  while (segments.length > 1 && !MAGIC.test(segments[0])) literal.push(segments.shift()!);
  const base = literal.length === 0 ? '.' : literal.join('/') === '' ? '/' : literal.join('/');
  return { base, rest: segments.join('/') };
}

/** Compiles a glob to a regular expression over a whole `/`-separated path. */
export function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${translate(pattern.replace(/\\/g, '/'))}$`);
}

function translate(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*') {
      if (pattern[i + 1] === '*') {
        const atSegmentStart = i === 0 || pattern[i - 1] === '/';
        const next = pattern[i + 2];
        if (atSegmentStart && next === '/') {
          // "**/" is zero or more whole folders.
          out += '(?:[^/]+/)*';
          i += 2;
          continue;
        }
        if (atSegmentStart && next === undefined) {
          out += '.*';
          i += 1;
          continue;
        }
      }
      out += '[^/]*';
      while (pattern[i + 1] === '*') i++;
    } else if (char === '?') out += '[^/]';
    else if (char === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) out += '\\[';
      else {
        const body = pattern.slice(i + 1, close);
        out += body.startsWith('!') || body.startsWith('^') ? `[^/${escapeClass(body.slice(1))}]` : `[${escapeClass(body)}]`;
        i = close;
      }
    } else if (char === '{') {
      const close = matchingBrace(pattern, i);
      if (close === -1) out += '\\{';
      else {
        out += `(?:${splitAlternatives(pattern.slice(i + 1, close)).map(translate).join('|')})`;
        i = close;
      }
    } else out += char.replace(/[.+^$()|\\\]}]/g, '\\$&');
  }
  return out;
}

function escapeClass(body: string): string {
  return body.replace(/[\\\]^]/g, '\\$&');
}

function matchingBrace(pattern: string, open: number): number {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '{') depth++;
    else if (pattern[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Splits `a,b{c,d}` at its top-level commas. */
function splitAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}
