/**
 * Two replicas of the service on one Redis (database 11) and one sandbox network, behind a load balancer that
 * sends each seller callback where the test says: checkouts whose callbacks land on the other replica or on a
 * random one, REST calls alternating between replicas, pushed stock changes reaching both indexes, and the relay
 * going without Redis and coming back. First the relay port's contract, on its in-memory twin and on Redis.
 */
import { Redis } from 'ioredis';
import { pino } from 'pino';
import t from 'tap';
import { parseConfig } from '../src/config.js';
import { startConfiguredSandbox } from '../src/deps.js';
import type { Callback } from '../src/ondc/callbacks.js';
import { memoryRelayNetwork, openRedisCallbackRelay, type CallbackRelay } from '../src/ondc/callback-relay.js';
import { generateKeyPair } from '../src/ondc/signing.js';
import type { StoredOrder } from '../src/core/checkout.js';
import { DELIVERY, runCheckoutJourney, twoSellerBasket } from './helpers/checkout.js';
import { eventually } from './helpers/eventually.js';
import type { Call } from './helpers/journey.js';
import { startCuttableLink, startLoadBalancer } from './helpers/replicas.js';
import { restCall, restCaller } from './helpers/rest.js';
import { freePort } from './helpers/server-process.js';
import { openTestShop, testRedisUrl, type TestShop } from './helpers/shop.js';

const REDIS_URL = testRedisUrl(11);
const redis = new Redis(REDIS_URL);
await redis.flushdb();

const sandboxConfig = { LOG_LEVEL: 'silent', SANDBOX_PRODUCTS_PER_PROVIDER: '30', SANDBOX_STATUS_STEP_SECONDS: '3600' } as const;
const sandbox = await startConfiguredSandbox(parseConfig(sandboxConfig), pino({ level: 'silent' }));
const lb = await startLoadBalancer();
const redisLink = await startCuttableLink(6379);

const key = generateKeyPair();
const [portA, portB] = [await freePort(), await freePort()];
const urlA = `http://127.0.0.1:${portA}`;
const urlB = `http://127.0.0.1:${portB}`;
const env = (port: number) => ({
  ...sandboxConfig,
  REDIS_URL,
  SESSION_SECRET: 'replicas-share-this-session-secret-0123456789',
  ONDC_SIGNING_PRIVATE_KEY: key.privateKey,
  ONDC_UNIQUE_KEY_ID: 'replicas-test',
  ONDC_CALLBACK_URL: lb.url,
  PORT: String(port),
  // every request comes from 127.0.0.1, and both replicas count against one limit in Redis
  RATE_LIMIT_MAX: '100000',
});

lb.route([urlA]);
const a = await openTestShop(env(portA), { sandbox });
// B's first catalog pull is answered entirely on A: B's index fills only through the relay.
lb.reset();
let relayBUp = false;
const relayB = await openRedisCallbackRelay({ url: `redis://127.0.0.1:${redisLink.port}/11`, onStateChange: (up) => (relayBUp = up) });
const b = await openTestShop(env(portB), { sandbox, callbackRelay: relayB });
const startupCounts = lb.counts();
t.teardown(async () => {
  await b.close();
  await a.close();
  await Promise.all([lb.close(), redisLink.close(), sandbox.close()]);
  await redis.quit();
});

