/**
 * The Himira buyer backend adapter against its stand-in: after-order operations, the backend's failure modes
 * (a wrong key, a seller that does not answer in time, an error inside on_select, a gateway order for the wrong
 * sum) and the guarantee that WIL_API_KEY goes to the backend's origin only and is never logged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import t from 'tap';
import { pino } from 'pino';
import { createHimiraClient } from '../src/backends/himira/client.js';
import { parseConfig } from '../src/config.js';
import { createRuntime } from '../src/deps.js';
import { DELIVERY, runCheckoutJourney, twoSellerBasket } from './helpers/checkout.js';
import { startHimiraStandin } from './helpers/himira-standin.js';
import { restCall, restCaller } from './helpers/rest.js';
import { openShopFor, type TargetShop } from './helpers/targets.js';

const SELLERS = { SANDBOX_PRODUCTS_PER_PROVIDER: '30', SANDBOX_STATUS_STEP_SECONDS: '3600' };

t.test('after the order through the backend: status, tracking, support and a cancel', async (t) => {
  const shop = await openShopFor('himira', SELLERS);
  t.teardown(shop.close);
  const call = restCaller(shop.app);
  const { confirmed, session_id } = await runCheckoutJourney(call, shop.runtime.deps.catalog);
  const [first] = confirmed['sellers'] as Array<{ order_id: string }>;
  const tracking = await call('track_order', { session_id, order_id: first!.order_id });
  t.equal(tracking['active'], false, 'not on its way yet');
  const contacts = await call('get_support_contacts', { session_id, order_id: first!.order_id });
  t.match(contacts['phone'], /^[6-9]\d{9}$/, 'the seller\'s support, relayed by the backend');
  const cancelled = await call('cancel_order', { session_id, order_id: first!.order_id, reason: '010' });
  t.equal(cancelled['state'], 'Cancelled');
  t.same(cancelled['cancellation'], { by: 'buyer', reason_id: '010', reason: 'the buyer wants to change the order details' });
  const status = await call('get_order_status', { session_id, order_id: first!.order_id });
  t.equal(status['state'], 'Cancelled', 'the seller reports it cancelled too');
  const { session_id: stranger } = await call('initialize_shopping', {});
  const foreign = await restCall(shop.app, 'get_order_status', { session_id: stranger, order_id: first!.order_id });
  t.equal(foreign.status, 404, 'isolation is ours: another session cannot see the order');
  t.ok(shop.standin!.requests.every((r) => r.keyOk), 'every request carried the key');
});

t.test('a wrong WIL_API_KEY stops the start with a clear message that does not repeat the key', async (t) => {
  const standin = await startHimiraStandin({ env: SELLERS });
  t.teardown(standin.close);
  const wrong = 'wil_wrong_key_0123456789';
  const dataDir = mkdtempSync(join(tmpdir(), 'himira-wrong-key-'));
  const runtime = await createRuntime(parseConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, EMBEDDER: 'none', BACKEND_ENDPOINT: standin.endpoint, WIL_API_KEY: wrong }), pino({ level: 'silent' }));
  t.teardown(async () => {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const failed = await runtime.connect().then(
    () => null,
    (err: Error) => err,
  );
  t.ok(failed, 'the service does not start on a key the backend refuses');
  t.match(failed?.message, /refused our credentials.*\(401\); check WIL_API_KEY/);
  t.notMatch(failed?.message, wrong);
  t.ok(standin.requests.length > 0 && standin.requests.every((r) => !r.keyOk), 'the stand-in saw only the wrong key');
});

/** A new session whose cart holds enough of one sandbox grocer's product to clear its minimum order. */
async function oneSellerCart(shop: TargetShop) {
  const call = restCaller(shop.app);
  const basket = await twoSellerBasket(shop.runtime.deps.catalog);
  const { session_id } = await call('initialize_shopping', {});
  const [item] = basket.items;
  await call('add_to_cart', { session_id, product_id: item!.product.id, quantity: item!.quantity });
  return { call, basket, session_id: session_id as string };
}

