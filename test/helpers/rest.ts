/** Calls operations over REST with app.inject, the way a web client would: by method, path and header. */
import type { FastifyInstance } from 'fastify';
import { operations } from '../../src/core/operations/index.js';
import type { Call } from './journey.js';

export interface RestReply {
  status: number;
  body: any;
  headers: Record<string, unknown>;
}

/** The HTTP request a web client makes for an operation: path ids filled in, the rest as query or JSON body. */
function requestFor(tool: string, args: Record<string, unknown>, extraHeaders: Record<string, string>) {
  const op = operations.find((o) => o.name === tool);
  if (!op) throw new Error(`no operation ${tool}`);
  const { session_id, ...rest } = args;
  let url = `/api/v1${op.http.path}`;
  for (const [k, v] of Object.entries(rest)) {
    if (url.includes(`:${k}`)) {
      url = url.replace(`:${k}`, encodeURIComponent(String(v)));
      delete rest[k];
    }
  }
  const inQuery = op.http.method === 'GET' || op.http.method === 'DELETE';
  return {
    method: op.http.method,
    url,
    headers: { ...(session_id === undefined ? {} : { 'x-session-id': String(session_id) }), ...extraHeaders },
    ...(inQuery ? { query: Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, String(v)])) } : { payload: rest }),
  };
}

export async function restCall(
  app: FastifyInstance,
  tool: string,
  args: Record<string, unknown>,
  extraHeaders: Record<string, string> = {},
): Promise<RestReply> {
  const res = await app.inject(requestFor(tool, args, extraHeaders));
  return { status: res.statusCode, body: res.json(), headers: res.headers };
}

/** The same call over real HTTP, for a server in another process. */
export async function httpCall(
  base: string,
  tool: string,
  args: Record<string, unknown>,
  extraHeaders: Record<string, string> = {},
): Promise<RestReply> {
  const req = requestFor(tool, args, extraHeaders);
  const query = 'query' in req ? `?${new URLSearchParams(req.query)}` : '';
  const res = await fetch(`${base}${req.url}${query}`, {
    method: req.method,
    headers: { ...req.headers, ...('payload' in req ? { 'content-type': 'application/json' } : {}) },
    ...('payload' in req ? { body: JSON.stringify(req.payload) } : {}),
  });
  return { status: res.status, body: await res.json(), headers: Object.fromEntries(res.headers) };
}

/** A Call that throws on anything but 200, for journeys. */
export function restCaller(app: FastifyInstance): Call {
  return async (tool, args) => {
    const res = await restCall(app, tool, args);
    if (res.status !== 200) throw new Error(`${tool} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data;
  };
}
