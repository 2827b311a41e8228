/**
 * The whole journey against the in-process sandbox on loopback HTTP, over REST and over MCP: two sellers, cash on
 * delivery for one and prepaid for the other, confirmed orders and their status. Then the ways it must refuse.
 */
import t from 'tap';
import { DELIVERY, payAtCheckout, readyCheckout, runCheckoutJourney, twoSellerBasket } from './helpers/checkout.js';
import { connectMcp, mcpCaller } from './helpers/mcp.js';
import { restCall, restCaller } from './helpers/rest.js';
import { openTestShop } from './helpers/shop.js';
import { journeyTarget, openShopFor } from './helpers/targets.js';

const target = journeyTarget();
/** The ONDC message log is the native buyer app's own; a buyer backend keeps the messages to itself. */
const ondcLog = { skip: target === 'himira' && 'the buyer backend keeps the ONDC messages' };
const shop = await openShopFor(target);
t.teardown(shop.close);
const catalog = shop.runtime.deps.catalog;
const sum = (lines: any[]) => lines.reduce((n, l) => n + l.price.paise, 0);

for (const surface of ['REST', 'MCP'] as const) {
  t.test(`the journey over ${surface} (${target})`, async (t) => {
    let call = restCaller(shop.app);
    if (surface === 'MCP') {
      const mcp = await connectMcp(shop.app);
      t.teardown(mcp.close);
      call = mcpCaller(mcp.client);
    }
    const j = await runCheckoutJourney(call, catalog);
    t.equal(j.quoted['state'], 'quoted');
    t.equal(j.quoted['sellers'].length, 2, 'a cart with two sellers becomes two orders');
    for (const seller of j.quoted['sellers']) {
      t.equal(seller.refusal, null, `${seller.provider.name} quoted`);
      t.equal(seller.quote.total.paise, sum(seller.quote.lines), 'breakup adds up to the total');
      t.same(seller.quote.lines.map((l: any) => l.type).slice(-3), ['delivery', 'packing', 'tax']);
      t.ok(Date.parse(seller.quote.expires_at) > Date.now(), 'quote not yet expired');
    }
    t.equal(j.initialized['state'], 'initialized');
    t.match(j.initialized['next_step'], /create_payment/);
    const codSeller = j.cod['sellers'].find((s: any) => s.provider.id === j.basket.grocer.id);
    t.equal(codSeller.state, 'cod');
    t.equal(codSeller.payment_method, 'cod');
    const prepaid = j.pending['sellers'].find((s: any) => s.provider.id === j.basket.beauty.id);
    t.equal(prepaid.state, 'payment_pending');
    t.equal(prepaid.payment.amount.paise, prepaid.quote.total.paise, 'the gateway order is for exactly the seller\'s total');
    t.equal(j.verified['sellers'].find((s: any) => s.provider.id === j.basket.beauty.id).state, 'paid');
    t.equal(j.confirmed['state'], 'confirmed');
    for (const seller of j.confirmed['sellers']) {
      t.match(seller.order_id, /^ord_[A-Za-z0-9_-]{16}$/);
      t.equal(seller.order_state, 'Accepted');
    }
    t.same(j.statuses.map((s) => s['state']), ['Accepted', 'Accepted']);
    t.same(j.statuses.map((s) => s['fulfillment_state']), ['Pending', 'Pending']);
    t.equal(j.listed['orders'].length, 2);
    t.same(
      j.listed['orders'].map((o: any) => o.payment_method).sort(),
      ['cod', 'prepaid'],
    );
  });
}

