/**
 * Phone login with one-time codes, session tokens, and what one signed-in buyer cannot do to another — over REST
 * and MCP, with the development inbox and with an SMS-gateway webhook.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { readyCheckout } from './helpers/checkout.js';
import { connectMcp, mcpCaller } from './helpers/mcp.js';
import { restCall, restCaller } from './helpers/rest.js';
import { openTestShop, type TestShop } from './helpers/shop.js';

const SMALL = { SANDBOX_PRODUCTS_PER_PROVIDER: '30', SANDBOX_STATUS_STEP_SECONDS: '3600' };

async function inbox(shop: TestShop, phone: string): Promise<string> {
  const res = await shop.app.inject({ method: 'GET', url: `/dev/otp-inbox/${phone}` });
  if (res.statusCode !== 200) throw new Error(`no code in the inbox: ${res.body}`);
  return res.json().code as string;
}

/** Moves the service's clock forward (codes, lock-outs and resend waits follow it). */
function advance(shop: TestShop, ms: number): void {
  const clock = shop.runtime.deps.clock;
  const before = clock.now;
  clock.now = () => new Date(before().getTime() + ms);
}

/** Signs a fresh guest session in as `phone`; returns the new session id and token. */
async function signIn(shop: TestShop, phone: string): Promise<{ session_id: string; token: string; user_id: string }> {
  const call = restCaller(shop.app);
  const { session_id } = await call('initialize_shopping', {});
  await call('phone_login', { session_id, phone });
  const done = await call('verify_otp', { session_id, phone, code: await inbox(shop, phone) });
  return { session_id: done['session_id'], token: done['token'], user_id: done['user']['id'] };
}

t.test('a code from the inbox signs the shopper in; the guest session is replaced and its cart comes along', async (t) => {
  const shop = await openTestShop(SMALL);
  t.teardown(shop.close);
  const call = restCaller(shop.app);
  const { session_id: guest } = await call('initialize_shopping', {});
  const product = (await shop.runtime.deps.catalog.search({ text: 'atta', limit: 1, page: 1 })).hits[0]!.product;
  await call('add_to_cart', { session_id: guest, product_id: product.id, quantity: 2 });

  const sent = await call('phone_login', { session_id: guest, phone: '+91 98765 43210'.replace(/\s/g, '') });
  t.equal(sent['sent_to'], '+91 98******10', 'the number comes back masked');
  const code = await inbox(shop, '9876543210');
  t.match(code, /^\d{6}$/);
  const done = await call('verify_otp', { session_id: guest, phone: '9876543210', code });
  t.not(done['session_id'], guest, 'a new session id');
  t.equal(done['user']['new_user'], true);
  t.equal(done['user']['phone'], '+91 98******10');

  const old = await restCall(shop.app, 'view_cart', { session_id: guest });
  t.equal(old.status, 404, 'the guest session id no longer works');
  const cart = await call('view_cart', { session_id: done['session_id'] });
  t.equal(cart['item_count'], 2, 'the cart came along');
  t.equal((await call('get_session_info', { session_id: done['session_id'] }))['logged_in'], true);

  advance(shop, 31_000);
  const again = await signIn(shop, '9876543210');
  t.equal(again.user_id, done['user']['id'], 'the same number is the same user');
});

