/**
 * SIGTERM drains the real server: requests in flight finish and are kept, new ones are refused with a retry hint,
 * /ready turns 503 so a load balancer stops sending, and the process exits cleanly; a request that never ends
 * cannot hold the process past SHUTDOWN_TIMEOUT_SECONDS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { freePort, startServer, type ServerProcess } from './helpers/server-process.js';
import { openTestShop } from './helpers/shop.js';
import { checkouts } from '../src/core/checkout.js';
import { readyCheckout } from './helpers/checkout.js';
import { restCaller } from './helpers/rest.js';

async function api(base: string, method: string, path: string, session?: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(session ? { 'x-session-id': session } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

/** A client that has sent a request's headers and half its body: to the server, a request in flight. */
function halfSentRequest(
  port: number,
  path: string,
  session: string,
  body: string,
  connection: 'close' | 'keep-alive' = 'close',
): Promise<{ socket: Socket; finish(): Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      const half = Math.floor(body.length / 2);
      socket.write(
        `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\ncontent-type: application/json\r\n` +
          `x-session-id: ${session}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: ${connection}\r\n\r\n${body.slice(0, half)}`,
      );
      let answer = '';
      socket.on('data', (d) => (answer += String(d)));
      const ended = new Promise<string>((done) => socket.on('close', () => done(answer)));
      resolve({ socket, finish: () => (socket.write(body.slice(half)), ended) });
    });
    socket.once('error', reject);
  });
}

/** Waits until the server counts a request in flight: bytes sent are not yet a request it has read. */
async function serving(base: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    const metrics = await (await fetch(`${base}/metrics`)).text();
    if (/^ondc_shop_http_requests_in_flight [1-9]/m.test(metrics)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the server never counted the request in flight');
}

const exited = (server: ServerProcess) =>
  new Promise<number | null>((resolve) => (server.child.exitCode !== null ? resolve(server.child.exitCode) : server.child.once('exit', resolve)));

t.test('SIGTERM: the request in flight completes and is kept; new requests get 503 with Retry-After; exit 0', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ondc-drain-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const port = await freePort();
  const env = { DATA_DIR: dir, SHUTDOWN_TIMEOUT_SECONDS: '60' };
  const server = await startServer(env, port);
  t.teardown(() => void server.child.kill('SIGKILL'));

  const session = (await api(server.base, 'POST', '/api/v1/sessions', undefined, {})).body.data.session_id as string;
  const product = (await api(server.base, 'GET', '/api/v1/products?query=ghee&in_stock=true', session)).body.data.results[0];
  const inFlight = await halfSentRequest(port, '/api/v1/cart/items', session, JSON.stringify({ product_id: product.id, quantity: 3 }));
  await serving(server.base);

  server.child.kill('SIGTERM');
  // the signal is handled asynchronously: wait until the server says it is draining
  let ready = await api(server.base, 'GET', '/ready');
  for (let i = 0; i < 100 && ready.body.status !== 'draining'; i += 1) {
    await new Promise((r) => setTimeout(r, 50));
    ready = await api(server.base, 'GET', '/ready');
  }
  t.equal(ready.status, 503, '/ready turns 503 so the load balancer stops sending');
  t.equal(ready.body.status, 'draining');

  const refused = await api(server.base, 'GET', '/api/v1/cart', session);
  t.equal(refused.status, 503);
  t.equal(refused.body.error.code, 'SHUTTING_DOWN');
  t.match(refused.body.error.message, /send the request again/);
  t.equal(refused.headers.get('retry-after'), '1');
  t.equal(server.child.exitCode, null, 'still running while a request is in flight');

  const answer = await inFlight.finish();
  t.match(answer, /^HTTP\/1\.1 200 /, 'the request in flight was served to its end');
  const served = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
  t.same(served.data.lines.map((l: any) => [l.product_id, l.quantity]), [[product.id, 3]]);
  t.equal(await exited(server), 0, 'then the server exits cleanly');
  t.match(server.stderr(), /^$/, 'nothing went wrong on the way out');

  const again = await startServer(env, port);
  t.teardown(() => void again.child.kill('SIGKILL'));
  const cart = await api(again.base, 'GET', '/api/v1/cart', session);
  t.same(cart.body.data.lines.map((l: any) => [l.product_id, l.quantity]), [[product.id, 3]], 'what it served was kept');
  again.child.kill('SIGTERM');
  t.equal(await exited(again), 0, `an idle server stops at once ${again.stderr()}`);
});

