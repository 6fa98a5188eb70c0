/**
 * The drafts "Check All Drafts in Workspace" reads: regular files with a draft extension under the
 * workspace folders. A cloned repository is not trusted to be friendly, so the walk follows no
 * symbolic link (a link to /etc or to another checkout is not part of this workspace), reads no FIFO
 * or device (reading one can block forever or never end), and stops at a file-count limit.
 */
import { readRegularFile, UnreadableFileError } from '../project/read-file';
import type { Format } from '../core/index';
import { decodeDraft, draftsUnder as walkForDrafts } from '../project/draft-files';
import { DOCUMENT_SIZE_LIMIT } from './limits';
/** The workspace check reads at most this many drafts. */
export const WORKSPACE_FILE_LIMIT = 5000;
/** UTF-8 spends at most 3 bytes per UTF-16 code unit: a larger file is over the size limit unread. */
const BYTES_BEYOND_LIMIT = 3 * DOCUMENT_SIZE_LIMIT;

/** A draft found in the workspace. */
export interface WorkspaceDraft {
  path: string;
  /** The language it is linted as: the format its extension names. */
  languageId: Format;
  /** Size in bytes, from the walk's lstat. */
  size: number;
}

/** Drafts under a workspace folder: skips dot-folders and node_modules, and follows no symbolic link. */
export function draftsUnder(root: string, limit = WORKSPACE_FILE_LIMIT): WorkspaceDraft[] {
  return walkForDrafts(root, { limit }).map((draft) => ({ path: draft.path, languageId: draft.format, size: draft.size }));
}

/** What reading a workspace draft gave. */
export type DraftRead = { kind: 'text'; text: string } | { kind: 'too-large' } | { kind: 'skipped' };

/**
 * A draft's text. A file certainly over the size limit is not read (a 2 GB file never enters memory),
 * and a file that became a link, FIFO or device since the walk saw it is skipped: it is opened without
 * following a final link and without blocking, then checked again on the open descriptor.
 */
export function readWorkspaceDraft(draft: WorkspaceDraft): DraftRead {
  if (draft.size > BYTES_BEYOND_LIMIT) return { kind: 'too-large' };
  let bytes: Buffer;
  try {
    bytes = readRegularFile(draft.path, { limit: BYTES_BEYOND_LIMIT, noFollow: true });
  } catch (error) {
    return error instanceof UnreadableFileError && error.message.startsWith('is larger') ? { kind: 'too-large' } : { kind: 'skipped' };
  }
  const decoded = decodeDraft(bytes);
  return decoded ? { kind: 'text', text: decoded.text } : { kind: 'skipped' };
}
