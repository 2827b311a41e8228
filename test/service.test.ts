/** Probes, rate limiting, session expiry and request ids, through the HTTP surface. */
import { Redis } from 'ioredis';
import t from 'tap';
import { restCall, restCaller } from './helpers/rest.js';
import { openTestShop, testRedisUrl } from './helpers/shop.js';

const REDIS_URL = testRedisUrl(15);

t.test('/health and /ready', async (t) => {
  const shop = await openTestShop();
  t.teardown(shop.close);
  const health = await shop.app.inject({ method: 'GET', url: '/health' });
  t.equal(health.statusCode, 200);
  t.equal(health.json().status, 'ok');
  const ready = await shop.app.inject({ method: 'GET', url: '/ready' });
  t.equal(ready.statusCode, 200);
  t.match(ready.json(), { status: 'ready', checks: { store: { ok: true, kind: 'embedded' }, index: { ok: true } } });
  t.ok(ready.json().checks.index.products >= 1200, 'the sandbox catalog is loaded');
});

t.test('/ready is 503 and names the store when Redis does not answer', async (t) => {
  const shop = await openTestShop({ REDIS_URL: 'redis://127.0.0.1:1/0' });
  t.teardown(shop.close);
  const ready = await shop.app.inject({ method: 'GET', url: '/ready' });
  t.equal(ready.statusCode, 503);
  t.match(ready.json(), { status: 'not_ready', checks: { store: { ok: false, kind: 'redis', error: String }, index: { ok: true } } });
  t.equal((await shop.app.inject({ method: 'GET', url: '/health' })).statusCode, 200, 'still alive');
});

t.test('rate limit answers 429 with Retry-After, shared through Redis', async (t) => {
  const redis = new Redis(REDIS_URL);
  await redis.flushdb();
  t.teardown(() => redis.quit());
  const env = { REDIS_URL: REDIS_URL, RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_SECONDS: '30' };
  const a = await openTestShop(env);
  const b = await openTestShop(env);
  t.teardown(a.close);
  t.teardown(b.close);
  const statuses = [];
  for (const app of [a.app, b.app, a.app, b.app]) {
    statuses.push((await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: {} })).statusCode);
  }
  t.same(statuses, [200, 200, 200, 429], 'two replicas share one counter per client');
  const limited = await b.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: {} });
  t.equal(limited.statusCode, 429);
  t.ok(Number(limited.headers['retry-after']) > 0, `Retry-After: ${limited.headers['retry-after']}`);
  t.match(limited.json(), { success: false, error: { type: 'rate_limit_error', code: 'RATE_LIMITED', message: /retry after/ } });
  t.equal((await b.app.inject({ method: 'GET', url: '/health' })).statusCode, 200, 'probes are not limited');
});

t.test('sessions expire after SESSION_CLEANUP_HOURS without activity', async (t) => {
  const shop = await openTestShop({ SESSION_CLEANUP_HOURS: String(1.5 / 3600) });
  t.teardown(shop.close);
  const call = restCaller(shop.app);
  const { session_id } = await call('initialize_shopping', {});
  await new Promise((r) => setTimeout(r, 800));
  t.equal((await restCall(shop.app, 'view_cart', { session_id })).status, 200, 'activity keeps it alive');
  await new Promise((r) => setTimeout(r, 800));
  t.equal((await restCall(shop.app, 'view_cart', { session_id })).status, 200, 'still alive 1.6 s after start');
  await new Promise((r) => setTimeout(r, 2000));
  const gone = await restCall(shop.app, 'view_cart', { session_id });
  t.equal(gone.status, 404);
  t.equal(gone.body.error.code, 'SESSION_NOT_FOUND');
  t.match(gone.body.error.message, /initialize_shopping/);
});

t.test('every response carries a request id; a safe incoming one is kept', async (t) => {
  const shop = await openTestShop();
  t.teardown(shop.close);
  const fresh = await shop.app.inject({ method: 'GET', url: '/health' });
  t.match(fresh.headers['x-request-id'], /^[0-9a-f-]{36}$/);
  const kept = await shop.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'edge-42' } });
  t.equal(kept.headers['x-request-id'], 'edge-42');
  const unsafe = await shop.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'a b\nc' } });
  t.not(unsafe.headers['x-request-id'], 'a b\nc');
});

t.test('/mcp refuses foreign Host and Origin headers', async (t) => {
  const shop = await openTestShop();
  t.teardown(shop.close);
  const body = { jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} };
  const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  const badHost = await shop.app.inject({ method: 'POST', url: '/mcp', headers: { ...headers, host: 'evil.example' }, payload: body });
  t.equal(badHost.statusCode, 403);
  const badOrigin = await shop.app.inject({
    method: 'POST',
    url: '/mcp',
    headers: { ...headers, host: 'localhost:3000', origin: 'https://evil.example' },
    payload: body,
  });
  t.equal(badOrigin.statusCode, 403);
  const get = await shop.app.inject({ method: 'GET', url: '/mcp', headers: { host: 'localhost' } });
  t.equal(get.statusCode, 405);
});
