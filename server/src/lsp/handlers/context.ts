/** What every request handler reads: the open documents, their linter, and where to log. */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentLinter } from '../document-linter';

export interface HandlerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  linter: DocumentLinter;
  log(error: unknown, where: string): void;
}
