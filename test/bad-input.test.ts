/**
 * Every route and every tool answers bad input with a 4xx / isError that names the problem, never a 500.
 * The bad values are derived from each operation's own schema, so a new operation is covered when it is added.
 */
import type { TObject, TSchema } from '@sinclair/typebox';
import t from 'tap';
import { operations } from '../src/core/operations/index.js';
import { connectMcp } from './helpers/mcp.js';
import { restCall, restCaller } from './helpers/rest.js';
import { openTestShop } from './helpers/shop.js';
import { validInputs } from './helpers/valid-inputs.js';

function badValues(schema: TSchema): unknown[] {
  if (schema.anyOf) return ['bogus', 7];
  switch (schema.type) {
    case 'integer':
      return ['seven', 1.5, ...(schema.minimum !== undefined ? [schema.minimum - 1] : []), ...(schema.maximum !== undefined ? [schema.maximum + 1] : [])];
    case 'number':
      return ['seven', ...(schema.minimum !== undefined ? [schema.minimum - 1] : []), ...(schema.maximum !== undefined ? [schema.maximum + 1] : [])];
    case 'string':
      return [
        ...(schema.pattern ? ['!!not valid!!'] : []),
        ...(schema.minLength ? [''] : []),
        ...(schema.maxLength ? ['x'.repeat(schema.maxLength + 1)] : []),
      ];
    default:
      return [];
  }
}

// Hundreds of requests from one client: the per-client limit would answer 429 long before the end.
const shop = await openTestShop({ RATE_LIMIT_MAX: '100000' });
t.teardown(shop.close);
const call = restCaller(shop.app);
const { session_id } = await call('initialize_shopping', {});
const search = await call('search_products', { session_id, query: 'rice' });
const productId: string = search['results'].find((p: any) => p.in_stock).id;
await call('add_to_cart', { session_id, product_id: productId });

/** A valid input for each operation, from which one field at a time is broken. */
const valid = validInputs(session_id, productId);

t.test('every operation has a valid input in this test', async (t) => {
  t.same(Object.keys(valid).sort(), operations.map((o) => o.name).sort());
});

interface Case {
  op: string;
  label: string;
  args: Record<string, unknown>;
}

const cases: Case[] = [];
for (const op of operations) {
  const base = valid[op.name] ?? {};
  const props = (op.input as TObject).properties;
  for (const [field, schema] of Object.entries(props)) {
    for (const bad of badValues(schema as TSchema)) {
      cases.push({ op: op.name, label: `${field}=${JSON.stringify(bad).slice(0, 30)}`, args: { ...base, [field]: bad } });
    }
  }
  if ('session_id' in props) {
    const { session_id: _omit, ...rest } = base;
    cases.push({ op: op.name, label: 'no session_id', args: rest });
    cases.push({ op: op.name, label: 'unknown session', args: { ...base, session_id: 'shop_AAAAAAAAAAAAAAAAAAAAAAAA' } });
  }
  if (op.name !== 'initialize_shopping') cases.push({ op: op.name, label: 'unknown field', args: { ...base, price: 1 } });
}

const restCodes = new Map<Case, string>();

t.test('REST answers 4xx with the error shape', async (t) => {
  for (const c of cases) {
    const res = await restCall(shop.app, c.op, c.args);
    t.ok(res.status >= 400 && res.status < 500, `${c.op} ${c.label} -> ${res.status}`);
    t.equal(res.body.success, false, `${c.op} ${c.label}: success false`);
    t.match(res.body.error, { type: String, code: String, message: /.{20,}/ }, `${c.op} ${c.label}: error says what`);
    restCodes.set(c, res.body.error.code);
  }
});

t.test('MCP answers isError with the same code as REST', async (t) => {
  const mcp = await connectMcp(shop.app);
  t.teardown(mcp.close);
  for (const c of cases) {
    const res = await mcp.client.callTool({ name: c.op, arguments: c.args });
    t.equal(res.isError, true, `${c.op} ${c.label} is an error`);
    const text = (res.content as Array<{ type: string; text: string }>)[0]?.text ?? '';
    const code = /^([A-Z_]+): .{20,}/.exec(text)?.[1];
    t.equal(code, restCodes.get(c), `${c.op} ${c.label}: ${text.slice(0, 100)}`);
  }
});

