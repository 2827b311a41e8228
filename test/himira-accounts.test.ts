/**
 * Users and orders at the Himira buyer backend, against its stand-in: each signed-in user is their own backend user,
 * their address book is written through to it (and caught up when the backend could not take a change), their
 * orders are placed under it; orders are followed through the backend's order list; and the assumed payment
 * verification route is configurable.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import t from 'tap';
import { createHimiraClient } from '../src/backends/himira/client.js';
import { FOLLOW_MAX_AGE_MS, followTurn } from '../src/backends/himira/follow.js';
import { backendRecords, type OpenOrder } from '../src/backends/himira/records.js';
import type { StoredOrder } from '../src/core/checkout.js';
import { openEmbeddedStores } from '../src/store/embedded.js';
import { DELIVERY, readyCheckout, runCheckoutJourney, twoSellerBasket } from './helpers/checkout.js';
import { eventually } from './helpers/eventually.js';
import { startHimiraStandin, type HimiraStandin } from './helpers/himira-standin.js';
import { restCall, restCaller } from './helpers/rest.js';
import { openTestShop, type TestShop } from './helpers/shop.js';
import { openShopFor } from './helpers/targets.js';

const SELLERS = { SANDBOX_PRODUCTS_PER_PROVIDER: '30', SANDBOX_STATUS_STEP_SECONDS: '3600' };
const { city: _city, state: _state, ...FIELDS } = DELIVERY;

async function signIn(shop: TestShop, phone: string): Promise<string> {
  const call = restCaller(shop.app);
  const { session_id } = await call('initialize_shopping', {});
  await call('phone_login', { session_id, phone });
  const code = (await shop.app.inject({ method: 'GET', url: `/dev/otp-inbox/${phone}` })).json().code;
  return (await call('verify_otp', { session_id, phone, code }))['session_id'];
}

/** The backend user holding an address for this person, by the name on it. */
const accountOf = (standin: HimiraStandin, name: string) => [...standin.accounts.entries()].find(([, a]) => a.addresses.some((x) => x['descriptor']?.['name'] === name));

/** A cash-on-delivery order of the grocer's alone, delivered to a saved address. */
async function codOrder(shop: TestShop, session_id: string, address_id: string): Promise<string> {
  const call = restCaller(shop.app);
  const basket = await twoSellerBasket(shop.runtime.deps.catalog);
  const [grocery] = basket.items;
  await call('add_to_cart', { session_id, product_id: grocery!.product.id, quantity: grocery!.quantity });
  const { checkout_id } = await call('select_items_for_order', { session_id, pincode: basket.pincode });
  await call('initialize_order', { session_id, checkout_id, address_id });
  await call('create_payment', { session_id, checkout_id, provider_id: basket.grocer.id, method: 'cod' });
  const { confirmation_token } = await call('review_order', { session_id, checkout_id });
  const confirmed = await call('confirm_order', { session_id, checkout_id, confirmation_token });
  return confirmed['sellers'][0].order_id;
}

