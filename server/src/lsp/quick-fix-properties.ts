/**
 * What every quick-fix must do, as checks shared by the property tests (fixed seed), the LSP tests
 * (actions from the real server) and `npm run fuzz` (random seed): a fix changes exactly the range its
 * title describes and nothing else, and no fix edits a document that changed since its diagnostic.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLinter, escapeRegExp, type Finding, type Format, type Linter } from '../core/index';
import { codeActions, fixAll } from './code-actions';
import { findingData, toDiagnostic } from './diagnostics';

const DOCUMENT_URI = 'file:///drafts/story.md';
const CONFIG_URI = 'file:///drafts/.copydesk.yml';
/** What the "Allow" fix's edit is stubbed with in the property tests (the real one is tested over LSP). */
const ALLOW_EDIT: WorkspaceEdit = { changes: { [CONFIG_URI]: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'allow: []\n' }] } };

const linters = new Map<Format, Linter>();

/** Lints with the default configuration, one linter (and paragraph cache) per format. */
function lint(text: string, format: Format): Finding[] {
  let linter = linters.get(format);
  if (!linter) linters.set(format, (linter = createLinter()));
  return linter.lint(text, format);
}

/** One edit that changes one range, and what the whole text reads after it. */
function applyOne(document: TextDocument, edit: WorkspaceEdit | undefined): { edit: TextEdit; after: string } | string {
  const uris = Object.keys(edit?.changes ?? {});
  if (edit?.documentChanges || uris.length !== 1 || uris[0] !== document.uri) return `edits ${JSON.stringify(uris)} rather than the draft alone`;
  const edits = edit!.changes![document.uri];
  if (edits.length !== 1) return `has ${edits.length} edits, not one`;
  return { edit: edits[0], after: TextDocument.applyEdits(document, edits) };
}

/**
 * What is wrong with one code action offered for one diagnostic of a document: empty when the action
 * does what its title says to exactly the flagged place. Titles: Replace, Add attribution, Ignore, Allow.
 */
export function checkAction(document: TextDocument, diagnostic: Diagnostic, action: CodeAction, format: Format): string[] {
  const data = findingData(diagnostic);
  if (!data) return ['an action for a diagnostic that is not Copydesk\'s'];
  const text = document.getText();
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  const problems: string[] = [];
  const where = `${action.title} (${data.ruleId} at ${start}-${end})`;
  if (action.kind !== CodeActionKind.QuickFix) problems.push(`${where}: kind ${action.kind}`);
  if (action.diagnostics?.length !== 1 || action.diagnostics[0] !== diagnostic) problems.push(`${where}: does not name its one diagnostic`);

  const replace = /^Replace "([\s\S]*)" with "([\s\S]*)"$/.exec(action.title);
  const ignore = /^Ignore (\S+) on this line$/.exec(action.title);
  const allow = /^Allow "([\s\S]*)" in this project$/.exec(action.title);
  if (allow) {
    if (allow[1] !== data.actual.toLowerCase()) problems.push(`${where}: allows "${allow[1]}", not the flagged "${data.actual}"`);
    const touched = [...Object.keys(action.edit?.changes ?? {}), ...(action.edit?.documentChanges ?? []).map((change) => ('textDocument' in change ? change.textDocument.uri : 'uri' in change ? change.uri : 'a rename'))];
    if (touched.length === 0 || !touched.every((uri) => uri.endsWith('/.copydesk.yml'))) problems.push(`${where}: edits ${JSON.stringify(touched)}, not the project's .copydesk.yml alone`);
    return problems;
  }
  const applied = applyOne(document, action.edit);
  if (typeof applied === 'string') return [...problems, `${where}: ${applied}`];
  const { edit, after } = applied;
  const at = document.offsetAt(edit.range.start);
  const to = document.offsetAt(edit.range.end);
  // Whatever the fix, the text outside the range it edits is untouched.
  if (after.slice(0, at) !== text.slice(0, at) || after.slice(at + edit.newText.length) !== text.slice(to)) problems.push(`${where}: changes text outside its range`);

  if (replace) {
    if (replace[1] !== data.actual || text.slice(start, end) !== data.actual) problems.push(`${where}: replaces "${text.slice(start, end)}", not "${replace[1]}"`);
    if (!data.suggestions.includes(replace[2])) problems.push(`${where}: "${replace[2]}" is not a suggestion of the finding`);
    if (at !== start || to !== end || edit.newText !== replace[2]) problems.push(`${where}: edits ${at}-${to} with "${edit.newText}" instead of the flagged range with "${replace[2]}"`);
  } else if (action.title === 'Add attribution (according to TK)') {
    const between = text.slice(end, at);
    if (at !== to) problems.push(`${where}: replaces text instead of inserting`);
    if (at < end || /[\r\n]/.test(between)) problems.push(`${where}: inserts at ${at}, not after the flagged text on its line`);
    if (edit.newText === ', according to TK') {
      if (!/[.!?]/.test(text[at] ?? '')) problems.push(`${where}: ", according to TK" does not stand before the sentence's closing mark`);
    } else if (edit.newText !== ' (according to TK)' || at !== end) problems.push(`${where}: inserts "${edit.newText}" at ${at}`);
  } else if (ignore) {
    const line = diagnostic.range.start.line;
    const lineStart = document.offsetAt({ line, character: 0 });
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const comment = format === 'newsdraft' ? `// copydesk-disable-next-line ${data.ruleId}` : `<!-- copydesk-disable-next-line ${data.ruleId} -->`;
    if (ignore[1] !== data.ruleId) problems.push(`${where}: ignores ${ignore[1]}, not ${data.ruleId}`);
    if (at !== lineStart || to !== lineStart || !new RegExp(`^${indent}${escapeRegExp(comment)}(\\r\\n|\\n)$`).test(edit.newText)) problems.push(`${where}: inserts ${JSON.stringify(edit.newText)} at ${at}, not the disable comment above line ${line}`);
    // And it does what it says: linted again, the draft has no such finding on that line.
    const shiftedLine = line + 1;
    const still = lint(after, format).filter((finding) => finding.ruleId === data.ruleId && finding.start.line === shiftedLine);
    if (still.length > 0) problems.push(`${where}: the finding is still reported after the comment is inserted`);
  } else {
    problems.push(`${where}: an action this check does not know`);
  }
  return problems;
}



