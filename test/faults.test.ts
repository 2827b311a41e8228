/**
 * One seller app down and one slow while the others serve, seen end to end: the catalog refresh and search, checkouts
 * over REST and MCP, and the down seller's return through its circuit breaker. The faults are the sandbox's own (a
 * seller app whose connections are cut, one that answers after the deadline), met over real loopback HTTP.
 * test/resilience.test.ts covers the breaker, retries and limiter on their own; bench/journeys.ts the bound on
 * round trips under 1,000 concurrent journeys.
 */
import t, { type Test } from 'tap';
import { sellerRef } from '../src/core/checkout.js';
import { flowLogStores } from '../src/ondc/flow-log.js';
import { createNetworkPort } from '../src/ondc/network-port.js';
import { DELIVERY } from './helpers/checkout.js';
import { eventually } from './helpers/eventually.js';
import { connectMcp } from './helpers/mcp.js';
import { restCall, restCaller, type RestReply } from './helpers/rest.js';
import { openTestShop } from './helpers/shop.js';

const DOWN = { providerId: 'glow-and-co', bppId: 'glow.sandbox.ondc.local' };
const SLOW = { providerId: 'rasoi-express', bppId: 'rasoi.sandbox.ondc.local' };
const HEALTHY = { providerId: 'sri-lakshmi-kirana', bppId: 'kirana.sandbox.ondc.local' };
/** Well past ONDC_SEARCH_TIMEOUT_MS below, and short of the buyer app's HTTP timeout: late, not unreachable. */
const SLOW_MS = 4000;

const shop = await openTestShop({
  SANDBOX_PRODUCTS_PER_PROVIDER: '40',
  SANDBOX_STATUS_STEP_SECONDS: '3600',
  ONDC_SEARCH_TIMEOUT_MS: '2000',
  CACHE_TTL_SECONDS: '0',
});
t.teardown(shop.close);
const sandbox = shop.runtime.sandbox!;
const { catalog } = shop.runtime.deps;
const call = restCaller(shop.app);

/** A product of the seller that is payable on delivery, and enough of it to clear the seller's minimum order. */
async function lineOf(providerId: string) {
  const provider = (await catalog.getProvider(providerId))!;
  const product = (await catalog.search({ providerId, inStock: true, limit: 1000, page: 1 })).hits
    .map((h) => h.product)
    .filter((p) => p.cod && p.stock >= 20 && p.maxPerOrder >= 3)
    .sort((a, b) => b.pricePaise - a.pricePaise)[0];
  if (!product) throw new Error(`no product of ${providerId} fits a cash-on-delivery basket`);
  return { product, quantity: Math.max(1, Math.ceil(provider.minOrderValuePaise / product.pricePaise)) };
}

const served = await Promise.all([HEALTHY, DOWN, SLOW].map(async (s) => (await catalog.getProvider(s.providerId))!.serviceablePincodes));
const pincode = served[0]!.find((p) => served.every((list) => list.includes(p)));
if (!pincode) throw new Error('no pincode served by all three sellers');

async function sessionWith(...providerIds: string[]): Promise<string> {
  const { session_id } = await call('initialize_shopping', {});
  for (const id of providerIds) {
    const { product, quantity } = await lineOf(id);
    await call('add_to_cart', { session_id, product_id: product.id, quantity });
  }
  return session_id;
}

const select = (session_id: string) => restCall(shop.app, 'select_items_for_order', { session_id, pincode });
const cartLines = async (session_id: string) =>
  ((await call('view_cart', { session_id }))['lines'] as Array<{ product_id: string; quantity: number }>).map((i) => `${i.product_id} x${i.quantity}`).sort();

function networkUnavailable(t: Test, reply: RestReply, seller: string, what: string): void {
  t.equal(reply.status, 503, `${what}: 503`);
  t.equal(reply.body.error?.code, 'NETWORK_UNAVAILABLE', `${what}: NETWORK_UNAVAILABLE`);
  t.match(reply.body.error?.message, seller, `${what}: the message names the seller app`);
  t.match(reply.body.error?.message, /Nothing was placed; try again/, `${what}: the message says nothing was placed and to try again`);
  t.match(String(reply.headers['retry-after']), /^[1-9]\d*$/, `${what}: Retry-After in seconds`);
}

/** Delivery details, cash on delivery at every seller, review and confirm: the seller orders as confirmed. */
async function placeCod(session_id: string, checkout_id: string, providerIds: string[]) {
  await call('initialize_order', { session_id, checkout_id, pincode, ...DELIVERY });
  for (const provider_id of providerIds) await call('create_payment', { session_id, checkout_id, provider_id, method: 'cod' });
  const { confirmation_token } = await call('review_order', { session_id, checkout_id });
  const confirmed = await call('confirm_order', { session_id, checkout_id, confirmation_token });
  return confirmed['sellers'] as Array<{ provider: { id: string }; state: string; order_id: string }>;
}

