/**
 * "Allow TERM in this project": adds a term to `allow:` in the project's `.copydesk.yml`, creating the
 * file if there is none, and keeping the file's other content and comments as they are.
 *
 * Only inside a trusted workspace folder: the config found must really lie in it (no link out), a new one
 * is created only at the folder's root (never `/.copydesk.yml` for a loose file), and when the config is
 * open in the editor the edit is built from its current text and carries its version, so unsaved lines
 * are kept and a stale edit is refused by the editor rather than applied.
 */
import { isSeq, parseDocument } from 'yaml';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { CONFIG_FILE_NAME, findConfigFile } from '../project/config-file';
import { childUri, normalUri, parentUri, uriInside, type ProjectFiles } from '../project/project-files';

/** Where "Allow in this project" may write, and what the editor has open. */
export interface AllowTermScope {
  /** The trusted workspace folder (a URI) the draft lies in; undefined means no allow fix at all. */
  workspaceRoot: string | undefined;
  /** Where the project's files are read. */
  files: ProjectFiles;
  /** The open document at a URI, if the editor has it open: its current text and version. */
  openDocument(uri: string): { text: string; version: number } | undefined;
}

/** The edit that allows `term`, or undefined when there is no safe edit (no trusted workspace, a broken or outside config). */
export async function allowTermEdit(documentUri: string, term: string, scope: AllowTermScope): Promise<WorkspaceEdit | undefined> {
  const root = scope.workspaceRoot === undefined ? undefined : normalUri(scope.workspaceRoot);
  const document = normalUri(documentUri);
  if (!root || !uriInside(document, root)) return undefined;
  const existing = await findConfigFile(scope.files, parentUri(document) ?? root, root);
  if (!existing) {
    const uri = childUri(root, CONFIG_FILE_NAME);
    // Something at the path that findConfigFile did not take (cannot happen but for a race): leave it.
    if (await scope.files.exists(uri)) return undefined;
    return {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `# Copydesk project configuration\nallow:\n  - ${JSON.stringify(term)}\n` }] },
      ],
    };
  }
  // Read as the config itself is read: never a FIFO, a huge file, or a link out of the workspace; the
  // link check applies even when the file is open, since the edit would be saved through the link.
  const read = await scope.files.readConfig(existing, root);
  if ('refused' in read) return undefined;
  const open = scope.openDocument(existing);
  const text = open ? open.text : read.text;
  const updated = addAllowedTerm(text, term);
  // Broken YAML is never rewritten; a term already allowed (in unsaved text) needs no edit.
  if (updated === undefined || updated === text) return undefined;
  const lines = text.split('\n');
  return {
    documentChanges: [{ textDocument: { uri: existing, version: open ? open.version : null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }, newText: updated }] }],
  };
}

/** The config text with `term` added to `allow:`; undefined if the YAML is broken (never rewrite what we cannot read). */
export function addAllowedTerm(text: string, term: string): string | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return undefined;
  if (doc.contents === null) return `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}allow:\n  - ${JSON.stringify(term)}\n`;
  const allow = doc.get('allow');
  if (allow === undefined || allow === null) doc.set('allow', doc.createNode([term]));
  else if (isSeq(allow)) {
    if (allow.items.some((item) => String((item as { value?: unknown }).value ?? item).toLowerCase() === term)) return text;
    allow.add(doc.createNode(term));
  } else return undefined;
  return doc.toString();
}