t.test('each signed-in user is their own backend user: addresses written through, orders placed under them', async (t) => {
  const shop = await openShopFor('himira', SELLERS);
  t.teardown(shop.close);
  const standin = shop.standin!;
  const call = restCaller(shop.app);
  const basket = await twoSellerBasket(shop.runtime.deps.catalog);
  const asha = await signIn(shop, '9700000011');
  const ravi = await signIn(shop, '9700000012');
  const home = await call('add_address', { session_id: asha, label: 'Home', ...FIELDS, pincode: basket.pincode });
  await call('add_address', { session_id: ravi, label: 'Office', ...FIELDS, name: 'Ravi Kumar', phone: '9700000012', pincode: basket.pincode });

  const [ashaUser, ashaAccount] = accountOf(standin, DELIVERY.name) ?? [];
  const [raviUser, raviAccount] = accountOf(standin, 'Ravi Kumar') ?? [];
  t.ok(ashaUser && raviUser && ashaUser !== raviUser, 'two users, two backend users');
  t.equal(ashaAccount?.addresses.length, 1, "Asha's backend user holds her address alone");
  t.equal(raviAccount?.addresses.length, 1);
  t.match(ashaAccount?.addresses[0], {
    descriptor: { name: DELIVERY.name, phone: DELIVERY.phone, email: DELIVERY.email },
    address: { door: DELIVERY.house, building: DELIVERY.building, locality: DELIVERY.locality, areaCode: basket.pincode, tag: 'Home', country: 'IND' },
    gps: home['gps'],
  });

  await call('update_address', { session_id: asha, address_id: home['address_id'], building: 'Palm Grove Apartments' });
  t.equal(ashaAccount?.addresses.length, 1, 'a change is an update at the backend, not another address');
  t.equal(ashaAccount?.addresses[0]?.['address']['building'], 'Palm Grove Apartments');

  const orderId = await codOrder(shop, asha, home['address_id']);
  const order = (await shop.runtime.deps.stores.documents<StoredOrder>('order').get(orderId))!;
  const tx = standin.transactions.get(order.exchange.transactionId)!;
  t.equal(tx.userId, ashaUser, "the backend saved Asha's order under her backend user");
  t.ok(ashaAccount?.orderIds.includes(tx.orderId!), 'and lists it among her orders');
  t.equal(raviAccount?.orderIds.length, 0, 'not among anyone else\'s');
  t.match(tx.init?.delivery, { name: DELIVERY.name, phone: DELIVERY.phone, address: { building: `${DELIVERY.house}, Palm Grove Apartments`, areaCode: basket.pincode } }, 'delivered to her saved address as changed');

  const { session_id: guest } = await call('initialize_shopping', {});
  const [grocery] = basket.items;
  await call('add_to_cart', { session_id: guest, product_id: grocery!.product.id, quantity: grocery!.quantity });
  const { checkout_id } = await call('select_items_for_order', { session_id: guest, pincode: basket.pincode });
  await call('initialize_order', { session_id: guest, checkout_id, pincode: basket.pincode, ...DELIVERY });
  const guestTx = [...standin.transactions.values()].find((x) => x.id !== tx.id && x.init);
  t.ok(guestTx?.userId && guestTx.userId !== ashaUser && guestTx.userId !== raviUser, "a guest's checkout goes as the service's own backend user");

  await call('delete_address', { session_id: asha, address_id: home['address_id'] });
  t.equal(ashaAccount?.addresses.length, 0, 'a deleted address is deleted at the backend too');
  t.equal(raviAccount?.addresses.length, 1, "Ravi's is untouched");
});

t.test('an address the backend cannot take now is kept here, and written before the order that uses it', async (t) => {
  const shop = await openShopFor('himira', SELLERS);
  t.teardown(shop.close);
  const standin = shop.standin!;
  const basket = await twoSellerBasket(shop.runtime.deps.catalog);
  const asha = await signIn(shop, '9700000021');
  standin.switches.addressesDown = true;
  const saved = await restCall(shop.app, 'add_address', { session_id: asha, label: 'Home', ...FIELDS, pincode: basket.pincode });
  t.equal(saved.status, 200, 'our address book is the authority: the address is saved');
  const listed = await restCaller(shop.app)('list_addresses', { session_id: asha });
  t.equal(listed['addresses'].length, 1);
  t.notOk(accountOf(standin, DELIVERY.name), 'the backend does not have it yet');

  standin.switches.addressesDown = false;
  const orderId = await codOrder(shop, asha, saved.body.data['address_id']);
  const [ashaUser, account] = accountOf(standin, DELIVERY.name) ?? [];
  t.equal(account?.addresses.length, 1, 'written through before the order was initialized');
  const order = (await shop.runtime.deps.stores.documents<StoredOrder>('order').get(orderId))!;
  t.equal(standin.transactions.get(order.exchange.transactionId)?.userId, ashaUser, 'the order is under the same backend user');
});

t.test("a seller's own cancel reaches list_orders through the backend's order list, reason and all", async (t) => {
  const shop = await openShopFor('himira', SELLERS);
  t.teardown(shop.close);
  const call = restCaller(shop.app);
  const { confirmed, session_id } = await runCheckoutJourney(call, shop.runtime.deps.catalog);
  const first = confirmed['sellers'][0].order_id as string;
  const order = (await shop.runtime.deps.stores.documents<StoredOrder>('order').get(first))!;
  t.equal(await shop.sellers.cancel(order, '002'), true);
  const listed = await eventually(
    () => call('list_orders', { session_id }),
    (l) => l['orders'].find((o: any) => o.order_id === first)?.state === 'Cancelled',
  );
  const seen = listed['orders'].find((o: any) => o.order_id === first);
  t.equal(seen?.state, 'Cancelled', 'list_orders shows it without anyone asking the seller');
  t.same(seen?.cancellation, { by: 'seller', reason_id: '002', reason: 'one or more items are unavailable' });
  t.ok(shop.standin!.requests.some((r) => r.path === '/clientApis/v2/orders'), "read from the backend's order list");
  const other = listed['orders'].find((o: any) => o.order_id !== first);
  t.ok(other && other.state !== 'Cancelled' && !other.cancellation, "the other seller's order is not cancelled");
});

