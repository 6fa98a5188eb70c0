/**
 * `copydesk mcp` driven by the MCP SDK's own client over stdio, as an assistant would: every tool listed
 * with schemas and called, its structured output checked against its own output schema (with ajv, apart
 * from the SDK), and the refusals: a bad argument, a path outside the granted roots or linking out of
 * them, a huge text. After each refusal the server still answers.
 */
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ListRootsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../server/src/core/index';

const CLI = join(__dirname, '..', 'server', 'out', 'cli.js');
const SEED = 'The dictator claimed that many believe the vote was fair.\n\n"We will win," the minister said of the regime.\n';

interface ToolResult { content: Array<{ type: string; text?: string }>; structuredContent?: Record<string, unknown>; isError?: boolean }

async function connect(cwd: string, roots?: string[]): Promise<Client> {
  const client = new Client({ name: 'copydesk-test', version: '1.0.0' }, { capabilities: roots ? { roots: { listChanged: false } } : {} });
  if (roots) client.setRequestHandler(ListRootsRequestSchema, () => ({ roots: roots.map((root) => ({ uri: pathToFileURL(root).href, name: 'drafts' })) }));
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp'], cwd, stderr: 'pipe' }));
  return client;
}

describe('copydesk mcp', () => {
  let workspace: string;
  let outside: string;
  let client: Client;
  const ajv = new Ajv({ allErrors: true, strict: false });
  const outputSchemas = new Map<string, object>();

  beforeAll(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'copydesk-mcp-'));
    outside = mkdtempSync(join(tmpdir(), 'copydesk-mcp-outside-'));
    mkdirSync(join(workspace, 'desk'));
    writeFileSync(join(workspace, 'desk', 'story.md'), SEED);
    writeFileSync(join(workspace, 'desk', '.copydesk.yml'), 'rules:\n  loaded-verb: off\n');
    writeFileSync(join(outside, 'secret.md'), 'The regime fell.\n');
    symlinkSync(join(outside, 'secret.md'), join(workspace, 'desk', 'linked.md'));
    // The client grants the desk folder only; the server starts elsewhere.
    client = await connect(tmpdir(), [join(workspace, 'desk')]);
    const { tools } = await client.listTools();
    for (const tool of tools) outputSchemas.set(tool.name, tool.outputSchema as object);
  });
  afterAll(async () => {
    await client?.close();
  });

  const call = async (name: string, args: Record<string, unknown>): Promise<ToolResult> => {
    const result = (await client.callTool({ name, arguments: args })) as ToolResult;
    if (!result.isError) {
      const validate = ajv.compile(outputSchemas.get(name)!);
      expect(validate(result.structuredContent), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    return result;
  };

  it('lists its five tools, each with an input and an output schema', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['explain_rule', 'lint_file', 'lint_text', 'list_rules', 'sources']);
    for (const tool of tools) {
      expect(tool.inputSchema.type, tool.name).toBe('object');
      expect((tool.outputSchema as { type?: string } | undefined)?.type, tool.name).toBe('object');
    }
  });

  it('lint_text finds what the command line finds, with UTF-16 offsets, and honours the .copydesk.yml beside path', async () => {
    const result = await call('lint_text', { text: SEED });
    const findings = result.structuredContent!.findings as Array<{ ruleId: string; actual: string; offset: number; endOffset: number }>;
    // The same findings as the engine in process: "many believe" is the dictator's claim, not the reporter's.
    expect(findings.map((finding) => finding.ruleId).sort()).toEqual(lint(SEED, { format: 'markdown' }).map((finding) => finding.ruleId).sort());
    expect(findings.map((finding) => finding.actual)).toEqual(['dictator', 'claimed', 'regime']);
    for (const finding of findings) expect(SEED.slice(finding.offset, finding.endOffset)).toBe(finding.actual);
    const withConfig = await call('lint_text', { text: SEED, path: join(workspace, 'desk', 'draft.md') });
    expect((withConfig.structuredContent!.findings as Array<{ ruleId: string }>).map((finding) => finding.ruleId)).not.toContain('loaded-verb');
  });

  it('lint_file reads a draft inside the granted root (relative or absolute), with its project config', async () => {
    const relative = await call('lint_file', { path: 'story.md' });
    expect(relative.isError).toBeUndefined();
    expect((relative.structuredContent!.findings as Array<{ ruleId: string }>).map((finding) => finding.ruleId)).toEqual(['loaded-term', 'loaded-term']);
    expect(relative.structuredContent!.file).toBe(realpathSync(join(workspace, 'desk', 'story.md')));
    expect(relative.content[0].text).toMatch(/^1:5 warning .*\(loaded-term\)/);
  });

  it('sources, list_rules and explain_rule answer with structured content', async () => {
    const sources = await call('sources', { text: SEED });
    expect((sources.structuredContent!.sources as Array<{ resolved: string | null; direct: boolean }>).some((source) => source.direct)).toBe(true);
    const rules = await call('list_rules', {});
    expect((rules.structuredContent!.rules as Array<{ id: string }>).map((rule) => rule.id)).toContain('loaded-term');
    const explained = await call('explain_rule', { rule: 'loaded-term' });
    expect(explained.structuredContent!.documentation).toMatch(/^# loaded-term/);
  });

  it('refuses a path outside the roots, a link out of them, a non-draft, a bad argument and a huge text, and keeps answering', async () => {
    const refusals: Array<[string, Record<string, unknown>, RegExp]> = [
      ['lint_file', { path: join(outside, 'secret.md') }, /is outside the folders this client allows/],
      ['lint_file', { path: 'linked.md' }, /is outside the folders this client allows/],
      ['lint_file', { path: '../../etc/passwd' }, /outside the folders this client allows|is not a draft/],
      ['lint_file', { path: '.copydesk.yml' }, /is not a draft/],
      ['lint_text', { text: SEED, path: join(outside, 'x.md') }, /is outside the folders/],
      ['explain_rule', { rule: 'lodaed-term' }, /Unknown rule "lodaed-term" \(did you mean/],
      ['sources', {}, /Give either text or path/],
      ['lint_text', { text: 'x'.repeat(10 * 1024 * 1024 + 1) }, /the limit is 10,485,760/],
    ];
    for (const [name, args, message] of refusals) {
      const result = await call(name, args);
      expect(result.isError, `${name} ${JSON.stringify(args).slice(0, 80)}`).toBe(true);
      expect(result.content[0].text, name).toMatch(message);
    }
    // A wrong type is refused by the input schema, as a tool error or a protocol error; the server lives on.
    const typed = await client.callTool({ name: 'lint_text', arguments: { text: 42 } }).then((result) => (result as ToolResult).isError === true, () => true);
    expect(typed).toBe(true);
    // A message too large to read at all (over 40 MB) is answered with an error, and the session goes on.
    await expect(client.callTool({ name: 'lint_text', arguments: { text: 'x'.repeat(41 * 1024 * 1024) } })).rejects.toThrow(/The request is larger than 40 MB and was not read/);
    expect((await call('list_rules', {})).isError).toBeUndefined();
  }, 60_000);

  it('without roots from the client, only the folder it was started in is readable', async () => {
    const plain = await connect(join(workspace, 'desk'));
    try {
      const inside = (await plain.callTool({ name: 'lint_file', arguments: { path: 'story.md' } })) as ToolResult;
      expect(inside.isError).toBeUndefined();
      const out = (await plain.callTool({ name: 'lint_file', arguments: { path: join(outside, 'secret.md') } })) as ToolResult;
      expect(out.isError).toBe(true);
    } finally {
      await plain.close();
    }
  });
});
