/** Pull diagnostics (`textDocument/diagnostic`): the open draft's findings at the version asked about. */
import { DocumentDiagnosticReportKind, type CancellationToken, type DocumentDiagnosticParams, type DocumentDiagnosticReport } from 'vscode-languageserver';
import { SupersededError } from '../lint-jobs';
import { draftChangedError, unlessCancelled } from '../cancellation';
import type { LintResult } from '../document-linter';
import type { HandlerContext } from './context';

export async function diagnosticReport({ documents, linter }: HandlerContext, params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
  const document = documents.get(params.textDocument.uri);
  if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const version = document.version;
  let result: LintResult;
  try {
    result = await unlessCancelled(linter.lintDocument(document), token);
  } catch (error) {
    if (error instanceof SupersededError) throw draftChangedError();
    throw error;
  }
  // Changed while it was linted: the client asks again for the new version.
  if (!linter.isCurrent(document, version)) throw draftChangedError();
  return { kind: DocumentDiagnosticReportKind.Full, items: linter.diagnosticsOf(result, version) };
}
