/**
 * The project's files as the client's editor sees them: the {@link ProjectFiles} of the browser server,
 * and of the Node server for workspaces that are not on its disk. Each read is a request to the client
 * (WORKSPACE_FILE_REQUESTS in protocol.ts), which answers with VS Code's `workspace.fs`, only inside its
 * workspace folders, refusing links, non-files and files over the limit, as the disk reader does.
 */
import type { Connection } from 'vscode-languageserver';
import { formatForPath } from '../project/draft-format';
import { CONFIG_SIZE_LIMIT } from '../project/config-file';
import type { ConfigText, DraftRead, ProjectFiles, WorkspaceDraft } from '../project/project-files';
import { WORKSPACE_FILE_REQUESTS, type FileExistsParams, type FileReadParams, type FileReadResult, type FindDraftsParams, type FoundDraftEntry } from './protocol';

const REFUSALS: Record<Exclude<FileReadResult, { text: string }>['refused'], string> = {
  'too-large': `is larger than ${CONFIG_SIZE_LIMIT / 1024 / 1024} MB; not read`,
  link: 'is a symbolic link; not followed',
  'not-file': 'is not a regular file; not read',
  folder: 'is a folder',
  outside: 'is outside the workspace folders; not read',
  undecodable: 'is not UTF-8 text; not read',
  failed: 'could not be read',
};

/** What the client answered, checked: a client is a program too, and its answer is not trusted to be well formed. */
function readResult(answer: unknown): FileReadResult {
  const value = answer as Partial<{ text: unknown; refused: unknown; detail: unknown }> | null;
  if (value && typeof value.text === 'string') return { text: value.text };
  const refused = value && typeof value.refused === 'string' && value.refused in REFUSALS ? (value.refused as keyof typeof REFUSALS) : 'failed';
  return { refused, detail: value && typeof value.detail === 'string' ? value.detail : undefined };
}

/** Files read by asking the client. */
export function clientProjectFiles(connection: Connection): ProjectFiles {
  const read = async (params: FileReadParams): Promise<FileReadResult> => {
    try {
      return readResult(await connection.sendRequest(WORKSPACE_FILE_REQUESTS.read, params));
    } catch (error) {
      return { refused: 'failed', detail: (error as Error).message };
    }
  };
  return {
    async exists(uri) {
      try {
        return (await connection.sendRequest(WORKSPACE_FILE_REQUESTS.exists, { uri } satisfies FileExistsParams)) === true;
      } catch {
        return false;
      }
    },
    // The client answers only inside its workspace folders and follows no link, which also confines the config.
    async readConfig(uri): Promise<ConfigText> {
      const answer = await read({ uri, limit: CONFIG_SIZE_LIMIT, as: 'config' });
      if ('text' in answer) return answer;
      if (answer.refused === 'failed') return { refused: `Cannot read the config file${answer.detail ? `: ${answer.detail}` : ''}.` };
      return { refused: `The config file ${REFUSALS[answer.refused]}.` };
    },
    async findDrafts(folder, limit): Promise<WorkspaceDraft[]> {
      let entries: unknown;
      try {
        entries = await connection.sendRequest(WORKSPACE_FILE_REQUESTS.findDrafts, { folder, limit } satisfies FindDraftsParams);
      } catch {
        return [];
      }
      if (!Array.isArray(entries)) return [];
      const drafts: WorkspaceDraft[] = [];
      for (const entry of entries.slice(0, limit) as Partial<FoundDraftEntry>[]) {
        const format = typeof entry?.uri === 'string' ? formatForPath(entry.uri) : undefined;
        if (format && typeof entry.size === 'number') drafts.push({ uri: entry.uri!, format, size: entry.size });
      }
      return drafts;
    },
    async readDraft(draft, limit): Promise<DraftRead> {
      if (draft.size > limit) return { kind: 'too-large' };
      const answer = await read({ uri: draft.uri, limit, as: 'draft' });
      if ('text' in answer) return { kind: 'text', text: answer.text };
      return answer.refused === 'too-large' ? { kind: 'too-large' } : { kind: 'skipped' };
    },
  };
}