/** A relay with what it was handed, for the contract. */
function recording(relay: CallbackRelay) {
  const callbacks: Array<{ messageId: string; callback: Callback }> = [];
  const changes: unknown[] = [];
  relay.attach({ callback: (messageId, callback) => callbacks.push({ messageId, callback }), catalogChange: (body) => changes.push(body) });
  return { relay, callbacks, changes };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
const onSelect = (id: string) => JSON.stringify({ context: { action: 'on_select', message_id: id }, message: { n: 1 } });

const adapters: Array<[string, () => Promise<[CallbackRelay, CallbackRelay]>]> = [
  ['in memory', async () => {
    const network = memoryRelayNetwork();
    return [network.join(), network.join()];
  }],
  ['Redis', async () => {
    const open = () => openRedisCallbackRelay({ url: REDIS_URL, keyPrefix: 'relaytest:' });
    return [await open(), await open()];
  }],
];

for (const [name, open] of adapters) {
  t.test(`relay contract, ${name}`, async (t) => {
    const [r1, r2] = (await open()).map(recording) as [ReturnType<typeof recording>, ReturnType<typeof recording>];
    t.teardown(() => Promise.all([r1.relay.close(), r2.relay.close()]));

    await r1.relay.claim('m1', 10_000);
    t.equal(await r2.relay.forward({ messageId: 'm1', from: 'seller-a', receivedAt: 1, raw: onSelect('m1') }), 'forwarded');
    await eventually(async () => r1.callbacks.length, (n) => n > 0);
    t.same(r1.callbacks, [{ messageId: 'm1', callback: { from: 'seller-a', receivedAt: 1, body: JSON.parse(onSelect('m1')) } }], 'the claimer got it, parsed');
    t.equal(await r1.relay.forward({ messageId: 'm1', from: 'seller-a', receivedAt: 2, raw: onSelect('m1') }), 'unclaimed', 'a late copy at the claimer is not looped back');
    r1.relay.release('m1');
    await settle();
    t.equal(await r2.relay.forward({ messageId: 'm1', from: 'seller-a', receivedAt: 3, raw: onSelect('m1') }), 'unclaimed', 'released: late');
    t.equal(await r2.relay.forward({ messageId: 'm2', from: 'seller-a', receivedAt: 4, raw: onSelect('m2') }), 'unclaimed', 'never claimed');

    t.equal(await r1.relay.fanOut('{"push":1}'), true, 'another replica listens');
    await eventually(async () => r2.changes.length, (n) => n > 0);
    await settle();
    t.same(r2.changes, [{ push: 1 }], 'the other replica got the change once');
    t.same(r1.callbacks.length, 1, 'nothing more reached the claimer');
    t.same(r1.changes, [], 'the publisher does not apply its own change twice');
    t.same(r2.callbacks, []);

    t.equal(await r1.relay.sharedSubscription('ONDC:RET10|std:080', 'T1'), 'T1');
    t.equal(await r2.relay.sharedSubscription('ONDC:RET10|std:080', 'T2'), 'T1', 'a later replica joins the first one\'s transaction');
    await r2.relay.endSubscription('ONDC:RET10|std:080', 'T2');
    t.equal(await r2.relay.sharedSubscription('ONDC:RET10|std:080', 'T3'), 'T1', 'ending another transaction leaves it');
    await r1.relay.endSubscription('ONDC:RET10|std:080', 'T1');
    t.equal(await r2.relay.sharedSubscription('ONDC:RET10|std:080', 'T4'), 'T4', 'ended: the next start makes a new one');
  });
}

t.test('a relay whose Redis does not answer settles every call', async (t) => {
  const states: boolean[] = [];
  const relay = await openRedisCallbackRelay({ url: `redis://127.0.0.1:${await freePort()}/11`, onStateChange: (up) => states.push(up) });
  await relay.claim('m1', 1000);
  t.equal(await relay.forward({ messageId: 'm1', from: 's', receivedAt: 1, raw: onSelect('m1') }), 'unavailable');
  t.equal(await relay.fanOut('{}'), false);
  t.equal(await relay.sharedSubscription('k', 'T1'), 'T1', 'a subscription of its own, as before the relay');
  relay.release('m1');
  await relay.close();
  t.same(states, [], 'never up');
});

/** The sum of a metric's samples whose labels include `labels`, read from GET /metrics. */
async function metric(shop: TestShop, name: string, labels: Record<string, string>): Promise<number> {
  const text = (await shop.app.inject({ method: 'GET', url: '/metrics' })).body;
  return text
    .split('\n')
    .filter((l) => l.startsWith(`ondc_shop_${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)))
    .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}

t.test('a replica started behind the balancer gets its whole catalog through the other one', async (t) => {
  t.same(Object.keys(startupCounts), [urlA], 'every on_search of B\'s pull landed on A');
  t.equal(await b.runtime.deps.catalog.size(), 180);
  t.equal(await a.runtime.deps.catalog.size(), 180);
  t.ok((await metric(a, 'ondc_callbacks_relayed_total', { action: 'on_search', outcome: 'forwarded' })) >= 6, 'A forwarded the six sellers\' answers');
  t.ok((await metric(b, 'ondc_callbacks_relayed_total', { action: 'on_search', outcome: 'delivered' })) >= 6, 'B took them into its wait');
  const subscriptions = await redis.keys('ondc:relay:catalog_subscription:*');
  t.equal(subscriptions.length, 5, 'one subscription per domain and city for both replicas');
});

t.test('a checkout through A whose every callback lands on B', async (t) => {
  lb.route([urlB]);
  lb.reset();
  const { confirmed, statuses, listed } = await runCheckoutJourney(restCaller(a.app), a.runtime.deps.catalog);
  t.equal((confirmed['sellers'] as unknown[]).length, 2, 'two orders placed');
  t.ok(statuses.every((s) => s['state'] === 'Accepted' || s['state'] === 'Created'), 'status answered');
  t.equal((listed['orders'] as unknown[]).length, 2);
  t.same(Object.keys(lb.counts()), [urlB], 'no callback reached A directly');
  for (const action of ['on_select', 'on_init', 'on_confirm', 'on_status']) {
    t.ok((await metric(a, 'ondc_callbacks_relayed_total', { action, outcome: 'delivered' })) >= 1, `${action} came to A through the relay`);
  }
  t.same(lb.failures, [], 'every callback was acknowledged');
});

t.test('REST calls alternating between replicas, callbacks on a random one, see one cart and one checkout', async (t) => {
  lb.route([urlA, urlB]);
  lb.reset();
  const apps = [a.app, b.app];
  let turn = 0;
  const alternating: Call = (tool, args) => restCaller(apps[turn++ % 2]!)(tool, args);
  const { session_id, checkout_id, quoted, confirmed } = await runCheckoutJourney(alternating, a.runtime.deps.catalog);
  t.equal((quoted['sellers'] as unknown[]).length, 2, 'the quote on one replica saw both items added on both');
  t.equal((confirmed['sellers'] as unknown[]).length, 2, 'two orders placed');
  const counts = lb.counts();
  t.ok((counts[urlA] ?? 0) > 0 && (counts[urlB] ?? 0) > 0, 'callbacks landed on both replicas');
  const onA = await restCall(a.app, 'get_checkout', { session_id, checkout_id });
  const onB = await restCall(b.app, 'get_checkout', { session_id, checkout_id });
  t.equal(onA.status, 200);
  t.same(onB.body, onA.body, 'both replicas show the same checkout');
  const cartA = await restCall(a.app, 'view_cart', { session_id });
  t.same((await restCall(b.app, 'view_cart', { session_id })).body, cartA.body, 'and the same cart');
  t.same(lb.failures, []);
  for (const shop of [a, b]) {
    for (const outcome of ['expired', 'lost']) {
      t.equal(await metric(shop, 'ondc_callbacks_relayed_total', { outcome }), 0, `no callback relayed twice, late or into the void (${outcome})`);
    }
  }
});

/** A grocer product the buyer can take the whole stock of, as the index holds it now. */
async function lastOfItsKind(shop: TestShop) {
  const grocer = (await shop.runtime.deps.catalog.getProvider('sri-lakshmi-kirana'))!;
  const products = (await shop.runtime.deps.catalog.search({ providerId: grocer.id, limit: 1000, page: 1 })).hits.map((h) => h.product);
  const product = products.find((p) => p.stock > 0 && p.stock <= p.maxPerOrder && p.stock * p.pricePaise >= grocer.minOrderValuePaise);
  if (!product) throw new Error('the sandbox grocer has no product whose whole stock one order may take');
  return { grocer, product };
}

async function inSearch(shop: TestShop, sessionId: string, productId: string, name: string) {
  const res = await restCall(shop.app, 'search_products', { session_id: sessionId, query: name, provider_id: 'sri-lakshmi-kirana', limit: 50 });
  return (res.body.data.results as Array<{ id: string; in_stock: boolean }>).find((r) => r.id === productId);
}

t.test('a stock change pushed to one replica reaches both replicas\' search', async (t) => {
  lb.route([urlA]);
  const fannedOut = () => metric(a, 'ondc_callbacks_relayed_total', { action: 'on_search', outcome: 'fanned_out' });
  const fannedIn = (shop: TestShop) => metric(shop, 'ondc_callbacks_relayed_total', { action: 'on_search', outcome: 'fanned_in' });
  const before = { out: await fannedOut(), inA: await fannedIn(a), inB: await fannedIn(b) };
  const { grocer, product } = await lastOfItsKind(a);
  const call = restCaller(b.app);
  const { session_id } = await call('initialize_shopping', {});
  t.equal((await inSearch(b, session_id, product.id, product.name))?.in_stock, true, 'in stock on B before');
  await call('add_to_cart', { session_id, product_id: product.id, quantity: product.stock });
  const pincode = grocer.serviceablePincodes[0]!;
  const { checkout_id } = await call('select_items_for_order', { session_id, pincode });
  await call('initialize_order', { session_id, checkout_id, pincode, ...DELIVERY });
  await call('create_payment', { session_id, checkout_id, provider_id: grocer.id, method: 'cod' });
  const { confirmation_token } = await call('review_order', { session_id, checkout_id });
  await call('confirm_order', { session_id, checkout_id, confirmation_token });

  for (const [name, shop] of [['A', a], ['B', b]] as const) {
    const seen = await eventually(() => inSearch(shop, session_id, product.id, product.name), (r) => r?.in_stock === false);
    t.equal(seen?.in_stock, false, `sold out in ${name}'s search results`);
  }
  t.equal((await fannedOut()) - before.out, 1, 'A got the one push and passed it on');
  t.equal((await fannedIn(b)) - before.inB, 1, 'B applied it from A, once');
  t.equal((await fannedIn(a)) - before.inA, 0, 'A did not get its own push back');
});

t.test('without Redis for the relay a replica keeps the callbacks that land on it; then the relay comes back', async (t) => {
  await redisLink.cut();
  await eventually(async () => relayBUp, (up) => !up);
  t.equal(relayBUp, false, 'B\'s relay is down');
  lb.route([urlB]);
  lb.reset();
  const { confirmed } = await runCheckoutJourney(restCaller(b.app), b.runtime.deps.catalog);
  t.equal((confirmed['sellers'] as unknown[]).length, 2, 'a whole checkout on B, its callbacks landing on B');

  // An unsolicited callback B cannot relay is still acknowledged and applied to the shared store.
  const orderId = (confirmed['sellers'] as Array<{ order_id: string }>)[0]!.order_id;
  const orders = a.runtime.deps.stores.documents<StoredOrder>('order');
  const order = (await orders.get(orderId))!;
  t.equal(await sandbox.sellerCancel({ bppId: order.seller.bppId, bapId: b.runtime.buyer.subscriberId, orderId, reasonId: '002' }), true);
  const cancelled = await eventually(() => orders.get(orderId), (o) => o?.state === 'Cancelled');
  t.equal(cancelled?.state, 'Cancelled', 'A sees the cancel B received');
  const unavailable = await eventually(
    () => metric(b, 'ondc_callbacks_relayed_total', { action: 'on_cancel', outcome: 'unavailable' }),
    (n) => n >= 1,
  );
  t.equal(unavailable, 1, 'B could not relay it and said so');
  t.same(lb.failures, [], 'B acknowledged every callback');

  await redisLink.restore();
  await eventually(async () => relayBUp, (up) => up);
  t.equal(relayBUp, true, 'B\'s relay is back');
  lb.route([urlA]);
  lb.reset();
  const call = restCaller(b.app);
  const { session_id } = await call('initialize_shopping', {});
  const { pincode, items } = await twoSellerBasket(b.runtime.deps.catalog);
  await call('add_to_cart', { session_id, product_id: items[0]!.product.id, quantity: items[0]!.quantity });
  const quoted = await call('select_items_for_order', { session_id, pincode });
  t.equal((quoted['sellers'] as unknown[]).length, 1, 'a quote for B through A again');
  t.same(Object.keys(lb.counts()), [urlA]);
});
