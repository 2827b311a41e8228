/**
 * After confirm, sandbox sellers move the order to delivered on their own with unsolicited on_status messages; the
 * buyer app follows, and the whole order exports as a well-formed flow-2 certification document.
 */
import t from 'tap';
import { DELIVERY } from './helpers/checkout.js';
import { restCaller } from './helpers/rest.js';
import { openTestShop } from './helpers/shop.js';

const shop = await openTestShop({ SANDBOX_STATUS_STEP_SECONDS: '0.05' });
t.teardown(shop.close);
const call = restCaller(shop.app);
const catalog = shop.runtime.deps.catalog;

async function placeCodOrder() {
  const grocer = (await catalog.getProvider('sri-lakshmi-kirana'))!;
  const product = (await catalog.search({ providerId: grocer.id, limit: 10_000, page: 1 })).hits
    .map((h) => h.product)
    .find((p) => p.stock >= 10 && p.pricePaise >= grocer.minOrderValuePaise)!;
  const pincode = grocer.serviceablePincodes[0]!;
  const { session_id } = await call('initialize_shopping', {});
  await call('add_to_cart', { session_id, product_id: product.id, quantity: 1 });
  const { checkout_id } = await call('select_items_for_order', { session_id, pincode });
  await call('initialize_order', { session_id, checkout_id, pincode, ...DELIVERY });
  await call('create_payment', { session_id, checkout_id, provider_id: grocer.id, method: 'cod' });
  const confirmed = await call('confirm_order', { session_id, checkout_id });
  return { session_id, order_id: confirmed['sellers'][0].order_id as string };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, deadlineMs = 5000): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

t.test('an order goes from Accepted to Completed and the buyer app follows every step', async (t) => {
  const { session_id, order_id } = await placeCodOrder();
  const delivered = await until('delivery', async () => {
    const { orders } = await call('list_orders', { session_id });
    const order = orders.find((o: any) => o.order_id === order_id);
    return order?.fulfillment_state === 'Order-delivered' ? order : undefined;
  });
  t.equal(delivered.state, 'Completed');
  const fresh = await call('get_order_status', { session_id, order_id });
  t.equal(fresh['state'], 'Completed', 'the seller agrees when asked');
  t.equal(fresh['fulfillment_state'], 'Order-delivered');

  const doc = await call('get_order_ondc_log', { session_id, order_id, flow: '2' });
  const steps = Object.keys(doc['payload']);
  for (const step of [
    'search_full_catalog_refresh',
    'on_search_full_catalog_refresh',
    'select',
    'on_select',
    'init',
    'on_init',
    'confirm',
    'on_confirm',
    'on_status_packed',
    'on_status_agent_assigned',
    'on_status_picked',
    'on_status_out_for_delivery',
    'on_status_delivered',
  ]) {
    t.ok(steps.includes(step), `flow 2 has ${step}`);
  }
  const unsolicited = steps.filter((s) => /^on_status_(packed|agent_assigned|picked|out_for_delivery|delivered)$/.test(s)).map((s) => doc['payload'][s]);
  const ids = new Set(unsolicited.map((m: any) => m.context.message_id));
  t.equal(ids.size, 5, 'each unsolicited on_status has its own message id');
  const times = unsolicited.map((m: any) => m.context.timestamp);
  t.same([...times].sort(), times, 'in time order');
  const picked = doc['payload']['on_status_picked'].message.order;
  t.equal(picked.state, 'In-progress');
  t.match(picked.documents, [{ label: 'Invoice', url: /^http/ }], 'an invoice from pickup on');
  t.notOk(doc['payload']['on_status_packed'].message.order.documents, 'no invoice before pickup');
  const last = doc['payload']['on_status_delivered'].message.order;
  t.equal(last.state, 'Completed');
  t.equal(last.updated_at, doc['payload']['on_status_delivered'].context.timestamp);
  t.ok(last.fulfillments[0].end.time.timestamp, 'delivery time stamped');
});
