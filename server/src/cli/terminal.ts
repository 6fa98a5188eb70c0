/** What copydesk prints for a terminal: draft text and file names with their control characters escaped. */

/** What a terminal could act on: C0 and C1 controls, line and paragraph separators, bidi marks and overrides. */
const TERMINAL_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Draft text and file names for a terminal: C0 and C1 control characters, line and paragraph separators and
 * bidi overrides are shown as escapes (`\u{1b}`), so a draft or a file name cannot move the cursor, set the
 * clipboard, rename the window or reorder what the reader sees.
 */
export function printable(text: string): string {
  return text.replace(TERMINAL_CONTROLS, (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`);
}

/**
 * A file name for the start of a line: {@link printable}, and "./" before a name beginning "::", which
 * GitHub Actions would read from the log as a workflow command (`::error::`, `::add-mask::`, `::stop-commands::`).
 */
export function printablePath(path: string): string {
  const shown = printable(path);
  return shown.startsWith('::') ? `./${shown}` : shown;
}

/** Control characters, separators and bidi controls each shown as one space, so columns stay where they were. */
export function blankControls(text: string): string {
  return text.replace(TERMINAL_CONTROLS, ' ');
}
