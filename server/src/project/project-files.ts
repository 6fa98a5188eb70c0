/**
 * The files of a project as the config resolver, "Allow in this project" and "Check all drafts" see them:
 * by URI, asynchronously, through whichever host can reach them. The Node server and the command line
 * read the disk (node-files.ts, with its safe reader); the browser server, which has no disk, asks its
 * client, whose `workspace.fs` reaches the workspace wherever it lives (lsp/client-files.ts). The code
 * above this interface is one code path for every host. No Node imports.
 */
import { URI, Utils } from 'vscode-uri';
import type { Format } from '../core/index';

/** A draft a workspace walk found. */
export interface WorkspaceDraft {
  uri: string;
  format: Format;
  /** Size in bytes, as the walk saw it. */
  size: number;
}

/** What reading a workspace draft gave: its text, "over the limit" (not read), or skipped (no longer a regular file, or not text). */
export type DraftRead = { kind: 'text'; text: string } | { kind: 'too-large' } | { kind: 'skipped' };

/** A config file's text, or why it was not read (a sentence for the user). */
export type ConfigText = { text: string } | { refused: string };

export interface ProjectFiles {
  /** Whether anything is at a location, even a link to nothing (which is then reported as unreadable, not ignored). */
  exists(uri: string): Promise<boolean>;
  /**
   * A config file's text: only a regular file, only up to the config size limit, and with `confineTo` (a
   * workspace folder) only if it really lies in that folder. Never rejects.
   */
  readConfig(uri: string, confineTo?: string): Promise<ConfigText>;
  /** The drafts under a folder, at most `limit`: dot-folders and node_modules skipped, no link followed. */
  findDrafts(folder: string, limit: number): Promise<WorkspaceDraft[]>;
  /** A draft's text; a draft over `limit` bytes is not read. Never rejects. */
  readDraft(draft: WorkspaceDraft, limit: number): Promise<DraftRead>;
}

/** A URI in the one spelling every comparison uses. */
export function normalUri(uri: string): string {
  return URI.parse(uri).toString();
}

/** Whether `inner` is `outer` or inside it (both normal URIs): same scheme and authority, and a path below. */
export function uriInside(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith('/') ? outer : `${outer}/`);
}

/** The folder a URI lies in; undefined at the root of its file system. */
export function parentUri(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  const parent = Utils.dirname(parsed);
  return parent.path === parsed.path ? undefined : parent.toString();
}

/** A name inside a folder URI. */
export function childUri(folder: string, name: string): string {
  return Utils.joinPath(URI.parse(folder), name).toString();
}

/** Files no host can reach (a scheme the server cannot read and its client does not serve): nothing is there. */
export const NO_FILES: ProjectFiles = {
  exists: async () => false,
  readConfig: async () => ({ refused: 'Copydesk cannot read files at this location.' }),
  findDrafts: async () => [],
  readDraft: async () => ({ kind: 'skipped' }),
};

/** Files read through whichever host reaches each location (`pick` chooses by URI). */
export function filesByLocation(pick: (uri: string) => ProjectFiles): ProjectFiles {
  return {
    exists: (uri) => pick(uri).exists(uri),
    readConfig: (uri, confineTo) => pick(uri).readConfig(uri, confineTo),
    findDrafts: (folder, limit) => pick(folder).findDrafts(folder, limit),
    readDraft: (draft, limit) => pick(draft.uri).readDraft(draft, limit),
  };
}
