/**
 * Redis stopped mid-run (kill -9 of a real redis-server) and started again: while it is gone every operation answers
 * 503 with a retry hint, never a 500, /ready says the store is down and /health that the process lives; once it is
 * back the service recovers by itself and the shopper carries on where they were.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { operations } from '../src/core/operations/index.js';
import { DELIVERY } from './helpers/checkout.js';
import { eventually } from './helpers/eventually.js';
import { connectMcp } from './helpers/mcp.js';
import { restCall } from './helpers/rest.js';
import { freePort } from './helpers/server-process.js';
import { openTestShop } from './helpers/shop.js';
import { validInputs } from './helpers/valid-inputs.js';

const redisDir = mkdtempSync(join(tmpdir(), 'ondc-redis-outage-'));
const port = await freePort();
let redis: ChildProcess | undefined;

/** A redis-server of our own, so stopping it disturbs no other test; every write is on disk before it is answered. */
async function startRedis(): Promise<void> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', redisDir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += String(d);
      if (/Ready to accept connections/.test(out)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${out}`)));
  });
  redis = child;
}

async function killRedis(): Promise<void> {
  const child = redis!;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

await startRedis();
const shop = await openTestShop({ REDIS_URL: `redis://127.0.0.1:${port}/0`, RATE_LIMIT_MAX: '100000' });
t.teardown(async () => {
  await shop.close();
  redis?.kill('SIGKILL');
  rmSync(redisDir, { recursive: true, force: true });
});

const ok = async (tool: string, args: Record<string, unknown>) => {
  const res = await restCall(shop.app, tool, args);
  if (res.status !== 200) throw new Error(`${tool}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
};

const { session_id } = await ok('initialize_shopping', {});
const product = (await ok('search_products', { session_id, query: 'basmati rice', in_stock: true })).results[0];
await ok('add_to_cart', { session_id, product_id: product.id, quantity: 2 });
const cartBefore = await ok('view_cart', { session_id });

t.test('while Redis is down: 503 with Retry-After from every operation, never a 500', async (t) => {
  await killRedis();
  const inputs = validInputs(session_id, product.id);
  for (const op of operations) {
    const res = await restCall(shop.app, op.name, inputs[op.name]!);
    t.not(res.status, 500, `${op.name} is not a 500`);
    if (op.name === 'browse_categories' || op.name === 'initialize_shopping') {
      // answered without the store, or refused as unavailable: both fine, as long as it is said plainly
      t.ok([200, 503].includes(res.status), `${op.name}: ${res.status}`);
      continue;
    }
    t.equal(res.status, 503, `${op.name}: 503 (${res.body.error?.code})`);
    t.equal(res.body.error?.code, 'STORE_UNAVAILABLE', op.name);
    t.ok(Number(res.headers['retry-after']) > 0, `${op.name} says when to retry`);
  }

  const mcp = await connectMcp(shop.app);
  t.teardown(() => mcp.close());
  const tool = await mcp.client.callTool({ name: 'view_cart', arguments: { session_id } });
  t.ok(tool.isError, 'a tool call is an error result, not a protocol failure');
  t.match(JSON.stringify(tool.content), /STORE_UNAVAILABLE/);

  const ready = await shop.app.inject('/ready');
  t.equal(ready.statusCode, 503);
  t.equal(ready.json().checks.store.ok, false);
  t.equal((await shop.app.inject('/health')).statusCode, 200, 'the process itself is alive: no restart wanted');
  const metrics = (await shop.app.inject('/metrics')).body;
  t.match(metrics, /ondc_shop_operation_duration_seconds_count\{operation="view_cart",outcome="STORE_UNAVAILABLE"\} [1-9]/, 'by operation and outcome');
  t.match(metrics, /ondc_shop_store_errors_total\{operation="view_cart"\} [1-9]/, 'and as store errors');
});

t.test('when Redis is back the service recovers by itself and nothing was lost', async (t) => {
  await startRedis();
  const ready = await eventually(() => shop.app.inject('/ready'), (r) => r.statusCode === 200, 15_000);
  t.equal(ready.statusCode, 200, '/ready recovers without a restart');
  const cart = await ok('view_cart', { session_id });
  t.same(cart.lines, cartBefore.lines, 'the cart written before the outage is intact');

  const checkout = await ok('select_items_for_order', { session_id, pincode: '560034', gps: '12.9352,77.6245' });
  t.ok(checkout.checkout_id, 'the shopper carries on: a quote');
  const init = await ok('initialize_order', { session_id, checkout_id: checkout.checkout_id, ...DELIVERY, pincode: '560034', gps: '12.9352,77.6245' });
  t.ok(init.sellers.length > 0);
});
