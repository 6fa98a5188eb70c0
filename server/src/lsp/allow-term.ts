/**
 * "Allow TERM in this project": adds a term to `allow:` in the project's `.copydesk.yml`, creating the
 * file if there is none, and keeping the file's other content and comments as they are.
 */
import { dirname, join } from 'node:path';
import { isSeq, parseDocument } from 'yaml';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { CONFIG_FILE_NAME, findConfigFile, readConfigText } from '../project/config-file';

/** The edit that allows `term`, or undefined when the existing config cannot be edited safely (it is broken). */
export function allowTermEdit(documentUri: string, term: string, workspaceRoot: string | undefined): WorkspaceEdit | undefined {
  const documentPath = URI.parse(documentUri).fsPath;
  const existing = findConfigFile(dirname(documentPath), workspaceRoot);
  if (!existing) {
    const path = join(workspaceRoot ?? dirname(documentPath), CONFIG_FILE_NAME);
    const uri = URI.file(path).toString();
    return {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `# Copydesk project configuration\nallow:\n  - ${JSON.stringify(term)}\n` }] },
      ],
    };
  }
  // Read as the config itself is read: never a FIFO, a huge file, or a link out of the workspace.
  const read = readConfigText(existing, { confineTo: workspaceRoot });
  if ('refused' in read) return undefined;
  const text = read.text;
  const updated = addAllowedTerm(text, term);
  if (updated === undefined) return undefined;
  const uri = URI.file(existing).toString();
  const lines = text.split('\n');
  return { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }, newText: updated } ] } };
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
