/**
 * The buyer app against the sandbox network over real loopback HTTP: signed search through the gateway, verified
 * on_search callbacks from every seller, and refusals of unsigned or forged messages at every participant.
 */
import { readFileSync } from 'node:fs';
import { request } from 'undici';
import t from 'tap';
import { buildContext, newTransactionId } from '../src/ondc/context.js';
import { searchMessage } from '../src/ondc/messages.js';
import { generateKeyPair, signAuthorization } from '../src/ondc/signing.js';
import { generateCatalog } from '../src/sandbox/catalog/index.js';
import { openTestShop } from './helpers/shop.js';

const shop = await openTestShop();
t.teardown(shop.close);
const sandbox = shop.runtime.sandbox!;
const buyerId = shop.runtime.buyer.subscriberId;

/** The buyer app's own key, as kept under DATA_DIR in sandbox mode. */
function buyerKey() {
  const stored = JSON.parse(readFileSync(`${shop.dataDir}/ondc/buyer-key.json`, 'utf8')) as { uniqueKeyId: string; privateKey: string };
  return { subscriberId: buyerId, ...stored };
}

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const res = await request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.statusCode, headers: res.headers, body: (await res.body.json()) as any };
}

function searchBody(city = 'std:080', domain = 'ONDC:RET10', bpp?: { subscriberId: string; uri: string }) {
  const context = buildContext({
    domain,
    city,
    action: 'search',
    coreVersion: '1.2.0',
    bap: { subscriberId: buyerId, uri: `${shop.app.listeningOrigin}/ondc` },
    ...(bpp ? { bpp } : {}),
    transactionId: newTransactionId(),
    now: new Date(),
  });
  return JSON.stringify({ context, message: searchMessage({}) });
}

t.test('the catalog is pulled from every sandbox seller and arrives intact', async (t) => {
  const index = shop.runtime.deps.catalog;
  const generated = generateCatalog({ seed: 1, productsPerProvider: 300 });
  t.equal(await index.size(), generated.products.length, `${generated.products.length} products ingested`);
  for (const expected of generated.products.filter((_, i) => i % 97 === 0)) {
    t.same(await index.getProduct(expected.id), expected, `${expected.id} survived the wire`);
  }
  for (const provider of generated.providers) {
    t.same(await index.getProvider(provider.id), provider, `provider ${provider.id} survived the wire`);
  }
});

t.test('a search by item name reaches the sellers of that domain and city only', async (t) => {
  const callbacks = await shop.runtime.buyer.search({
    domain: 'ONDC:RET10',
    city: 'std:080',
    request: { itemName: 'basmati' },
    expectSellers: 2,
    deadlineMs: 5000,
  });
  t.same(callbacks.map((c) => c.from).sort(), ['freshbasket.sandbox.ondc.local', 'kirana.sandbox.ondc.local']);
  for (const cb of callbacks) {
    const items = cb.body.message.catalog['bpp/providers'][0]!.items;
    t.ok(items.length > 0, `${cb.from} sells basmati`);
    t.ok(items.every((i) => /basmati/i.test(i.descriptor.name)), 'only basmati items');
    t.equal(cb.body.context.action, 'on_search');
    t.ok(Date.parse(cb.body.context.timestamp) >= 0);
  }
});

t.test('sellers refuse unsigned and forged searches with 401 and a NACK', async (t) => {
  const seller = sandbox.entries().find((e) => e.type === 'BPP')!;
  const body = searchBody();
  const unsigned = await post(`${seller.subscriber_url}/search`, body);
  t.equal(unsigned.status, 401);
  t.match(unsigned.body, { message: { ack: { status: 'NACK' } }, error: { type: 'POLICY-ERROR', code: '30016' } });
  t.match(String(unsigned.headers['www-authenticate']), /^Signature realm="[^"]+",headers="\(created\) \(expires\) digest"$/);

  const stranger = generateKeyPair();
  const forged = await post(`${seller.subscriber_url}/search`, body, {
    authorization: signAuthorization(body, { subscriberId: buyerId, uniqueKeyId: 'not-registered', privateKey: stranger.privateKey }),
  });
  t.equal(forged.status, 401, 'a key the registry does not know is refused');

  const key = buyerKey();
  const tampered = await post(`${seller.subscriber_url}/search`, body.replace('std:080', 'std:011'), {
    authorization: signAuthorization(body, key),
  });
  t.equal(tampered.status, 401, 'a body changed after signing is refused');
  const good = await post(`${seller.subscriber_url}/search`, body, { authorization: signAuthorization(body, key) });
  t.equal(good.status, 200);
  t.same(good.body, { message: { ack: { status: 'ACK' } } });
});

