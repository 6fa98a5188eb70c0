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
