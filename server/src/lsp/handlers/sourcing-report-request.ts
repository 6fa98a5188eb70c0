/** The sourcing report (SOURCING_REPORT_REQUEST): who the open draft cites for what, as markdown. */
import type { CancellationToken } from 'vscode-languageserver';
import { unlessCancelled } from '../cancellation';
import { formatOf } from '../document-linter';
import { declineNotice } from '../limits';
import type { SourcingReportParams } from '../protocol';
import { sourcingReport } from '../sourcing-report';
import type { HandlerContext } from './context';

export async function sourcingReportOf({ documents, linter }: HandlerContext, params: SourcingReportParams, token: CancellationToken): Promise<string> {
  const document = documents.get(params.uri);
  const format = document && formatOf(document.languageId);
  if (!document || !format) return '# Sourcing report\n\nOpen a markdown, plain-text or newsdraft document first.\n';
  const text = document.getText();
  const declined = declineNotice(text);
  if (declined) return `# Sourcing report\n\n${declined.message}\n`;
  const answer = await unlessCancelled(linter.sourcing(document.uri, text, format), token);
  return sourcingReport(document.uri.split('/').pop() ?? document.uri, document.uri, text, answer.findings, answer.sources ?? []);
}
