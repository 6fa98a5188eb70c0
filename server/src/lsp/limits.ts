/**
 * What the language server declines to lint, and the one information diagnostic that says why. A
 * reporter who opens a 40 MB log or a PDF forced open as text gets a plain explanation, not a frozen
 * editor or ten thousand nonsense findings. The README's "Limits and failure behaviour" states these.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

/** Drafts with more characters (UTF-16 code units) than this are declined: 5 MB of plain text. */
export const DOCUMENT_SIZE_LIMIT = 5 * 1024 * 1024;
/**
 * At most this many diagnostics are published for one draft. A real draft has tens; a pasted 1 MB
 * log can have tens of thousands, which only slows the editor and helps no one.
 */
export const DIAGNOSTICS_LIMIT = 5_000;

/** Diagnostic codes of the server's own notices (not engine findings). */
export const NOTICE_CODES = { size: 'copydesk-size', binary: 'copydesk-binary', truncated: 'copydesk-truncated', failed: 'copydesk-failed' } as const;

const TOP: Diagnostic['range'] = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A notice at the top of the draft (information severity), with one of {@link NOTICE_CODES}. */
export function notice(code: string, message: string): Diagnostic {
  return { range: TOP, severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE, code, message };
}

/** The notice for a draft over {@link DOCUMENT_SIZE_LIMIT}; `size` says how big it is ("10.5 million characters"). */
export function sizeNotice(size: string): Diagnostic {
  return notice(NOTICE_CODES.size, `Copydesk does not check this file in the editor: it has ${size} and the limit is 5 MB (${DOCUMENT_SIZE_LIMIT.toLocaleString('en')} characters). Split the draft, or run the copydesk command line on it.`);
}

/** The notice for a draft Copydesk will not lint (too large, or binary), or undefined if it is fine. */
export function declineNotice(text: string): Diagnostic | undefined {
  if (text.length > DOCUMENT_SIZE_LIMIT) return sizeNotice(`${(text.length / 1_000_000).toFixed(1)} million characters`);
  // No draft contains NUL; a file that does is binary (a PDF, a Word file) opened as text.
  if (text.includes('\u0000')) {
    return notice(NOTICE_CODES.binary, 'Copydesk does not check this file: it contains NUL bytes, so it looks like a binary file rather than a draft.');
  }
  return undefined;
}

/**
 * The diagnostics of a draft's findings, with a closing notice when the engine found more than
 * {@link DIAGNOSTICS_LIMIT} (the lint keeps only the first ones; `total` says how many there were).
 */
export function withTruncationNotice(diagnostics: Diagnostic[], total: number): Diagnostic[] {
  if (total <= diagnostics.length) return diagnostics;
  const hidden = total - diagnostics.length;
  return [
    ...diagnostics,
    notice(NOTICE_CODES.truncated, `Copydesk shows the first ${diagnostics.length.toLocaleString('en')} findings in this file; ${hidden.toLocaleString('en')} more are not shown. The copydesk command line lists them all.`),
  ];
}
