/**
 * Operations as Fastify routes under /api/v1. Each operation's input schema is split by where HTTP carries it:
 * `:name` path segments, the X-Session-Id header for session_id, the query string for GET and DELETE, the JSON
 * body otherwise. Responses are `{ success: true, data }`.
 */
import { Type, type TObject, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ErrorResponse } from './schemas.js';
import type { AnyOperation, CoreDeps } from '../core/operation.js';
import { runOperation } from '../core/dispatch.js';
import { IdempotencyKey, takesIdempotencyKey } from '../core/idempotency.js';
import { DomainError } from '../core/errors.js';

/** The token of an `Authorization: Bearer …` header; undefined when there is none. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new DomainError('TOKEN_INVALID', 'The Authorization header must be "Bearer <token>" with the token verify_otp returned.');
  return match[1];
}

export function sessionRequired(): DomainError {
  return new DomainError(
    'SESSION_REQUIRED',
    'This route needs the X-Session-Id header (or Authorization: Bearer with a session token); create a session with POST /api/v1/sessions and send its session_id.',
  );
}

export const API_PREFIX = '/api/v1';
export const SESSION_HEADER = 'x-session-id';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

function pick(schema: TObject, keys: string[]): TObject | undefined {
  if (keys.length === 0) return undefined;
  const properties: Record<string, TSchema> = {};
  for (const k of keys) properties[k] = schema.properties[k] as TSchema;
  const required = (schema.required ?? []).filter((k) => keys.includes(k));
  return Type.Object(properties, { additionalProperties: false, ...(required.length > 0 ? { required } : {}) });
}

export interface RouteSchema {
  params?: TObject;
  querystring?: TObject;
  body?: TObject;
  headers?: TObject;
}

export function splitInput(op: AnyOperation): RouteSchema {
  const input = op.input as TObject;
  const all = Object.keys(input.properties);
  const pathKeys = [...op.http.path.matchAll(/:([a-z_]+)/g)].map((m) => m[1] as string);
  for (const k of pathKeys) {
    if (!all.includes(k)) throw new Error(`${op.name}: path parameter :${k} is not an input field`);
  }
  const rest = all.filter((k) => k !== 'session_id' && !pathKeys.includes(k));
  const inQuery = op.http.method === 'GET' || op.http.method === 'DELETE';
  const schema: RouteSchema = { params: pick(input, pathKeys) };
  // An empty object schema still refuses unknown parameters, so a typo is an error rather than ignored.
  if (inQuery) schema.querystring = pick(input, rest) ?? Type.Object({}, { additionalProperties: false });
  else schema.body = pick(input, rest) ?? Type.Object({}, { additionalProperties: false });
  if (all.includes('session_id')) {
    // optional in the schema: a bearer token names its session; the handler asks for one of the two
    schema.headers = Type.Object({
      [SESSION_HEADER]: Type.Optional(
        Type.String({
          ...(input.properties['session_id'] as TSchema),
          description: 'The session_id from POST /api/v1/sessions (or from verify_otp); not needed with Authorization: Bearer',
        }),
      ),
      ...(takesIdempotencyKey(op) ? { [IDEMPOTENCY_HEADER]: Type.Optional(IdempotencyKey) } : {}),
    });
  }
  return schema;
}

export function registerOperationRoutes(app: FastifyInstance, operations: readonly AnyOperation[], deps: CoreDeps): void {
  for (const op of operations) {
    const { params, querystring, body, headers } = splitInput(op);
    const hasBody = body !== undefined;
    app.route({
      method: op.http.method,
      url: `${API_PREFIX}${op.http.path}`,
      schema: {
        operationId: op.name,
        summary: op.title,
        description: op.description,
        tags: [op.hints.readOnly ? 'browse' : 'change'],
        ...(params ? { params } : {}),
        ...(querystring ? { querystring } : {}),
        ...(hasBody ? { body } : {}),
        ...(headers ? { headers } : {}),
        response: {
          200: Type.Object({ success: Type.Literal(true), data: op.output }),
          '4xx': ErrorResponse,
          '5xx': ErrorResponse,
        },
      },
      handler: async (request) => {
        const input: Record<string, unknown> = {
          ...((request.query as object) ?? {}),
          ...((request.body as object) ?? {}),
          ...((request.params as object) ?? {}),
        };
        const bearer = bearerToken(request.headers.authorization);
        const sessionHeader = (request.headers as Record<string, string | undefined>)[SESSION_HEADER];
        if (headers && sessionHeader !== undefined) input['session_id'] = sessionHeader;
        if (headers && sessionHeader === undefined && bearer === undefined) throw sessionRequired();
        const key = (request.headers as Record<string, string | undefined>)[IDEMPOTENCY_HEADER];
        const data = await runOperation(
          op,
          input as never,
          deps,
          { channel: 'http', ...(bearer !== undefined ? { bearer } : {}) },
          key !== undefined ? { idempotencyKey: key } : {},
        );
        return { success: true, data };
      },
    });
  }
}
