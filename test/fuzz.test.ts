/**
 * Fuzzing every operation over REST and MCP, and every other route, with fast-check: at least 1,000 generated
 * inputs each, mostly invalid (wrong types, missing and extra fields, huge and unicode strings, proto keys, numbers
 * out of range, bad paths, queries, content types, bodies, tokens and session ids), some "almost valid" (one field
 * wrong) and some valid, with real session, checkout, order and address ids so that the checks past the session
 * are reached. Nothing may answer 5xx or crash; every error has the documented shape. The targets come from the
 * operation list and the app's route table, so a new operation or route is fuzzed without a change here.
 *
 * Seeded: FUZZ_SEED=<n> replays a run; a failure prints the seed and path of the failing batch. Inputs go in
 * concurrent batches, since one request mostly waits on the store.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import t, { type Test } from 'tap';
import type { StoredOrder } from '../src/core/checkout.js';
import { operations } from '../src/core/operations/index.js';
import { SANDBOX_SELLERS } from '../src/sandbox/catalog/index.js';
import { sandboxIdentity } from '../src/sandbox/identities.js';
import { readyCheckout, runCheckoutJourney, DELIVERY } from './helpers/checkout.js';
import { apiProblem, callbackProblem, errorShapeProblem, mcpEndpointProblem, routeProblem, rpcMessageProblem, type Answer } from './helpers/fuzz-checks.js';
import { callbackRequestOf, mcpGarbageOf, restRequestOf, routeRequestOf, toolCallOf, type FuzzContext, type FuzzRequest } from './helpers/fuzz-requests.js';
import { connectMcp } from './helpers/mcp.js';
import { restCaller } from './helpers/rest.js';
import { routeTable } from './helpers/route-table.js';
import { openTestShop } from './helpers/shop.js';

const BASE_SEED = Number(process.env['FUZZ_SEED'] ?? 20260607);
const INPUTS = 1000;
const BATCH = 25;
const PHONE = '9000000017';

/** One seed per target, stable when targets are added or removed. */
const seedOf = (target: string) => (BASE_SEED ^ createHash('sha256').update(target).digest().readInt32LE(0)) | 0;

const describe = (input: unknown) => {
  const text = JSON.stringify(input) ?? String(input);
  return text.length > 800 ? `${text.slice(0, 800)}… (${text.length} characters)` : text;
};

/** Sends INPUTS generated inputs to one target, BATCH at a time; `send` answers what is wrong with an answer, or null. */
async function fuzz<T>(t: Test, target: string, arbitrary: fc.Arbitrary<T>, send: (input: T) => Promise<string | null>): Promise<void> {
  const seed = seedOf(target);
  const started = performance.now();
  let sent = 0;
  const property = fc.asyncProperty(fc.array(arbitrary, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
    const problems = await Promise.all(
      batch.map(async (input) => {
        sent += 1;
        const problem = await send(input).catch((err: Error) => `threw ${err.stack ?? err.message}`);
        return problem === null ? null : `${problem}\n    input: ${describe(input)}`;
      }),
    );
    const first = problems.find((p) => p !== null);
    if (first) throw new Error(first);
  });
  const result = await fc.check(property, { seed, numRuns: INPUTS / BATCH, endOnFailure: true });
  if (result.failed) {
    const error = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
    t.fail(`${target}: ${error}\n    replay: FUZZ_SEED=${BASE_SEED} (this target: seed ${seed}, path ${result.counterexamplePath})`);
    return;
  }
  t.ok(sent >= INPUTS, `${target}: ${sent} inputs, no 5xx, every error in the documented shape (seed ${seed}, ${Math.round(performance.now() - started)} ms)`);
}

// 1,000 inputs to each of ~70 operation surfaces and ~35 other routes take minutes, not the default two.
t.setTimeout(15 * 60_000);

