/**
 * After confirm, sandbox sellers move the order to delivered on their own with unsolicited on_status messages; the
 * buyer app follows, and the whole order exports as a well-formed flow-2 certification document.
 */
import t from 'tap';
import type { CatalogIndex } from '../src/core/ports.js';
import { DELIVERY } from './helpers/checkout.js';
import type { Call } from './helpers/journey.js';
import { restCaller } from './helpers/rest.js';
import { openTestShop } from './helpers/shop.js';

const shop = await openTestShop({ SANDBOX_STATUS_STEP_SECONDS: '0.05' });
t.teardown(shop.close);
const call = restCaller(shop.app);
const catalog = shop.runtime.deps.catalog;

async function placeCodOrder(call: Call, catalog: CatalogIndex) {
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
  const { confirmation_token } = await call('review_order', { session_id, checkout_id });
  const confirmed = await call('confirm_order', { session_id, checkout_id, confirmation_token });
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
  const { session_id, order_id } = await placeCodOrder(call, catalog);
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

t.test('status reports that are forged, or from a seller that does not hold the order, change nothing', async (t) => {
  const { request } = await import('undici');
  const { signAuthorization, generateKeyPair } = await import('../src/ondc/signing.js');
  const { sandboxIdentity } = await import('../src/sandbox/identities.js');
  const { buildContext } = await import('../src/ondc/context.js');
  const slow = await openTestShop({ SANDBOX_STATUS_STEP_SECONDS: '3600' });
  t.teardown(slow.close);
  const slowCall = restCaller(slow.app);
  const grocer = (await slow.runtime.deps.catalog.getProvider('sri-lakshmi-kirana'))!;
  const { session_id, order_id: orderId } = await placeCodOrder(slowCall, slow.runtime.deps.catalog);
  const doc = await slowCall('get_order_ondc_log', { session_id, order_id: orderId });
  const onConfirm = doc['payload']['on_confirm'];

  const sendStatus = async (bppId: string, key: { subscriberId: string; uniqueKeyId: string; privateKey: string }) => {
    const context = buildContext({
      domain: onConfirm.context.domain,
      city: onConfirm.context.city,
      action: 'on_status',
      coreVersion: '1.2.0',
      bap: { subscriberId: onConfirm.context.bap_id, uri: onConfirm.context.bap_uri },
      bpp: { subscriberId: bppId, uri: 'http://127.0.0.1:9/bpp' },
      transactionId: onConfirm.context.transaction_id,
      now: new Date(),
      after: onConfirm.context.timestamp,
    });
    const order = structuredClone(onConfirm.message.order);
    order.state = 'Cancelled';
    order.fulfillments[0].state = { descriptor: { code: 'Order-delivered' } };
    const body = JSON.stringify({ context, message: { order } });
    const res = await request(`${slow.app.listeningOrigin}/ondc/on_status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: signAuthorization(body, key) },
      body,
    });
    await res.body.text();
    return res.statusCode;
  };

  const forger = { subscriberId: grocer.bppId, uniqueKeyId: 'sandbox-key-1', privateKey: generateKeyPair().privateKey };
  t.equal(await sendStatus(grocer.bppId, forger), 401, 'signed with a key that is not the seller\'s: refused');
  const other = sandboxIdentity({ subscriberId: 'glow.sandbox.ondc.local', type: 'BPP', domain: 'ONDC:RET13', city: 'std:080', url: '', seed: 1 });
  t.equal(await sendStatus('glow.sandbox.ondc.local', other.key), 200, 'a genuine message from another seller is acknowledged');
  const after = await slowCall('list_orders', { session_id });
  t.match(after['orders'][0], { order_id: orderId, state: 'Accepted', fulfillment_state: null }, 'but moves nothing');
});