/** A real server sent SIGTERM while a client holds a request it never finishes sending. */
async function drainingWithStuckRequest(t: Test, shutdownTimeoutSeconds: string): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'ondc-drain-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const port = await freePort();
  const server = await startServer({ DATA_DIR: dir, SHUTDOWN_TIMEOUT_SECONDS: shutdownTimeoutSeconds }, port);
  t.teardown(() => void server.child.kill('SIGKILL'));
  const session = (await api(server.base, 'POST', '/api/v1/sessions', undefined, {})).body.data.session_id as string;
  const stuck = await halfSentRequest(port, '/api/v1/cart/items', session, JSON.stringify({ product_id: 'whatever', quantity: 1 }));
  t.teardown(() => stuck.socket.destroy());
  await serving(server.base);
  server.child.kill('SIGTERM');
  return server;
}

t.test('a request that never finishes cannot hold the process past SHUTDOWN_TIMEOUT_SECONDS', async (t) => {
  const server = await drainingWithStuckRequest(t, '1');
  t.equal(await exited(server), 0, 'it gave up waiting and stopped');
});

t.test('a second SIGTERM during the drain stops the server at once', async (t) => {
  const server = await drainingWithStuckRequest(t, '600');
  let status = '';
  while (status !== 'draining') {
    await new Promise((r) => setTimeout(r, 50));
    status = (await api(server.base, 'GET', '/ready')).body.status;
  }
  server.child.kill('SIGTERM');
  t.equal(await exited(server), 1, 'the operator insisted: exit 1 without waiting the 600 s');
});

t.test('a keep-alive connection busy when the server closes is answered, then closed: it cannot hold the close', async (t) => {
  const shop = await openTestShop();
  const port = (shop.app.server.address() as { port: number }).port;
  const session = (await api(`http://127.0.0.1:${port}`, 'POST', '/api/v1/sessions', undefined, {})).body.data.session_id as string;
  const busy = await halfSentRequest(port, '/api/v1/cart/items', session, JSON.stringify({ product_id: 'nobody-sells:this', quantity: 1 }), 'keep-alive');
  await serving(`http://127.0.0.1:${port}`);
  const closed = shop.close();
  const answer = await busy.finish();
  t.match(answer, /^HTTP\/1\.1 404 /, 'the request in flight got its answer');
  t.match(answer, /\r\nconnection: close\r\n/i, 'saying the connection ends with it');
  await closed;
  t.ok(busy.socket.destroyed || busy.socket.readableEnded, 'and the server ended the connection rather than keeping it idle');
});

t.test('a client that hangs up does not end its request for the drain: the confirm it started still finishes first', async (t) => {
  const shop = await openTestShop({ SANDBOX_STATUS_STEP_SECONDS: '3600' });
  t.teardown(shop.close);
  const call = restCaller(shop.app);
  const { session_id, checkout_id, basket } = await readyCheckout(call, shop.runtime.deps.catalog);
  const { confirmation_token } = await call('review_order', { session_id, checkout_id });
  // the sellers take a while to answer, so the confirm is still running when its client goes away
  for (const seller of [basket.grocer, basket.beauty]) shop.runtime.sandbox!.seller(seller.bppId).delay(1000);
  const port = (shop.app.server.address() as { port: number }).port;
  const client = new AbortController();
  const confirm = fetch(`http://127.0.0.1:${port}/api/v1/checkouts/${checkout_id}/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-session-id': session_id },
    body: JSON.stringify({ confirmation_token }),
    signal: client.signal,
  }).catch(() => 'hung up');
  await serving(`http://127.0.0.1:${port}`);
  client.abort();
  t.equal(await confirm, 'hung up');
  t.equal(shop.app.drain.inFlight(), 1, 'the request still counts: its handler runs on');
  const drained = await shop.app.drain.start(30_000);
  t.equal(drained.drained, true);
  const placed = await checkouts(shop.runtime.deps).get(checkout_id);
  t.same(placed?.sellers.map((s) => s.state), ['confirmed', 'confirmed'], 'the drain ended only once the confirm had placed both orders');
});
