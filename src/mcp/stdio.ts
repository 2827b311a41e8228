/** MCP over stdio for desktop clients. stdout carries protocol frames only; logs go to stderr. */
import { StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import { createMcpServer, type buildToolDefinitions } from './server.js';
import type { CoreDeps } from '../core/operation.js';

export async function serveStdio(tools: ReturnType<typeof buildToolDefinitions>, deps: CoreDeps): Promise<() => Promise<void>> {
  // the stdio server is the user's own process, started by their desktop client
  const server = createMcpServer(tools, { channel: 'stdio' }, deps);
  await server.connect(new StdioServerTransport());
  return () => server.close();
}