t.test('ten concurrent confirms of one checkout place exactly one order per seller', async (t) => {
  const call = restCaller(shop.app);
  const { session_id, checkout_id } = await readyCheckout(call, catalog);

  const { confirmation_token } = await call('review_order', { session_id, checkout_id });
  const results = await Promise.all(Array.from({ length: 10 }, () => restCall(shop.app, 'confirm_order', { session_id, checkout_id, confirmation_token })));
  const statuses = results.map((r) => r.status);
  t.ok(statuses.every((s) => s === 200 || s === 409), `only 200 or 409: ${statuses.join(',')}`);
  t.ok(statuses.includes(200), 'one of them placed the orders');
  for (const r of results.filter((r) => r.status === 409)) t.equal(r.body.error.code, 'CONFIRM_IN_PROGRESS');
  const listed = await call('list_orders', { session_id });
  t.equal(listed['orders'].length, 2, 'two sellers, two orders, no duplicates');
  const again = await restCall(shop.app, 'confirm_order', { session_id, checkout_id, confirmation_token });
  t.equal(again.status, 200, 'a retry after the fact returns the placed orders');
  t.same(
    again.body.data.sellers.map((s: any) => s.order_id).sort(),
    listed['orders'].map((o: any) => o.order_id).sort(),
  );
});

t.test('what was ordered leaves the cart, once; what was added after the quote stays', async (t) => {
  const call = restCaller(shop.app);
  const { session_id, checkout_id, basket } = await readyCheckout(call, catalog);
  const [grocerLine] = basket.items;
  // After the quote the shopper adds one more of a quoted product: the order takes only what it quoted.
  await call('update_cart_quantity', { session_id, product_id: grocerLine!.product.id, quantity: grocerLine!.quantity + 1 });
  const { confirmation_token } = await call('review_order', { session_id, checkout_id });
  await call('confirm_order', { session_id, checkout_id, confirmation_token });
  const cart = await call('view_cart', { session_id });
  t.same(cart['lines'].map((l: any) => [l.product_id, l.quantity]), [[grocerLine!.product.id, 1]], 'only the extra one is left');
  await call('confirm_order', { session_id, checkout_id, confirmation_token });
  const again = await call('view_cart', { session_id });
  t.same(again['lines'].map((l: any) => [l.product_id, l.quantity]), [[grocerLine!.product.id, 1]], 'a retried confirm takes nothing more');
});

t.test('steps out of order and unverified payments are refused with what to do', async (t) => {
  const call = restCaller(shop.app);
  const basket = await twoSellerBasket(catalog);
  const { session_id } = await call('initialize_shopping', {});
  const empty = await restCall(shop.app, 'select_items_for_order', { session_id, pincode: basket.pincode });
  t.equal(empty.status, 409);
  t.equal(empty.body.error.code, 'CART_EMPTY');
  for (const { product, quantity } of basket.items) await call('add_to_cart', { session_id, product_id: product.id, quantity });
  const { checkout_id } = await call('select_items_for_order', { session_id, pincode: basket.pincode });
  const early = await restCall(shop.app, 'confirm_order', { session_id, checkout_id, confirmation_token: 'rv1.0.0.none' });
  t.equal(early.status, 409);
  t.equal(early.body.error.code, 'CHECKOUT_STEP');
  t.match(early.body.error.message, /create_payment/);
  const payFirst = await restCall(shop.app, 'create_payment', { session_id, checkout_id, provider_id: basket.grocer.id, method: 'cod' });
  t.equal(payFirst.status, 409);
  t.match(payFirst.body.error.message, /initialize_order/);
  await call('initialize_order', { session_id, checkout_id, pincode: basket.pincode, ...DELIVERY });
  const pending = await call('create_payment', { session_id, checkout_id, provider_id: basket.beauty.id, method: 'prepaid' });
  const url = pending['sellers'].find((s: any) => s.provider.id === basket.beauty.id).payment.checkout_url;
  const paid = await payAtCheckout(url);
  const forged = await restCall(shop.app, 'verify_payment', {
    session_id,
    checkout_id,
    provider_id: basket.beauty.id,
    payment_id: paid.payment_id,
    signature: paid.signature.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')),
  });
  t.equal(forged.status, 402);
  t.equal(forged.body.error.code, 'PAYMENT_NOT_VERIFIED');
  const other = await call('initialize_shopping', {});
  const foreign = await restCall(shop.app, 'get_checkout', { session_id: other['session_id'], checkout_id });
  t.equal(foreign.status, 404, 'another session cannot see this checkout');
});

