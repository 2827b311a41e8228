/**
 * How the service serves the storefront (no browser needed): the page at its own paths only, revalidated on
 * every load; hashed assets cached for a year, compressed ahead of time and outside the rate limit; every other
 * unknown URL keeps the API's JSON 404; a clear page when the storefront was never built; and the payment
 * gateway's return (callback_url), handed to the checkout page without paying anything by itself.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import Fastify from 'fastify';
import t from 'tap';
import { sendError } from '../src/http/errors.js';
import { registerStorefront, STOREFRONT_ROOT } from '../src/http/storefront.js';
import { readReturnForm } from './helpers/checkout-return.js';
import { DELIVERY, twoSellerBasket } from './helpers/checkout.js';
import { restCall, restCaller } from './helpers/rest.js';
import { openTestShop } from './helpers/shop.js';
import { ensureStorefrontBuilt } from './helpers/storefront.js';

ensureStorefrontBuilt();
const shop = await openTestShop({ SANDBOX_PRODUCTS_PER_PROVIDER: '10' });
t.teardown(shop.close);
const get = (url: string, headers: Record<string, string> = {}) => shop.app.inject({ method: 'GET', url, headers });

t.test('the page answers at the storefront’s paths, revalidated on every load, with a strict policy', async (t) => {
  for (const path of ['/', '/?query=atta', '/p/sri-lakshmi-kirana:atta-aashirvaad-5-kg', '/cart', '/signin', '/checkout', '/checkout/chk_0123456789abcdef', '/orders', '/orders/ord_0123456789abcdef']) {
    const res = await get(path);
    t.equal(res.statusCode, 200, `${path} is the page`);
    t.match(res.headers['content-type'], /^text\/html/);
    t.equal(res.headers['cache-control'], 'no-cache', `${path}: always revalidated, so a new build shows at once`);
  }
  const res = await get('/');
  t.match(res.body, /<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js">/, 'the built page, pointing at hashed assets');
  t.match(res.headers['content-security-policy'], /script-src 'self'/);
  t.match(res.headers['content-security-policy'], /connect-src 'self'/, 'the page talks to this service only');
  t.equal(res.headers['x-content-type-options'], 'nosniff');
  t.ok(res.headers['x-ratelimit-limit'], 'a page load counts against the rate limit');
  const again = await get('/', { 'if-none-match': String(res.headers['etag']) });
  t.equal(again.statusCode, 304, 'an unchanged page is not sent again');
});

t.test('hashed assets: cached for a year, sent compressed, not rate limited', async (t) => {
  const page = (await get('/')).body;
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(page)?.[1];
  const style = /href="(\/assets\/[^"]+\.css)"/.exec(page)?.[1];
  t.ok(script && style, 'the page names a script and a stylesheet');
  for (const asset of [script!, style!]) {
    const plain = await get(asset);
    t.equal(plain.statusCode, 200, asset);
    t.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable');
    t.notOk(plain.headers['x-ratelimit-limit'], 'assets do not count against the rate limit');
    t.same(plain.rawPayload, readFileSync(join(STOREFRONT_ROOT, asset)), 'the built file itself');
    const br = await shop.app.inject({ method: 'GET', url: asset, headers: { 'accept-encoding': 'br, gzip' } });
    t.equal(br.headers['content-encoding'], 'br', 'Brotli, compressed at build time');
    t.match(br.headers['vary'], /accept-encoding/i);
    t.same(brotliDecompressSync(br.rawPayload), plain.rawPayload, 'the same bytes once decompressed');
  }
  t.match((await get(script!)).headers['content-type'], /javascript/);
  t.match((await get(style!)).headers['content-type'], /text\/css/);
});

t.test('every other unknown URL keeps the API’s JSON 404; the API, docs and probes are untouched', async (t) => {
  for (const path of ['/api/v1/nope', '/api/v1/products/x/y', '/mcp/nope', '/docs/nope', '/ondc/nope', '/health/x', '/ready/x', '/metrics/x', '/nope', '/cart/x', '/assets/missing.js', '/p/a/b']) {
    const res = await get(path);
    t.equal(res.statusCode, 404, `${path} is not found`);
    t.match(res.headers['content-type'], /application\/json/, `${path}: not the page`);
    t.equal(res.json().error.code, 'NOT_FOUND');
  }
  const traversal = await get('/assets/..%2f..%2fpackage.json');
  t.ok(traversal.statusCode >= 400 && traversal.statusCode < 500, 'no way out of the assets folder');
  t.notMatch(traversal.body, /"name": "ondc-shopping-mcp"/);
  t.equal((await get('/health')).statusCode, 200);
  t.equal((await get('/docs/json')).statusCode, 200);
  const session = await shop.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: {} });
  t.equal(session.statusCode, 200, 'the API answers as before');
  const documented = Object.keys((await get('/docs/json')).json().paths as Record<string, unknown>);
  t.notOk(documented.some((p) => p === '/' || p.startsWith('/assets') || p.startsWith('/cart')), 'the storefront routes stay out of the API document');
});

/** A checkout whose beauty seller waits for a prepaid payment at the sandbox gateway. */
async function pendingPrepaid() {
  const call = restCaller(shop.app);
  const basket = await twoSellerBasket(shop.runtime.deps.catalog);
  const { session_id } = await call('initialize_shopping', {});
  for (const { product, quantity } of basket.items) await call('add_to_cart', { session_id, product_id: product.id, quantity });
  const { checkout_id } = await call('select_items_for_order', { session_id, pincode: basket.pincode });
  await call('initialize_order', { session_id, checkout_id, ...DELIVERY, pincode: basket.pincode });
  const pending = await call('create_payment', { session_id, checkout_id, provider_id: basket.beauty.id, method: 'prepaid' });
  const seller = pending['sellers'].find((s: any) => s.provider.id === basket.beauty.id);
  const state = async () => (await call('get_checkout', { session_id, checkout_id }))['sellers'].find((s: any) => s.provider.id === basket.beauty.id).state as string;
  return { call, session_id, checkout_id, provider_id: basket.beauty.id as string, checkoutUrl: seller.payment.checkout_url as string, state };
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const returnTo = (checkoutId: string, providerId: string) => `/checkout/${checkoutId}/payment-return?provider_id=${encodeURIComponent(providerId)}`;

/** The shopper at the gateway's page: the fields its return form would post to the callback_url. */
async function payAtGateway(checkoutUrl: string, callbackUrl: string, outcome: 'success' | 'failure' | 'cancel') {
  const res = await fetch(`${checkoutUrl}/pay`, { method: 'POST', headers: FORM, body: new URLSearchParams({ outcome, callback_url: callbackUrl }) });
  return readReturnForm(await res.text());
}

t.test('the gateway’s return lands on the checkout page with its fields in the fragment; only verify_payment pays', async (t) => {
  const { call, session_id, checkout_id, provider_id, checkoutUrl, state } = await pendingPrepaid();
  const callback = `http://localhost${returnTo(checkout_id, provider_id)}`;
  const back = await payAtGateway(checkoutUrl, callback, 'success');
  t.equal(back.action, callback, 'the gateway posts to the callback_url the storefront gave it');

  const landed = await shop.app.inject({ method: 'POST', url: returnTo(checkout_id, provider_id), headers: FORM, payload: new URLSearchParams(back.fields).toString() });
  t.equal(landed.statusCode, 303, 'see other: the browser GETs the checkout page');
  t.equal(landed.headers['cache-control'], 'no-store');
  const location = String(landed.headers['location']);
  t.equal(location.split('#')[0], `/checkout/${checkout_id}`, 'the storefront’s checkout page, on this service');
  const handed = Object.fromEntries(new URLSearchParams(location.split('#')[1]));
  t.same(handed, { provider_id, ...back.fields }, 'the fields travel in the fragment, which no server sees');
  t.equal(await state(), 'payment_pending', 'the return alone pays nothing');

  const verified = await call('verify_payment', { session_id, checkout_id, provider_id, payment_id: handed['razorpay_payment_id'], signature: handed['razorpay_signature'] });
  t.equal(verified['sellers'].find((s: any) => s.provider.id === provider_id).state, 'paid', 'verify_payment, asking the gateway, does');
});

t.test('a forged return is handed on like any other and verify_payment refuses it', async (t) => {
  const { session_id, checkout_id, provider_id, checkoutUrl, state } = await pendingPrepaid();
  const real = (await payAtGateway(checkoutUrl, `http://localhost${returnTo(checkout_id, provider_id)}`, 'success')).fields;
  const forged = { ...real, razorpay_signature: 'f'.repeat(64) };
  const landed = await shop.app.inject({ method: 'POST', url: returnTo(checkout_id, provider_id), headers: FORM, payload: new URLSearchParams(forged).toString() });
  t.equal(landed.statusCode, 303);
  const handed = Object.fromEntries(new URLSearchParams(String(landed.headers['location']).split('#')[1]));
  const refused = await restCall(shop.app, 'verify_payment', { session_id, checkout_id, provider_id, payment_id: handed['razorpay_payment_id'], signature: handed['razorpay_signature'] });
  t.equal(refused.status, 402);
  t.equal(refused.body.error.code, 'PAYMENT_NOT_VERIFIED');
  t.equal(await state(), 'payment_pending');
});

t.test('a failed or cancelled payment comes back as payment_error, in the gateway’s reason only', async (t) => {
  const { checkout_id, provider_id, checkoutUrl, state } = await pendingPrepaid();
  const callback = `http://localhost${returnTo(checkout_id, provider_id)}`;
  for (const [outcome, reason] of [['failure', 'payment_failed'], ['cancel', 'payment_cancelled']] as const) {
    const back = await payAtGateway(checkoutUrl, callback, outcome);
    const landed = await shop.app.inject({ method: 'POST', url: returnTo(checkout_id, provider_id), headers: FORM, payload: new URLSearchParams(back.fields).toString() });
    t.equal(landed.statusCode, 303, outcome);
    t.equal(landed.headers['location'], `/checkout/${checkout_id}#provider_id=${provider_id}&payment_error=${reason}`);
  }
  const odd = await shop.app.inject({
    method: 'POST',
    url: returnTo(checkout_id, provider_id),
    headers: FORM,
    payload: new URLSearchParams({ 'error[code]': 'BAD_REQUEST_ERROR', 'error[reason]': 'Call 1800 NOW <b>', 'error[description]': 'Your card is blocked' }).toString(),
  });
  t.equal(odd.headers['location'], `/checkout/${checkout_id}#provider_id=${provider_id}&payment_error=payment_failed`, 'words the gateway did not use for a reason are not carried');
  t.equal(await state(), 'payment_pending');
});

t.test('a return that is not the gateway’s shape, or that would lead elsewhere, is a clear 400', async (t) => {
  const checkoutId = 'chk_0123456789abcdef';
  const post = (url: string, fields: Record<string, string>) => shop.app.inject({ method: 'POST', url, headers: FORM, payload: new URLSearchParams(fields).toString() });
  const paid = { razorpay_payment_id: 'pay_AAAAAAAAAAAAAA', razorpay_order_id: 'order_AAAAAAAAAAAAAA', razorpay_signature: 'a'.repeat(64) };
  const cases: Array<[string, string, Record<string, string>]> = [
    ['no fields', returnTo(checkoutId, 'glow-and-co'), {}],
    ['a payment without its signature', returnTo(checkoutId, 'glow-and-co'), { razorpay_payment_id: paid.razorpay_payment_id, razorpay_order_id: paid.razorpay_order_id }],
    ['a signature that is not 64 hex digits', returnTo(checkoutId, 'glow-and-co'), { ...paid, razorpay_signature: 'zz' }],
    ['an order id that is not the gateway’s', returnTo(checkoutId, 'glow-and-co'), { ...paid, razorpay_order_id: '../orders' }],
    ['no provider_id', `/checkout/${checkoutId}/payment-return`, paid],
    ['a checkout id that leaves the page', `/checkout/${encodeURIComponent('chk_//evil.example/x')}/payment-return?provider_id=glow-and-co`, paid],
  ];
  for (const [what, url, fields] of cases) {
    const res = await post(url, fields);
    t.equal(res.statusCode, 400, what);
    t.equal(res.headers['location'], undefined, `${what}: no redirect`);
    t.match(res.json().error, { code: 'VALIDATION_FAILED', message: /\S/ }, `${what}: said in the API’s error shape`);
  }
  t.match((await post(returnTo(checkoutId, 'glow-and-co'), {})).json().error.message, /razorpay_payment_id, razorpay_order_id and razorpay_signature/, 'naming what the gateway should post');
});

t.test('without a build, / says how to build it (a 404 in the API’s shape) and no page path is claimed', async (t) => {
  const empty = mkdtempSync(join(tmpdir(), 'storefront-unbuilt-'));
  t.teardown(() => rmSync(empty, { recursive: true, force: true }));
  const app = Fastify({ logger: false });
  t.teardown(() => app.close());
  app.setErrorHandler((err, request, reply) => sendError(err, request, reply, false));
  await registerStorefront(app, { root: empty });
  const res = await app.inject({ method: 'GET', url: '/' });
  t.equal(res.statusCode, 404);
  t.equal(res.json().error.code, 'NOT_FOUND');
  t.match(res.json().error.message, /npm run build/);
  t.equal((await app.inject({ method: 'GET', url: '/cart' })).statusCode, 404, 'no page paths without a page');
});
