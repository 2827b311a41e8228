/** Idempotency keys on REST (Idempotency-Key) and MCP (idempotency_key): replays, mismatches, scope, failures. */
import { randomUUID } from 'node:crypto';
import t from 'tap';
import { readyCheckout } from './helpers/checkout.js';
import { connectMcp, mcpCaller } from './helpers/mcp.js';
import { restCall, restCaller } from './helpers/rest.js';
import { openTestShop } from './helpers/shop.js';

const shop = await openTestShop({ SANDBOX_PRODUCTS_PER_PROVIDER: '30', SANDBOX_STATUS_STEP_SECONDS: '3600' });
t.teardown(shop.close);
const call = restCaller(shop.app);
const product = (await shop.runtime.deps.catalog.search({ text: 'atta', inStock: true, limit: 1, page: 1 })).hits[0]!.product;
const items = async (session_id: string) => (await call('view_cart', { session_id }))['item_count'];

t.test('REST: a replay returns the first result and changes nothing; other input with the key is refused', async (t) => {
  const { session_id } = await call('initialize_shopping', {});
  const key = { 'idempotency-key': randomUUID() };
  const first = await restCall(shop.app, 'add_to_cart', { session_id, product_id: product.id, quantity: 2 }, key);
  const again = await restCall(shop.app, 'add_to_cart', { session_id, product_id: product.id, quantity: 2 }, key);
  t.equal(first.status, 200);
  t.same(again.body, first.body, 'the same answer');
  t.equal(await items(session_id), 2, 'added once');
  const other = await restCall(shop.app, 'add_to_cart', { session_id, product_id: product.id, quantity: 3 }, key);
  t.equal(other.status, 409);
  t.equal(other.body.error.code, 'IDEMPOTENCY_MISMATCH');
  const bad = await restCall(shop.app, 'add_to_cart', { session_id, product_id: product.id, quantity: 1 }, { 'idempotency-key': 'short' });
  t.equal(bad.status, 400, 'a malformed key is refused');
  const none = await restCall(shop.app, 'add_to_cart', { session_id, product_id: product.id, quantity: 1 });
  t.equal(none.status, 200);
  t.equal(await items(session_id), 3, 'without a key every call acts');
});

t.test('keys are scoped to the session, and a failed request keeps nothing', async (t) => {
  const key = { 'idempotency-key': `shared-${randomUUID()}` };
  const a = (await call('initialize_shopping', {}))['session_id'];
  const b = (await call('initialize_shopping', {}))['session_id'];
  await restCall(shop.app, 'add_to_cart', { session_id: a, product_id: product.id, quantity: 1 }, key);
  const inB = await restCall(shop.app, 'add_to_cart', { session_id: b, product_id: product.id, quantity: 1 }, key);
  t.equal(inB.status, 200, "another session's use of the same key is its own");
  t.equal(await items(b), 1);

  const retry = { 'idempotency-key': randomUUID() };
  const failed = await restCall(shop.app, 'add_to_cart', { session_id: a, product_id: `${product.providerId}:no-such-item`, quantity: 1 }, retry);
  t.equal(failed.status, 404);
  const fixed = await restCall(shop.app, 'add_to_cart', { session_id: a, product_id: product.id, quantity: 1 }, retry);
  t.equal(fixed.status, 200, 'the key of a failed request can carry the corrected one');
});

t.test('MCP: idempotency_key on tools that change state', async (t) => {
  const mcp = await connectMcp(shop.app);
  t.teardown(mcp.close);
  const tools = (await mcp.client.listTools()).tools;
  const takes = (name: string) => 'idempotency_key' in ((tools.find((x) => x.name === name)?.inputSchema.properties ?? {}) as object);
  t.ok(takes('add_to_cart') && takes('confirm_order') && takes('verify_otp'), 'changing tools take a key');
  t.notOk(takes('search_products') || takes('view_cart') || takes('initialize_shopping'), 'reading tools do not');
  const mcpCall = mcpCaller(mcp.client);
  const { session_id } = await mcpCall('initialize_shopping', {});
  const idempotency_key = randomUUID();
  const first = await mcpCall('add_to_cart', { session_id, product_id: product.id, quantity: 1, idempotency_key });
  const again = await mcpCall('add_to_cart', { session_id, product_id: product.id, quantity: 1, idempotency_key });
  t.same(again, first);
  t.equal(await items(session_id), 1);
  const mismatch = await mcp.client.callTool({ name: 'add_to_cart', arguments: { session_id, product_id: product.id, quantity: 5, idempotency_key } });
  t.equal(mismatch.isError, true);
  t.match(JSON.stringify(mismatch.content), /IDEMPOTENCY_MISMATCH/);
});

t.test('two confirms racing with one key place one order', async (t) => {
  const ready = await readyCheckout(call, shop.runtime.deps.catalog);
  const key = { 'idempotency-key': randomUUID() };
  const { confirmation_token } = await call('review_order', { session_id: ready.session_id, checkout_id: ready.checkout_id });
  const args = { session_id: ready.session_id, checkout_id: ready.checkout_id, confirmation_token };
  const [x, y] = await Promise.all([restCall(shop.app, 'confirm_order', args, key), restCall(shop.app, 'confirm_order', args, key)]);
  const codes = [x.status, y.status].sort();
  t.ok(codes[0] === 200, `one confirmed (${codes.join(', ')})`);
  const other = x.status === 200 ? y : x;
  t.ok(other.status === 200 || other.body.error.code === 'IDEMPOTENCY_IN_PROGRESS', `the other replayed or waits: ${other.body.error?.code ?? 200}`);
  const replay = await restCall(shop.app, 'confirm_order', args, key);
  const winner = x.status === 200 ? x : y;
  t.same(replay.body, winner.body, 'a later replay returns the first answer');
  const listed = await call('list_orders', { session_id: ready.session_id });
  t.equal(listed['orders'].length, 2, 'two sellers, two orders: no duplicates');
});
