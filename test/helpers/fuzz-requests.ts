/**
 * Whole fuzzed requests: REST calls of an operation (input placed where HTTP carries it, then path, query, body,
 * content type and headers broken at will), MCP tool arguments, signed and unsigned ONDC callbacks, JSON-RPC
 * garbage for /mcp, and requests for the other routes.
 */
import { createHmac, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { AnyOperation } from '../../src/core/operation.js';
import { signAuthorization, type SigningKey } from '../../src/ondc/signing.js';
import { almostValidObject, inputOf, junkHeader, junkKey, junkObject, junkString, junkValue, type Pools, validObject, withKey } from './fuzz-values.js';

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

/** What the requests may use: real ids, a real session token, and the key that signs tokens (to forge good ones). */
export interface FuzzContext {
  pools: Pools;
  token: string;
  tokenSecret: Buffer;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** `arbitrary` once in `oneIn` draws, otherwise undefined. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Printable ASCII only: what any HTTP client can put in a header. */
const headerSafe = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '').replace(/[^\x20-\x7e]/g, '?');

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes out as the invalid UTF-8 it would be. */
function encode(text: string): string {
  return text
    .split(LONE_SURROGATE)
    .map((part) => encodeURIComponent(part))
    .join('%ED%A0%80');
}

const junkSegment: fc.Arbitrary<string> = fc.oneof(
  junkString.map(encode),
  fc.constantFrom('..', '.', '%2e%2e', '%2F', '%2f..%2f', '%00', '%', '%zz', '%E0%A4%A', '%C0%AF', '~', '*', '%20', '+', ';a=b', ':', 'a%00b', '%EF%BF%BF', 'x'.repeat(300)),
);

const junkQuery: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '&',
    '&&&=',
    '&a',
    '&a=1&a=2',
    '&%zz=1',
    '&a[b]=1',
    '&__proto__[polluted]=1',
    '&__proto__=x',
    '&constructor[prototype][polluted]=1',
    '&q=%00',
    '&q=%E0%A4%A',
    `&${'a=1&'.repeat(3000)}`,
    '&limit=NaN',
    '&limit=1e309',
    '&limit=-1',
    '&page=0',
    '&limit=1&limit=2',
  ),
  fc.tuple(junkKey, junkString).map(([k, v]) => `&${encode(k)}=${encode(v)}`),
);

const contentType: fc.Arbitrary<string> = fc.constantFrom(
  '',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/vnd.api+json',
  'application/octet-stream',
  '*/*',
  ' application/JSON ',
  'application/jsonx',
  'invalid',
);

const malformedJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '{',
    '{"a":',
    '{a:1}',
    "{'a':1}",
    '[',
    '{"a":1,}',
    'NaN',
    'undefined',
    '\ufeff{}',
    '{"a":1}{"b":2}',
    '{"__proto__":{"polluted":1}}',
    '{"constructor":{"prototype":{"polluted":1}}}',
    '{"a":"\\ud800"}',
    '"\\u0000"',
    `${'['.repeat(20000)}${']'.repeat(20000)}`,
    `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`,
    'null',
    '1',
    '"str"',
    'true',
    '[]',
    '{"a":1,"a":2}',
    '1e999999',
    'x'.repeat(300_000),
  ),
  junkString,
);

/** A raw body with any content type: malformed JSON, JSON of the wrong kind, text, or too large. */
const rawBody = fc.record({ text: malformedJson, type: fc.oneof(fc.constant('application/json'), contentType) });

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** Session tokens a client could forge: well-signed with wrong claims, badly signed, or of another algorithm. */
function forgedToken(ctx: FuzzContext): fc.Arbitrary<string> {
  const header = fc.constantFrom({ alg: 'HS256', typ: 'JWT' }, { alg: 'none', typ: 'JWT' }, { alg: 'RS256', typ: 'JWT' }, { typ: 'JWT', alg: 'HS256' });
  const claims = fc.record(
    {
      sub: fc.oneof(fc.constantFrom(...(ctx.pools['user_id'] ?? ['usr_x'])), junkValue),
      sid: fc.oneof(fc.constantFrom(...(ctx.pools['session_id'] ?? ['shop_x'])), junkValue),
      jti: fc.oneof(fc.string({ maxLength: 20 }), junkValue),
      exp: fc.oneof(fc.integer({ min: 0, max: 2 ** 33 }), junkValue),
    },
    { requiredKeys: [] },
  );
  const payload = fc.oneof({ weight: 5, arbitrary: claims.map(b64) }, { weight: 1, arbitrary: junkString.map(b64) }, { weight: 1, arbitrary: junkHeader });
  return fc.tuple(header, payload, fc.boolean()).map(([h, p, rightKey]) => {
    const input = `${b64(h)}.${p}`;
    return `${input}.${createHmac('sha256', rightKey ? ctx.tokenSecret : Buffer.from('not the key')).update(input).digest('base64url')}`;
  });
}

