/**
 * `copydesk mcp`: Copydesk as a Model Context Protocol server over stdio, for writing assistants. The same
 * engine, config resolver and size limits as the command line; files only inside the roots the client
 * grants (or, when it grants none, the folder copydesk was started in), checked after links are resolved.
 * A bad argument or a refused path is a tool error with a plain message, never a crash of the server.
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { attribute, lint, RULES, RULE_IDS, type Finding, type Format, type SourceAttribution } from '../core/index';
import { explainRule } from '../cli/commands/explain';
import { sourceToJson } from '../cli/commands/sources';
import { countSeverities } from '../cli/formats/report';
import { toJsonFinding } from '../cli/formats/json';
import { FILE_SIZE_LIMIT, readDraft, readFailure } from '../cli/lint-file';
import { createConfigResolver } from '../project/config-file';
import { nodeProjectFiles, pathOf, uriOf } from '../project/node-files';
import { isInside } from '../project/draft-files';
import { formatForPath } from '../project/draft-format';
import { realPath } from '../project/read-file';
import { VERSION } from '../cli/usage';

/** What an assistant should do with the findings: the server's instructions to its client. */
const INSTRUCTIONS = [
  'Copydesk checks news copy for who is speaking: unattributed claims, loaded terms in the reporter\'s voice, uncited figures.',
  'Fix loaded wording with a suggested neutral alternative. Never invent a source: where a claim needs one and none is known, write TK',
  '("according to TK") for the reporter to fill in, not a made-up name. Words inside a named speaker\'s quotation are theirs: leave them.',
].join(' ');

const FORMAT = z.enum(['markdown', 'plaintext', 'newsdraft']);
const SPAN = z.object({ offset: z.number().int(), endOffset: z.number().int(), text: z.string() });
const FINDING = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'information', 'hint']),
  message: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  endLine: z.number().int(),
  endColumn: z.number().int(),
  offset: z.number().int(),
  endOffset: z.number().int(),
  actual: z.string(),
  suggestions: z.array(z.string()),
  url: z.string().optional(),
  note: z.string().optional(),
});
const FINDINGS_OUTPUT = { findings: z.array(FINDING), counts: z.object({ error: z.number(), warning: z.number(), information: z.number(), hint: z.number() }) };
const SOURCE = z.object({
  speaker: SPAN.nullable(),
  resolved: z.string().nullable(),
  cue: SPAN.nullable(),
  content: z.array(z.object({ offset: z.number().int(), endOffset: z.number().int() })),
  kind: z.string(),
  direct: z.boolean(),
});

/** A request the server refuses, with the reason the assistant is shown. */
class ToolInputError extends Error {}

export interface CopydeskMcpOptions {
  /** The folder copydesk was started in: the root when the client grants none. */
  cwd: string;
}

