/**
 * What every answer to a fuzzed request must look like. Each check returns what is wrong with an answer, or null;
 * the fuzz test turns a non-null into a failure that names the input.
 */
import { ERROR_CODES } from '../../src/core/errors.js';
import { ONDC_ERROR_TYPES } from '../../src/ondc/ack.js';

export interface Answer {
  status: number;
  headers: Record<string, unknown>;
  body: string;
}

const TYPES = new Set<string>(Object.values(ERROR_CODES).map((c) => c.type));
const CODES = new Set<string>(Object.keys(ERROR_CODES));

function json(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** The documented error shape: { success: false, error: { type, code, message } }, with a message that says something. */
export function errorShapeProblem(body: unknown): string | null {
  const b = body as { success?: unknown; error?: { type?: unknown; code?: unknown; message?: unknown } } | undefined;
  if (!b || b.success !== false || !b.error) return 'the error is not { success: false, error: {...} }';
  if (!TYPES.has(String(b.error.type))) return `unknown error type ${String(b.error.type)}`;
  if (!CODES.has(String(b.error.code))) return `unknown error code ${String(b.error.code)}`;
  if (typeof b.error.message !== 'string' || b.error.message.trim() === '') return 'the error has no message';
  if (b.error.code === 'INTERNAL') return 'an INTERNAL error';
  return null;
}

/** Never a 5xx; a 2xx of the API is { success: true, data }; every other answer has the documented error shape. */
export function apiProblem(method: string, answer: Answer): string | null {
  if (answer.status >= 500) return `status ${answer.status}`;
  if (method === 'HEAD') return null;
  const body = json(answer.body);
  if (answer.status >= 200 && answer.status < 300) {
    const ok = body as { success?: unknown } | undefined;
    return ok?.success === true && 'data' in (ok as object) ? null : 'a 2xx without { success: true, data }';
  }
  return errorShapeProblem(body);
}

/** Routes outside the API (probes, docs, the storefront): never a 5xx, and an error that is JSON has our shape. */
export function routeProblem(method: string, answer: Answer): string | null {
  if (answer.status >= 500) return `status ${answer.status}`;
  if (method === 'HEAD' || answer.status < 400) return null;
  return errorShapeProblem(json(answer.body));
}

/**
 * ONDC callback receivers answer with the protocol's own shape: a NACK with an ONDC error (bad signature 401, bad
 * message 400) or an ACK. A request Fastify refuses before the route (wrong content type, bad JSON, too large)
 * gets the API's error shape.
 */
export function callbackProblem(answer: Answer): string | null {
  if (answer.status >= 500) return `status ${answer.status}`;
  const body = json(answer.body) as { message?: { ack?: { status?: unknown } }; error?: { type?: unknown; code?: unknown; message?: unknown } } | undefined;
  const ack = body?.message?.ack?.status;
  if (answer.status === 200) return ack === 'ACK' ? null : 'a 200 that is not an ACK';
  if (ack === undefined) return errorShapeProblem(body);
  if (ack !== 'NACK') return `a ${answer.status} with ack status ${String(ack)}`;
  if (answer.status !== 400 && answer.status !== 401) return `a NACK with status ${answer.status}`;
  const error = body?.error;
  if (!error || !(ONDC_ERROR_TYPES as readonly unknown[]).includes(error.type) || typeof error.code !== 'string') return 'a NACK without an ONDC error';
  if (typeof error.message !== 'string' || error.message.trim() === '') return 'a NACK without a message';
  return null;
}

const INTERNAL_ERROR = -32603;

interface RpcMessage {
  error?: { code?: unknown; message?: unknown };
  result?: { isError?: unknown; _meta?: { error?: unknown } };
}

/** JSON-RPC messages in a /mcp answer: a JSON body (one message or a batch) or server-sent events. */
function rpcMessages(answer: Answer): RpcMessage[] | null {
  const type = String(answer.headers['content-type'] ?? '');
  if (type.startsWith('text/event-stream')) {
    return answer.body
      .split('\n')
      .filter((l) => l.startsWith('data:'))
      .map((l) => json(l.slice(5).trim()) as RpcMessage);
  }
  const body = json(answer.body);
  if (body === undefined) return answer.body === '' ? [] : null;
  return (Array.isArray(body) ? body : [body]) as RpcMessage[];
}

/** A tool result or protocol error from the MCP server: never an internal error, never a crash hidden in a result. */
export function rpcMessageProblem(message: RpcMessage): string | null {
  if (message.error) {
    if (message.error.code === INTERNAL_ERROR) return 'a JSON-RPC internal error';
    if (typeof message.error.code !== 'number' || typeof message.error.message !== 'string' || message.error.message === '') return 'a malformed JSON-RPC error';
  }
  if (message.result?.isError === true) {
    const error = message.result._meta?.error;
    return error ? errorShapeProblem({ success: false, error }) : 'a tool error without its coded error';
  }
  return null;
}

/** POST /mcp with garbage: never a 5xx; JSON-RPC errors that are not internal; API-shaped errors from Fastify itself. */
export function mcpEndpointProblem(method: string, answer: Answer): string | null {
  if (answer.status >= 500) return `status ${answer.status}`;
  if (method === 'HEAD') return null;
  const messages = rpcMessages(answer);
  if (messages === null) return 'a body that is neither JSON nor server-sent events';
  for (const m of messages) {
    if (!m || typeof m !== 'object') return 'a message that is not a JSON object';
    const problem = 'success' in m ? errorShapeProblem(m) : rpcMessageProblem(m);
    if (problem) return problem;
  }
  if (answer.status >= 400 && messages.length === 0) return `a ${answer.status} without a body`;
  return null;
}