t.test('the payment verification route is configurable, and a backend without it is named as the cause', async (t) => {
  const standin = await startHimiraStandin({ env: SELLERS, verifyPath: '/v2/payments/verify' });
  t.teardown(standin.close);
  const env = { BACKEND_ENDPOINT: standin.endpoint, WIL_API_KEY: standin.apiKey, BACKEND_CHECKOUT_URL: standin.checkoutUrl };
  const dataDirs = [mkdtempSync(join(tmpdir(), 'himira-verify-')), mkdtempSync(join(tmpdir(), 'himira-verify-'))];
  t.teardown(() => dataDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  const unset = await openTestShop({ ...env, DATA_DIR: dataDirs[0]! });
  t.teardown(unset.close);
  const failed = await readyCheckout(restCaller(unset.app), unset.runtime.deps.catalog).then(
    () => null,
    (err: Error) => err,
  );
  t.match(failed?.message, /verify_payment -> 503 .*no payment verification at \/v2\/razorpay\/verify\/payment \(404\).*BACKEND_VERIFY_PAYMENT_PATH/);

  const set = await openTestShop({ ...env, DATA_DIR: dataDirs[1]!, BACKEND_VERIFY_PAYMENT_PATH: '/v2/payments/verify' });
  t.teardown(set.close);
  const { verified } = await readyCheckout(restCaller(set.app), set.runtime.deps.catalog);
  t.ok(verified['sellers'].some((s: any) => s.state === 'paid'), 'verified at the configured route');
  t.ok(standin.requests.some((r) => r.method === 'POST' && r.path === '/clientApis/v2/payments/verify'));
  const payments = [];
  for await (const r of set.runtime.deps.stores.dump()) if (r.type === 'document' && r.kind === 'himira_payment') payments.push(r);
  t.ok(payments.length > 0 && payments.every((r) => r.type === 'document' && r.expiresAt !== undefined), "a gateway order's owner expires with its checkout");
});

t.test('replicas sharing a store take turns following, and an order the backend never returns is dropped after 30 days', async (t) => {
  const standin = await startHimiraStandin({ env: SELLERS });
  t.teardown(standin.close);
  const dir = mkdtempSync(join(tmpdir(), 'himira-follow-'));
  const stores = await openEmbeddedStores({ dir });
  t.teardown(async () => {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const log = pino({ level: 'silent' });
  const client = createHimiraClient({ endpoint: standin.endpoint, apiKey: standin.apiKey, timeoutMs: 2000, log, deviceOf: async () => 'device-under-test' });
  t.teardown(client.close);
  const records = backendRecords(stores);
  const open = stores.documents<OpenOrder>('himira_open');
  const old = new Date(Date.now() - FOLLOW_MAX_AGE_MS - 3600_000).toISOString();
  const ref = (n: number) => ({ backendOrderId: `backend-lost-${n}`, transactionId: `tx-${n}`, bppId: 'seller.example' });
  await records.placed('recent', ref(1));
  await records.placed('old', ref(2));
  await open.update('old', (o) => ({ ...o, since: old }));
  // Followed before `since` was kept: the stored order's creation time stands in.
  await records.placed('legacy', ref(3));
  await open.update('legacy', ({ since: _since, ...o }) => o);
  await stores.documents<StoredOrder>('order').create('legacy', { id: 'legacy', createdAt: old } as StoredOrder);

  // Two replicas: the same store, each its own view of it, as two processes would have.
  const replica = () => ({ client, records: backendRecords(stores), orders: stores.documents<StoredOrder>('order'), lock: stores.documents<{ at: string }>('himira_follow_lock'), log, intervalMs: 60_000 });
  const asked = () => standin.requests.filter((r) => r.path === '/clientApis/v2/orders').length;
  t.equal(await followTurn(replica()), 0, 'the first replica follows this interval');
  t.equal(asked(), 1, 'one read of the order list');
  t.equal(await followTurn(replica()), null, 'the second finds the interval taken and does not follow');
  t.equal(asked(), 1, 'still one read');
  t.same((await records.open()).map((o) => o.orderId), ['recent'], 'the orders followed for over 30 days without an answer are dropped; the recent one stays');
});