t.test('the gateway NACKs a city no seller serves', async (t) => {
  const body = searchBody('std:0484');
  const res = await post(`${sandbox.gatewayUrl}/search`, body, { authorization: signAuthorization(body, buyerKey()) });
  t.equal(res.status, 200);
  t.match(res.body, { message: { ack: { status: 'NACK' } }, error: { code: '10002' } });
});

t.test('the buyer app refuses callbacks that are unsigned or not from the named seller', async (t) => {
  const callbackUrl = `${shop.app.listeningOrigin}/ondc/on_search`;
  const seller = sandbox.entries().find((e) => e.type === 'BPP')!;
  const context = JSON.parse(searchBody('std:080', 'ONDC:RET10', { subscriberId: seller.subscriber_id, uri: seller.subscriber_url })).context;
  const body = JSON.stringify({ context: { ...context, action: 'on_search' }, message: { catalog: {} } });
  const unsigned = await post(callbackUrl, body);
  t.equal(unsigned.status, 401);
  t.match(unsigned.body, { error: { code: '20001' } });
  const signedByBuyer = await post(callbackUrl, body, { authorization: signAuthorization(body, buyerKey()) });
  t.equal(signedByBuyer.status, 401, 'a callback must be signed by the seller app named in bpp_id');
  t.match(signedByBuyer.body.error.message, /not by its sender/);
  const wrongAction = await post(callbackUrl, JSON.stringify({ context, message: {} }), {});
  t.equal(wrongAction.status, 401);
});

t.test('the registry answers only signed lookups', async (t) => {
  const body = JSON.stringify({ type: 'BPP', city: 'std:080' });
  const unsigned = await post(`${sandbox.registryUrl}/v2.0/lookup`, body);
  t.equal(unsigned.status, 401);
  const signed = await post(`${sandbox.registryUrl}/v2.0/lookup`, body, { authorization: signAuthorization(body, buyerKey()) });
  t.equal(signed.status, 200);
  t.same(signed.body.map((e: any) => e.subscriber_id).sort(), [
    'freshbasket.sandbox.ondc.local',
    'glow.sandbox.ondc.local',
    'kirana.sandbox.ondc.local',
    'rasoi.sandbox.ondc.local',
  ]);
  t.ok(signed.body.every((e: any) => e.signing_public_key.length === 44 && e.status === 'SUBSCRIBED'));
});

t.test('callbacks signed by a seller are accepted only untampered, in time and with its registered key', async (t) => {
  const seller = sandbox.entries().find((e) => e.subscriber_id === 'kirana.sandbox.ondc.local')!;
  const { sandboxIdentity } = await import('../src/sandbox/identities.js');
  const identity = sandboxIdentity({ subscriberId: seller.subscriber_id, type: 'BPP', domain: seller.domain, city: seller.city, url: seller.subscriber_url, seed: 1 });
  const context = {
    ...JSON.parse(searchBody('std:080', 'ONDC:RET10', { subscriberId: seller.subscriber_id, uri: seller.subscriber_url })).context,
    action: 'on_select',
  };
  const body = JSON.stringify({ context, message: { order: {} } });
  const url = `${shop.app.listeningOrigin}/ondc/on_select`;
  const good = await post(url, body, { authorization: signAuthorization(body, identity.key) });
  t.equal(good.status, 200, 'a valid callback is acknowledged (nobody awaited it)');
  t.same(good.body, { message: { ack: { status: 'ACK' } } });
  const tampered = await post(url, body.replace('"order":{}', '"order":{"id":"x"}'), {
    authorization: signAuthorization(body, identity.key),
  });
  t.equal(tampered.status, 401, 'a body changed after signing is refused');
  const expired = await post(url, body, {
    authorization: signAuthorization(body, identity.key, { created: Math.floor(Date.now() / 1000) - 3600, ttlSeconds: 60 }),
  });
  t.equal(expired.status, 401, 'an expired signature is refused');
  t.match(expired.body.error.message, /expired/);
  const otherKey = await post(url, body, {
    authorization: signAuthorization(body, { ...identity.key, uniqueKeyId: 'rotated-away' }),
  });
  t.equal(otherKey.status, 401, 'a key id the registry does not list is refused');
});

t.test('sellers refuse a search whose signature has expired', async (t) => {
  const seller = sandbox.entries().find((e) => e.type === 'BPP')!;
  const body = searchBody();
  const expired = await post(`${seller.subscriber_url}/search`, body, {
    authorization: signAuthorization(body, buyerKey(), { created: Math.floor(Date.now() / 1000) - 7200, ttlSeconds: 300 }),
  });
  t.equal(expired.status, 401);
  t.match(expired.body, { message: { ack: { status: 'NACK' } }, error: { code: '30016', message: /expired/ } });
});
