/**
 * Streamable HTTP at /mcp on the Fastify app, stateless: every POST gets its own McpServer and transport, so any
 * replica can answer any request. The shopping session is the explicit session_id argument, never the transport.
 */
import { NodeStreamableHTTPServerTransport } from '@modelcontextprotocol/node';
import { INVALID_PARAMS, isJSONRPCRequest, isSpecType, type SpecTypeName } from '@modelcontextprotocol/server';
import type {} from '@fastify/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createMcpServer, type buildToolDefinitions } from './server.js';
import { bearerToken } from '../http/routes.js';
import type { CoreDeps } from '../core/operation.js';

export interface McpHttpOptions {
  tools: ReturnType<typeof buildToolDefinitions>;
  /** For resources and prompts. */
  deps: CoreDeps;
  /** Host names (no port) accepted in the Host header; `*` accepts any. */
  allowedHosts: string[];
  /** Origin host names accepted when a browser sends Origin; `*` accepts any. */
  allowedOrigins: string[];
}

function hostnameOf(value: string): string | null {
  try {
    return new URL(value.includes('://') ? value : `http://${value}`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

function allows(list: string[], value: string | undefined): boolean {
  if (list.includes('*')) return true;
  if (value === undefined) return false;
  const host = hostnameOf(value);
  return host !== null && list.some((h) => h.toLowerCase() === host);
}

function jsonRpcError(reply: FastifyReply, status: number, code: number, message: string, id: unknown = null): FastifyReply {
  return reply.code(status).header('content-type', 'application/json').send({ jsonrpc: '2.0', error: { code, message }, id });
}

/** The spec's type of each request the server answers, by method. */
const REQUEST_TYPES = new Map<string, SpecTypeName>([
  ['initialize', 'InitializeRequest'],
  ['ping', 'PingRequest'],
  ['tools/list', 'ListToolsRequest'],
  ['tools/call', 'CallToolRequest'],
  ['resources/list', 'ListResourcesRequest'],
  ['resources/templates/list', 'ListResourceTemplatesRequest'],
  ['resources/read', 'ReadResourceRequest'],
  ['prompts/list', 'ListPromptsRequest'],
  ['prompts/get', 'GetPromptRequest'],
  ['completion/complete', 'CompleteRequest'],
  ['logging/setLevel', 'SetLevelRequest'],
]);

/**
 * A request whose params do not have the spec's shape (a prompt argument that is not a string, a resource URI that
 * is a number). The SDK refuses those as internal errors (-32603); they are the caller's mistake, invalid params.
 */
function malformedRequest(body: unknown): { id: unknown; method: string } | null {
  if (!isJSONRPCRequest(body)) return null;
  const { id, method } = body;
  const type = REQUEST_TYPES.get(method);
  return type && !isSpecType[type](body) ? { id, method } : null;
}

/** DNS-rebinding protection: a page on another site must not drive a local server through the browser. */
function guard(opts: McpHttpOptions, request: FastifyRequest, reply: FastifyReply): boolean {
  if (!allows(opts.allowedHosts, request.headers.host)) {
    jsonRpcError(reply, 403, -32000, `Host ${request.headers.host ?? '(none)'} is not allowed; add it to MCP_ALLOWED_HOSTS.`);
    return false;
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !allows(opts.allowedOrigins, origin)) {
    jsonRpcError(reply, 403, -32000, `Origin ${origin} is not allowed; add its host to MCP_ALLOWED_ORIGINS.`);
    return false;
  }
  return true;
}

export function registerMcpHttp(app: FastifyInstance, opts: McpHttpOptions): void {
  const doc = (summary: string) => ({
    tags: ['mcp'],
    summary,
    description: 'Model Context Protocol, streamable HTTP transport (JSON-RPC 2.0). Use an MCP client, not plain REST.',
  });

  app.post('/mcp', { schema: doc('MCP JSON-RPC messages') }, async (request, reply) => {
    if (!guard(opts, request, reply)) return reply;
    let bearer: string | undefined;
    try {
      bearer = bearerToken(request.headers.authorization);
    } catch (err) {
      reply.header('www-authenticate', 'Bearer realm="ondc-shop"');
      jsonRpcError(reply, 401, -32001, (err as Error).message);
      return reply;
    }
    const malformed = malformedRequest(request.body);
    if (malformed) {
      const message = `Invalid params for ${malformed.method}: they do not have the shape the MCP specification gives this request.`;
      return jsonRpcError(reply, 200, INVALID_PARAMS, message, malformed.id);
    }
    const server = createMcpServer(opts.tools, { channel: 'http', ...(bearer !== undefined ? { bearer } : {}) }, opts.deps);
    const transport = new NodeStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    reply.hijack();
    reply.raw.on('close', () => {
      void transport.close();
      void server.close();
    });
    try {
      await server.connect(transport);
      // Fastify has already read and parsed the body; hand it over instead of letting the transport re-read.
      await transport.handleRequest(request.raw, reply.raw, request.body);
    } catch (err) {
      request.log.error({ err }, 'mcp request failed');
      if (!reply.raw.headersSent) {
        reply.raw.writeHead(500, { 'content-type': 'application/json' });
        reply.raw.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal error' }, id: null }));
      }
    }
    return reply;
  });

  // Stateless: there is no server-initiated stream to resume (GET) and no transport session to end (DELETE).
  const notAllowed = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!guard(opts, request, reply)) return reply;
    return jsonRpcError(reply.header('allow', 'POST'), 405, -32000, 'Method not allowed: this server is stateless; use POST.');
  };
  app.get('/mcp', { schema: doc('Not used: the server is stateless') }, notAllowed);
  app.delete('/mcp', { schema: doc('Not used: the server is stateless') }, notAllowed);
}
