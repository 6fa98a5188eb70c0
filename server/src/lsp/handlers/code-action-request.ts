/** Code actions: the quick-fixes of the diagnostics in range, and "Fix all" when the client asks for it. */
import { CodeActionKind, type CancellationToken, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { allowTermEdit, type AllowTermScope } from '../allow-term';
import { SupersededError } from '../background-lint';
import { unlessCancelled } from '../cancellation';
import { codeActions, FIX_ALL_KIND, fixAll } from '../code-actions';
import { formatOf } from '../document-linter';
import type { HandlerContext } from './context';

export interface CodeActionContext extends HandlerContext {
  /** Where "Allow in this project" may write for a draft at a path (nowhere outside a trusted workspace folder). */
  allowScopeFor(path: string): AllowTermScope;
}

export async function codeActionsFor(context: CodeActionContext, params: CodeActionParams, token: CancellationToken): Promise<CodeAction[]> {
  const { documents, linter } = context;
  const document = documents.get(params.textDocument.uri);
  const format = document && formatOf(document.languageId);
  if (!document || !format) return [];
  try {
    const path = URI.parse(document.uri).fsPath;
    // Each action checks the diagnostic's version and text against the document before it edits.
    const actions = codeActions(document, params, format, (uri, term) => allowTermEdit(uri, term, context.allowScopeFor(path)));
    const only = params.context.only;
    if (only?.some((kind) => FIX_ALL_KIND.startsWith(kind) && kind !== CodeActionKind.Empty)) {
      const version = document.version;
      const result = await unlessCancelled(linter.lintDocument(document), token);
      const all = linter.isCurrent(document, version) ? fixAll(document, linter.diagnosticsOf(result, version)) : undefined;
      if (all) actions.push(all);
    }
    return actions;
  } catch (error) {
    if (error instanceof SupersededError) return [];
    if (token.isCancellationRequested) throw error;
    context.log(error, 'code actions');
    return [];
  }
}