/**
 * Lints a text, then checks every quick-fix offered for every finding (and the fix-all), and that all
 * of them are refused once the document has changed: the diagnostic's version is then out of date,
 * and a diagnostic whose flagged text no longer stands there is refused even at the same version.
 */
export function checkQuickFixes(text: string, format: Format): string[] {
  const languageId = format;
  const version = 7;
  const document = TextDocument.create(DOCUMENT_URI, languageId, version, text);
  const diagnostics = lint(text, format).map((finding) => toDiagnostic(finding, version));
  const problems: string[] = [];
  const actionsFor = (target: TextDocument, diagnostic: Diagnostic): CodeAction[] =>
    codeActions(target, { textDocument: { uri: target.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }, format, () => ALLOW_EDIT);

  for (const diagnostic of diagnostics) {
    const data = findingData(diagnostic)!;
    if (document.getText(diagnostic.range) !== data.actual) problems.push(`${data.ruleId}: the diagnostic's range does not hold "${data.actual}" in the document`);
    for (const action of actionsFor(document, diagnostic)) problems.push(...checkAction(document, diagnostic, action, format));
    // The same document one edit later: every fix is refused.
    const edited = TextDocument.create(DOCUMENT_URI, languageId, version + 1, `${text.slice(0, 1)}x${text.slice(1)}`);
    if (actionsFor(edited, diagnostic).length > 0) problems.push(`${data.ruleId}: offers fixes for a document that changed since the diagnostic`);
    // Same version, but the flagged text is gone (a client that reuses versions): refused as well.
    const start = document.offsetAt(diagnostic.range.start);
    const rewritten = TextDocument.create(DOCUMENT_URI, languageId, version, `${text.slice(0, start)}\u2063${text.slice(start)}`);
    if (data.actual !== '' && actionsFor(rewritten, diagnostic).length > 0) problems.push(`${data.ruleId}: offers fixes where the flagged text no longer stands`);
  }

  const all = fixAll(document, diagnostics);
  if (all) {
    const edits = all.edit?.changes?.[document.uri] ?? [];
    const verbs = diagnostics.filter((diagnostic) => findingData(diagnostic)?.ruleId === 'loaded-verb' && findingData(diagnostic)!.suggestions.length === 1);
    if (edits.length !== verbs.length) problems.push(`fix-all: ${edits.length} edits for ${verbs.length} loaded verbs with one replacement`);
    edits.forEach((edit, index) => {
      const verb = verbs[index];
      if (!verb || JSON.stringify(edit.range) !== JSON.stringify(verb.range) || edit.newText !== findingData(verb)!.suggestions[0]) problems.push(`fix-all: edit ${index} is not the replacement of its loaded verb`);
    });
    if (fixAll(TextDocument.create(DOCUMENT_URI, languageId, version + 1, text), diagnostics)) problems.push('fix-all: edits a document that changed since the diagnostics');
  }
  return problems;
}