function authorization(ctx: FuzzContext): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 10, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constant(`Bearer ${ctx.token}`) },
    { weight: 3, arbitrary: forgedToken(ctx).map((t) => `Bearer ${t}`) },
    { weight: 1, arbitrary: junkHeader.map((h) => `Bearer ${h}`) },
    { weight: 1, arbitrary: junkHeader },
    { weight: 1, arbitrary: fc.constantFrom('Bearer', 'Bearer ', 'bearer x', 'BEARER  a.b.c', 'Basic dXNlcjpwYXNz', 'Token abc', 'Bearer a.b', 'Bearer a.b.c.d', `Bearer ${'x'.repeat(9000)}`) },
  );
}

const extraHeaders = sometimes(fc.dictionary(fc.constantFrom('accept', 'x-request-id', 'accept-encoding', 'x-forwarded-for', 'cookie', 'origin', 'accept-language'), junkHeader, { maxKeys: 3 }), 4);

function queryString(fields: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(fields)) {
    for (const item of Array.isArray(v) ? v : [v]) {
      const text = typeof item === 'string' ? item : JSON.stringify(item) ?? '';
      parts.push(`${encode(k)}=${encode(text)}`);
    }
  }
  return parts.join('&');
}

function withQuery(url: string, query: string): string {
  if (query === '') return url;
  const joined = url.includes('?') ? `${url}&${query.replace(/^&/, '')}` : `${url}?${query.replace(/^&/, '')}`;
  return joined;
}

const pathKeys = (op: AnyOperation) => [...op.http.path.matchAll(/:([a-z_]+)/g)].map((m) => m[1] as string);

interface RestParts {
  input: unknown;
  method: string;
  sessionInHeader: boolean;
  junkParam?: { index: number; segment: string };
  query?: string;
  body?: { text: string; type: string };
  type?: string;
  auth?: string;
  idempotencyKey?: string;
  extra?: Record<string, string>;
}

/** Puts the input where the operation's route takes it (path, X-Session-Id, query or body), as restCall does. */
function restRequest(op: AnyOperation, parts: RestParts): FuzzRequest {
  const fields = isObject(parts.input) ? { ...parts.input } : undefined;
  const headers: Record<string, string> = { ...(parts.extra ?? {}) };
  let url = `/api/v1${op.http.path}`;
  pathKeys(op).forEach((key, index) => {
    const value = fields?.[key];
    if (fields) delete fields[key];
    const segment = parts.junkParam?.index === index ? parts.junkParam.segment : value === undefined ? '' : encode(typeof value === 'string' ? value : JSON.stringify(value) ?? '');
    url = url.replace(`:${key}`, segment);
  });
  if (fields && parts.sessionInHeader && 'session_id' in fields) {
    headers['x-session-id'] = headerSafe(fields['session_id']);
    delete fields['session_id'];
  }
  const inQuery = op.http.method === 'GET' || op.http.method === 'DELETE';
  let payload: string | undefined;
  if (inQuery && fields) url = withQuery(url, queryString(fields));
  if (!inQuery) payload = JSON.stringify(fields ?? parts.input) ?? '';
  if (parts.body) {
    payload = parts.body.text;
    headers['content-type'] = parts.body.type;
  } else if (payload !== undefined) headers['content-type'] = parts.type ?? 'application/json';
  if (headers['content-type'] === '') delete headers['content-type'];
  if (parts.query) url = withQuery(url, parts.query);
  if (parts.auth !== undefined) headers['authorization'] = parts.auth;
  if (parts.idempotencyKey !== undefined) headers['idempotency-key'] = parts.idempotencyKey;
  return { method: parts.method, url, headers, ...(payload !== undefined ? { payload } : {}) };
}

