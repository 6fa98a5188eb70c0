/**
 * MCP over standard input and output, one JSON-RPC message per line, read in time linear in its size.
 * The SDK's own stdio transport joins every chunk onto the buffer and searches it whole again for a line
 * break (quadratic in a large message), and on a message over its cap closes the session. Here a message
 * over {@link MAX_MESSAGE_BYTES} is skipped to its end and answered with an error naming the limit,
 * and the session goes on: a huge paste from an assistant costs that request, not the server.
 */
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/**
 * The largest message read: room for a text at the engine's 10 million character limit written as JSON
 * (most of it one byte a character; accented and curly characters two or three).
 */
export const MAX_MESSAGE_BYTES = 40 * 1024 * 1024;

export class LineTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T) => void;
  private chunks: Buffer[] = [];
  private length = 0;
  /** Skipping the rest of an oversized message: its first bytes and its last, where its id may be. */
  private skipping: { head: string; tail: Buffer } | undefined;

  constructor(
    private readonly input: NodeJS.ReadableStream = process.stdin,
    private readonly output: NodeJS.WritableStream = process.stdout,
    private readonly maxBytes = MAX_MESSAGE_BYTES,
  ) {}

  async start(): Promise<void> {
    this.input.on('data', this.onData);
    this.input.on('error', (error: Error) => this.onerror?.(error));
    this.input.on('end', () => void this.close());
  }

  async send(message: JSONRPCMessage): Promise<void> {
    await new Promise<void>((resolve) => {
      if (this.output.write(`${JSON.stringify(message)}\n`)) resolve();
      else this.output.once('drain', resolve);
    });
  }

  async close(): Promise<void> {
    this.input.off('data', this.onData);
    this.chunks = [];
    this.onclose?.();
  }

  private readonly onData = (data: Buffer | string): void => {
    let chunk = typeof data === 'string' ? Buffer.from(data) : data;
    // Each line break ends a message; only the new chunk is searched for one.
    for (let newline = chunk.indexOf(10); newline >= 0; newline = chunk.indexOf(10)) {
      this.take(chunk.subarray(0, newline));
      this.finishLine();
      chunk = chunk.subarray(newline + 1);
    }
    this.take(chunk);
  };

  private take(part: Buffer): void {
    if (part.length === 0) return;
    if (this.skipping) {
      this.skipping.tail = Buffer.concat([this.skipping.tail, part]).subarray(-ID_WINDOW);
      return;
    }
    if (this.length + part.length > this.maxBytes) {
      const all = Buffer.concat([...this.chunks, part]);
      this.skipping = { head: all.subarray(0, ID_WINDOW).toString('utf8'), tail: all.subarray(-ID_WINDOW) };
      this.chunks = [];
      this.length = 0;
      return;
    }
    this.chunks.push(part);
    this.length += part.length;
  }

  private finishLine(): void {
    if (this.skipping) {
      const id = messageId(this.skipping.head, this.skipping.tail.toString('utf8'));
      this.skipping = undefined;
      const message = `The request is larger than ${this.maxBytes / 1024 / 1024} MB and was not read; Copydesk lints texts of up to 10 million characters.`;
      this.onerror?.(new Error(message));
      if (id !== undefined) void this.send({ jsonrpc: '2.0', id, error: { code: -32600, message } });
      return;
    }
    const line = Buffer.concat(this.chunks, this.length).toString('utf8').replace(/\r$/, '');
    this.chunks = [];
    this.length = 0;
    if (line.trim() === '') return;
    let message: JSONRPCMessage;
    try {
      message = JSONRPCMessageSchema.parse(JSON.parse(line));
    } catch (error) {
      this.onerror?.(new Error(`not a JSON-RPC message: ${(error as Error).message.slice(0, 200)}`));
      return;
    }
    this.onmessage?.(message);
  }
}

/** How much of an oversized message's start and end is kept to find its id. */
const ID_WINDOW = 4096;
/** A member `"id": 7` or `"id": "a"` of the message itself: inside a JSON string a quote is escaped, so `\"id\"` is not one. */
const ID_MEMBER = /(?<!\\)"id"\s*:\s*(\d+|"(?:[^"\\]|\\.)*")/g;

/** The id of a message seen only at its start and end (clients put it first or last), if either shows one. */
function messageId(head: string, tail: string): string | number | undefined {
  const found = [...tail.matchAll(ID_MEMBER)].at(-1)?.[1] ?? [...head.matchAll(ID_MEMBER)][0]?.[1];
  if (found === undefined) return undefined;
  return found.startsWith('"') ? (JSON.parse(found) as string) : Number(found);
}
