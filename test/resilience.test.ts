/**
 * Circuit breakers, retries and the concurrency bound: the pieces on their own, then a seller app that is down
 * while the others keep serving, seen through the buyer app, /ready and /metrics.
 */
import { createServer } from 'node:net';
import t from 'tap';
import { generateKeyPair } from '../src/ondc/signing.js';
import { Breakers, Limiter, withRetries } from '../src/ondc/resilience.js';
import { registryEntry } from '../src/sandbox/identities.js';
import { restCaller } from './helpers/rest.js';
import { openTestShop } from './helpers/shop.js';

class Down extends Error {}
const failing = () => Promise.reject(new Down('down'));

t.test('a breaker opens after repeated failures, fails fast, then tries once after the cool-down', async (t) => {
  let now = 0;
  const changes: string[] = [];
  const breakers = new Breakers({ failuresToOpen: 3, coolDownMs: 1000, now: () => now, onChange: (p, s) => changes.push(`${p}:${s}`) });
  const isFailure = (e: unknown) => e instanceof Down;
  for (let i = 0; i < 3; i++) await t.rejects(breakers.run('seller', failing, isFailure), { message: 'down' });
  let calls = 0;
  await t.rejects(breakers.run('seller', async () => ++calls, isFailure), { name: 'OpenCircuitError' }, 'open: the call is not made');
  t.equal(calls, 0);
  t.same(await breakers.run('other', async () => 'fine', isFailure), 'fine', 'other peers are unaffected');
  now = 1500;
  await t.rejects(breakers.run('seller', failing, isFailure), { message: 'down' }, 'the half-open trial fails');
  await t.rejects(breakers.run('seller', async () => ++calls, isFailure), { name: 'OpenCircuitError' }, 'and the breaker opens again at once');
  now = 3000;
  t.equal(await breakers.run('seller', async () => 'back', isFailure), 'back', 'a good trial closes it');
  t.same(changes, ['seller:open', 'seller:half_open', 'seller:open', 'seller:half_open', 'seller:closed']);
  const business = new Breakers({ failuresToOpen: 1 });
  await t.rejects(business.run('s', () => Promise.reject(new Error('NACK: out of stock')), isFailure));
  t.same(business.states(), [{ peer: 's', state: 'closed' }], 'a business refusal is not a failure');
});

t.test('retries back off for transient failures only; the limiter holds concurrency to its bound', async (t) => {
  let tries = 0;
  t.equal(await withRetries(async () => (++tries < 3 ? Promise.reject(new Down()) : 'ok'), (e) => e instanceof Down, 3, 1), 'ok');
  t.equal(tries, 3);
  let permanent = 0;
  await t.rejects(withRetries(async () => { permanent++; throw new Error('bad request'); }, (e) => e instanceof Down, 3, 1));
  t.equal(permanent, 1, 'a permanent failure is not retried');

  const limiter = new Limiter(2);
  let running = 0;
  let peak = 0;
  await Promise.all(
    Array.from({ length: 10 }, () =>
      limiter.run(async () => {
        peak = Math.max(peak, ++running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
      }),
    ),
  );
  t.equal(peak, 2, 'never more than two at once');
});

t.test('one seller app down: its breaker opens and shows in /ready and /metrics; the others keep serving', async (t) => {
  const shop = await openTestShop({ SANDBOX_PRODUCTS_PER_PROVIDER: '30', SANDBOX_STATUS_STEP_SECONDS: '3600' });
  t.teardown(shop.close);
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const port = (closed.address() as { port: number }).port;
  await new Promise((r) => closed.close(r));
  const key = generateKeyPair();
  shop.runtime.sandbox!.subscribe(
    registryEntry({ subscriberId: 'down.sandbox.ondc.local', ukId: 'k1', type: 'BPP', domain: 'ONDC:RET10', city: 'std:080', url: `http://127.0.0.1:${port}/bpp`, publicKey: key.publicKey }),
  );
  const callDown = () =>
    shop.runtime.buyer.call({
      action: 'select',
      bppId: 'down.sandbox.ondc.local',
      domain: 'ONDC:RET10',
      city: 'std:080',
      transactionId: shop.runtime.deps.network.newTransactionId(),
      message: { order: {} },
      deadlineMs: 1000,
    });
  for (let i = 0; i < 5; i++) await t.rejects(callDown(), /could not be reached/);
  await t.rejects(callDown(), /temporarily unavailable/, 'the sixth call fails fast');

  const ready = (await shop.app.inject({ method: 'GET', url: '/ready' })).json();
  t.equal(ready.status, 'ready', 'one failing seller does not make the service unready');
  t.same(ready.network.breakers, [{ peer: 'down.sandbox.ondc.local', state: 'open' }]);
  const metrics = (await shop.app.inject({ method: 'GET', url: '/metrics' })).body;
  t.match(metrics, /ondc_shop_circuit_breaker_state\{peer="down.sandbox.ondc.local"\} 2/);

  const call = restCaller(shop.app);
  const { session_id } = await call('initialize_shopping', {});
  const product = (await shop.runtime.deps.catalog.search({ providerId: 'sri-lakshmi-kirana', inStock: true, limit: 50, page: 1 })).hits
    .map((h) => h.product)
    .find((p) => p.stock > 5)!;
  const grocer = (await shop.runtime.deps.catalog.getProvider('sri-lakshmi-kirana'))!;
  await call('add_to_cart', { session_id, product_id: product.id, quantity: Math.max(1, Math.ceil(grocer.minOrderValuePaise / product.pricePaise)) });
  const quoted = await call('select_items_for_order', { session_id, pincode: grocer.serviceablePincodes[0] });
  t.equal(quoted['sellers'][0].state, 'quoted', 'the other sellers still quote');
});
