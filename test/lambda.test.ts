/** The AWS Lambda handler, invoked as Lambda would with API Gateway HTTP API (payload 2.0) events: sandbox mode. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';

const dataDir = mkdtempSync(join(tmpdir(), 'lambda-'));
// a sandbox-mode function with the development inbox, allowed explicitly: Lambda URLs are public
Object.assign(process.env, { DATA_DIR: dataDir, LOG_LEVEL: 'silent', EMBEDDER: 'none', SANDBOX_PRODUCTS_PER_PROVIDER: '20', OTP_DEV_INBOX_ANYWHERE: 'true' });
const { handler, close } = await import('../src/lambda.js');
t.teardown(async () => {
  await close();
  rmSync(dataDir, { recursive: true, force: true });
});

function event(method: string, path: string, opts: { query?: string; headers?: Record<string, string>; body?: unknown } = {}) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: opts.query ?? '',
    ...(opts.query ? { queryStringParameters: Object.fromEntries(new URLSearchParams(opts.query)) } : {}),
    headers: { host: 'abc.execute-api.ap-south-1.amazonaws.com', 'content-type': 'application/json', ...(opts.headers ?? {}) },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc',
      domainName: 'abc.execute-api.ap-south-1.amazonaws.com',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'test' },
      requestId: 'r1',
      routeKey: '$default',
      stage: '$default',
      time: '23/Nov/2026:00:00:00 +0000',
      timeEpoch: Date.now(),
    },
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    isBase64Encoded: false,
  };
}

const context = { awsRequestId: 'r1', functionName: 'ondc-shop', getRemainingTimeInMillis: () => 30_000 };

t.test('probes, a session and a search through the handler', async (t) => {
  const health = (await handler(event('GET', '/health'), context)) as { statusCode: number; body: string };
  t.equal(health.statusCode, 200);
  const ready = (await handler(event('GET', '/ready'), context)) as { statusCode: number; body: string };
  t.equal(ready.statusCode, 200, 'the catalog was pulled from the in-container sandbox');
  t.equal(JSON.parse(ready.body).checks.index.products, 120);
  const created = (await handler(event('POST', '/api/v1/sessions', { body: {} }), context)) as { statusCode: number; body: string };
  const { session_id } = JSON.parse(created.body).data;
  const found = (await handler(event('GET', '/api/v1/products', { query: 'query=atta&limit=3', headers: { 'x-session-id': session_id } }), context)) as {
    statusCode: number;
    body: string;
  };
  t.equal(found.statusCode, 200);
  t.ok(JSON.parse(found.body).data.total > 0, 'search answers');
  const bad = (await handler(event('GET', '/api/v1/products', { query: 'query=atta', headers: { 'x-session-id': 'nope' } }), context)) as { statusCode: number };
  t.equal(bad.statusCode, 400, 'bad input is a 4xx as on any server');
});
