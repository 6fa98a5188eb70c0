/** Hover: the explanation of the finding under the cursor, from the lint of the current version. */
import type { CancellationToken, Hover, HoverParams } from 'vscode-languageserver';
import { SupersededError } from '../lint-jobs';
import { unlessCancelled } from '../cancellation';
import type { LintResult } from '../document-linter';
import { hoverFor } from '../hover';
import type { HandlerContext } from './context';

export async function hoverAt({ documents, linter, log }: HandlerContext, params: HoverParams, token: CancellationToken): Promise<Hover | null> {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const version = document.version;
  const offset = document.offsetAt(params.position);
  let result: LintResult;
  try {
    result = await unlessCancelled(linter.lintDocument(document), token);
  } catch (error) {
    if (token.isCancellationRequested) throw error;
    if (!(error instanceof SupersededError)) log(error, 'hover');
    return null;
  }
  if (result.kind !== 'findings' || !linter.isCurrent(document, version)) return null;
  const finding = result.findings.find((candidate) => candidate.offset <= offset && offset <= candidate.endOffset && candidate.ruleId !== 'copydesk-directive');
  return finding ? hoverFor(document.getText(), finding) : null;
}
