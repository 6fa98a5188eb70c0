/** Code actions: the quick-fixes of the diagnostics in range, and "Fix all" when the client asks for it. */
import { CodeActionKind, type CancellationToken, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { allowTermEdit, type AllowTermScope } from '../allow-term';
import { SupersededError } from '../lint-jobs';
import { unlessCancelled } from '../cancellation';
import { ALLOWABLE, codeActions, FIX_ALL_KIND, fixAll } from '../code-actions';
import { findingData } from '../diagnostics';
import { formatOf } from '../document-linter';
import type { HandlerContext } from './context';

export interface CodeActionContext extends HandlerContext {
  /** Where "Allow in this project" may write for a draft (nowhere outside a trusted workspace folder). */
  allowScopeFor(uri: string): AllowTermScope;
}

export async function codeActionsFor(context: CodeActionContext, params: CodeActionParams, token: CancellationToken): Promise<CodeAction[]> {
  const { documents, linter } = context;
  const document = documents.get(params.textDocument.uri);
  const format = document && formatOf(document.languageId);
  if (!document || !format) return [];
  try {
    // The allow edits read the project's config, which may be a request to the client away: read first, once per term.
    const allowEdits = new Map<string, WorkspaceEdit | undefined>();
    for (const diagnostic of params.context.diagnostics) {
      const data = findingData(diagnostic);
      const term = data && ALLOWABLE.has(data.ruleId) ? data.actual.toLowerCase() : undefined;
      if (term !== undefined && !allowEdits.has(term)) allowEdits.set(term, await unlessCancelled(allowTermEdit(document.uri, term, context.allowScopeFor(document.uri)), token));
    }
    // Each action checks the diagnostic's version and text against the document before it edits.
    const actions = codeActions(document, params, format, (_uri, term) => allowEdits.get(term));
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