t.test('a seller\'s refusals reach the user as clear messages', async (t) => {
  const call = restCaller(shop.app);
  const basket = await twoSellerBasket(catalog);
  const { session_id } = await call('initialize_shopping', {});
  const [grocerItem] = basket.items;
  await call('add_to_cart', { session_id, product_id: grocerItem!.product.id, quantity: grocerItem!.quantity });
  const unserved = await call('select_items_for_order', { session_id, pincode: '560100' });
  t.equal(unserved['state'], 'failed');
  t.match(unserved['sellers'][0].refusal, { code: '30009', message: /does not deliver to this pincode/ });
  t.match(unserved['next_step'], /select_items_for_order again/);
  const init = await restCall(shop.app, 'initialize_order', { session_id, checkout_id: unserved['checkout_id'], pincode: '560100', ...DELIVERY });
  t.equal(init.status, 422);
  t.equal(init.body.error.code, 'SELLER_REFUSED');
  t.match(init.body.error.message, /does not deliver/);

  const fresh = await call('initialize_shopping', {});
  const all = (await catalog.search({ providerId: basket.grocer.id, limit: 10_000, page: 1 })).hits.map((h) => h.product);
  const scarce = all.find((p) => p.stock > 0 && p.stock < 5 && p.maxPerOrder >= p.stock);
  if (scarce) {
    await call('add_to_cart', { session_id: fresh['session_id'], product_id: scarce.id, quantity: scarce.stock });
    await call('add_to_cart', { session_id: fresh['session_id'], product_id: grocerItem!.product.id, quantity: grocerItem!.quantity });
    // Another buyer takes the last units at the seller between add_to_cart and checkout.
    const rival = await call('initialize_shopping', {});
    await call('add_to_cart', { session_id: rival['session_id'], product_id: scarce.id, quantity: scarce.stock });
    await call('add_to_cart', { session_id: rival['session_id'], product_id: grocerItem!.product.id, quantity: grocerItem!.quantity });
    const r = await call('select_items_for_order', { session_id: rival['session_id'], pincode: basket.pincode });
    await call('initialize_order', { session_id: rival['session_id'], checkout_id: r['checkout_id'], pincode: basket.pincode, ...DELIVERY });
    await call('create_payment', { session_id: rival['session_id'], checkout_id: r['checkout_id'], provider_id: basket.grocer.id, method: 'cod' });
    const { confirmation_token } = await call('review_order', { session_id: rival['session_id'], checkout_id: r['checkout_id'] });
    await call('confirm_order', { session_id: rival['session_id'], checkout_id: r['checkout_id'], confirmation_token });
    const late = await call('select_items_for_order', { session_id: fresh['session_id'], pincode: basket.pincode });
    t.match(late['sellers'][0].refusal, { code: '40002', message: /not available in the quantity asked/ });
    if (target === 'himira') return;
    const flow3 = await call('get_checkout_ondc_log', { session_id: fresh['session_id'], checkout_id: late['checkout_id'], provider_id: basket.grocer.id, flow: '3' });
    t.equal(flow3['flow'], '3');
    t.same(Object.keys(flow3['payload']).slice(2), ['select', 'on_select'], 'flow 3: the catalog answer, then select refused');
    t.equal(flow3['payload']['on_select']['error']['code'], '40002', 'out of stock at select');
  }
});