t.test('a catalog refresh with one seller down and one slow completes, and search still finds every seller', async (t) => {
  sandbox.seller(DOWN.bppId).pause();
  sandbox.seller(SLOW.bppId).delay(SLOW_MS);
  t.teardown(() => {
    sandbox.seller(DOWN.bppId).resume();
    sandbox.seller(SLOW.bppId).resume();
  });
  const report = await shop.runtime.refresh();
  t.equal(report.sellersExpected, 6);
  t.equal(report.sellersAnswered, 4, 'every seller answered but the two in trouble');

  const { session_id } = await call('initialize_shopping', {});
  for (const seller of [HEALTHY, DOWN, SLOW]) {
    const { product } = await lineOf(seller.providerId);
    const results = (await call('search_products', { session_id, query: product.name, limit: 10 }))['results'] as Array<{ id: string }>;
    // the two in trouble keep what their last answer listed until they answer without it
    t.ok(results.some((r) => r.id === product.id), `${product.name} of ${seller.providerId} is found by name`);
  }
});

t.test('a basket with a down seller\'s items gets a clear 503, keeps its cart and places nothing; healthy sellers check out', async (t) => {
  sandbox.seller(DOWN.bppId).pause();
  t.teardown(() => sandbox.seller(DOWN.bppId).resume());

  const mixed = await sessionWith(HEALTHY.providerId, DOWN.providerId);
  const before = await cartLines(mixed);
  networkUnavailable(t, await select(mixed), DOWN.bppId, 'REST select');
  t.same(await cartLines(mixed), before, 'the cart is as it was');
  t.same((await call('list_orders', { session_id: mixed }))['orders'], [], 'no order was placed');

  const mcp = await connectMcp(shop.app);
  t.teardown(mcp.close);
  const viaMcp = await mcp.client.callTool({ name: 'select_items_for_order', arguments: { session_id: mixed, pincode } });
  t.equal(viaMcp.isError, true, 'MCP: an error result');
  t.match((viaMcp.content as Array<{ text: string }>)[0]?.text, /^NETWORK_UNAVAILABLE: .*glow\.sandbox\.ondc\.local/, 'MCP: the same code, naming the seller app');

  const healthy = await sessionWith(HEALTHY.providerId);
  const quoted = await call('select_items_for_order', { session_id: healthy, pincode });
  const placed = await placeCod(healthy, quoted['checkout_id'], [HEALTHY.providerId]);
  t.same(placed.map((s) => s.state), ['confirmed'], 'a basket of a healthy seller is confirmed');
  const status = await call('get_order_status', { session_id: healthy, order_id: placed[0]!.order_id });
  t.equal(status['order_id'], placed[0]!.order_id, 'and its status answers');
});

t.test('a seller that goes down between quote and delivery details: 503 at init, the checkout unchanged, init works once it is back', async (t) => {
  const session_id = await sessionWith(HEALTHY.providerId, DOWN.providerId);
  const { checkout_id } = await call('select_items_for_order', { session_id, pincode });
  sandbox.seller(DOWN.bppId).pause();
  networkUnavailable(t, await restCall(shop.app, 'initialize_order', { session_id, checkout_id, pincode, ...DELIVERY }), DOWN.bppId, 'init');
  const after = await call('get_checkout', { session_id, checkout_id });
  t.same(
    (after['sellers'] as Array<{ provider: { id: string }; state: string }>).find((s) => s.provider.id === DOWN.providerId)?.state,
    'quoted',
    'the down seller\'s order is still quoted',
  );
  sandbox.seller(DOWN.bppId).resume();
  const initialized = await call('initialize_order', { session_id, checkout_id, pincode, ...DELIVERY });
  t.ok((initialized['sellers'] as Array<{ state: string }>).every((s) => s.state === 'initialized'), 'both sellers initialized once it is back');
});

t.test('the first seller down at confirm: 503, and the sellers after it are not left claimed; both confirm once it is back', async (t) => {
  const session_id = await sessionWith(DOWN.providerId, HEALTHY.providerId);
  const { checkout_id } = await call('select_items_for_order', { session_id, pincode });
  await call('initialize_order', { session_id, checkout_id, pincode, ...DELIVERY });
  for (const provider_id of [DOWN.providerId, HEALTHY.providerId]) await call('create_payment', { session_id, checkout_id, provider_id, method: 'cod' });
  const { confirmation_token, checkout } = await call('review_order', { session_id, checkout_id });
  const first = [DOWN, HEALTHY].find((s) => s.providerId === checkout.sellers[0].provider.id)!;
  sandbox.seller(first.bppId).pause();
  networkUnavailable(t, await restCall(shop.app, 'confirm_order', { session_id, checkout_id, confirmation_token }), first.bppId, 'confirm');
  const after = await call('get_checkout', { session_id, checkout_id });
  t.same((after['sellers'] as Array<{ state: string }>).map((s) => s.state), ['cod', 'cod'], 'nothing left confirming: a retry may go ahead at once');
  sandbox.seller(first.bppId).resume();
  const confirmed = await call('confirm_order', { session_id, checkout_id, confirmation_token });
  t.same((confirmed['sellers'] as Array<{ state: string }>).map((s) => s.state), ['confirmed', 'confirmed']);
});

