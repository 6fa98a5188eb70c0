/** The line transport reads messages split across chunks, several in one chunk, and skips one that is too large. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LineTransport } from './stdio-transport';

describe('LineTransport', () => {
  it('reads each line as a message whatever the chunking, skips an oversized one with an error reply, and goes on', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const transport = new LineTransport(input, output, 100);
    const messages: unknown[] = [];
    const errors: string[] = [];
    transport.onmessage = (message) => messages.push(message);
    transport.onerror = (error) => errors.push(error.message);
    await transport.start();
    const ping = (id: number) => JSON.stringify({ jsonrpc: '2.0', id, method: 'ping' });
    input.write(`${ping(1)}\n${ping(2).slice(0, 10)}`);
    input.write(`${ping(2).slice(10)}\n`);
    // The id last, as the SDK's client writes it; a quoted "id" inside the text is not the message's.
    input.write(`{"jsonrpc":"2.0","method":"tools/call","params":{"text":"\\"id\\": 99 ${'x'.repeat(200)}`);
    input.write(`${'y'.repeat(200)}"},"id":3}\n${ping(4)}\nnot json\n`);
    await new Promise((resolve) => setImmediate(resolve));
    expect(messages.map((message) => (message as { id: number }).id)).toEqual([1, 2, 4]);
    expect(errors[0]).toMatch(/larger than .* MB and was not read/);
    expect(errors[1]).toMatch(/^not a JSON-RPC message/);
    const replies = String(output.read()).trim().split('\n').map((line) => JSON.parse(line));
    expect(replies).toEqual([{ jsonrpc: '2.0', id: 3, error: { code: -32600, message: expect.stringMatching(/was not read/) } }]);
  });
});
