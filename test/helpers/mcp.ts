/** An MCP SDK client connected to a listening app over streamable HTTP. */
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { FastifyInstance } from 'fastify';
import type { Call } from './journey.js';

export async function connectMcp(
  app: FastifyInstance,
  headers: Record<string, string> = {},
): Promise<{ client: Client; close(): Promise<void> }> {
  const address = app.server.listening
    ? `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
    : await app.listen({ port: 0, host: '127.0.0.1' });
  const client = new Client({ name: 'ondc-shop-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${address}/mcp`), { requestInit: { headers } }));
  return { client, close: () => client.close() };
}

export function mcpCaller(client: Client): Call {
  return async (tool, args) => {
    const res = await client.callTool({ name: tool, arguments: args });
    if (res.isError) throw new Error(`${tool} -> ${JSON.stringify(res.content)}`);
    return res.structuredContent as Record<string, any>;
  };
}
