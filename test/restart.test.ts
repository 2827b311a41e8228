/** A cart survives kill -9 of the server and a restart, on the embedded store and on Redis. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import t, { type Test } from 'tap';
import { testRedisUrl } from './helpers/shop.js';
import { freePort, kill9, startServer } from './helpers/server-process.js';

const REDIS_URL = testRedisUrl(14);

async function api(base: string, method: string, path: string, session?: string, body?: unknown) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { ...(session ? { 'x-session-id': session } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function survivesKill(t: Test, env: Record<string, string>) {
  const port = await freePort();
  const first = await startServer(env, port);
  t.teardown(() => void first.child.kill('SIGKILL'));
  const session = (await api(first.base, 'POST', '/sessions', undefined, {})).body.data.session_id as string;
  const found = (await api(first.base, 'GET', '/products?query=ghee', session)).body.data.results;
  const picks = found.filter((p: any) => p.in_stock).slice(0, 2);
  await api(first.base, 'POST', '/cart/items', session, { product_id: picks[0].id, quantity: 2 });
  const before = await api(first.base, 'POST', '/cart/items', session, { product_id: picks[1].id, quantity: 1 });
  t.equal(before.status, 200);
  await kill9(first);

  const second = await startServer(env, port);
  t.teardown(() => void second.child.kill('SIGKILL'));
  const after = await api(second.base, 'GET', '/cart', session);
  t.equal(after.status, 200, 'the session is still known after kill -9');
  t.same(
    after.body.data.lines.map((l: any) => [l.product_id, l.quantity]),
    before.body.data.lines.map((l: any) => [l.product_id, l.quantity]),
    'the cart is intact',
  );
  t.equal(after.body.data.subtotal.paise, before.body.data.subtotal.paise);
  await kill9(second);
}

t.test('embedded store under DATA_DIR', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ondc-restart-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  await survivesKill(t, { DATA_DIR: dir });
});

t.test('Redis store', async (t) => {
  const redis = new Redis(REDIS_URL);
  await redis.flushdb();
  t.teardown(() => redis.quit());
  const dir = mkdtempSync(join(tmpdir(), 'ondc-restart-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  await survivesKill(t, { REDIS_URL, DATA_DIR: dir });
  t.ok((await redis.keys('*')).length > 0, 'the state lives in Redis');
});