t.test('an order\'s ONDC messages export as a certification document', ondcLog, async (t) => {
  const call = restCaller(shop.app);
  const j = await runCheckoutJourney(call, catalog);
  const order = j.confirmed['sellers'].find((s: any) => s.provider.id === j.basket.beauty.id);
  const doc = await call('get_order_ondc_log', { session_id: j.session_id, order_id: order.order_id });
  t.equal(doc['flow'], '2');
  t.equal(doc['domain'], 'ONDC:RET13');
  t.equal(doc['version'], '1.2.0');
  t.equal(doc['bpp_id'], j.basket.beauty.bppId);
  t.equal(doc['bap_id'], shop.runtime.buyer.subscriberId);
  const steps = Object.keys(doc['payload']);
  t.same(steps, [
    'search_full_catalog_refresh',
    'on_search_full_catalog_refresh',
    'select',
    'on_select',
    'init',
    'on_init',
    'confirm',
    'on_confirm',
    'status',
    'on_status_pending',
  ]);
  const messages = steps.map((s) => doc['payload'][s]);
  const order_tx = messages[2].context.transaction_id;
  let last = '';
  for (const [i, m] of messages.slice(2).entries()) {
    t.equal(m.context.transaction_id, order_tx, `${steps[i + 2]} belongs to the order's transaction`);
    t.ok(m.context.timestamp > last, `${steps[i + 2]} is later than the step before`);
    last = m.context.timestamp;
  }
  t.equal(messages[1].context.bpp_id, j.basket.beauty.bppId, 'the catalog answer is this seller\'s');
  t.same(messages[6].message.order.quote, messages[5].message.order.quote, 'confirm echoes the on_init quote');
  t.equal(messages[6].message.order.created_at, messages[6].context.timestamp, 'confirm created_at equals its context timestamp');
  const foreign = await restCall(shop.app, 'get_order_ondc_log', { session_id: (await call('initialize_shopping', {}))['session_id'], order_id: order.order_id });
  t.equal(foreign.status, 404, 'another session cannot read it');
});

t.test('ondc-shop ondc-log prints the same document from the store', ondcLog, async (t) => {
  const { execFile } = await import('node:child_process');
  const call = restCaller(shop.app);
  const j = await runCheckoutJourney(call, catalog);
  const order = j.confirmed['sellers'][0];
  const viaApi = await call('get_order_ondc_log', { session_id: j.session_id, order_id: order.order_id });
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', 'ondc-log', order.order_id],
      { env: { ...process.env, DATA_DIR: shop.dataDir, LOG_LEVEL: 'silent' }, maxBuffer: 64 * 1024 * 1024 },
      (err, out, errOut) => (err ? reject(new Error(`${err.message}: ${errOut}`)) : resolve(out)),
    ),
  );
  t.same(JSON.parse(stdout), viaApi);
  const missing = await new Promise<number>((resolve) =>
    execFile(process.execPath, ['--import', 'tsx', 'src/main.ts', 'ondc-log', 'ord_nothing'], { env: { ...process.env, DATA_DIR: shop.dataDir } }, (err) =>
      resolve((err as { code?: number } | null)?.code ?? 0),
    ),
  );
  t.equal(missing, 1, 'an unknown order exits 1');
});

t.test('the same journey on core version 1.2.5', ondcLog, async (t) => {
  const shop125 = await openTestShop({ ONDC_CORE_VERSION: '1.2.5' });
  t.teardown(shop125.close);
  const j = await runCheckoutJourney(restCaller(shop125.app), shop125.runtime.deps.catalog);
  t.equal(j.confirmed['state'], 'confirmed');
  const doc = await restCaller(shop125.app)('get_order_ondc_log', { session_id: j.session_id, order_id: j.confirmed['sellers'][0].order_id });
  t.equal(doc['version'], '1.2.5');
  for (const step of Object.keys(doc['payload'])) t.equal(doc['payload'][step].context.core_version, '1.2.5', `${step} is 1.2.5`);
  t.match(doc['payload']['on_select'].message.order.quote.ttl, 'P1D', '1.2.5 quotes last a day');
});