t.test('wrong, reused and expired codes are refused; too many wrong codes lock the number', async (t) => {
  const shop = await openTestShop({ ...SMALL, OTP_MAX_ATTEMPTS: '3', OTP_LOCK_MINUTES: '10' });
  t.teardown(shop.close);
  const call = restCaller(shop.app);
  const { session_id } = await call('initialize_shopping', {});
  await call('phone_login', { session_id, phone: '9123456780' });
  const code = await inbox(shop, '9123456780');
  const wrong = code === '000000' ? '111111' : '000000';

  const first = await restCall(shop.app, 'verify_otp', { session_id, phone: '9123456780', code: wrong });
  t.equal(first.status, 401);
  t.equal(first.body.error.code, 'OTP_INVALID');
  t.equal(first.body.error.details.attempts_left, 2);
  t.match(first.headers['www-authenticate'], /Bearer/);

  const resend = await restCall(shop.app, 'phone_login', { session_id, phone: '9123456780' });
  t.equal(resend.status, 429, 'a second code moments later is refused');
  t.equal(resend.body.error.code, 'OTP_RATE_LIMITED');
  t.ok(Number(resend.headers['retry-after']) > 0, 'with Retry-After');

  await restCall(shop.app, 'verify_otp', { session_id, phone: '9123456780', code: wrong });
  const locked = await restCall(shop.app, 'verify_otp', { session_id, phone: '9123456780', code: wrong });
  t.equal(locked.status, 429);
  t.equal(locked.body.error.code, 'OTP_LOCKED');
  t.equal(locked.headers['retry-after'], '600');
  const right = await restCall(shop.app, 'verify_otp', { session_id, phone: '9123456780', code });
  t.equal(right.body.error.code, 'OTP_LOCKED', 'even the right code is refused while locked');
  const more = await restCall(shop.app, 'phone_login', { session_id, phone: '9123456780' });
  t.equal(more.body.error.code, 'OTP_LOCKED', 'and no new code is sent');

  // another number, an expired code: the clock moves past the code's life
  await call('phone_login', { session_id, phone: '9000000001' });
  const late = await inbox(shop, '9000000001');
  const clock = shop.runtime.deps.clock;
  const real = clock.now;
  clock.now = () => new Date(real().getTime() + 301_000);
  t.teardown(() => {
    clock.now = real;
  });
  const expired = await restCall(shop.app, 'verify_otp', { session_id, phone: '9000000001', code: late });
  t.equal(expired.body.error.code, 'OTP_EXPIRED');
  clock.now = real;

  await call('phone_login', { session_id, phone: '9000000002' }).catch(() => undefined);
  const used = await inbox(shop, '9000000002');
  const ok = await call('verify_otp', { session_id, phone: '9000000002', code: used });
  const reuse = await restCall(shop.app, 'verify_otp', { session_id: ok['session_id'], phone: '9000000002', code: used });
  t.equal(reuse.body.error.code, 'OTP_EXPIRED', 'a used code is gone');
});

