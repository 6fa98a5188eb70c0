/**
 * "Check all drafts": lints every draft under the workspace folders that is not open, and publishes its
 * diagnostics. Open drafts are linted live and are left alone; between files, waiting requests run.
 */
import type { CancellationToken } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { SupersededError } from '../background-lint';
import { sizeNotice } from '../limits';
import type { CheckWorkspaceResult } from '../protocol';
import { draftsUnder, readWorkspaceDraft } from '../workspace-drafts';
import type { HandlerContext } from './context';

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface CheckWorkspaceContext extends HandlerContext {
  roots: readonly string[];
  /** Remembers a URI that now has diagnostics, so closing or clearing can withdraw them. */
  published: Set<string>;
}

export async function checkWorkspace(context: CheckWorkspaceContext, token: CancellationToken): Promise<CheckWorkspaceResult> {
  const { connection, documents, linter } = context;
  let files = 0;
  let total = 0;
  for (const root of context.roots) {
    for (const draft of draftsUnder(root)) {
      if (token.isCancellationRequested) return { files, findings: total, cancelled: true };
      const uri = URI.file(draft.path).toString();
      if (documents.get(uri)) continue; // open drafts are linted live
      // Between files, let waiting requests (a hover, a keystroke's lint) run.
      await yieldToEventLoop();
      try {
        const read = readWorkspaceDraft(draft);
        if (read.kind === 'skipped') continue;
        const diagnostics = read.kind === 'too-large' ? [sizeNotice(`${(draft.size / 1024 / 1024).toFixed(1)} MB`)] : linter.diagnosticsOf(await linter.lintText(uri, draft.languageId, read.text), 0);
        if (documents.get(uri)) continue; // opened while it was read: its live lint wins
        files++;
        total += diagnostics.length;
        context.published.add(uri);
        await connection.sendDiagnostics({ uri, diagnostics });
      } catch (error) {
        if (!(error instanceof SupersededError)) context.log(error, `checking ${draft.path}`);
      }
    }
  }
  return { files, findings: total };
}
