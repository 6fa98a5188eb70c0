/**
 * "Allow TERM in this project": adds a term to `allow:` in the project's `.copydesk.yml`, creating the
 * file if there is none, and keeping the file's other content and comments as they are.
 *
 * Only inside a trusted workspace folder: the config found must really lie in it (no link out), a new one
 * is created only at the folder's root (never `/.copydesk.yml` for a loose file), and when the config is
 * open in the editor the edit is built from its current text and carries its version, so unsaved lines
 * are kept and a stale edit is refused by the editor rather than applied.
 */
import { dirname, join } from 'node:path';
import { isSeq, parseDocument } from 'yaml';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { CONFIG_FILE_NAME, findConfigFile, readConfigText } from '../project/config-file';
import { isInside } from '../project/draft-files';
import { pathTaken } from '../project/read-file';

/** Where "Allow in this project" may write, and what the editor has open. */
export interface AllowTermScope {
  /** The trusted workspace folder the draft lies in; undefined means no allow fix at all. */
  workspaceRoot: string | undefined;
  /** The open document at a URI, if the editor has it open: its current text and version. */
  openDocument(uri: string): { text: string; version: number } | undefined;
}

/** The edit that allows `term`, or undefined when there is no safe edit (no trusted workspace, a broken or outside config). */
export function allowTermEdit(documentUri: string, term: string, scope: AllowTermScope): WorkspaceEdit | undefined {
  const root = scope.workspaceRoot;
  const document = URI.parse(documentUri);
  if (!root || document.scheme !== 'file' || !isInside(document.fsPath, root)) return undefined;
  const existing = findConfigFile(dirname(document.fsPath), root);
  if (!existing) {
    const path = join(root, CONFIG_FILE_NAME);
    // Something at the path that findConfigFile did not take (cannot happen but for a race): leave it.
    if (pathTaken(path)) return undefined;
    const uri = URI.file(path).toString();
    return {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `# Copydesk project configuration\nallow:\n  - ${JSON.stringify(term)}\n` }] },
      ],
    };
  }
  const uri = URI.file(existing).toString();
  // Read as the config itself is read: never a FIFO, a huge file, or a link out of the workspace; the
  // link check applies even when the file is open, since the edit would be saved through the link.
  const read = readConfigText(existing, { confineTo: root });
  if ('refused' in read) return undefined;
  const open = scope.openDocument(uri);
  const text = open ? open.text : read.text;
  const updated = addAllowedTerm(text, term);
  // Broken YAML is never rewritten; a term already allowed (in unsaved text) needs no edit.
  if (updated === undefined || updated === text) return undefined;
  const lines = text.split('\n');
  return {
    documentChanges: [{ textDocument: { uri, version: open ? open.version : null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }, newText: updated }] }],
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
