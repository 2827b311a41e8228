/**
 * Consent before money moves: review tokens (missing, forged, expired, stale after a change) and MCP elicitation
 * (accept, decline, cancel; the payment page in URL mode), with the SDK client over an in-memory transport as a
 * desktop client over stdio would be.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import type { Checkout } from '../src/core/checkout.js';
import { operations } from '../src/core/operations/index.js';
import { buildToolDefinitions, createMcpServer } from '../src/mcp/server.js';
import { payAtCheckout, readyCheckout } from './helpers/checkout.js';
import { connectMcp } from './helpers/mcp.js';
import { restCall, restCaller } from './helpers/rest.js';
import { openTestShop } from './helpers/shop.js';
import { pino } from 'pino';

const shop = await openTestShop({ SANDBOX_PRODUCTS_PER_PROVIDER: '30', SANDBOX_STATUS_STEP_SECONDS: '3600' });
t.teardown(shop.close);
const call = restCaller(shop.app);
const checkoutDocs = shop.runtime.deps.stores.documents<Checkout>('checkout');

t.test('confirm needs a review token for the terms that still hold', async (t) => {
  const ready = await readyCheckout(call, shop.runtime.deps.catalog);
  const { session_id, checkout_id } = ready;
  const none = await restCall(shop.app, 'confirm_order', { session_id, checkout_id });
  t.equal(none.status, 409);
  t.equal(none.body.error.code, 'REVIEW_REQUIRED');
  const forged = await restCall(shop.app, 'confirm_order', { session_id, checkout_id, confirmation_token: 'rv1.9999999999.100.AAAA' });
  t.equal(forged.body.error.code, 'REVIEW_STALE', 'a token we did not sign does not hold');

  const review = await call('review_order', { session_id, checkout_id });
  const quoted = ready.quoted['sellers'].reduce((n: number, s: any) => n + s.quote.total.paise, 0);
  t.ok(review['total']['paise'] > 0);
  t.match(review['deliver_to'], /Asha Rao/);
  t.equal(review['checkout']['sellers'].length, 2);

  // the seller's quote moves between review and confirm (as a new on_init would bring)
  const grocer = ready.basket.grocer.id;
  const bump = (by: number) =>
    checkoutDocs.update(checkout_id, (c) => ({
      ...c,
      sellers: c.sellers.map((s) => (s.seller.providerId === grocer ? { ...s, quote: { ...s.quote, totalPaise: s.quote.totalPaise + by } } : s)),
    }));
  await bump(1000);
  const stale = await restCall(shop.app, 'confirm_order', { session_id, checkout_id, confirmation_token: review['confirmation_token'] });
  t.equal(stale.status, 409);
  t.equal(stale.body.error.code, 'REVIEW_STALE');
  t.equal(stale.body.error.details.current_total, ((review['total']['paise'] + 1000) / 100).toFixed(2), 'the new total is named');
  t.match(stale.body.error.message, /then, ₹.* now/);
  await bump(-1000);
  t.ok(quoted > 0);

  const clock = shop.runtime.deps.clock;
  const real = clock.now;
  clock.now = () => new Date(real().getTime() - 20 * 60_000);
  const old = await call('review_order', { session_id, checkout_id });
  clock.now = real;
  const expired = await restCall(shop.app, 'confirm_order', { session_id, checkout_id, confirmation_token: old['confirmation_token'] });
  t.equal(expired.body.error.code, 'REVIEW_EXPIRED');

  const placed = await call('confirm_order', { session_id, checkout_id, confirmation_token: review['confirmation_token'] });
  t.equal(placed['state'], 'confirmed', 'the reviewed terms hold again: the orders are placed');
});

t.test('changing the payment method after review makes the review stale', async (t) => {
  const ready = await readyCheckout(call, shop.runtime.deps.catalog);
  const { session_id, checkout_id } = ready;
  const review = await call('review_order', { session_id, checkout_id });
  const grocer = ready.basket.grocer.id;
  const prepaid = await call('create_payment', { session_id, checkout_id, provider_id: grocer, method: 'prepaid' });
  const pending = prepaid['sellers'].find((s: any) => s.provider.id === grocer);
  const paid = await payAtCheckout(pending.payment.checkout_url);
  await call('verify_payment', { session_id, checkout_id, provider_id: grocer, ...paid });
  const stale = await restCall(shop.app, 'confirm_order', { session_id, checkout_id, confirmation_token: review['confirmation_token'] });
  t.equal(stale.body.error.code, 'REVIEW_STALE', 'cash on delivery was agreed, not prepaid');
  const again = await call('review_order', { session_id, checkout_id });
  t.equal((await call('confirm_order', { session_id, checkout_id, confirmation_token: again['confirmation_token'] }))['state'], 'confirmed');
});

/** An MCP client that can be asked (elicitation), connected in memory as a desktop client is over stdio. */
async function askingClient(answer: () => { action: 'accept' | 'decline' | 'cancel'; confirm?: boolean }) {
  const asked: Array<{ mode: string; message: string; url?: string }> = [];
  const server = createMcpServer(buildToolDefinitions(operations, shop.runtime.deps, pino({ level: 'silent' })), { channel: 'stdio' });
  const client = new Client({ name: 'asking', version: '1.0.0' }, { capabilities: { elicitation: { form: {}, url: {} } } });
  client.setRequestHandler('elicitation/create', async (req: any) => {
    asked.push({ mode: req.params.mode ?? 'form', message: req.params.message, url: req.params.url });
    const a = answer();
    if (req.params.mode === 'url') return { action: a.action };
    return a.action === 'accept' ? { action: 'accept', content: { confirm: a.confirm ?? true } } : { action: a.action };
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  await client.connect(clientSide);
  return { client, asked, close: async () => { await client.close(); await server.close(); } };
}

async function toolCall(client: Client, name: string, args: Record<string, unknown>) {
  const res = await client.callTool({ name, arguments: args });
  return { error: res.isError ? JSON.stringify(res.content) : undefined, data: res.structuredContent as Record<string, any> };
}

t.test('elicitation: the user accepts, declines or dismisses the totals; no token needed', async (t) => {
  for (const [reply, expected] of [
    [{ action: 'decline' as const }, 'CONFIRM_DECLINED'],
    [{ action: 'accept' as const, confirm: false }, 'CONFIRM_DECLINED'],
    [{ action: 'cancel' as const }, 'CONFIRM_CANCELLED'],
    [{ action: 'accept' as const, confirm: true }, 'confirmed'],
  ] as const) {
    const asking = await askingClient(() => reply);
    t.teardown(asking.close);
    const ready = await readyCheckout(call, shop.runtime.deps.catalog);
    const res = await toolCall(asking.client, 'confirm_order', { session_id: ready.session_id, checkout_id: ready.checkout_id });
    const question = asking.asked.find((q) => q.mode === 'form');
    t.match(question?.message, /Place 2 orders for ₹[\d,.]+ in all\?.*cash on delivery.*paid online.*Deliver to Asha Rao/, 'the user is shown the totals');
    if (expected === 'confirmed') t.equal(res.data['state'], 'confirmed', `${JSON.stringify(reply)}: placed`);
    else {
      t.match(res.error, new RegExp(expected), `${JSON.stringify(reply)}: ${expected}`);
      const listed = await call('list_orders', { session_id: ready.session_id });
      t.equal(listed['orders'].length, 0, 'nothing was ordered');
    }
  }
});

t.test('elicitation in URL mode sends the user to the payment page', async (t) => {
  const asking = await askingClient(() => ({ action: 'accept' }));
  t.teardown(asking.close);
  const ready = await readyCheckout(call, shop.runtime.deps.catalog);
  const grocer = ready.basket.grocer.id;
  const res = await toolCall(asking.client, 'create_payment', { session_id: ready.session_id, checkout_id: ready.checkout_id, provider_id: grocer, method: 'prepaid' });
  const link = res.data['sellers'].find((s: any) => s.provider.id === grocer).payment.checkout_url;
  const page = asking.asked.find((q) => q.mode === 'url');
  t.equal(page?.url, link, 'the user was sent to the checkout page');
  t.match(page?.message, /^Pay ₹[\d,.]+ to /);
});

t.test('over the stateless /mcp endpoint there is no elicitation: the token path applies', async (t) => {
  const mcp = await connectMcp(shop.app);
  t.teardown(mcp.close);
  const ready = await readyCheckout(call, shop.runtime.deps.catalog);
  const res = await mcp.client.callTool({ name: 'confirm_order', arguments: { session_id: ready.session_id, checkout_id: ready.checkout_id } });
  t.equal(res.isError, true);
  t.match(JSON.stringify(res.content), /REVIEW_REQUIRED/);
});

t.test('payments, confirmations and refusals are in the audit log, with no phone or email in the clear', async (t) => {
  const file = join(shop.dataDir, 'audit', 'audit.jsonl');
  let lines: Array<Record<string, any>> = [];
  for (let i = 0; i < 100; i++) {
    lines = existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : [];
    if (lines.some((l) => l.action === 'order.confirm' && l.outcome === 'refused')) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const seen = new Set(lines.map((l) => `${l.action}:${l.outcome}`));
  for (const expected of ['payment.verify:ok', 'order.confirm:ok', 'order.confirm:refused']) t.ok(seen.has(expected), expected);
  const text = readFileSync(file, 'utf8');
  t.notMatch(text, /9876543210|asha\.rao@example\.in/, 'no phone number or email in the clear');
});