t.test('a seller that does not answer in time: a 503 that says nothing was placed', async (t) => {
  const shop = await openShopFor('himira', { ...SELLERS, ONDC_SEARCH_TIMEOUT_MS: '1500' });
  t.teardown(shop.close);
  const { call, basket, session_id } = await oneSellerCart(shop);
  shop.standin!.switches.slowMs = 60_000;
  const slow = await restCall(shop.app, 'select_items_for_order', { session_id, pincode: basket.pincode });
  t.equal(slow.status, 503);
  t.equal(slow.body.error.code, 'NETWORK_UNAVAILABLE');
  t.match(slow.body.error.message, /did not answer select in time.*Nothing was placed/);
  const polls = shop.standin!.requests.filter((r) => r.path.endsWith('/v2/on_select')).length;
  t.ok(polls >= 2 && polls <= 20, `polled with backoff within the deadline (${polls} polls)`);
  shop.standin!.switches.slowMs = 0;
  const quoted = await call('select_items_for_order', { session_id, pincode: basket.pincode });
  t.equal(quoted['state'], 'quoted', 'the same cart quotes once the seller answers again');
});

t.test('an error inside on_select reaches the user as the seller\'s refusal', async (t) => {
  const shop = await openShopFor('himira', SELLERS);
  t.teardown(shop.close);
  const { call, basket, session_id } = await oneSellerCart(shop);
  shop.standin!.switches.selectError = { message: 'Out of stock items: Atta 5 kg' };
  const refused = await call('select_items_for_order', { session_id, pincode: basket.pincode });
  t.equal(refused['state'], 'failed');
  t.match(refused['sellers'][0].refusal, { code: 'BACKEND', message: /the seller refused through the buyer backend \(Out of stock items: Atta 5 kg\)/ });
  const init = await restCall(shop.app, 'initialize_order', { session_id, checkout_id: refused['checkout_id'], pincode: basket.pincode, ...DELIVERY });
  t.equal(init.status, 422, 'a refused quote cannot be initialized');
});

t.test('a gateway order for another sum than the quote is refused, not paid', async (t) => {
  const shop = await openShopFor('himira', SELLERS);
  t.teardown(shop.close);
  shop.standin!.switches.wholeRupees = true;
  const call = restCaller(shop.app);
  const basket = await twoSellerBasket(shop.runtime.deps.catalog);
  const { session_id } = await call('initialize_shopping', {});
  for (const { product, quantity } of basket.items) await call('add_to_cart', { session_id, product_id: product.id, quantity });
  const { checkout_id } = await call('select_items_for_order', { session_id, pincode: basket.pincode });
  const initialized = await call('initialize_order', { session_id, checkout_id, pincode: basket.pincode, ...DELIVERY });
  const beauty = (initialized['sellers'] as any[]).find((s) => s.provider.id === basket.beauty.id);
  const total = beauty.quote.total.paise as number;
  const attempt = await restCall(shop.app, 'create_payment', { session_id, checkout_id, provider_id: basket.beauty.id, method: 'prepaid' });
  if (total % 100 === 0) {
    t.equal(attempt.status, 200, 'a whole-rupee total survives the rounding');
  } else {
    t.equal(attempt.status, 503);
    t.match(attempt.body.error.message, new RegExp(`gateway order for ${Math.floor(total / 100) * 100} paise, not the quoted ${total}`));
  }
});

t.test('the key goes to the backend origin only: a redirect is refused, and no log line carries it', async (t) => {
  const key = 'wil_secret_key_do_not_leak_42';
  const elsewhere: IncomingHttpHeaders[] = [];
  const other = createServer((req, res) => {
    elsewhere.push(req.headers);
    res.end('{}');
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  const backend = createServer((req, res) => {
    res.writeHead(302, { location: `${otherUrl}${req.url}` });
    res.end();
  });
  await new Promise<void>((r) => backend.listen(0, '127.0.0.1', r));
  t.teardown(() => {
    for (const server of [other, backend]) {
      server.closeAllConnections();
      server.close();
    }
  });
  const lines: string[] = [];
  const log = pino({ level: 'trace' }, new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }));
  const client = createHimiraClient({ endpoint: `http://127.0.0.1:${(backend.address() as AddressInfo).port}`, apiKey: key, timeoutMs: 2000, log, deviceOf: async () => 'device-under-test' });
  t.teardown(client.close);
  const err = await client.request('GET', '/v2/search', { auth: true }).then(() => null, (e: Error) => e);
  t.match(err?.message, /redirected POST \/guestUserLogin \(302\); redirects are refused/);
  t.notMatch(err?.message, key);
  t.equal(elsewhere.length, 0, 'the redirect target never heard from us');
  t.ok(lines.length > 0, 'requests were logged');
  t.ok(lines.every((l) => !l.includes(key)), 'no log line carries the key');
  await t.rejects(client.request('GET', 'http://evil.example/v2/search'), /not a backend route/, 'only paths on the backend, never a URL');
});