t.test('domain errors carry the same code and message on both surfaces', async (t) => {
  const mcp = await connectMcp(shop.app);
  t.teardown(mcp.close);
  const args = { session_id, product_id: 'nobody-sells:this-item', quantity: 1 };
  const rest = await restCall(shop.app, 'add_to_cart', args);
  const viaMcp = await mcp.client.callTool({ name: 'add_to_cart', arguments: args });
  t.equal(rest.status, 404);
  t.equal(rest.body.error.code, 'PRODUCT_NOT_FOUND');
  t.equal(rest.body.error.type, 'validation_error');
  t.equal((viaMcp.content as any)[0].text, `PRODUCT_NOT_FOUND: ${rest.body.error.message}`);
});

t.test('REST rejects malformed bodies and unknown routes in the error shape', async (t) => {
  const headers = { 'x-session-id': session_id, 'content-type': 'application/json' };
  const broken = await shop.app.inject({ method: 'POST', url: '/api/v1/cart/items', headers, payload: '{"product_id": ' });
  t.equal(broken.statusCode, 400);
  t.equal(broken.json().error.type, 'validation_error');
  const wrongType = await shop.app.inject({
    method: 'POST',
    url: '/api/v1/cart/items',
    headers: { 'x-session-id': session_id, 'content-type': 'text/plain' },
    payload: 'two bags of atta',
  });
  t.equal(wrongType.statusCode, 415);
  t.equal(wrongType.json().error.code, 'UNSUPPORTED_MEDIA_TYPE');
  const missing = await shop.app.inject({ method: 'GET', url: '/api/v1/nowhere' });
  t.equal(missing.statusCode, 404);
  t.match(missing.json().error.message, /see \/docs/);
  const noHeader = await shop.app.inject({ method: 'GET', url: '/api/v1/cart' });
  t.equal(noHeader.statusCode, 400);
  t.equal(noHeader.json().error.code, 'SESSION_REQUIRED');
  t.match(noHeader.json().error.message, /X-Session-Id/);
});

t.test('cart rules refuse what a seller would', async (t) => {
  const products = await shop.runtime.deps.catalog.search({ text: undefined, category: undefined, limit: 100000, page: 1 });
  const outOfStock = products.hits.find((h) => h.product.stock === 0)?.product;
  t.ok(outOfStock, 'the catalog has an out-of-stock product');
  const oos = await restCall(shop.app, 'add_to_cart', { session_id, product_id: outOfStock!.id });
  t.equal(oos.status, 409);
  t.equal(oos.body.error.code, 'OUT_OF_STOCK');
  const product = (await shop.runtime.deps.catalog.getProduct(productId))!;
  const tooMany = Math.min(product.maxPerOrder, product.stock) + 1;
  if (tooMany <= 100) {
    const res = await restCall(shop.app, 'add_to_cart', { session_id, product_id: productId, quantity: tooMany });
    t.equal(res.status, 422);
    t.equal(res.body.error.code, 'QUANTITY_LIMIT');
  }
  const notInCart = await restCall(shop.app, 'update_cart_quantity', { session_id, product_id: outOfStock!.id, quantity: 1 });
  t.equal(notInCart.status, 404);
  t.equal(notInCart.body.error.code, 'CART_ITEM_NOT_FOUND');
  const unknownCategory = await restCall(shop.app, 'search_products', { session_id, category: 'Spaceships' });
  t.equal(unknownCategory.status, 404);
  t.match(unknownCategory.body.error.message, /browse_categories/);
  const inverted = await restCall(shop.app, 'search_products', { session_id, query: 'rice', min_price: 500, max_price: 10 });
  t.equal(inverted.status, 400);
  const nothing = await restCall(shop.app, 'search_products', { session_id });
  t.equal(nothing.status, 400);
});
