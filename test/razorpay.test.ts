/**
 * Razorpay for real (RAZORPAY_KEY_ID and RAZORPAY_KEY_SECRET set), against the sandbox gateway, which follows
 * Razorpay's documented Orders and Payments contract, standing in for api.razorpay.com: the payment page, its
 * return, and webhooks signed as Razorpay signs them (HMAC-SHA256 of the raw body with the webhook secret).
 */
import { createHash, createHmac } from 'node:crypto';
import { createServer } from 'node:net';
import t from 'tap';
import { DELIVERY, payAtCheckout, twoSellerBasket } from './helpers/checkout.js';
import { restCaller } from './helpers/rest.js';
import { openTestShop } from './helpers/shop.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

const port = await freePort();
const WEBHOOK_SECRET = 'whsec_test_0123456789';
const keySecret = createHash('sha256').update('ondc-sandbox-payments:1').digest('hex').slice(0, 24);
const shop = await openTestShop({
  SANDBOX_PORT: String(port),
  SANDBOX_PRODUCTS_PER_PROVIDER: '30',
  SANDBOX_STATUS_STEP_SECONDS: '3600',
  RAZORPAY_KEY_ID: 'rzp_test_sandbox',
  RAZORPAY_KEY_SECRET: keySecret,
  RAZORPAY_API_URL: `http://127.0.0.1:${port}/razorpay`,
  RAZORPAY_WEBHOOK_SECRET: WEBHOOK_SECRET,
  PUBLIC_URL: 'https://shop.example.in',
});
t.teardown(shop.close);
const call = restCaller(shop.app);
const gatewayPage = (orderId: string) => `http://127.0.0.1:${port}/razorpay/checkout/${orderId}`;

/** A checkout whose beauty seller waits for a prepaid payment; returns its gateway order. */
async function pendingPrepaid() {
  const basket = await twoSellerBasket(shop.runtime.deps.catalog);
  const { session_id } = await call('initialize_shopping', {});
  for (const { product, quantity } of basket.items) await call('add_to_cart', { session_id, product_id: product.id, quantity });
  const quoted = await call('select_items_for_order', { session_id, pincode: basket.pincode });
  const checkout_id = quoted['checkout_id'];
  await call('initialize_order', { session_id, checkout_id, ...DELIVERY, pincode: basket.pincode });
  const pending = await call('create_payment', { session_id, checkout_id, provider_id: basket.beauty.id, method: 'prepaid' });
  const seller = pending['sellers'].find((s: any) => s.provider.id === basket.beauty.id);
  return { session_id, checkout_id, provider_id: basket.beauty.id, seller };
}

function webhook(body: object, secret = WEBHOOK_SECRET) {
  const raw = JSON.stringify(body);
  return shop.app.inject({
    method: 'POST',
    url: '/webhooks/razorpay',
    headers: { 'content-type': 'application/json', 'x-razorpay-signature': createHmac('sha256', secret).update(raw).digest('hex') },
    payload: raw,
  });
}

const captured = (paymentId: string, orderId: string, amount: number) => ({
  entity: 'event',
  account_id: 'acc_sandbox',
  event: 'payment.captured',
  contains: ['payment'],
  payload: { payment: { entity: { id: paymentId, entity: 'payment', amount, currency: 'INR', status: 'captured', order_id: orderId } } },
  created_at: Math.floor(Date.now() / 1000),
});

t.test('prepaid links go to our payment page, which opens Razorpay Checkout for that order', async (t) => {
  const { seller } = await pendingPrepaid();
  const orderId = seller.payment.gateway_order_id;
  t.equal(seller.payment.checkout_url, `https://shop.example.in/pay/${orderId}`);
  const page = await shop.app.inject({ method: 'GET', url: `/pay/${orderId}` });
  t.equal(page.statusCode, 200);
  t.match(page.body, /checkout\.razorpay\.com\/v1\/checkout\.js/);
  t.match(page.body, new RegExp(`"order_id":"${orderId}"`));
  t.match(page.body, /"key":"rzp_test_sandbox"/);
  t.notMatch(page.body, new RegExp(keySecret), 'the key secret never reaches the page');
});

