/** `copydesk mcp`: serves {@link createCopydeskMcpServer} over standard input and output until the client goes. */
import { createCopydeskMcpServer } from './server';
import { LineTransport } from './stdio-transport';

export const MCP_HELP = `Usage: copydesk mcp

A Model Context Protocol server over standard input and output, for writing assistants. Tools: lint_text,
lint_file, sources, list_rules, explain_rule. Files are read only inside the roots the client grants, or this
folder when it grants none. See the README, "Writing assistants (MCP)", for a client configuration.`;

export async function serveMcp(cwd: string): Promise<void> {
  const server = createCopydeskMcpServer({ cwd });
  await server.connect(new LineTransport());
}