const shop = await openTestShop({
  SANDBOX_PRODUCTS_PER_PROVIDER: '30',
  SANDBOX_STATUS_STEP_SECONDS: '3600',
  RATE_LIMIT_MAX: '1000000',
});
t.teardown(shop.close);
const { app } = shop;
const { deps, config } = shop.runtime;

async function inject(request: FuzzRequest): Promise<Answer> {
  const { method, url, headers, payload } = request;
  const res = await app.inject({ method: method as 'GET', url, headers, ...(payload !== undefined ? { payload } : {}) });
  return { status: res.statusCode, headers: res.headers, body: res.body };
}

// Real ids for the fuzzer: a guest, a confirmed journey (orders), a checkout ready to confirm, a signed-in buyer.
const call = restCaller(app);
const journey = await runCheckoutJourney(call, deps.catalog);
const ready = await readyCheckout(call, deps.catalog);
const guest = (await call('initialize_shopping', {}))['session_id'] as string;
const login = (await call('initialize_shopping', {}))['session_id'] as string;
await call('phone_login', { session_id: login, phone: PHONE });
const code = (await app.inject({ method: 'GET', url: `/dev/otp-inbox/${PHONE}` })).json().code as string;
const signedIn = await call('verify_otp', { session_id: login, phone: PHONE, code });
const address = await call('add_address', { session_id: signedIn['session_id'], ...DELIVERY, pincode: journey.basket.pincode });
const orderIds = (journey.confirmed['sellers'] as Array<{ order_id: string }>).map((s) => s.order_id);
const orders = await Promise.all(orderIds.map((id) => deps.stores.documents<StoredOrder>('order').get(id)));
const products = (await deps.catalog.search({ text: 'atta', limit: 5, page: 1 })).hits.map((h) => h.product.id);

const ctx: FuzzContext = {
  pools: {
    session_id: [guest, journey.session_id, ready.session_id, signedIn['session_id'] as string],
    checkout_id: [journey.checkout_id, ready.checkout_id],
    order_id: orderIds,
    address_id: [address['address_id'] as string],
    product_id: [...products, ...journey.basket.items.map((i) => i.product.id)],
    provider_id: [journey.basket.grocer.id, journey.basket.beauty.id],
    pincode: [journey.basket.pincode],
    phone: [PHONE],
    user_id: [signedIn['user']['id'] as string],
    transaction_id: orders.flatMap((o) => (o ? [o.exchange.transactionId] : [])),
  },
  token: signedIn['token'] as string,
  tokenSecret: Buffer.from(readFileSync(join(shop.dataDir, 'secrets', 'session-secret'), 'utf8').trim(), 'base64url'),
};

const anonymous = await connectMcp(app);
const signedMcp = await connectMcp(app, { authorization: `Bearer ${ctx.token}` });
t.teardown(async () => {
  await anonymous.close();
  await signedMcp.close();
});

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

/** The service still answers a plain request correctly, on both surfaces. */
async function stillServing(t: Test, label: string): Promise<void> {
  t.equal((await inject({ method: 'GET', url: '/health', headers: {} })).status, 200, `${label}: /health still answers`);
  const cart = await inject({ method: 'GET', url: '/api/v1/cart', headers: { 'x-session-id': guest } });
  t.equal(cart.status, 200, `${label}: REST still serves a cart`);
  const viaMcp = await anonymous.client.callTool({ name: 'view_cart', arguments: { session_id: guest } });
  t.not(viaMcp.isError, true, `${label}: MCP still serves a cart`);
}

async function toolProblem(name: string, signed: boolean, args: unknown): Promise<string | null> {
  const client = (signed ? signedMcp : anonymous).client;
  try {
    const result = await client.callTool({ name, arguments: args as Record<string, unknown> });
    if (!result.isError && result.structuredContent === undefined) return 'a tool result without structuredContent';
    return rpcMessageProblem({ result: result as never });
  } catch (err) {
    const { code: rpcCode, status, data } = err as { code?: unknown; status?: unknown; data?: { text?: unknown } };
    // Arguments that are not an object break the protocol (invalid params), not the tool.
    const objectArgs = typeof args === 'object' && args !== null && !Array.isArray(args);
    if (!objectArgs && typeof rpcCode === 'number' && rpcCode !== -32603) return null;
    // A body Fastify refuses before MCP sees it (too large, a __proto__ key) gets a 4xx in the documented shape.
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const refused = errorShapeProblem(JSON.parse(String(data?.text ?? 'null')));
      return refused === null ? null : `an HTTP ${status} refusal: ${refused}`;
    }
    return `the tool call threw ${String(rpcCode ?? '')} ${(err as Error).message}`;
  }
}