export function restRequestOf(op: AnyOperation, ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const params = pathKeys(op).length;
  return fc
    .record(
      {
        input: inputOf(op.input, ctx.pools),
        method: fc.oneof({ weight: 12, arbitrary: fc.constant(op.http.method) }, { weight: 1, arbitrary: fc.constantFrom(...METHODS) }),
        sessionInHeader: fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
        junkParam: params > 0 ? sometimes(fc.record({ index: fc.nat({ max: params - 1 }), segment: junkSegment }), 6) : fc.constant(undefined),
        query: sometimes(junkQuery, 6),
        body: sometimes(rawBody, 6),
        type: sometimes(contentType, 10),
        auth: authorization(ctx),
        idempotencyKey: sometimes(fc.oneof(junkHeader, fc.uuid()), 6),
        extra: extraHeaders,
      },
      { requiredKeys: ['input', 'method', 'sessionInHeader'] },
    )
    .map((parts) => restRequest(op, parts as RestParts));
}

/** MCP tool arguments: the same inputs as REST, sometimes with an idempotency key, for the anonymous or signed-in client. */
export function toolCallOf(op: AnyOperation, ctx: FuzzContext): fc.Arbitrary<{ signedIn: boolean; args: unknown }> {
  return fc
    .record({ signedIn: fc.boolean(), args: inputOf(op.input, ctx.pools), key: sometimes(fc.oneof(fc.uuid(), junkValue), 8) })
    .map(({ signedIn, args, key }) => ({ signedIn, args: key !== undefined && isObject(args) ? withKey(args, 'idempotency_key', key) : args }));
}

/** Requests for a route outside the API: its methods mostly, junk path segments, query strings, bodies and headers. */
export function routeRequestOf(path: string, methods: readonly string[], params: Record<string, fc.Arbitrary<string>> = {}): fc.Arbitrary<FuzzRequest> {
  const names = [...path.matchAll(/:([a-z_]+)|\*/g)].map((m) => m[1] ?? '*');
  const segments = fc.tuple(...names.map((n) => fc.oneof(params[n] ?? junkSegment, junkSegment)));
  return fc
    .record({
      method: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...methods) }, { weight: 1, arbitrary: fc.constantFrom(...METHODS) }),
      segments,
      query: sometimes(junkQuery, 3),
      body: sometimes(rawBody, 5),
      extra: extraHeaders,
    })
    .map(({ method, segments: values, query, body, extra }) => {
      let i = 0;
      const url = path.replace(/:([a-z_]+)|\*/g, () => values[i++] ?? '');
      const headers: Record<string, string> = { ...(extra ?? {}), ...(body ? { 'content-type': body.type } : {}) };
      if (headers['content-type'] === '') delete headers['content-type'];
      return { method, url: withQuery(url, query ?? ''), headers, ...(body ? { payload: body.text } : {}) };
    });
}

/** An ONDC signature header with every part possibly wrong. */
const forgedSignature = fc
  .record({
    subscriber: fc.oneof(fc.constantFrom('sri-lakshmi-kirana.sandbox.ondc.local', 'buyer.sandbox.ondc.local', ''), junkHeader),
    keyId: fc.oneof(fc.constantFrom('sandbox-key-1', ''), junkHeader),
    algorithm: fc.constantFrom('ed25519', 'rsa', '', 'ED25519'),
    created: fc.oneof(fc.integer({ min: 0, max: 2 ** 32 }).map(String), junkHeader),
    expires: fc.oneof(fc.integer({ min: 0, max: 2 ** 32 }).map(String), junkHeader),
    headers: fc.constantFrom('(created) (expires) digest', 'digest', ''),
    signature: fc.oneof(fc.uint8Array({ minLength: 64, maxLength: 64 }).map((b) => Buffer.from(b).toString('base64')), junkHeader),
  })
  .map((p) => `Signature keyId="${p.subscriber}|${p.keyId}|${p.algorithm}",algorithm="${p.algorithm}",created="${p.created}",expires="${p.expires}",headers="${p.headers}",signature="${p.signature}"`);

