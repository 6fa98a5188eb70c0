/**
 * Quick-fixes, stateless: built from `diagnostic.data`, and checked against the document's current
 * text and version before they edit (vscode-eslint's rule). A fix never edits text it did not check.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { RULE_IDS, rulesWithFix, type Format } from '../core/index';
import { findingData, type FindingData } from './diagnostics';

/** The code action kind of Copydesk's fix-all. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.copydesk`;
/** Rules whose manifests offer the "Add attribution" fix (and the hover's better sentence shows it). */
export const ATTRIBUTABLE: ReadonlySet<string> = rulesWithFix('add-attribution');
/** Rules whose manifests let a project allow the flagged term in `.copydesk.yml`. */
export const ALLOWABLE: ReadonlySet<string> = rulesWithFix('allow-term');

/** Builds the workspace edit that allows a term in the project's config (see allow-term.ts). */
export type AllowTermEdit = (documentUri: string, term: string) => WorkspaceEdit | undefined;

/** Whether the diagnostic still describes the document: same version, and the same text where it points. */
export function stillValid(document: TextDocument, diagnostic: Diagnostic, data: FindingData): boolean {
  return data.version === document.version && document.getText(diagnostic.range) === data.actual;
}

const wants = (only: string[] | undefined, kind: string): boolean => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));

/** The code actions for the diagnostics in a request. */
export function codeActions(document: TextDocument, params: CodeActionParams, format: Format, allowTerm: AllowTermEdit): CodeAction[] {
  const actions: CodeAction[] = [];
  const only = params.context.only;
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      const data = findingData(diagnostic);
      if (!data || !stillValid(document, diagnostic, data)) continue;
      const edit = (edits: TextEdit[]): WorkspaceEdit => ({ changes: { [document.uri]: edits } });
      data.suggestions.forEach((suggestion, index) => {
        actions.push({
          title: `Replace "${data.actual}" with "${suggestion}"`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: index === 0,
          edit: edit([{ range: diagnostic.range, newText: suggestion }]),
        });
      });
      if (ATTRIBUTABLE.has(data.ruleId)) {
        const insertion = attributionInsertion(document, diagnostic);
        actions.push({ title: 'Add attribution (according to TK)', kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit([insertion]) });
      }
      // A directive's own problem (an unknown rule named in a disable comment) is not a rule to ignore:
      // "copydesk-disable-next-line copydesk-directive" would itself be a directive naming no rule.
      const disable = (RULE_IDS as readonly string[]).includes(data.ruleId) ? disableLineEdit(document, diagnostic, data.ruleId, format) : undefined;
      if (disable) actions.push({ title: `Ignore ${data.ruleId} on this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit([disable]) });
      if (ALLOWABLE.has(data.ruleId)) {
        const allow = allowTerm(document.uri, data.actual.toLowerCase());
        if (allow) actions.push({ title: `Allow "${data.actual.toLowerCase()}" in this project`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: allow });
      }
    }
  }
  return actions;
}

/** `source.fixAll.copydesk`: only findings with exactly one safe replacement (loaded verbs -> "said"). */
export function fixAll(document: TextDocument, diagnostics: Diagnostic[]): CodeAction | undefined {
  const edits: TextEdit[] = [];
  for (const diagnostic of diagnostics) {
    const data = findingData(diagnostic);
    if (!data || data.ruleId !== 'loaded-verb' || data.suggestions.length !== 1 || !stillValid(document, diagnostic, data)) continue;
    edits.push({ range: diagnostic.range, newText: data.suggestions[0] });
  }
  if (edits.length === 0) return undefined;
  return { title: 'Copydesk: replace loaded attribution verbs', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: edits } } };
}

/**
 * Where ", according to TK" goes: before the sentence's closing punctuation, so the claim keeps its
 * wording and the TK stays flagged until someone names the source.
 */
export function attributionInsertion(document: TextDocument, diagnostic: Diagnostic): TextEdit {
  const text = document.getText();
  const from = document.offsetAt(diagnostic.range.end);
  // The line ends at \n, \r\n or a lone \r (LSP counts all three): the insertion never crosses one.
  const lineBreak = /[\r\n]/g;
  lineBreak.lastIndex = from;
  const { at, newText } = attributionAt(text, from, lineBreak.exec(text)?.index ?? text.length);
  const position = document.positionAt(at);
  return { range: { start: position, end: position }, newText };
}

/** A sentence's closing mark, with any closing quotes or brackets after it. */
export const SENTENCE_STOP = /[.!?](?=["\u201d\u2019')\]]*(?:\s|$))/;

/** Where and what "Add attribution" inserts after `from`, looking no further than `end`. */
export function attributionAt(text: string, from: number, end: number): { at: number; newText: string } {
  const stop = SENTENCE_STOP.exec(text.slice(from, end));
  return stop ? { at: from + stop.index, newText: ', according to TK' } : { at: from, newText: ' (according to TK)' };
}

/**
 * Inserts the disable comment of the document's format on its own line above the finding's line; none
 * when the comment could not work: in markdown, after a `<!--` that nothing closed, the inserted
 * `<!-- ... -->` would end that comment instead of standing as a directive of its own.
 */
function disableLineEdit(document: TextDocument, diagnostic: Diagnostic, ruleId: string, format: Format): TextEdit | undefined {
  const line = diagnostic.range.start.line;
  if (format === 'markdown') {
    const text = document.getText();
    const lineStart = document.offsetAt({ line, character: 0 });
    if (lineStart >= 4 && text.lastIndexOf('<!--', lineStart - 4) > text.lastIndexOf('-->', lineStart - 3)) return undefined;
  }
  const lineText = document.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } });
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const comment = format === 'newsdraft' ? `// copydesk-disable-next-line ${ruleId}` : `<!-- copydesk-disable-next-line ${ruleId} -->`;
  const eol = document.getText().includes('\r\n') ? '\r\n' : '\n';
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${comment}${eol}` };
}
