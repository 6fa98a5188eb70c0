/**
 * "Check all drafts": lints every draft under the workspace folders that is not open, and publishes its
 * diagnostics. Open drafts are linted live and are left alone; between files, waiting requests run.
 */
import type { CancellationToken } from 'vscode-languageserver';
import type { ProjectFiles } from '../../project/project-files';
import { SupersededError } from '../lint-jobs';
import { DOCUMENT_SIZE_LIMIT, sizeNotice } from '../limits';
import type { CheckWorkspaceResult } from '../protocol';
import type { HandlerContext } from './context';

/** The workspace check reads at most this many drafts per workspace folder. */
export const WORKSPACE_FILE_LIMIT = 5000;
/** UTF-8 spends at most 3 bytes per UTF-16 code unit: a larger file is over the size limit unread. */
const BYTES_BEYOND_LIMIT = 3 * DOCUMENT_SIZE_LIMIT;

/**
 * Lets waiting messages run. A web worker has no setImmediate, and a chain of setTimeout(0) is clamped
 * to 4 ms a step there (20 s over 5,000 drafts); a message to itself is not.
 */
function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    // A web worker's MessagePort (the server's own typings are Node's).
    (channel.port1 as unknown as { onmessage: (() => void) | null }).onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

export interface CheckWorkspaceContext extends HandlerContext {
  /** The workspace folders, as URIs. */
  roots: readonly string[];
  files: ProjectFiles;
  /** Remembers a URI that now has diagnostics, so closing or clearing can withdraw them. */
  published: Set<string>;
}

export async function checkWorkspace(context: CheckWorkspaceContext, token: CancellationToken): Promise<CheckWorkspaceResult> {
  const { connection, documents, linter } = context;
  let files = 0;
  let total = 0;
  for (const root of context.roots) {
    for (const draft of await context.files.findDrafts(root, WORKSPACE_FILE_LIMIT)) {
      if (token.isCancellationRequested) return { files, findings: total, cancelled: true };
      const uri = draft.uri;
      if (documents.get(uri)) continue; // open drafts are linted live
      // Between files, let waiting requests (a hover, a keystroke's lint) run.
      await yieldToEventLoop();
      try {
        const read = await context.files.readDraft(draft, BYTES_BEYOND_LIMIT);
        if (read.kind === 'skipped') continue;
        const diagnostics = read.kind === 'too-large' ? [sizeNotice(`${(draft.size / 1024 / 1024).toFixed(1)} MB`)] : linter.diagnosticsOf(await linter.lintText(uri, draft.format, read.text), 0);
        if (documents.get(uri)) continue; // opened while it was read: its live lint wins
        files++;
        total += diagnostics.length;
        context.published.add(uri);
        await connection.sendDiagnostics({ uri, diagnostics });
      } catch (error) {
        if (!(error instanceof SupersededError)) context.log(error, `checking ${uri}`);
      }
    }
  }
  return { files, findings: total };
}