t.test('session tokens: accepted as Bearer on REST and /mcp, refused when forged, stale or for another session', async (t) => {
  const shop = await openTestShop(SMALL);
  t.teardown(shop.close);
  const a = await signIn(shop, '9811111111');
  const bearer = { authorization: `Bearer ${a.token}` };

  const noHeader = await restCall(shop.app, 'view_cart', {}, bearer);
  t.equal(noHeader.status, 200, 'the token names the session: no X-Session-Id needed');
  const both = await restCall(shop.app, 'view_cart', { session_id: a.session_id }, bearer);
  t.equal(both.status, 200);
  const { session_id: other } = await restCaller(shop.app)('initialize_shopping', {});
  const mismatch = await restCall(shop.app, 'view_cart', { session_id: other }, bearer);
  t.equal(mismatch.status, 403);
  t.equal(mismatch.body.error.code, 'SESSION_MISMATCH');

  const [h, p, s] = a.token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
  const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: 'usr_someone_else' })).toString('base64url')}.${s}`;
  const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`;
  for (const [what, token] of [['forged claims', forged], ['alg none', none], ['garbage', 'not-a-token']] as const) {
    const res = await restCall(shop.app, 'view_cart', {}, { authorization: `Bearer ${token}` });
    t.equal(res.status, 401, `${what}: 401`);
    t.equal(res.body.error.code, 'TOKEN_INVALID');
  }
  const malformed = await restCall(shop.app, 'view_cart', { session_id: a.session_id }, { authorization: 'Basic abc' });
  t.equal(malformed.status, 401, 'a non-Bearer Authorization header is refused');

  const mcp = await connectMcp(shop.app, bearer);
  t.teardown(mcp.close);
  const viaMcp = await mcpCaller(mcp.client)('get_session_info', { session_id: a.session_id });
  t.equal(viaMcp['logged_in'], true, '/mcp accepts the token');
  const wrongMcp = await mcp.client.callTool({ name: 'view_cart', arguments: { session_id: other } });
  t.equal(wrongMcp.isError, true);
  t.match(JSON.stringify(wrongMcp.content), /SESSION_MISMATCH/);
  const badMcp = await fetch(`http://127.0.0.1:${(shop.app.server.address() as AddressInfo).port}/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: 'Token x' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
  });
  t.equal(badMcp.status, 401, '/mcp refuses a malformed Authorization header');

  // signing in again replaces the token: the old one stops working
  const phone = '9811111111';
  const call = restCaller(shop.app);
  advance(shop, 31_000);
  await call('phone_login', { session_id: a.session_id, phone });
  const relogin = await call('verify_otp', { session_id: a.session_id, phone, code: await inbox(shop, phone) });
  const stale = await restCall(shop.app, 'view_cart', {}, bearer);
  t.equal(stale.status, 401, 'the token from the earlier sign-in is refused');
  const fresh = await restCall(shop.app, 'view_cart', {}, { authorization: `Bearer ${relogin['token']}` });
  t.equal(fresh.status, 200);
});

t.test("one buyer cannot read or change another's cart, checkout or order through any route or tool", async (t) => {
  const shop = await openTestShop(SMALL);
  t.teardown(shop.close);
  const a = await signIn(shop, '9822222222');
  const b = await signIn(shop, '9833333333');
  const callA = restCaller(shop.app);
  const ready = await (async () => {
    // A's checkout, paid and confirmed, made in A's signed-in session
    const withA = (tool: string, args: Record<string, unknown>) =>
      tool === 'initialize_shopping' ? Promise.resolve({ session_id: a.session_id }) : callA(tool, args);
    return readyCheckout(withA as never, shop.runtime.deps.catalog);
  })();
  const { confirmation_token } = await callA('review_order', { session_id: a.session_id, checkout_id: ready.checkout_id });
  const confirmed = await callA('confirm_order', { session_id: a.session_id, checkout_id: ready.checkout_id, confirmation_token });
  const orderId = confirmed['sellers'][0]['order_id'] as string;
  const providerId = confirmed['sellers'][0]['provider']['id'] as string;

  const attempts: Array<[string, Record<string, unknown>]> = [
    ['get_checkout', { checkout_id: ready.checkout_id }],
    ['initialize_order', { checkout_id: ready.checkout_id, pincode: ready.basket.pincode, name: 'B', house: '1', phone: '9833333333', email: 'b@example.in', building: 'X', locality: 'Y', city: 'Bengaluru', state: 'Karnataka' }],
    ['create_payment', { checkout_id: ready.checkout_id, provider_id: providerId, method: 'cod' }],
    ['verify_payment', { checkout_id: ready.checkout_id, provider_id: providerId, payment_id: 'pay_AAAAAAAAAAAAAA', signature: 'a'.repeat(64) }],
    ['review_order', { checkout_id: ready.checkout_id }],
    ['confirm_order', { checkout_id: ready.checkout_id, confirmation_token }],
    ['get_order_status', { order_id: orderId }],
    ['get_order_ondc_log', { order_id: orderId, flow: '2' }],
  ];
  const mcpB = await connectMcp(shop.app, { authorization: `Bearer ${b.token}` });
  t.teardown(mcpB.close);
  for (const [tool, args] of attempts) {
    const rest = await restCall(shop.app, tool, { session_id: b.session_id, ...args }, { authorization: `Bearer ${b.token}` });
    t.ok(rest.status === 404 || rest.status === 400, `REST ${tool}: ${rest.status} ${rest.body.error?.code}`);
    t.notMatch(JSON.stringify(rest.body), /9822222222|98\*+22/, `REST ${tool}: nothing of A's leaks`);
    const viaMcp = await mcpB.client.callTool({ name: tool, arguments: { session_id: b.session_id, ...args } });
    t.equal(viaMcp.isError, true, `MCP ${tool} refused`);
  }
  const ownCart = await restCall(shop.app, 'view_cart', { session_id: a.session_id }, { authorization: `Bearer ${b.token}` });
  t.equal(ownCart.status, 403, "B's token cannot open A's session");
  const listed = await restCaller(shop.app)('list_orders', { session_id: b.session_id });
  t.same(listed['orders'], [], "B's order list is empty");
  const mine = await callA('list_orders', { session_id: a.session_id });
  t.equal(mine['orders'].length, 2, 'A sees both orders');
});

