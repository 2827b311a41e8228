/**
 * After the order: tracking, buyer cancel (allowed before pickup, refused after), seller cancel, and the flow-4
 * certification log, over REST and MCP against the sandbox sellers (or, from after-order.himira.test.ts, the same
 * sellers behind a Himira buyer backend stand-in).
 */
import t from 'tap';
import { eventually } from './helpers/eventually.js';
import type { StoredOrder } from '../src/core/checkout.js';
import { runCheckoutJourney } from './helpers/checkout.js';
import { connectMcp, mcpCaller } from './helpers/mcp.js';
import { restCall, restCaller } from './helpers/rest.js';
import { journeyTarget, openShopFor, type TargetShop } from './helpers/targets.js';

/** Sellers move orders on their own clock, and through a buyer backend we learn it by following: on a busy machine
 * (the whole suite running) that can take well over the 10 s `eventually` waits by default. */
const SELLER_WAIT = 30_000;
const target = journeyTarget();
const ondcLog = { skip: target === 'himira' && 'the buyer backend keeps the ONDC messages, so there is no certification log' };
const stored = (shop: TargetShop, id: string) => shop.runtime.deps.stores.documents<StoredOrder>('order').get(id);

t.test(`before pickup: tracking is inactive at the store, and the buyer may cancel (REST and MCP) (${target})`, async (t) => {
  const shop = await openShopFor(target, { SANDBOX_PRODUCTS_PER_PROVIDER: '30', SANDBOX_STATUS_STEP_SECONDS: '3600' });
  t.teardown(shop.close);
  const call = restCaller(shop.app);
  const { confirmed, session_id, basket } = await runCheckoutJourney(call, shop.runtime.deps.catalog);
  const [first, second] = confirmed['sellers'] as Array<{ order_id: string }>;

  const tracking = await call('track_order', { session_id, order_id: first!.order_id });
  t.equal(tracking['active'], false, 'not on its way yet');
  const early = await restCall(shop.app, 'rate_order', { session_id, order_id: first!.order_id, order: 4 });
  t.equal(early.status, 409, 'an order is rated once delivered');
  const undelivered = (await stored(shop, first!.order_id))!;
  const notYet = await restCall(shop.app, 'return_items', { session_id, order_id: first!.order_id, product_id: undelivered.items[0]!.productId, quantity: 1, reason: '001' });
  t.equal(notYet.status, 422, 'a return before delivery is refused by the seller');
  t.match(notYet.body.error.message, /only delivered orders take returns/);
  t.match(tracking['tracking_url'], /\/track\//);
  t.ok(tracking['location'], 'at the store');

  await shop.catalogChanges();
  const stockBefore = (await shop.runtime.deps.catalog.getProduct(basket.items[0]!.product.id))!.stock;
  const cancelled = await call('cancel_order', { session_id, order_id: first!.order_id, reason: '010' });
  t.equal(cancelled['state'], 'Cancelled');
  t.same(cancelled['cancellation'], { by: 'buyer', reason_id: '010', reason: 'the buyer wants to change the order details' });
  const again = await call('cancel_order', { session_id, order_id: first!.order_id, reason: '010' });
  t.equal(again['state'], 'Cancelled', 'cancelling twice is harmless');
  const status = await call('get_order_status', { session_id, order_id: first!.order_id });
  t.equal(status['state'], 'Cancelled', 'the seller reports it cancelled too');
  const restocked = await eventually(
    async () => {
      await shop.catalogChanges();
      return shop.runtime.deps.catalog.getProduct(basket.items[0]!.product.id);
    },
    (p) => (p?.stock ?? 0) > stockBefore,
  );
  t.ok((restocked?.stock ?? 0) > stockBefore, 'the seller put the stock back and pushed the change');

  const mcp = await connectMcp(shop.app);
  t.teardown(mcp.close);
  const viaMcp = await mcpCaller(mcp.client)('cancel_order', { session_id, order_id: second!.order_id, reason: '999' });
  t.equal(viaMcp['state'], 'Cancelled', 'over MCP too');
  const badReason = await restCall(shop.app, 'cancel_order', { session_id, order_id: second!.order_id, reason: '002' });
  t.equal(badReason.status, 400, "002 is a seller's reason, not a buyer's");

  await t.test('the flow-4 certification log', ondcLog, async (t) => {
    const log = await call('get_order_ondc_log', { session_id, order_id: first!.order_id, flow: '4' });
    const steps = Object.keys(log['payload']);
    for (const step of ['select', 'on_select', 'init', 'on_init', 'confirm', 'on_confirm', 'cancel', 'on_cancel']) {
      t.ok(steps.includes(step), `flow 4 has ${step}`);
    }
    t.equal(log['flow'], '4');
    t.equal(log['payload']['cancel']['message']['cancellation_reason_id'], '010');
    t.equal(log['payload']['on_cancel']['message']['order']['state'], 'Cancelled');
  });
});

t.test(`after pickup the seller refuses to cancel; tracking shows the delivery moving (${target})`, async (t) => {
  const shop = await openShopFor(target, { SANDBOX_PRODUCTS_PER_PROVIDER: '30', SANDBOX_STATUS_STEP_SECONDS: '0.05' });
  t.teardown(shop.close);
  const call = restCaller(shop.app);
  const { confirmed, session_id } = await runCheckoutJourney(call, shop.runtime.deps.catalog);
  const orderId = (confirmed['sellers'] as Array<{ order_id: string }>)[0]!.order_id;
  const picked = await eventually(() => stored(shop, orderId), (o) => o?.state === 'In-progress' || o?.state === 'Completed', SELLER_WAIT);
  t.ok(picked && ['In-progress', 'Completed'].includes(picked.state), `picked up: ${picked?.state}/${picked?.fulfillmentState}`);
  const refused = await restCall(shop.app, 'cancel_order', { session_id, order_id: orderId, reason: '010' });
  t.equal(refused.status, 409);
  t.equal(refused.body.error.code, 'CANCEL_REFUSED');
  t.equal(refused.body.error.details.ondc_code, '50001');
  t.match(refused.body.error.message, /return_items/);
  const delivered = await eventually(() => stored(shop, orderId), (o) => o?.state === 'Completed', SELLER_WAIT);
  t.equal(delivered?.fulfillmentState, 'Order-delivered', 'the order runs its course to delivery');
  const tracking = await call('track_order', { session_id, order_id: orderId });
  t.equal(tracking['active'], false, 'delivered: no longer moving');

  await t.test('the flow-2 certification log', ondcLog, async (t) => {
    const flow2 = await call('get_order_ondc_log', { session_id, order_id: orderId, flow: '2' });
    for (const step of ['on_status_packed', 'on_status_agent_assigned', 'on_status_picked', 'on_status_out_for_delivery', 'on_status_delivered']) {
      t.ok(step in flow2['payload'], `flow 2 has ${step}`);
    }
  });
  const rated = await call('rate_order', { session_id, order_id: orderId, order: 5, delivery: 4, seller: 5 });
  t.equal(rated['accepted'], true, 'the seller took the ratings');
  t.same(rated['ratings'], { order: 5, fulfillment: 4, provider: 5 });
  const zero = await restCall(shop.app, 'rate_order', { session_id, order_id: orderId, order: 0 });
  t.equal(zero.status, 400, 'stars are 1 to 5');
  const order = (await stored(shop, orderId))!;
  const item = order.items[0]!;
  const returned = await call('return_items', { session_id, order_id: orderId, product_id: item.productId, quantity: 1, reason: '003', description: 'The pack was torn' });
  t.equal(returned['returns'].length, 1);
  t.equal(returned['returns'][0].state, 'Return_Initiated', 'the seller took the return request');
  const back = await eventually(
    () => stored(shop, orderId),
    (o) => o?.returns?.[0]?.state === 'Return_Delivered',
    SELLER_WAIT,
  );
  t.equal(back?.returns?.[0]?.state, 'Return_Delivered', 'approved, picked up and delivered back');
  const price = (await shop.runtime.deps.catalog.getProduct(item.productId))!.pricePaise;
  t.equal(back?.returns?.[0]?.refundPaise, price, 'the refund is the price of the one pack returned');
  const view = await call('get_order_status', { session_id, order_id: orderId });
  t.equal(view['returns'][0].refund.paise, back?.returns?.[0]?.refundPaise, 'the order view shows the refund');
  const tooMany = await restCall(shop.app, 'return_items', { session_id, order_id: orderId, product_id: item.productId, quantity: item.count + 1, reason: '003' });
  t.equal(tooMany.status, 400, 'no more than were ordered');

  const complaint = await call('raise_grievance', {
    session_id,
    order_id: orderId,
    sub_category: 'ITM04',
    description: 'The pack smelled stale when opened',
    product_id: item.productId,
  });
  t.equal(complaint['status'], 'PROCESSING', 'the seller took the complaint (on_issue)');
  t.match(complaint['respondent']?.name, /support/);
  const resolved = await eventually(
    () => call('get_grievance_status', { session_id, grievance_id: complaint['grievance_id'] }),
    (g) => g['status'] === 'RESOLVED',
    SELLER_WAIT,
  );
  t.equal(resolved['status'], 'RESOLVED', 'resolved (on_issue_status)');
  t.equal(resolved['resolution']?.action, 'REFUND');
  t.equal(resolved['resolution']?.refund.paise, price * item.count, 'refunded for the items complained of');
  const { session_id: stranger } = await call('initialize_shopping', {});
  const notTheirs = await restCall(shop.app, 'get_grievance_status', { session_id: stranger, grievance_id: complaint['grievance_id'] });
  t.equal(notTheirs.status, 404, "another buyer cannot see the complaint");
  const mcp = await connectMcp(shop.app);
  t.teardown(mcp.close);
  const viaMcp = await mcpCaller(mcp.client)('get_grievance_status', { session_id, grievance_id: complaint['grievance_id'] });
  t.equal(viaMcp['status'], 'RESOLVED', 'over MCP too');

  const contacts = await call('get_support_contacts', { session_id, order_id: orderId });
  t.match(contacts['phone'], /^[6-9]\d{9}$/);
  t.match(contacts['email'], /^care@/);
  t.match(contacts['uri'], /^tel:/);
});

t.test(`a seller's own cancel reaches the buyer's order with the seller's reason (${target})`, async (t) => {
  const shop = await openShopFor(target, { SANDBOX_PRODUCTS_PER_PROVIDER: '30', SANDBOX_STATUS_STEP_SECONDS: '3600' });
  t.teardown(shop.close);
  const call = restCaller(shop.app);
  const { confirmed, session_id } = await runCheckoutJourney(call, shop.runtime.deps.catalog);
  const first = (confirmed['sellers'] as Array<{ order_id: string }>)[0]!;
  const order = (await stored(shop, first.order_id))!;
  const done = await shop.sellers.cancel(order, '002');
  t.equal(done, true);
  const after = await eventually(() => stored(shop, first.order_id), (o) => o?.state === 'Cancelled', SELLER_WAIT);
  t.equal(after?.state, 'Cancelled');
  const view = await call('get_order_status', { session_id, order_id: first.order_id });
  t.same(view['cancellation'], { by: 'seller', reason_id: '002', reason: 'one or more items are unavailable' });

  // at the protocol level: a seller's reason sent by a buyer app is refused outright (NACK)
  const other = (confirmed['sellers'] as Array<{ order_id: string }>)[1]!;
  const second = (await stored(shop, other.order_id))!;
  t.match(await shop.sellers.cancelUnchecked(second, '005'), /refused cancel.*not a buyer's reason/);
});
