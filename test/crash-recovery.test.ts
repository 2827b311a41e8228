/**
 * kill -9 of the server in the middle of a journey, as production runs it: state in Redis, the seller apps in
 * their own process (`ondc-shop sandbox`), the buyer app joined to that network by a signed subscribe. After each
 * crash a new server process picks the journey up where the shopper left it, and nothing is lost or done twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import t from 'tap';
import { generateKeyPair, signAuthorization } from '../src/ondc/signing.js';
import { DELIVERY } from './helpers/checkout.js';
import { httpCall } from './helpers/rest.js';
import { freePort, kill9, startSandboxProcess, startServer, type ServerProcess } from './helpers/server-process.js';
import { testRedisUrl } from './helpers/shop.js';

const REDIS_URL = testRedisUrl(9);
const flush = new Redis(REDIS_URL);
await flush.flushdb();
t.teardown(() => flush.quit());

const networkPort = await freePort();
const { child: network, base: networkBase } = await startSandboxProcess(networkPort, { SANDBOX_STATUS_STEP_SECONDS: '600' });
t.teardown(() => void network.kill('SIGKILL'));

// The buyer app's identity, registered with the network's registry the way ONDC's subscribe works.
const serverPort = await freePort();
const pair = generateKeyPair();
const bap = { subscriberId: 'crash-test-buyer.example.in', uniqueKeyId: 'ck1', privateKey: pair.privateKey };
const entry = {
  subscriber_id: bap.subscriberId,
  ukId: bap.uniqueKeyId,
  subscriber_url: `http://127.0.0.1:${serverPort}/ondc`,
  signing_public_key: pair.publicKey,
  type: 'BAP',
};
const subscribed = await fetch(`${networkBase}/registry/subscribe`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: signAuthorization(JSON.stringify(entry), bap) },
  body: JSON.stringify(entry),
});
if (subscribed.status !== 200) throw new Error(`subscribe failed: ${subscribed.status} ${await subscribed.text()}`);

const dataDir = mkdtempSync(join(tmpdir(), 'ondc-crash-'));
t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
const env = {
  REDIS_URL,
  DATA_DIR: dataDir,
  SESSION_SECRET: 'crash-recovery-test-secret-0123456789abcdef',
  ONDC_REGISTRY_URL: `${networkBase}/registry`,
  ONDC_GATEWAY_URL: `${networkBase}/gateway`,
  ONDC_SUBSCRIBER_ID: bap.subscriberId,
  ONDC_UNIQUE_KEY_ID: bap.uniqueKeyId,
  ONDC_SIGNING_PRIVATE_KEY: bap.privateKey,
  ONDC_CALLBACK_URL: `http://127.0.0.1:${serverPort}`,
  RATE_LIMIT_MAX: '100000',
  // short callback deadlines make the confirm lease (3 x deadline + 5 s) 8 s
  ONDC_SEARCH_TIMEOUT_MS: '1000',
};

let server: ServerProcess = await startServer(env, serverPort);
t.teardown(() => void server.child.kill('SIGKILL'));

async function call(tool: string, args: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await httpCall(server.base, tool, args, headers);
  if (res.status !== 200) throw new Error(`${tool}: ${res.status} ${JSON.stringify(res.body.error)}`);
  return res.body.data;
}

async function crashAndRestart(): Promise<void> {
  await kill9(server);
  server = await startServer(env, serverPort);
}

t.test('a journey survives kill -9 between review and confirm, and after confirm', async (t) => {
  const { session_id } = await call('initialize_shopping', {});
  const found = await call('search_products', { session_id, query: 'atta', in_stock: true, provider_id: 'sri-lakshmi-kirana' });
  const product = found.results[0];
  t.ok(product, 'the catalog was pulled from the separate network process');
  await call('add_to_cart', { session_id, product_id: product.id, quantity: 4 });
  const quoted = await call('select_items_for_order', { session_id, pincode: '560034', gps: '12.9352,77.6245' });
  const checkout_id = quoted.checkout_id as string;
  await call('initialize_order', { session_id, checkout_id, ...DELIVERY, pincode: '560034', gps: '12.9352,77.6245' });
  await call('create_payment', { session_id, checkout_id, provider_id: 'sri-lakshmi-kirana', method: 'cod' });
  const review = await call('review_order', { session_id, checkout_id });

  await crashAndRestart();

  const after = await call('get_checkout', { session_id, checkout_id });
  t.equal(after.checkout_id, checkout_id, 'the checkout outlived the crash');
  t.equal(after.total.paise, review.total.paise, 'with the total the shopper reviewed');
  const key = { 'idempotency-key': 'confirm-after-crash-1' };
  const confirmed = await call('confirm_order', { session_id, checkout_id, confirmation_token: review.confirmation_token }, key);
  t.equal(confirmed.sellers.length, 1, 'the review from before the crash is still valid and the order is placed');
  const orderId = confirmed.sellers[0].order_id as string;
  t.ok(orderId);

  await crashAndRestart();

  const again = await call('confirm_order', { session_id, checkout_id, confirmation_token: review.confirmation_token }, key);
  t.same(again.sellers.map((s: any) => s.order_id), [orderId], 'the retried confirm answers with the same order: nothing placed twice');
  const listed = await call('list_orders', { session_id });
  t.same(listed.orders.map((o: any) => o.order_id), [orderId], 'one order');
  const status = await call('get_order_status', { session_id, order_id: orderId });
  t.equal(status.order_id, orderId);
  t.match(status.state, /Created|Accepted/, 'the seller, which never crashed, still knows it');
});

t.test('kill -9 while a confirm is in flight: the retry settles the same order with the seller, once', async (t) => {
  const { session_id } = await call('initialize_shopping', {});
  const found = await call('search_products', { session_id, query: 'dal', in_stock: true, provider_id: 'sri-lakshmi-kirana' });
  await call('add_to_cart', { session_id, product_id: found.results[0].id, quantity: 5 });
  const quoted = await call('select_items_for_order', { session_id, pincode: '560034', gps: '12.9352,77.6245' });
  const checkout_id = quoted.checkout_id as string;
  await call('initialize_order', { session_id, checkout_id, ...DELIVERY, pincode: '560034', gps: '12.9352,77.6245' });
  await call('create_payment', { session_id, checkout_id, provider_id: 'sri-lakshmi-kirana', method: 'cod' });
  const review = await call('review_order', { session_id, checkout_id });

  // The seller app freezes: the confirm is sent but its answer never comes while our server lives.
  network.kill('SIGSTOP');
  t.teardown(() => void network.kill('SIGCONT'));
  const inFlight = httpCall(server.base, 'confirm_order', { session_id, checkout_id, confirmation_token: review.confirmation_token }).catch(() => 'server died');
  let state = '';
  for (let i = 0; i < 200 && state !== 'confirming'; i += 1) {
    await new Promise((r) => setTimeout(r, 25));
    state = (await call('get_checkout', { session_id, checkout_id })).sellers[0].state;
  }
  t.equal(state, 'confirming', 'the confirm was claimed and sent');
  await kill9(server);
  t.equal(await inFlight, 'server died', 'the shopper never got an answer');
  network.kill('SIGCONT');
  server = await startServer(env, serverPort);

  const early = await httpCall(server.base, 'confirm_order', { session_id, checkout_id, confirmation_token: review.confirmation_token });
  t.equal(early.status, 409, 'within the lease the claim is respected: it might still be running somewhere');
  t.equal(early.body.error.code, 'CONFIRM_IN_PROGRESS');
  t.match(early.body.error.message, /call confirm_order again/);
  t.ok(Number(early.headers['retry-after']) > 0);

  let settled = early;
  for (let i = 0; i < 60 && settled.status !== 200; i += 1) {
    await new Promise((r) => setTimeout(r, 500));
    settled = await httpCall(server.base, 'confirm_order', { session_id, checkout_id, confirmation_token: review.confirmation_token });
  }
  t.equal(settled.status, 200, `after the lease the retry settles it: ${JSON.stringify(settled.body.error ?? '')}`);
  const orderIds = settled.body.data.sellers.map((s: any) => s.order_id);
  t.equal(orderIds.length, 1);
  const listed = await call('list_orders', { session_id });
  t.same(listed.orders.map((o: any) => o.order_id), orderIds, 'one order, under the id claimed before the crash');
  const status = await call('get_order_status', { session_id, order_id: orderIds[0] });
  t.match(status.state, /Created|Accepted/, 'and the seller knows it under that id');
});
