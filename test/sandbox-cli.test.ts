/** `ondc-shop sandbox` runs the network alone; an outside buyer app joins it by a self-signed subscribe. */
import { request } from 'undici';
import t from 'tap';
import { generateKeyPair, signAuthorization } from '../src/ondc/signing.js';
import { freePort, startSandboxProcess } from './helpers/server-process.js';

const port = await freePort();
const { child, base, ready } = await startSandboxProcess(port, { SANDBOX_PRODUCTS_PER_PROVIDER: '20' });
t.teardown(() => void child.kill('SIGKILL'));

async function post(path: string, body: unknown, authorization?: string) {
  const text = JSON.stringify(body);
  const res = await request(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: text,
  });
  return { status: res.statusCode, body: (await res.body.json()) as any, text };
}

t.test('it announces the registry, the gateway and six sellers', async (t) => {
  t.equal(ready['registry'], `${base}/registry/v2.0/lookup`);
  t.equal(ready['gateway'], `${base}/gateway/search`);
  t.equal(ready['sellers'].length, 6);
});

t.test('a buyer app subscribes with a request signed by the key it registers, then may look up', async (t) => {
  const pair = generateKeyPair();
  const key = { subscriberId: 'outside-buyer.example.com', uniqueKeyId: 'k1', privateKey: pair.privateKey };
  const entry = { subscriber_id: key.subscriberId, ukId: key.uniqueKeyId, subscriber_url: 'http://127.0.0.1:9/ondc', signing_public_key: pair.publicKey };
  const text = JSON.stringify(entry);

  const forged = await post('/registry/subscribe', entry, signAuthorization(text, { ...key, privateKey: generateKeyPair().privateKey }));
  t.equal(forged.status, 401, 'signed with another key: refused');
  const unsigned = await post('/registry/subscribe', entry);
  t.equal(unsigned.status, 401);
  const incomplete = await post('/registry/subscribe', { subscriber_id: key.subscriberId }, signAuthorization(JSON.stringify({ subscriber_id: key.subscriberId }), key));
  t.equal(incomplete.status, 400);
  t.match(incomplete.body.error.message, /missing ukId, subscriber_url, signing_public_key/);

  const ok = await post('/registry/subscribe', entry, signAuthorization(text, key));
  t.equal(ok.status, 200);
  const query = { subscriber_id: key.subscriberId };
  const found = await post('/registry/v2.0/lookup', query, signAuthorization(JSON.stringify(query), key));
  t.equal(found.status, 200);
  t.match(found.body, [{ subscriber_id: key.subscriberId, type: 'BAP', signing_public_key: pair.publicKey, status: 'SUBSCRIBED' }]);
});
