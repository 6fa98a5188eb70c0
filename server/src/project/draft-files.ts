/**
 * What the command line and the language server agree on about files: which are drafts and in what
 * format, when a path lies inside a folder, and the byte-order mark editors hide.
 */
import { sep } from 'node:path';
import type { Format } from '../core/index';

/** The extensions a folder walk picks up, and the format each is read as. */
export const DRAFT_EXTENSIONS: Readonly<Record<string, Format>> = { '.md': 'markdown', '.markdown': 'markdown', '.txt': 'plaintext', '.news': 'newsdraft' };

/** Which format a file is, from its extension; undefined when copydesk does not read that kind of file. */
export function formatForPath(path: string): Format | undefined {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') && dot > path.lastIndexOf('\\') ? DRAFT_EXTENSIONS[path.slice(dot).toLowerCase()] : undefined;
}

/** Whether `inner` is `outer` or inside it (both absolute paths). */
export function isInside(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}

/** The text without a leading byte-order mark (editors hide it, so positions must not count it). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
