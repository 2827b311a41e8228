/** MCP over stdio for desktop clients. stdout carries protocol frames only; logs go to stderr. */
import { StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import { createMcpServer, type buildToolDefinitions } from './server.js';

export async function serveStdio(tools: ReturnType<typeof buildToolDefinitions>): Promise<() => Promise<void>> {
  const server = createMcpServer(tools);
  await server.connect(new StdioServerTransport());
  return () => server.close();
}