t.test('the audit log records every login attempt with the number masked; no log has the full number', async (t) => {
  const shop = await openTestShop(SMALL);
  await signIn(shop, '9844444444');
  const { session_id } = await restCaller(shop.app)('initialize_shopping', {});
  await restCall(shop.app, 'phone_login', { session_id, phone: '9855555555' });
  await restCall(shop.app, 'verify_otp', { session_id, phone: '9855555555', code: '999999' }).catch(() => undefined);
  await shop.runtime.close().catch(() => undefined);
  const lines = readFileSync(join(shop.dataDir, 'audit', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const actions = lines.map((l) => `${l.action}:${l.outcome}`);
  t.ok(actions.includes('login.code_sent:ok'));
  t.ok(actions.includes('login.verify:ok'));
  t.ok(actions.includes('login.verify:refused') || lines.some((l) => l.detail?.reason === 'wrong_code'), 'a wrong code is recorded');
  const text = lines.map((l) => JSON.stringify(l)).join('\n');
  t.notMatch(text, /9844444444|9855555555/, 'no full number');
  t.match(text, /\+91 98\*{6}44/);
  await shop.app.close();
});

t.test('with OTP_SENDER=webhook codes go to the SMS gateway, and the dev inbox does not exist', async (t) => {
  const received: Array<{ auth: string | undefined; body: any }> = [];
  let fail = false;
  const gateway = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      received.push({ auth: req.headers.authorization, body: JSON.parse(raw) });
      res.writeHead(fail ? 500 : 202).end();
    });
  });
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
  t.teardown(() => gateway.close());
  const url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`;
  const shop = await openTestShop({ ...SMALL, OTP_SENDER: 'webhook', OTP_WEBHOOK_URL: url, OTP_WEBHOOK_TOKEN: 'sms-secret' });
  t.teardown(shop.close);
  const call = restCaller(shop.app);
  const { session_id } = await call('initialize_shopping', {});
  await call('phone_login', { session_id, phone: '9866666666' });
  t.equal(received.length, 1);
  t.equal(received[0]?.auth, 'Bearer sms-secret');
  t.equal(received[0]?.body.to, '+919866666666');
  t.match(received[0]?.body.text, new RegExp(`^${received[0]?.body.code} is your`));
  const done = await call('verify_otp', { session_id, phone: '9866666666', code: received[0]?.body.code });
  t.ok(done['token'], 'the code from the gateway signs in');
  const noInbox = await shop.app.inject({ method: 'GET', url: '/dev/otp-inbox/9866666666' });
  t.equal(noInbox.statusCode, 404);

  fail = true;
  const { session_id: s2 } = await call('initialize_shopping', {});
  const down = await restCall(shop.app, 'phone_login', { session_id: s2, phone: '9877777777' });
  t.equal(down.status, 503);
  t.equal(down.headers['retry-after'], '5', 'with a hint to retry in a moment');
  t.equal(down.body.error.code, 'OTP_DELIVERY_FAILED');
});

t.test('a key the service made moves to replicas as SESSION_SECRET=base64url:…, keeping tokens and accounts', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ondc-secret-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const single = await openTestShop({ ...SMALL, DATA_DIR: dir });
  const before = await signIn(single, '9811122233');
  await single.close();

  const made = readFileSync(join(dir, 'secrets', 'session-secret'), 'utf8').trim();
  rmSync(join(dir, 'secrets'), { recursive: true });
  const replica = await openTestShop({ ...SMALL, DATA_DIR: dir, SESSION_SECRET: `base64url:${made}` });
  t.notOk(existsSync(join(dir, 'secrets', 'session-secret')), 'no key was made: the configured one is used');
  const info = await restCall(replica.app, 'get_session_info', {}, { authorization: `Bearer ${before.token}` });
  t.equal(info.status, 200, 'the token made under the file key is valid');
  t.equal(info.body.data.session_id, before.session_id);
  t.equal(info.body.data.logged_in, true);
  advance(replica, 31_000);
  const again = await signIn(replica, '9811122233');
  t.equal(again.user_id, before.user_id, 'a returning buyer finds the same account: the phone index is keyed alike');
  await replica.close();

  const other = await openTestShop({ ...SMALL, DATA_DIR: dir, SESSION_SECRET: made });
  t.teardown(other.close);
  const plain = await restCall(other.app, 'get_session_info', {}, { authorization: `Bearer ${before.token}` });
  t.equal(plain.status, 401, 'the same text without the prefix is another key');
});