t.test('opened with a callback_url on this service, our page has Razorpay Checkout send the shopper back there', async (t) => {
  const { checkout_id, provider_id, seller } = await pendingPrepaid();
  const orderId = seller.payment.gateway_order_id;
  const callback = `https://shop.example.in/checkout/${checkout_id}/payment-return?provider_id=${provider_id}`;
  const open = (url: string) => shop.app.inject({ method: 'GET', url: `/pay/${orderId}?callback_url=${encodeURIComponent(url)}`, headers: { host: 'shop.example.in' } });
  const page = await open(callback);
  t.equal(page.statusCode, 200);
  const options = JSON.parse(/const options = (\{.*\});/.exec(page.body)?.[1] ?? '{}');
  t.same(options, { key: 'rzp_test_sandbox', order_id: orderId, name: 'ONDC Shop', currency: 'INR', callback_url: callback, redirect: true }, 'Checkout posts its result to the callback_url');
  const plain = await shop.app.inject({ method: 'GET', url: `/pay/${orderId}`, headers: { host: 'shop.example.in' } });
  t.notMatch(plain.body, 'callback_url', 'without one, the page keeps the result itself, as before');

  for (const [what, url] of [['another site', 'https://evil.example/steal'], ['another port', 'https://shop.example.in:8443/back'], ['not http(s)', 'javascript:alert(1)'], ['a relative URL', '/checkout/x']]) {
    const refused = await open(url!);
    t.equal(refused.statusCode, 400, `${what} is refused`);
    t.match(refused.json().error, { code: 'VALIDATION_FAILED', message: /callback_url/ });
    t.notMatch(refused.body, 'checkout.razorpay.com', `${what}: no checkout opens`);
  }
});

t.test('a signed webhook marks the seller paid once the gateway confirms; replays change nothing', async (t) => {
  const { session_id, checkout_id, seller } = await pendingPrepaid();
  const orderId = seller.payment.gateway_order_id;
  const paid = await payAtCheckout(gatewayPage(orderId));
  const first = await webhook(captured(paid.payment_id, orderId, seller.payment.amount.paise));
  t.equal(first.statusCode, 200);
  t.equal(first.json().applied, 'paid');
  const state = await call('get_checkout', { session_id, checkout_id });
  t.equal(state['sellers'].find((s: any) => s.provider.id === seller.provider.id).state, 'paid', 'no verify_payment needed');
  const again = await webhook(captured(paid.payment_id, orderId, seller.payment.amount.paise));
  t.equal(again.json().applied, 'already_paid');

  const forged = await webhook(captured(paid.payment_id, orderId, seller.payment.amount.paise), 'not-the-secret');
  t.equal(forged.statusCode, 400, 'a webhook not signed with our secret is refused');
  const unsigned = await shop.app.inject({ method: 'POST', url: '/webhooks/razorpay', headers: { 'content-type': 'application/json' }, payload: '{}' });
  t.equal(unsigned.statusCode, 400);
  const other = await webhook({ entity: 'event', event: 'refund.created', payload: {} });
  t.equal(other.json().applied, 'ignored', 'events that are not captures are acknowledged and ignored');
});

t.test("a webhook claiming one order's payment for another order is refused", async (t) => {
  const a = await pendingPrepaid();
  const b = await pendingPrepaid();
  const paidA = await payAtCheckout(gatewayPage(a.seller.payment.gateway_order_id));
  const claim = await webhook(captured(paidA.payment_id, b.seller.payment.gateway_order_id, b.seller.payment.amount.paise));
  t.equal(claim.json().applied, 'refused', 'the gateway says the payment belongs to another order');
  const state = await call('get_checkout', { session_id: b.session_id, checkout_id: b.checkout_id });
  t.equal(state['sellers'].find((s: any) => s.provider.id === b.provider_id).state, 'payment_pending');
  const unpaid = await webhook(captured('pay_AAAAAAAAAAAAAA', b.seller.payment.gateway_order_id, b.seller.payment.amount.paise));
  t.equal(unpaid.json().applied, 'refused', 'a payment the gateway does not know is refused');
});

t.test('the payment page returns a checkout-signed payment; a bad signature is refused', async (t) => {
  const { session_id, checkout_id, provider_id, seller } = await pendingPrepaid();
  const orderId = seller.payment.gateway_order_id;
  const paid = await payAtCheckout(gatewayPage(orderId));
  const bad = await shop.app.inject({
    method: 'POST',
    url: `/pay/${orderId}/done`,
    payload: { razorpay_payment_id: paid.payment_id, razorpay_signature: '0'.repeat(64) },
  });
  t.equal(bad.statusCode, 402);
  t.match(bad.json().error.message, /signature/);
  const ok = await shop.app.inject({
    method: 'POST',
    url: `/pay/${orderId}/done`,
    payload: { razorpay_payment_id: paid.payment_id, razorpay_signature: paid.signature },
  });
  t.equal(ok.statusCode, 200);
  const state = await call('get_checkout', { session_id, checkout_id });
  t.equal(state['sellers'].find((s: any) => s.provider.id === provider_id).state, 'paid');
  const stranger = await shop.app.inject({ method: 'POST', url: '/pay/order_AAAAAAAAAAAAAA/done', payload: { razorpay_payment_id: paid.payment_id, razorpay_signature: paid.signature } });
  t.equal(stranger.statusCode, 404, 'a gateway order no checkout waits for is not found');
});
