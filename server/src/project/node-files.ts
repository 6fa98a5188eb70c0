/**
 * The project's files on this machine's disk: the {@link ProjectFiles} of the command line, the MCP
 * server and the Node language server. A cloned repository is not trusted to be friendly, so a config
 * or draft is read only if it is a regular file (a FIFO can block forever, `/dev/zero` never ends),
 * checked on the open descriptor, up to a limit; a config that links out of the workspace is refused,
 * and the workspace walk follows no link.
 */
import { realpathSync } from 'node:fs';
import { URI } from 'vscode-uri';
import { CONFIG_SIZE_LIMIT } from './config-file';
import { draftsUnder, isInside } from './draft-files';
import { decodeDraft } from './draft-format';
import type { ConfigText, DraftRead, ProjectFiles, WorkspaceDraft } from './project-files';
import { pathTaken, readRegularFile, UnreadableFileError } from './read-file';

/** The path on disk of a `file:` URI. */
export const pathOf = (uri: string): string => URI.parse(uri).fsPath;

/** The URI of a path on disk. */
export const uriOf = (path: string): string => URI.file(path).toString();

/**
 * Reads a config file's text safely: see {@link ProjectFiles.readConfig}. It is opened without blocking
 * and checked on the open descriptor. Never throws.
 */
export function readConfigText(path: string, confineTo?: string): ConfigText {
  try {
    if (confineTo) {
      const real = realpathSync(path);
      const root = realpathSync(confineTo);
      if (!isInside(real, root)) return { refused: `This config file links to ${real}, outside the workspace; Copydesk does not follow it.` };
    }
    const bytes = readRegularFile(path, { limit: CONFIG_SIZE_LIMIT });
    return { text: new TextDecoder().decode(bytes) };
  } catch (error) {
    if (error instanceof UnreadableFileError) return { refused: `The config file ${error.message}.` };
    return { refused: `Cannot read the config file: ${(error as Error).message}.` };
  }
}

/**
 * A draft's text. A file certainly over the limit is not read (a 2 GB file never enters memory), and a
 * file that became a link, FIFO or device since the walk saw it is skipped: it is opened without
 * following a final link and without blocking, then checked again on the open descriptor.
 */
function readDraftFile(path: string, size: number, limit: number): DraftRead {
  if (size > limit) return { kind: 'too-large' };
  let bytes: Buffer;
  try {
    bytes = readRegularFile(path, { limit, noFollow: true });
  } catch (error) {
    return error instanceof UnreadableFileError && error.message.startsWith('is larger') ? { kind: 'too-large' } : { kind: 'skipped' };
  }
  const decoded = decodeDraft(bytes);
  return decoded ? { kind: 'text', text: decoded.text } : { kind: 'skipped' };
}

/** The disk, by `file:` URI. */
export const nodeProjectFiles: ProjectFiles = {
  exists: async (uri) => pathTaken(pathOf(uri)),
  readConfig: async (uri, confineTo) => readConfigText(pathOf(uri), confineTo === undefined ? undefined : pathOf(confineTo)),
  findDrafts: async (folder, limit): Promise<WorkspaceDraft[]> =>
    draftsUnder(pathOf(folder), { limit }).map((draft) => ({ uri: URI.file(draft.path).toString(), format: draft.format, size: draft.size })),
  readDraft: async (draft, limit) => readDraftFile(pathOf(draft.uri), draft.size, limit),
};