export interface CallbackContext {
  /** Sandbox seller keys the buyer app's registry knows. */
  signers: readonly SigningKey[];
  bapId: string;
  bapUri: string;
  pools: Pools;
}

/** A callback context that is right in every field, as a schema, so that one field at a time can be broken. */
function contextSchema(action: string, ctx: CallbackContext, signer: SigningKey) {
  const str = (pattern: string) => ({ type: 'string', pattern });
  return {
    type: 'object',
    required: ['domain', 'country', 'city', 'action', 'core_version', 'bap_id', 'bap_uri', 'bpp_id', 'bpp_uri', 'transaction_id', 'message_id', 'timestamp', 'ttl'],
    properties: {
      domain: { anyOf: [{ const: 'ONDC:RET10' }, { const: 'ONDC:RET13' }, { const: 'nic2004:52110' }] },
      country: { const: 'IND' },
      city: str('^std:\\d{3,5}$'),
      action: { const: action },
      core_version: { anyOf: [{ const: '1.2.0' }, { const: '1.2.5' }] },
      bap_id: { const: ctx.bapId },
      bap_uri: { const: ctx.bapUri },
      bpp_id: { const: signer.subscriberId },
      bpp_uri: str('^http://127\\.0\\.0\\.1:[0-9]{4,5}/bpp/[a-z-]{3,20}$'),
      transaction_id: str('^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'),
      message_id: str('^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'),
      timestamp: str('^20[2-3][0-9]-0[1-9]-[0-2][1-9]T[01][0-9]:[0-5][0-9]:[0-5][0-9]\\.[0-9]{3}Z$'),
      ttl: { anyOf: [{ const: 'PT30S' }, { const: 'P1D' }] },
    },
  };
}

/** The message of a callback: junk, or order-shaped with a real order id and junk everywhere else. */
function callbackMessage(ctx: CallbackContext): fc.Arbitrary<unknown> {
  const orderIds = ctx.pools['ondc_order_id'] ?? ['O1'];
  const order = fc.record({ id: fc.oneof(fc.constantFrom(...orderIds), junkValue), state: fc.oneof(fc.constantFrom('Accepted', 'In-progress', 'Completed', 'Cancelled'), junkValue), fulfillments: junkValue, items: junkValue, quote: junkValue });
  return fc.oneof(junkValue, junkObject, order.map((o) => ({ order: o })), fc.record({ catalog: junkValue }), fc.record({ issue: junkObject }));
}

/** POST /ondc/<action>: unsigned, badly signed, or well signed by a known seller with a broken context or message. */
export function callbackRequestOf(action: string, ctx: CallbackContext): fc.Arbitrary<FuzzRequest> {
  const message = callbackMessage(ctx);
  const signed = fc.oneof(
    ...ctx.signers.map((signer) =>
      fc.record({
        signer: fc.constant(signer),
        // Real transaction ids only in valid contexts: each callback that names one grows that order's flow log.
        context: fc.oneof({ weight: 3, arbitrary: almostValidObject(contextSchema(action, ctx, signer), {}) }, { weight: 1, arbitrary: validObject(contextSchema(action, ctx, signer), ctx.pools) }),
        message,
        extra: sometimes(fc.tuple(junkKey, junkValue), 4),
        how: fc.constantFrom('signed', 'signed', 'signed', 'tampered', 'expired', 'other-signer'),
      }),
    ),
  );
  const raw = fc.oneof(malformedJson, junkObject.map((o) => JSON.stringify(o)));
  return fc
    .record({
      body: fc.oneof({ weight: 3, arbitrary: signed }, { weight: 2, arbitrary: raw }),
      auth: fc.oneof(fc.constant(undefined), junkHeader, forgedSignature),
      type: sometimes(contentType, 10),
    })
    .map(({ body, auth, type }) => {
      const headers: Record<string, string> = { 'content-type': type ?? 'application/json' };
      if (headers['content-type'] === '') delete headers['content-type'];
      if (typeof body === 'string') return { method: 'POST', url: `/ondc/${action}`, headers: { ...headers, ...(auth ? { authorization: auth } : {}) }, payload: body };
      let message: Record<string, unknown> = { context: body.context, message: body.message };
      if (body.extra) message = withKey(message, body.extra[0], body.extra[1]);
      const text = JSON.stringify(message);
      const signer = body.how === 'other-signer' ? (ctx.signers.find((s) => s !== body.signer) ?? body.signer) : body.signer;
      const created = Math.floor(Date.now() / 1000) - (body.how === 'expired' ? 3600 : 0);
      headers['authorization'] = signAuthorization(text, signer, { created, ttlSeconds: 60 });
      return { method: 'POST', url: `/ondc/${action}`, headers, payload: body.how === 'tampered' ? `${text} ` : text };
    });
}