const operationRoutes = new Set(operations.map((op) => `/api/v1${op.http.path}`));
const otherRoutes = routeTable(app).filter((r) => !operationRoutes.has(r.path));
const phones = fc.oneof(fc.constant(PHONE), fc.stringMatching(/^(\+91|91|0)?[6-9][0-9]{9}$/));
const sellerKeys = SANDBOX_SELLERS.map((s) => sandboxIdentity({ subscriberId: s.bppId, type: 'BPP', domain: '*', city: '*', url: '/', seed: config.SANDBOX_SEED }).key);
const callbackCtx = { signers: sellerKeys, bapId: config.ONDC_SUBSCRIBER_ID, bapUri: 'http://127.0.0.1/ondc', pools: { ...ctx.pools, ondc_order_id: orderIds } };

// The other routes first: the operations then run on a service that has taken the callbacks' junk, and /metrics
// is scraped before 100,000 requests have filled it with series.
t.test('every route that is not an operation', async (t) => {
  t.ok(otherRoutes.some((r) => r.path.startsWith('/ondc/on_')), 'the route table lists the ONDC callback receivers');
  for (const { path, methods } of otherRoutes) {
    if (path.startsWith('/ondc/')) {
      await fuzz(t, `POST ${path}`, callbackRequestOf(path.slice('/ondc/'.length), callbackCtx), async (r) => callbackProblem(await inject(r)));
    } else if (path === '/mcp') {
      const garbage = fc.oneof({ weight: 4, arbitrary: mcpGarbageOf(operations.map((o) => o.name), ctx) }, { weight: 1, arbitrary: routeRequestOf(path, methods) });
      await fuzz(t, `${methods.join(',')} ${path}`, garbage, async (r) => mcpEndpointProblem(r.method, await inject(r)));
    } else {
      await fuzz(t, `${methods.join(',')} ${path}`, routeRequestOf(path, methods, { phone: phones }), async (r) => routeProblem(r.method, await inject(r)));
    }
  }
  await stillServing(t, 'other routes');
});

for (const op of operations) {
  t.test(op.name, async (t) => {
    await fuzz(t, `REST ${op.http.method} ${op.http.path}`, restRequestOf(op, ctx), async (request) => apiProblem(request.method, await inject(request)));
    await fuzz(t, `MCP ${op.name}`, toolCallOf(op, ctx), ({ signedIn: signed, args }) => toolProblem(op.name, signed, args));
    await stillServing(t, op.name);
  });
}

t.test('after all of it', async (t) => {
  t.same(Object.getOwnPropertyNames(Object.prototype).sort(), prototypeBefore, 'Object.prototype gained nothing');
  t.equal(({} as Record<string, unknown>)['polluted'], undefined, 'no object inherits a polluted key');
  t.equal((await inject({ method: 'GET', url: '/ready', headers: {} })).status, 200, '/ready');
  for (const id of orderIds) {
    const rest = await inject({ method: 'GET', url: `/api/v1/orders/${id}`, headers: { 'x-session-id': journey.session_id } });
    t.equal(rest.status, 200, `the order ${id} still reads over REST after the callbacks' junk`);
    const viaMcp = await anonymous.client.callTool({ name: 'get_order_status', arguments: { session_id: journey.session_id, order_id: id } });
    t.not(viaMcp.isError, true, `and over MCP`);
  }
  await stillServing(t, 'the end');
});