/** The MCP server with Copydesk's tools; connect it to a transport. */
export function createCopydeskMcpServer(options: CopydeskMcpOptions): McpServer {
  const server = new McpServer({ name: 'copydesk', version: VERSION }, { instructions: INSTRUCTIONS, capabilities: { tools: {} } });
  const resolver = createConfigResolver({
    files: nodeProjectFiles,
    rootFor: (draft) => {
      const path = pathOf(draft);
      const root = currentRoots.find((candidate) => isInside(path, candidate));
      return root === undefined ? undefined : uriOf(root);
    },
  });
  let currentRoots: string[] = [];

  /** The roots the client grants now (asked each time: they can change), else the working folder; links resolved. */
  const roots = async (): Promise<string[]> => {
    let granted: string[] = [];
    if (server.server.getClientCapabilities()?.roots) {
      try {
        const { roots: listed } = await server.server.listRoots();
        granted = listed.filter((root) => root.uri.startsWith('file://')).map((root) => fileURLToPath(root.uri));
      } catch {
        granted = [];
      }
    }
    currentRoots = (granted.length > 0 ? granted : [options.cwd]).map(realPath);
    return currentRoots;
  };

  /** An absolute path inside a root, its links resolved, or a ToolInputError saying why not. */
  const confined = async (path: string): Promise<string> => {
    const allowed = await roots();
    const absolute = isAbsolute(path) ? path : resolve(allowed[0], path);
    const target = realPath(absolute);
    if (!allowed.some((root) => isInside(target, root))) throw new ToolInputError(`${path} is outside the folders this client allows (${allowed.join(', ')}); Copydesk reads nothing else.`);
    return target;
  };

  const configFor = async (path: string | undefined) => (path === undefined ? undefined : (await resolver.forFile(uriOf(path))).config);
  const checkSize = (text: string): void => {
    if (text.length > FILE_SIZE_LIMIT) throw new ToolInputError(`The text has ${text.length.toLocaleString('en')} characters; the limit is ${FILE_SIZE_LIMIT.toLocaleString('en')}. Lint it in parts.`);
  };
  const findingsResult = (findings: Finding[]) => {
    const counts = countSeverities([{ file: '', findings, lines: {} }]);
    const structured = { findings: findings.map((finding) => toJsonFinding(finding) as z.infer<typeof FINDING>), counts };
    const summary = findings.length === 0 ? 'No findings.' : findings.map((finding) => `${finding.start.line + 1}:${finding.start.character + 1} ${finding.severity} ${finding.message} (${finding.ruleId})`).join('\n');
    return { content: [{ type: 'text' as const, text: summary }], structuredContent: structured };
  };
  const guarded = <A, R>(handler: (args: A) => Promise<R> | R) => async (args: A) => {
    try {
      return await handler(args);
    } catch (error) {
      const message = error instanceof ToolInputError || error instanceof Error ? error.message : String(error);
      return { content: [{ type: 'text' as const, text: message }], isError: true };
    }
  };

  server.registerTool(
    'lint_text',
    {
      title: 'Lint text',
      description: 'Lints a draft given as text: unattributed claims, loaded terms, uncited figures. `path` (inside the allowed folders) picks the project .copydesk.yml.',
      inputSchema: { text: z.string().describe('The draft'), format: FORMAT.default('markdown').describe('How to read the text'), path: z.string().optional().describe('Where the draft lives, for its .copydesk.yml') },
      outputSchema: FINDINGS_OUTPUT,
    },
    guarded(async ({ text, format, path }: { text: string; format: Format; path?: string }) => {
      checkSize(text);
      const config = await configFor(path === undefined ? undefined : await confined(path));
      return findingsResult(lint(text, { format, config }));
    }) as never,
  );

  server.registerTool(
    'lint_file',
    {
      title: 'Lint a file',
      description: 'Lints a draft file (.md, .markdown, .txt, .news) inside the allowed folders, with its project .copydesk.yml.',
      inputSchema: { path: z.string().describe('The draft, absolute or relative to the first allowed folder') },
      outputSchema: { file: z.string(), ...FINDINGS_OUTPUT },
    },
    guarded(async ({ path }: { path: string }) => {
      const target = await confined(path);
      const format = formatForPath(target);
      if (!format) throw new ToolInputError(`${path} is not a draft: Copydesk reads .md, .markdown, .txt and .news files.`);
      const { text } = readDraftOrExplain(target, path);
      const result = findingsResult(lint(text, { format, config: await configFor(target) }));
      return { ...result, structuredContent: { file: target, ...result.structuredContent } };
    }) as never,
  );

  server.registerTool(
    'sources',
    {
      title: 'Who is cited for what',
      description: 'The attributions of a draft (text, or a file inside the allowed folders): each speaker, what they are cited for, and how (named, anonymous, vague...).',
      inputSchema: { text: z.string().optional(), path: z.string().optional(), format: FORMAT.optional() },
      outputSchema: { sources: z.array(SOURCE) },
    },
    guarded(async ({ text, path, format }: { text?: string; path?: string; format?: Format }) => {
      if ((text === undefined) === (path === undefined)) throw new ToolInputError('Give either text or path.');
      let draft = text ?? '';
      let chosen: Format = format ?? 'markdown';
      let config;
      if (path !== undefined) {
        const target = await confined(path);
        config = await configFor(target);
        if (text === undefined) {
          chosen = format ?? formatForPath(target) ?? 'markdown';
          draft = readDraftOrExplain(target, path).text;
        }
      }
      checkSize(draft);
      const sources: SourceAttribution[] = attribute(draft, { format: chosen, config });
      const lines = sources.map((source) => `${source.resolved ?? source.speaker?.text ?? '(carried over)'} (${source.kind}${source.direct ? ', quoted' : ''})`);
      return { content: [{ type: 'text' as const, text: lines.length > 0 ? lines.join('\n') : 'No attributions found.' }], structuredContent: { sources: sources.map(sourceToJson) } };
    }) as never,
  );

  server.registerTool(
    'list_rules',
    { title: 'List the rules', description: 'Every Copydesk rule with its default severity and a one-line description.', inputSchema: {}, outputSchema: { rules: z.array(z.object({ id: z.string(), defaultSeverity: z.string(), description: z.string() })) } },
    guarded(() => {
      const rules = RULES.map((rule) => ({ id: rule.id, defaultSeverity: rule.defaultSeverity, description: rule.description }));
      return { content: [{ type: 'text' as const, text: rules.map((rule) => `${rule.id} (${rule.defaultSeverity}): ${rule.description}`).join('\n') }], structuredContent: { rules } };
    }) as never,
  );

  server.registerTool(
    'explain_rule',
    { title: 'Explain a rule', description: "A rule's page: what it flags, what it leaves alone, how to fix or silence it.", inputSchema: { rule: z.string().describe(`One of ${RULE_IDS.join(', ')}`) }, outputSchema: { rule: z.string(), documentation: z.string() } },
    guarded(({ rule }: { rule: string }) => {
      const documentation = explainRule(rule);
      return { content: [{ type: 'text' as const, text: documentation }], structuredContent: { rule, documentation } };
    }) as never,
  );

  return server;
}

/** Reads a draft as the CLI does, with its reasons for refusing one as the tool's error. */
function readDraftOrExplain(target: string, shown: string): { text: string } {
  try {
    return readDraft(target);
  } catch (error) {
    throw new ToolInputError(`${shown}: ${readFailure(error)}`);
  }
}
