/**
 * The names and shapes of Copydesk's own requests and commands: what the client and the server say to
 * each other beyond LSP. Both sides (and the tests) import them from here, so a rename cannot leave one
 * side speaking to nothing. No imports: the client bundle takes this file as it is.
 */

/** Request: the sourcing report of an open draft, as markdown. */
export const SOURCING_REPORT_REQUEST = 'copydesk/sourcingReport';
export interface SourcingReportParams {
  uri: string;
}

/** Request: how much work the engine did (tests read it); `afterBackground` waits until the lint worker is idle. */
export const STATS_REQUEST = 'copydesk/stats';
export interface StatsParams {
  afterBackground?: boolean;
}
export interface StatsResult {
  paragraphsAnalysed: number;
  backgroundBusy: boolean;
  backgroundJobsDone: number;
}

/** Commands the server runs through `workspace/executeCommand`. */
export const SERVER_COMMANDS = { checkWorkspace: 'copydesk.server.checkWorkspace' } as const;

/** What "Check all drafts" answers: drafts checked and findings published, or where it stopped when cancelled. */
export interface CheckWorkspaceResult {
  files: number;
  findings: number;
  cancelled?: boolean;
}

/**
 * Requests the server sends its client, to reach the workspace's files through the editor's file system:
 * the browser server has no disk, and a virtual workspace (github.dev) none the server could read.
 * Copydesk's clients say they answer them with `initializationOptions.workspaceFiles: true`. The client
 * answers only for files inside its workspace folders.
 */
export const WORKSPACE_FILE_REQUESTS = {
  exists: 'copydesk/files/exists',
  read: 'copydesk/files/read',
  findDrafts: 'copydesk/files/findDrafts',
} as const;
export interface FileExistsParams {
  uri: string;
}
export interface FileReadParams {
  uri: string;
  /** Refuse a file larger than this many bytes. */
  limit: number;
  /** A config is UTF-8; a draft is UTF-8 or Windows-1252 (see decodeDraft). */
  as: 'config' | 'draft';
}
/** The text, or why it was not read: `too-large` (over the limit), `link`, `not-file`, `outside` (not in a workspace folder), `undecodable`, `failed`. */
export type FileReadResult = { text: string } | { refused: 'too-large' | 'link' | 'not-file' | 'folder' | 'outside' | 'undecodable' | 'failed'; detail?: string };
export interface FindDraftsParams {
  folder: string;
  limit: number;
}
export interface FoundDraftEntry {
  uri: string;
  size: number;
}
