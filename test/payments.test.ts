/**
 * The Razorpay adapter against the sandbox gateway over real loopback HTTP: orders, the checkout step, and
 * verification that refuses every way a caller could claim a payment it does not have.
 */
import { createHash, createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import t from 'tap';
import { request } from 'undici';
import { PaymentError } from '../src/payments/port.js';
import { checkoutSignature, createRazorpayGateway, verifyWebhook, webhookSignature } from '../src/payments/razorpay.js';
import { sandboxGatewayUrls, sandboxPayments } from '../src/sandbox/payments.js';
import { readReturnForm } from './helpers/checkout-return.js';

const KEY_ID = 'rzp_test_sandboxkey01';
const KEY_SECRET = 'sandbox_secret_do_not_echo_7f3a';

const app = Fastify({ logger: false });
await app.register(sandboxPayments, { prefix: '/razorpay', keyId: KEY_ID, keySecret: KEY_SECRET });
const origin = await app.listen({ host: '127.0.0.1', port: 0 });
t.teardown(() => app.close());

const urls = sandboxGatewayUrls(`${origin}/razorpay`);
const gateway = createRazorpayGateway({ ...urls, keyId: KEY_ID, keySecret: KEY_SECRET, timeoutMs: 5_000, kind: 'sandbox' });
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

/** Computed here with node:crypto, not with the code under test. */
const independentSignature = (orderId: string, paymentId: string, secret = KEY_SECRET) =>
  createHmac('sha256', secret).update(`${orderId}|${paymentId}`).digest('hex');

async function http(method: 'GET' | 'POST', url: string, opts: { body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await request(url, {
    method,
    headers: { ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }), ...opts.headers },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.body.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, headers: res.headers, text, json };
}

const api = (method: 'GET' | 'POST', path: string, body?: unknown, auth = basic(KEY_ID, KEY_SECRET)) =>
  http(method, `${urls.baseUrl}${path}`, { headers: { authorization: auth }, ...(body === undefined ? {} : { body }) });

const pay = (checkoutUrl: string, body: unknown = {}) => http('POST', `${checkoutUrl}/pay`, { body });

async function paidOrder(amountPaise: number) {
  const order = await gateway.createOrder({ amountPaise, receipt: `rcpt-${amountPaise}` });
  const res = await pay(order.checkoutUrl, { outcome: 'success', method: 'upi' });
  if (res.status !== 200) throw new Error(`pay failed: ${res.text}`);
  return { order, handler: res.json as { razorpay_payment_id: string; razorpay_order_id: string; razorpay_signature: string } };
}

function flipLastHex(hex: string): string {
  return hex.slice(0, -1) + (hex.endsWith('0') ? '1' : '0');
}

t.test('order for 12345 paise, paid at checkout, verifies with the checkout handler signature', async (t) => {
  t.equal(gateway.kind, 'sandbox');
  const order = await gateway.createOrder({ amountPaise: 12345, receipt: 'ondc-txn-1', notes: { ondc_transaction: 'txn-1' } });
  t.match(order.gatewayOrderId, /^order_[A-Za-z0-9]{14}$/);
  t.same({ ...order, gatewayOrderId: 'x' }, {
    gatewayOrderId: 'x', amountPaise: 12345, currency: 'INR', receipt: 'ondc-txn-1', status: 'created',
    checkoutUrl: `${urls.checkoutBaseUrl}/${order.gatewayOrderId}`,
  });

  const res = await pay(order.checkoutUrl, { outcome: 'success', method: 'card' });
  t.equal(res.status, 200);
  t.same(Object.keys(res.json).sort(), ['razorpay_order_id', 'razorpay_payment_id', 'razorpay_signature']);
  t.equal(res.json.razorpay_order_id, order.gatewayOrderId);
  t.match(res.json.razorpay_payment_id, /^pay_[A-Za-z0-9]{14}$/);
  t.equal(res.json.razorpay_signature, independentSignature(order.gatewayOrderId, res.json.razorpay_payment_id));
  t.equal(checkoutSignature(order.gatewayOrderId, res.json.razorpay_payment_id, KEY_SECRET), res.json.razorpay_signature);

  const result = await gateway.verifyPayment({
    gatewayOrderId: order.gatewayOrderId, paymentId: res.json.razorpay_payment_id, signature: res.json.razorpay_signature, expectedAmountPaise: 12345,
  });
  t.same(result, { verified: true, paymentId: res.json.razorpay_payment_id, gatewayOrderId: order.gatewayOrderId, amountPaise: 12345, status: 'captured' });
  t.equal((await gateway.fetchOrder(order.gatewayOrderId)).status, 'paid');

  const wireOrder = await api('GET', `/v1/orders/${order.gatewayOrderId}`);
  t.match(wireOrder.json, { entity: 'order', amount: 12345, amount_paid: 12345, amount_due: 0, currency: 'INR', status: 'paid', attempts: 1, notes: { ondc_transaction: 'txn-1' } });
  t.type(wireOrder.json.created_at, 'number');
  const wirePayment = await api('GET', `/v1/payments/${res.json.razorpay_payment_id}`);
  t.match(wirePayment.json, { entity: 'payment', amount: 12345, currency: 'INR', status: 'captured', captured: true, order_id: order.gatewayOrderId, method: 'card' });
  const list = await api('GET', `/v1/orders/${order.gatewayOrderId}/payments`);
  t.match(list.json, { entity: 'collection', count: 1, items: [{ id: res.json.razorpay_payment_id }] });
});

t.test('a tampered signature is not verified, though the payment is real', async (t) => {
  const { order, handler } = await paidOrder(12345);
  const result = await gateway.verifyPayment({
    gatewayOrderId: order.gatewayOrderId, paymentId: handler.razorpay_payment_id, signature: flipLastHex(handler.razorpay_signature), expectedAmountPaise: 12345,
  });
  t.equal(result.verified, false);
  t.equal(result.status, 'captured');
  t.match(result.reason, /signature/);
  for (const signature of ['', 'not-hex', handler.razorpay_signature.slice(0, 63), `${handler.razorpay_signature}00`]) {
    const r = await gateway.verifyPayment({ gatewayOrderId: order.gatewayOrderId, paymentId: handler.razorpay_payment_id, signature, expectedAmountPaise: 12345 });
    t.equal(r.verified, false, `signature ${JSON.stringify(signature)} refused`);
  }
});

t.test("another order's payment cannot pay for this order", async (t) => {
  const expensive = await gateway.createOrder({ amountPaise: 50_000, receipt: 'expensive' });
  const cheap = await paidOrder(10_000);
  const replayed = await gateway.verifyPayment({
    gatewayOrderId: expensive.gatewayOrderId, paymentId: cheap.handler.razorpay_payment_id, signature: cheap.handler.razorpay_signature, expectedAmountPaise: 50_000,
  });
  t.equal(replayed.verified, false);
  t.match(replayed.reason, /signature/);

  // Even with a signature that matches the claimed pair, the gateway's own record of the payment decides.
  const forged = await gateway.verifyPayment({
    gatewayOrderId: expensive.gatewayOrderId,
    paymentId: cheap.handler.razorpay_payment_id,
    signature: independentSignature(expensive.gatewayOrderId, cheap.handler.razorpay_payment_id),
    expectedAmountPaise: 10_000,
  });
  t.equal(forged.verified, false);
  t.match(forged.reason, new RegExp(`belongs to ${cheap.order.gatewayOrderId}`));
  t.notMatch(forged.reason, /signature/);
});

t.test('a payment for a different amount than expected is not verified', async (t) => {
  const { order, handler } = await paidOrder(12345);
  const result = await gateway.verifyPayment({
    gatewayOrderId: order.gatewayOrderId, paymentId: handler.razorpay_payment_id, signature: handler.razorpay_signature, expectedAmountPaise: 12346,
  });
  t.equal(result.verified, false);
  t.equal(result.amountPaise, 12345);
  t.match(result.reason, /12345 paise were paid, not the expected 12346/);
  t.notMatch(result.reason, /signature/);
});

t.test('a wrong key secret is refused with 401, and no error carries a secret', async (t) => {
  const wrongSecret = 'wrong_secret_must_not_leak_91c2';
  const wrong = createRazorpayGateway({ ...urls, keyId: KEY_ID, keySecret: wrongSecret, timeoutMs: 5_000 });
  t.equal(wrong.kind, 'razorpay');
  const err = await wrong.createOrder({ amountPaise: 12345, receipt: 'r' }).catch((e: unknown) => e);
  t.type(err, PaymentError);
  t.match(err, { code: 'GATEWAY_AUTH_FAILED', status: 401, gatewayCode: 'BAD_REQUEST_ERROR' });
  const dump = `${(err as Error).message} ${(err as Error).stack} ${JSON.stringify(err)} ${JSON.stringify(wrong)} ${JSON.stringify(gateway)}`;
  t.notOk(dump.includes(wrongSecret), 'the wrong secret is not echoed');
  t.notOk(dump.includes(KEY_SECRET), 'the real secret is not echoed');

  const none = await http('GET', `${urls.baseUrl}/v1/orders`);
  t.equal(none.status, 401);
  t.same(none.json, { error: { code: 'BAD_REQUEST_ERROR', description: 'Please provide your api key for authentication purposes.', source: 'NA', step: 'NA', reason: 'NA', metadata: {} } });
  const bad = await api('POST', '/v1/orders', { amount: 12345, currency: 'INR' }, basic(KEY_ID, wrongSecret));
  t.equal(bad.status, 401);
  t.equal(bad.json.error.description, 'The api key provided is invalid');
  t.notOk(bad.text.includes(wrongSecret));
});

t.test('an amount under one rupee is refused with 400 in Razorpay error shape', async (t) => {
  const err = await gateway.createOrder({ amountPaise: 50, receipt: 'tiny' }).catch((e: unknown) => e);
  t.type(err, PaymentError);
  t.match(err, { code: 'GATEWAY_REFUSED', status: 400, field: 'amount', message: /at least INR 1\.00/ });

  const raw = await api('POST', '/v1/orders', { amount: 50, currency: 'INR', receipt: 'tiny' });
  t.equal(raw.status, 400);
  t.same(raw.json, { error: { code: 'BAD_REQUEST_ERROR', description: 'The amount must be at least INR 1.00', source: 'business', step: 'payment_initiation', reason: 'input_validation_failed', metadata: {}, field: 'amount' } });
  t.equal((await api('POST', '/v1/orders', { amount: 100, currency: 'INR' })).status, 200, '100 paise is the minimum and is allowed');

  const refusals: Array<[unknown, string]> = [
    [{ amount: 123.45, currency: 'INR' }, 'amount'],
    [{ amount: '12345', currency: 'INR' }, 'amount'],
    [{ currency: 'INR' }, 'amount'],
    [{ amount: 12345 }, 'currency'],
    [{ amount: 12345, currency: 'USD' }, 'currency'],
    [{ amount: 12345, currency: 'INR', receipt: 'r'.repeat(41) }, 'receipt'],
    [{ amount: 12345, currency: 'INR', notes: Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${i}`, 'v'])) }, 'notes'],
    [{ amount: 12345, currency: 'INR', partial_payment: true }, 'partial_payment'],
  ];
  for (const [body, field] of refusals) {
    const res = await api('POST', '/v1/orders', body);
    t.equal(res.status, 400, `${JSON.stringify(body).slice(0, 60)} refused`);
    t.equal(res.json?.error?.field, field);
  }
  const fractional = await gateway.createOrder({ amountPaise: 123.5, receipt: 'r' }).catch((e: unknown) => e);
  t.match(fractional, { code: 'INVALID_REQUEST' }, 'a fractional amount never leaves the adapter');
});

t.test('a paid order cannot be paid twice', async (t) => {
  const { order } = await paidOrder(12345);
  const again = await pay(order.checkoutUrl, { outcome: 'success' });
  t.equal(again.status, 400);
  t.equal(again.json.error.code, 'BAD_REQUEST_ERROR');
  t.match(again.json.error.description, /already been paid/);
  t.equal((await api('GET', `/v1/orders/${order.gatewayOrderId}/payments`)).json.count, 1, 'no second payment was made');
});

t.test('a failed payment is not verified; the order can be retried and then paid', async (t) => {
  const order = await gateway.createOrder({ amountPaise: 12345, receipt: 'fails-once' });
  const failed = await pay(order.checkoutUrl, { outcome: 'failure', method: 'upi' });
  t.equal(failed.status, 400);
  t.match(failed.json.error, { code: 'BAD_REQUEST_ERROR', source: 'customer', reason: 'payment_failed', metadata: { order_id: order.gatewayOrderId } });
  const failedId: string = failed.json.error.metadata.payment_id;
  t.match(failedId, /^pay_/);

  const result = await gateway.verifyPayment({ gatewayOrderId: order.gatewayOrderId, paymentId: failedId, signature: '', expectedAmountPaise: 12345 });
  t.equal(result.verified, false);
  t.equal(result.status, 'failed');
  t.match(result.reason, /payment failed/);
  t.equal((await gateway.fetchOrder(order.gatewayOrderId)).status, 'attempted');

  const retry = await pay(order.checkoutUrl, { outcome: 'success' });
  t.equal(retry.status, 200);
  const ok = await gateway.verifyPayment({
    gatewayOrderId: order.gatewayOrderId, paymentId: retry.json.razorpay_payment_id, signature: retry.json.razorpay_signature, expectedAmountPaise: 12345,
  });
  t.equal(ok.verified, true);
  t.match((await api('GET', `/v1/orders/${order.gatewayOrderId}`)).json, { status: 'paid', attempts: 2 });
});

t.test('an authorized but uncaptured payment is not yet verified', async (t) => {
  const order = await gateway.createOrder({ amountPaise: 12345, receipt: 'auth-only' });
  const res = await pay(order.checkoutUrl, { outcome: 'authorized' });
  t.equal(res.status, 200);
  const result = await gateway.verifyPayment({
    gatewayOrderId: order.gatewayOrderId, paymentId: res.json.razorpay_payment_id, signature: res.json.razorpay_signature, expectedAmountPaise: 12345,
  });
  t.match(result, { verified: false, status: 'authorized', reason: /not yet captured/ });
  t.equal((await gateway.fetchOrder(order.gatewayOrderId)).status, 'attempted');
});

t.test('unknown or malformed ids are not verified', async (t) => {
  const order = await gateway.createOrder({ amountPaise: 12345, receipt: 'r' });
  const unknown = await gateway.verifyPayment({ gatewayOrderId: order.gatewayOrderId, paymentId: 'pay_AAAAAAAAAAAAAA', signature: '', expectedAmountPaise: 12345 });
  t.match(unknown, { verified: false, amountPaise: 0, status: 'failed', reason: /no payment/ });
  const traversal = await gateway.verifyPayment({ gatewayOrderId: order.gatewayOrderId, paymentId: '../orders', signature: '', expectedAmountPaise: 12345 });
  t.match(traversal, { verified: false, reason: /not a gateway payment id/ });
  const raw = await api('GET', '/v1/payments/pay_AAAAAAAAAAAAAA');
  t.equal(raw.status, 400);
  t.equal(raw.json.error.description, 'The id provided does not exist');
  const nowhere = await api('GET', '/v1/refunds');
  t.equal(nowhere.status, 404);
  t.equal(nowhere.json.error.code, 'BAD_REQUEST_ERROR');
});

t.test('webhook signature matches an independently computed HMAC of the raw body', async (t) => {
  const body = '{"entity":"event","event":"payment.captured","payload":{"payment":{"entity":{"id":"pay_TEST0000000001","amount":12345}}}}';
  const secret = 'whsec_fixed_test_secret';
  const expected = createHmac('sha256', secret).update(body).digest('hex');
  t.equal(expected, 'f897c2cad3a03d32815ac1a7cdbb1ff91afea341e8d867bf6caa79d5c2779336', 'the fixture matches `openssl dgst -sha256 -hmac`');
  t.equal(webhookSignature(body, secret), expected);
  t.equal(webhookSignature(Buffer.from(body), secret), expected);
  t.equal(verifyWebhook(body, expected, secret), true);
  t.equal(verifyWebhook(Buffer.from(body), expected.toUpperCase(), secret), true);
  t.equal(verifyWebhook(body.replace('12345', '12346'), expected, secret), false, 'a changed body fails');
  t.equal(verifyWebhook(JSON.stringify(JSON.parse(body), null, 1), expected, secret), false, 're-serialised JSON fails');
  t.equal(verifyWebhook(body, expected, 'other_secret'), false);
  t.equal(verifyWebhook(body, undefined, secret), false);
  t.equal(verifyWebhook(body, [expected, expected], secret), false);
  t.equal(verifyWebhook(body, flipLastHex(expected), secret), false);
});

t.test('the checkout page shows the order in rupees and its form pays it', async (t) => {
  const order = await gateway.createOrder({ amountPaise: 12345, receipt: '<script>x</script>' });
  const page = await http('GET', order.checkoutUrl);
  t.equal(page.status, 200);
  t.match(page.headers['content-type'], /^text\/html/);
  t.match(page.headers['content-security-policy'], /default-src 'none'/);
  t.match(page.text, '123.45');
  t.match(page.text, order.gatewayOrderId);
  t.match(page.text, `action="${order.gatewayOrderId}/pay"`);
  t.notMatch(page.text, '<script>', 'order fields are escaped');
  t.notMatch(page.text, 'callback_url', 'no callback_url given, none carried');
  t.notMatch(page.text, 'Cancel', 'nowhere to go back to, so no cancel');

  const form = await request(`${order.checkoutUrl}/pay`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'outcome=success&method=upi',
  });
  const html = await form.body.text();
  t.equal(form.statusCode, 200);
  t.match(html, 'Payment successful');
  const paymentId = /pay_[A-Za-z0-9]{14}/.exec(html)?.[0] ?? '';
  const result = await gateway.verifyPayment({
    gatewayOrderId: order.gatewayOrderId, paymentId, signature: independentSignature(order.gatewayOrderId, paymentId), expectedAmountPaise: 12345,
  });
  t.equal(result.verified, true);
  t.notMatch((await http('GET', order.checkoutUrl)).text, '<form', 'a paid order offers no form');
  t.equal((await http('GET', `${urls.checkoutBaseUrl}/order_AAAAAAAAAAAAAA`)).status, 404);
  t.equal((await pay(order.checkoutUrl, { outcome: 'maybe' })).status, 400);
});

const FORM = 'application/x-www-form-urlencoded';
/** A merchant's page with its own query string, and characters that must be escaped in HTML. */
const CALLBACK = 'https://shop.example.in/checkout/chk_0123456789abcdef/payment-return?provider_id=glow-and-co&note="a<b>&c\'';

async function postForm(url: string, fields: Record<string, string>) {
  const res = await request(url, { method: 'POST', headers: { 'content-type': FORM }, body: new URLSearchParams(fields).toString() });
  return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
}

/** A gateway order's page opened as a merchant's page would open it, and what its form posts. */
async function payWithCallback(amountPaise: number, outcome: string) {
  const order = await gateway.createOrder({ amountPaise, receipt: `cb-${outcome}` });
  const page = await http('GET', `${order.checkoutUrl}?callback_url=${encodeURIComponent(CALLBACK)}`);
  const posted = await postForm(`${order.checkoutUrl}/pay`, { outcome, method: 'upi', callback_url: CALLBACK });
  return { order, page, posted, back: readReturnForm(posted.text) };
}

t.test('with a callback_url, paying sends the shopper back there with the fields Razorpay Checkout posts', async (t) => {
  const { order, page, posted, back } = await payWithCallback(23456, 'success');
  t.equal(page.status, 200);
  t.same(readReturnForm(page.text).fields, { callback_url: new URL(CALLBACK).href }, 'the Pay form carries the callback_url on');
  t.match(page.text, 'Cancel and go back', 'with somewhere to go back to, the shopper may cancel');

  t.equal(posted.status, 200);
  t.match(posted.text, '<h1>Payment successful</h1>');
  t.equal(back.action, new URL(CALLBACK).href, 'the form posts to the callback_url, query string and all');
  t.same(Object.keys(back.fields).sort(), ['razorpay_order_id', 'razorpay_payment_id', 'razorpay_signature'], 'only the three fields Razorpay posts');
  t.equal(back.fields['razorpay_order_id'], order.gatewayOrderId);
  t.match(back.fields['razorpay_payment_id'], /^pay_[A-Za-z0-9]{14}$/);
  t.equal(back.fields['razorpay_signature'], independentSignature(order.gatewayOrderId, back.fields['razorpay_payment_id']!));
  const verified = await gateway.verifyPayment({
    gatewayOrderId: order.gatewayOrderId, paymentId: back.fields['razorpay_payment_id']!, signature: back.fields['razorpay_signature']!, expectedAmountPaise: 23456,
  });
  t.equal(verified.verified, true, 'what the merchant receives verifies');

  t.equal(back.script, "document.getElementById('return').submit();", 'the form submits itself');
  const policy = String(posted.headers['content-security-policy']);
  const hash = createHash('sha256').update(back.script!).digest('base64');
  t.match(policy, `script-src 'sha256-${hash}';`, 'that one script, by hash, and no other may run');
  t.match(policy, /form-action https:\/\/shop\.example\.in;/, 'and forms may post to the callback’s origin only');
  t.match(posted.text, '<button>Back to the shop</button>', 'a button for when scripts do not run');
});

t.test('with a callback_url, a failed payment is posted back as Razorpay’s error fields', async (t) => {
  const { order, back } = await payWithCallback(23456, 'failure');
  t.equal(back.action, new URL(CALLBACK).href);
  t.same(Object.keys(back.fields).sort(), ['error[code]', 'error[description]', 'error[metadata]', 'error[reason]', 'error[source]', 'error[step]']);
  t.match(back.fields, { 'error[code]': 'BAD_REQUEST_ERROR', 'error[description]': 'Payment failed', 'error[source]': 'customer', 'error[step]': 'payment_authorization', 'error[reason]': 'payment_failed' });
  const metadata = JSON.parse(back.fields['error[metadata]']!);
  t.same(Object.keys(metadata).sort(), ['order_id', 'payment_id'], 'metadata is a JSON string of the payment and order ids');
  t.equal(metadata.order_id, order.gatewayOrderId);
  t.equal((await api('GET', `/v1/payments/${metadata.payment_id}`)).json.status, 'failed', 'the payment it names is the failed one');

  const retry = await postForm(`${order.checkoutUrl}/pay`, { outcome: 'success', callback_url: CALLBACK });
  t.ok(readReturnForm(retry.text).fields['razorpay_signature'], 'the shopper can try again and pay');
  t.match((await api('GET', `/v1/orders/${order.gatewayOrderId}`)).json, { status: 'paid', attempts: 2 });
});

t.test('with a callback_url, cancelling goes back with payment_cancelled and leaves the order unpaid', async (t) => {
  const { order, back, posted } = await payWithCallback(23456, 'cancel');
  t.match(posted.text, 'Payment processing cancelled by user');
  t.match(back.fields, { 'error[code]': 'BAD_REQUEST_ERROR', 'error[description]': 'Payment processing cancelled by user', 'error[source]': 'customer', 'error[step]': 'payment_authentication', 'error[reason]': 'payment_cancelled' });
  t.same(JSON.parse(back.fields['error[metadata]']!), { order_id: order.gatewayOrderId });
  t.notOk(back.fields['razorpay_signature']);
  t.match((await api('GET', `/v1/orders/${order.gatewayOrderId}`)).json, { status: 'created', attempts: 0, amount_paid: 0 }, 'no attempt was made');
  t.equal((await api('GET', `/v1/orders/${order.gatewayOrderId}/payments`)).json.count, 0);
});

t.test('a callback_url that is not an absolute http(s) URL is refused with 400, and nothing is paid', async (t) => {
  const order = await gateway.createOrder({ amountPaise: 23456, receipt: 'bad-callback' });
  const refused = ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://shop.example.in/back', '/checkout/relative', '//shop.example.in/back', 'not a url', 'https://user:pw@shop.example.in/back', `https://shop.example.in/${'a'.repeat(2100)}`, ''];
  for (const callback of refused) {
    const page = await http('GET', `${order.checkoutUrl}?callback_url=${encodeURIComponent(callback)}`);
    t.equal(page.status, 400, `page: ${callback.slice(0, 40)} refused`);
    t.match(page.text, /callback_url .*: give an absolute http:\/\/ or https:\/\/ URL/, 'says what is wrong and what to give');
    t.notMatch(page.text, '<form', 'and offers no way to pay');
    const form = await postForm(`${order.checkoutUrl}/pay`, { outcome: 'success', callback_url: callback });
    t.equal(form.status, 400, `form: ${callback.slice(0, 40)} refused`);
    t.match(form.text, 'callback_url');
    const json = await pay(order.checkoutUrl, { outcome: 'success', callback_url: callback });
    t.equal(json.status, 400);
    t.match(json.json.error, { code: 'BAD_REQUEST_ERROR', description: /^callback_url / });
  }
  const twice = await http('GET', `${order.checkoutUrl}?callback_url=${encodeURIComponent(CALLBACK)}&callback_url=${encodeURIComponent(CALLBACK)}`);
  t.equal(twice.status, 400);
  t.match(twice.text, 'more than once');
  t.match((await api('GET', `/v1/orders/${order.gatewayOrderId}`)).json, { status: 'created', attempts: 0 }, 'no payment was attempted');
  t.equal((await http('GET', `${urls.checkoutBaseUrl}/order_AAAAAAAAAAAAAA?callback_url=${encodeURIComponent(CALLBACK)}`)).status, 404, 'an unknown order is still not found');
});

t.test('an unreachable or silent gateway is a PaymentError', async (t) => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const closedPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const unreachable = createRazorpayGateway({ baseUrl: `http://127.0.0.1:${closedPort}`, checkoutBaseUrl: 'http://x/checkout', keyId: KEY_ID, keySecret: KEY_SECRET });
  const err = await unreachable.createOrder({ amountPaise: 12345, receipt: 'r' }).catch((e: unknown) => e);
  t.match(err, { name: 'PaymentError', code: 'GATEWAY_UNREACHABLE' });

  const silent: Server = createServer(() => { /* never answers */ });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  t.teardown(() => {
    silent.closeAllConnections();
    silent.close();
  });
  const slow = createRazorpayGateway({
    baseUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, checkoutBaseUrl: 'http://x/checkout', keyId: KEY_ID, keySecret: KEY_SECRET, timeoutMs: 200,
  });
  const started = Date.now();
  const timedOut = await slow.createOrder({ amountPaise: 12345, receipt: 'r' }).catch((e: unknown) => e);
  t.match(timedOut, { name: 'PaymentError', code: 'GATEWAY_TIMEOUT' });
  t.ok(Date.now() - started < 3_000, 'gave up near the deadline');
  t.throws(() => createRazorpayGateway({ ...urls, baseUrl: `http://${KEY_ID}:${KEY_SECRET}@127.0.0.1:1`, keyId: KEY_ID, keySecret: KEY_SECRET }), /credentials/);
});
