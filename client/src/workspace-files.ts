/**
 * The client's side of WORKSPACE_FILE_REQUESTS: the server asks for the project's `.copydesk.yml` and
 * the drafts "Check all drafts" reads, and this answers with VS Code's `workspace.fs`, which reaches the
 * workspace wherever it lives (disk, github.dev's virtual file system, a remote). The server cannot be
 * sent anything outside the workspace folders: a URI outside them is refused. As the disk reader does,
 * a link is not followed, only a regular file is read, and a file over the limit is not read at all.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { decodeDraft, DRAFT_EXTENSIONS } from '../../server/src/project/draft-format';
import { WORKSPACE_FILE_REQUESTS, type FileExistsParams, type FileReadParams, type FileReadResult, type FindDraftsParams, type FoundDraftEntry } from '../../server/src/lsp/protocol';

/** A URI the server sent, if it is well formed and inside a workspace folder. */
function workspaceUri(value: unknown): vscode.Uri | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const uri = vscode.Uri.parse(value, true);
    return vscode.workspace.getWorkspaceFolder(uri) ? uri : undefined;
  } catch {
    return undefined;
  }
}

async function statOf(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

async function read({ uri: requested, limit, as }: FileReadParams): Promise<FileReadResult> {
  const uri = workspaceUri(requested);
  if (!uri || typeof limit !== 'number') return { refused: 'outside' };
  const stat = await statOf(uri);
  if (!stat) return { refused: 'failed', detail: 'no such file' };
  if (stat.type & vscode.FileType.SymbolicLink) return { refused: 'link' };
  if (stat.type & vscode.FileType.Directory) return { refused: 'folder' };
  if (!(stat.type & vscode.FileType.File)) return { refused: 'not-file' };
  if (stat.size > limit) return { refused: 'too-large' };
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    return { refused: 'failed', detail: (error as Error).message };
  }
  // It may have grown since the stat.
  if (bytes.length > limit) return { refused: 'too-large' };
  if (as === 'config') return { text: new TextDecoder().decode(bytes) };
  const decoded = decodeDraft(bytes);
  return decoded ? { text: decoded.text } : { refused: 'undecodable' };
}

const DRAFT_GLOB = `**/*.{${Object.keys(DRAFT_EXTENSIONS).map((extension) => extension.slice(1)).join(',')}}`;
/** As the disk walk: dot-folders and node_modules are not drafts' homes. */
const EXCLUDED = '**/{node_modules,.*}/**';

async function findDrafts({ folder: requested, limit }: FindDraftsParams): Promise<FoundDraftEntry[]> {
  const folder = workspaceUri(requested);
  if (!folder || typeof limit !== 'number') return [];
  const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, DRAFT_GLOB), EXCLUDED, limit);
  const drafts: FoundDraftEntry[] = [];
  for (const uri of uris.sort((a, b) => a.toString().localeCompare(b.toString()))) {
    const stat = await statOf(uri);
    // Regular files only: no link is followed, as on disk.
    if (stat && stat.type === vscode.FileType.File) drafts.push({ uri: uri.toString(), size: stat.size });
  }
  return drafts;
}

/** Answers the server's requests for workspace files on a client (registered before it starts). */
export function serveWorkspaceFiles(client: BaseLanguageClient): void {
  client.onRequest(WORKSPACE_FILE_REQUESTS.exists, async ({ uri }: FileExistsParams) => {
    const target = workspaceUri(uri);
    return target !== undefined && (await statOf(target)) !== undefined;
  });
  client.onRequest(WORKSPACE_FILE_REQUESTS.read, read);
  client.onRequest(WORKSPACE_FILE_REQUESTS.findDrafts, findDrafts);
}