/** JSON-RPC for /mcp: real methods with junk params, junk methods, batches, and bodies that are not JSON-RPC at all. */
export function mcpGarbageOf(toolNames: readonly string[], ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const session = fc.constantFrom(...(ctx.pools['session_id'] ?? ['shop_x']));
  const params = fc.oneof(
    junkValue,
    fc.record({ name: fc.oneof(fc.constantFrom(...toolNames), junkString), arguments: fc.oneof(junkObject, junkValue), _meta: junkValue }, { requiredKeys: ['name'] }),
    fc.record({ uri: fc.oneof(session.map((s) => `shop://sessions/${s}/cart`), fc.constantFrom('shop://sessions/x/orders/y', 'shop://sessions/../../etc', 'file:///etc/passwd', 'shop://'), junkString) }),
    fc.record({ name: fc.oneof(fc.constantFrom('guided_shopping', 'return_items', 'complaint'), junkString), arguments: fc.oneof(junkObject, junkValue) }),
    fc.record({ protocolVersion: fc.oneof(fc.constantFrom('2025-06-18', '2025-03-26', '1999-01-01'), junkValue), capabilities: junkValue, clientInfo: junkValue }, { requiredKeys: [] }),
  );
  const method = fc.oneof(
    fc.constantFrom('initialize', 'tools/list', 'tools/call', 'resources/read', 'resources/list', 'resources/templates/list', 'prompts/get', 'prompts/list', 'ping', 'notifications/initialized', 'completion/complete', 'logging/setLevel', ''),
    junkString,
  );
  const rpc = fc.record({ jsonrpc: fc.oneof(fc.constant('2.0'), junkValue), id: fc.oneof(fc.integer(), fc.string({ maxLength: 10 }), fc.constant(null), junkValue), method, params }, { requiredKeys: ['method'] });
  const body = fc.oneof(
    { weight: 5, arbitrary: rpc.map((r) => JSON.stringify(r)) },
    { weight: 1, arbitrary: fc.array(rpc, { maxLength: 4 }).map((b) => JSON.stringify(b)) },
    { weight: 1, arbitrary: malformedJson },
    { weight: 1, arbitrary: junkValue.map((v) => JSON.stringify(v) ?? '') },
  );
  return fc
    .record({
      body,
      accept: fc.oneof({ weight: 4, arbitrary: fc.constant('application/json, text/event-stream') }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom('application/json', 'text/event-stream', '*/*', ''), junkHeader) }),
      type: sometimes(contentType, 8),
      version: sometimes(fc.oneof(fc.constantFrom('2025-06-18', '2025-03-26', '1999-01-01'), junkHeader), 4),
      mcpSession: sometimes(fc.oneof(fc.constant(randomUUID()), junkHeader), 8),
      origin: sometimes(fc.oneof(fc.constantFrom('http://localhost', 'http://evil.example', 'null'), junkHeader), 8),
      auth: authorization(ctx),
    })
    .map(({ body: payload, accept, type, version, mcpSession, origin, auth }) => {
      const headers: Record<string, string> = { accept, 'content-type': type ?? 'application/json' };
      if (headers['content-type'] === '') delete headers['content-type'];
      if (version !== undefined) headers['mcp-protocol-version'] = version;
      if (mcpSession !== undefined) headers['mcp-session-id'] = mcpSession;
      if (origin !== undefined) headers['origin'] = origin;
      if (auth !== undefined) headers['authorization'] = auth;
      return { method: 'POST', url: '/mcp', headers, payload };
    });
}

