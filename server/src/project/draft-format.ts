/**
 * Which files are drafts and in what format, and how a draft's bytes become its text: shared by the
 * command line, the Node server and the browser server, so no Node imports.
 */
import type { Format } from '../core/index';

/** The extensions a folder walk picks up, and the format each is read as. */
export const DRAFT_EXTENSIONS: Readonly<Record<string, Format>> = { '.md': 'markdown', '.markdown': 'markdown', '.txt': 'plaintext', '.news': 'newsdraft' };

/** Which format a file is, from its extension; undefined when copydesk does not read that kind of file. */
export function formatForPath(path: string): Format | undefined {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') && dot > path.lastIndexOf('\\') ? DRAFT_EXTENSIONS[path.slice(dot).toLowerCase()] : undefined;
}

/** The text without a leading byte-order mark (editors hide it, so positions must not count it). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const WINDOWS_1252 = new TextDecoder('windows-1252');
/** Bytes Windows-1252 leaves undefined: a file holding any of them is not Windows-1252 text either. */
const UNDEFINED_IN_1252 = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

/**
 * A draft's text from its bytes, without a byte-order mark: UTF-8, or else Windows-1252 (what word
 * processors on Windows save as "plain text"; every byte but five is a character there, so only a file with
 * those five is refused). Undefined when it is neither.
 */
export function decodeDraft(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } | undefined {
  try {
    return { text: stripBom(UTF8.decode(bytes)), encoding: 'utf-8' };
  } catch {
    if (UNDEFINED_IN_1252.some((byte) => bytes.includes(byte))) return undefined;
    return { text: WINDOWS_1252.decode(bytes), encoding: 'windows-1252' };
  }
}
