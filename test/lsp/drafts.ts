/** Drafts and document helpers shared by the LSP robustness tests. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestServer } from './lsp-client';
import { STATS_REQUEST } from '../../server/src/lsp/protocol';

/** A paragraph of news copy with findings; `index` makes it unique, so no cache answers for it. */
export function paragraph(index: number): string {
  return `The regime said more than ${index + 200} people attended the rally in Pyongyang on day ${index}, and many believe the figure is inflated. Critics say the dictator slammed the report.`;
}

/** A markdown draft of unique paragraphs, at least `characters` long. */
export function bigDraft(characters: number, salt = 0): string {
  const paragraphs: string[] = [];
  let length = 0;
  for (let index = salt * 1_000_000; length < characters; index++) {
    const next = paragraph(index);
    paragraphs.push(next);
    length += next.length + 2;
  }
  return paragraphs.join('\n\n');
}

/** Opens and edits documents of one test server, with increasing versions. */
export class Documents {
  private version = 0;
  constructor(private readonly server: TestServer, private readonly workspace: string) {}

  /** The URI of a file in the workspace. */
  uri(name: string): string {
    return `file://${join(this.workspace, name)}`;
  }

  /** Opens a draft (also written to disk, as an editor's file would be); returns its URI and version. */
  async open(name: string, text: string, languageId = 'markdown', write = false): Promise<{ uri: string; version: number }> {
    if (write) writeFileSync(join(this.workspace, name), text);
    const version = ++this.version;
    await this.server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: this.uri(name), languageId, version, text } });
    return { uri: this.uri(name), version };
  }

  /** Replaces a draft's whole text; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = ++this.version;
    await this.server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Resolves once the worker thread is linting (asks the server until it says so; no sleeping). */
  async backgroundBusy(): Promise<void> {
    while (!(await this.stats()).backgroundBusy);
  }

  /** The server's counters. */
  stats(): Promise<{ paragraphsAnalysed: number; backgroundBusy: boolean; backgroundJobsDone: number }> {
    return this.server.connection.sendRequest(STATS_REQUEST);
  }

  /** Answers once the server's worker thread is idle: whatever a late lint would publish has been published. */
  async settled(): Promise<void> {
    await this.server.connection.sendRequest(STATS_REQUEST, { afterBackground: true });
  }
}