t.test('a basket with a slow seller\'s items gets a clear 503 once the deadline passes, and its cart stays', async (t) => {
  sandbox.seller(SLOW.bppId).delay(SLOW_MS);
  t.teardown(() => sandbox.seller(SLOW.bppId).resume());
  const session_id = await sessionWith(SLOW.providerId);
  const before = await cartLines(session_id);
  const reply = await select(session_id);
  networkUnavailable(t, reply, SLOW.bppId, 'select at a slow seller');
  t.match(reply.body.error?.message, /did not answer select within 2000 ms/);
  t.same(await cartLines(session_id), before, 'the cart is as it was');
  t.notOk(shop.runtime.buyer.breakerStates().some((b) => b.peer === SLOW.bppId && b.state !== 'closed'), 'a late answer is not a failure of the seller app');

  const healthy = await sessionWith(HEALTHY.providerId);
  const quoted = await call('select_items_for_order', { session_id: healthy, pincode });
  t.equal((quoted['sellers'] as Array<{ state: string }>)[0]?.state, 'quoted', 'meanwhile a healthy seller quotes');
});

t.test('a slow seller holds at most its share of the round trips in flight: another seller is answered meanwhile', async (t) => {
  sandbox.seller(SLOW.bppId).delay(SLOW_MS);
  t.teardown(() => sandbox.seller(SLOW.bppId).resume());
  // two round trips in flight at most, one of them per seller: the real buyer app and sandbox behind the port
  const logs = flowLogStores(shop.runtime.deps.stores);
  const network = createNetworkPort(shop.runtime.buyer, { deadlineMs: 2000, flowLogs: logs, bapTaxNumber: 'none', maxRoundTrips: 2 });
  const selectAt = async (providerId: string, transactionId = network.newTransactionId()) => {
    const provider = (await catalog.getProvider(providerId))!;
    const { product, quantity } = await lineOf(providerId);
    return network.select({
      exchange: { transactionId, lastTimestamp: '' },
      seller: sellerRef(provider),
      items: [{ itemId: product.itemId, count: quantity }],
      pincode,
      gps: '12.9352,77.6245',
    });
  };
  const settled: string[] = [];
  const slowTransactions = [network.newTransactionId(), network.newTransactionId()];
  const slow = slowTransactions.map((transactionId, i) =>
    selectAt(SLOW.providerId, transactionId).then(
      () => settled.push(`slow ${i + 1} answered`),
      (err: Error & { code?: string }) => settled.push(`slow ${i + 1} ${err.code}`),
    ),
  );
  const healthy = await selectAt(HEALTHY.providerId);
  t.notOk(healthy.refusal, 'the healthy seller quotes');
  t.same(settled, [], 'while both calls to the slow seller are still out');
  await Promise.all(slow);
  t.same(settled.sort(), ['slow 1 NETWORK_UNAVAILABLE', 'slow 2 NETWORK_UNAVAILABLE'], 'each slow call fails on its own deadline');
  for (const transactionId of slowTransactions) {
    const log = await eventually(() => logs.flowLogs.get(transactionId), (l) => Boolean(l?.entries.some((e) => e.action === 'on_select')));
    t.ok(log?.entries.some((e) => e.action === 'on_select' && e.direction === 'received'), 'the late answer still arrives, is acknowledged and kept in the flow log');
  }
});

t.test('the down seller comes back: after its breaker opened, the wait Retry-After names lets a trial through and checkout works', async (t) => {
  sandbox.seller(DOWN.bppId).pause();
  const session_id = await sessionWith(HEALTHY.providerId, DOWN.providerId);
  let reply = await select(session_id);
  for (let tries = 1; tries < 10 && !/temporarily unavailable/.test(reply.body.error?.message ?? ''); tries++) reply = await select(session_id);
  networkUnavailable(t, reply, DOWN.bppId, 'select while the breaker is open');
  t.match(reply.body.error?.message, /temporarily unavailable/, 'the breaker opened and now fails fast');
  const ready = (await shop.app.inject({ method: 'GET', url: '/ready' })).json();
  t.same(ready.network.breakers, [{ peer: DOWN.bppId, state: 'open' }], '/ready shows the open breaker');

  sandbox.seller(DOWN.bppId).resume();
  reply = await select(session_id);
  t.match(reply.body.error?.message, /temporarily unavailable/, 'back up, but the breaker still holds calls off');
  const wait = Number(reply.headers['retry-after']);
  t.equal(reply.body.error?.details?.retry_after_seconds, wait, 'the hint is the breaker\'s remaining cool-down, in the body too');
  await new Promise((resolve) => setTimeout(resolve, wait * 1000));

  const quoted = await call('select_items_for_order', { session_id, pincode });
  t.same((quoted['sellers'] as Array<{ state: string }>).map((s) => s.state), ['quoted', 'quoted'], 'the trial goes through and both sellers quote');
  const placed = await placeCod(session_id, quoted['checkout_id'], [HEALTHY.providerId, DOWN.providerId]);
  t.same(placed.map((s) => s.state), ['confirmed', 'confirmed'], 'and the checkout is confirmed at both');
  const after = (await shop.app.inject({ method: 'GET', url: '/ready' })).json();
  t.same(after.network.breakers, [], 'the breaker is closed again');
});
