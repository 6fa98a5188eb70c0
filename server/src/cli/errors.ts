/**
 * The one kind of error the command line reports without a stack trace: a mistake in how copydesk was
 * called, or in what it was pointed at. Anything else is a bug and says so.
 */

/** A user's mistake: printed as one line on stderr, and the run ends with exit code 2. */
export class UsageError extends Error {}

/** The one line to print for an error, and whether it is the user's mistake (no stack) or ours. */
export function describeError(error: unknown): { line: string; internal: boolean } {
  if (error instanceof UsageError) return { line: error.message, internal: false };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // File-system refusals are the user's business (a path, a permission), not a bug to debug.
  if (code === 'ENOENT') return { line: `no such file or folder: ${(error as NodeJS.ErrnoException).path ?? ''}`.trim(), internal: false };
  if (code === 'EACCES' || code === 'EPERM') return { line: `permission denied: ${(error as NodeJS.ErrnoException).path ?? ''}`.trim(), internal: false };
  if (code === 'EISDIR') return { line: `is a folder: ${(error as NodeJS.ErrnoException).path ?? ''}`.trim(), internal: false };
  return { line: `internal error: ${error instanceof Error ? error.message : String(error)} (set COPYDESK_DEBUG=1 to see where)`, internal: true };
}
