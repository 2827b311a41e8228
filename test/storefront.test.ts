/**
 * How the service serves the storefront (no browser needed): the page at its own paths only, revalidated on
 * every load; hashed assets cached for a year, compressed ahead of time and outside the rate limit; every other
 * unknown URL keeps the API's JSON 404; and a clear page when the storefront was never built.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import Fastify from 'fastify';
import t from 'tap';
import { sendError } from '../src/http/errors.js';
import { registerStorefront, STOREFRONT_ROOT } from '../src/http/storefront.js';
import { openTestShop } from './helpers/shop.js';
import { ensureStorefrontBuilt } from './helpers/storefront.js';

ensureStorefrontBuilt();
const shop = await openTestShop({ SANDBOX_PRODUCTS_PER_PROVIDER: '10' });
t.teardown(shop.close);
const get = (url: string, headers: Record<string, string> = {}) => shop.app.inject({ method: 'GET', url, headers });

t.test('the page answers at the storefront’s paths, revalidated on every load, with a strict policy', async (t) => {
  for (const path of ['/', '/?query=atta', '/p/sri-lakshmi-kirana:atta-aashirvaad-5-kg', '/cart', '/signin', '/checkout', '/checkout/chk_0123456789abcdef', '/orders', '/orders/ord_0123456789abcdef']) {
    const res = await get(path);
    t.equal(res.statusCode, 200, `${path} is the page`);
    t.match(res.headers['content-type'], /^text\/html/);
    t.equal(res.headers['cache-control'], 'no-cache', `${path}: always revalidated, so a new build shows at once`);
  }
  const res = await get('/');
  t.match(res.body, /<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js">/, 'the built page, pointing at hashed assets');
  t.match(res.headers['content-security-policy'], /script-src 'self'/);
  t.match(res.headers['content-security-policy'], /connect-src 'self'/, 'the page talks to this service only');
  t.equal(res.headers['x-content-type-options'], 'nosniff');
  t.ok(res.headers['x-ratelimit-limit'], 'a page load counts against the rate limit');
  const again = await get('/', { 'if-none-match': String(res.headers['etag']) });
  t.equal(again.statusCode, 304, 'an unchanged page is not sent again');
});

t.test('hashed assets: cached for a year, sent compressed, not rate limited', async (t) => {
  const page = (await get('/')).body;
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(page)?.[1];
  const style = /href="(\/assets\/[^"]+\.css)"/.exec(page)?.[1];
  t.ok(script && style, 'the page names a script and a stylesheet');
  for (const asset of [script!, style!]) {
    const plain = await get(asset);
    t.equal(plain.statusCode, 200, asset);
    t.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable');
    t.notOk(plain.headers['x-ratelimit-limit'], 'assets do not count against the rate limit');
    t.same(plain.rawPayload, readFileSync(join(STOREFRONT_ROOT, asset)), 'the built file itself');
    const br = await shop.app.inject({ method: 'GET', url: asset, headers: { 'accept-encoding': 'br, gzip' } });
    t.equal(br.headers['content-encoding'], 'br', 'Brotli, compressed at build time');
    t.match(br.headers['vary'], /accept-encoding/i);
    t.same(brotliDecompressSync(br.rawPayload), plain.rawPayload, 'the same bytes once decompressed');
  }
  t.match((await get(script!)).headers['content-type'], /javascript/);
  t.match((await get(style!)).headers['content-type'], /text\/css/);
});

t.test('every other unknown URL keeps the API’s JSON 404; the API, docs and probes are untouched', async (t) => {
  for (const path of ['/api/v1/nope', '/api/v1/products/x/y', '/mcp/nope', '/docs/nope', '/ondc/nope', '/health/x', '/ready/x', '/metrics/x', '/nope', '/cart/x', '/assets/missing.js', '/p/a/b']) {
    const res = await get(path);
    t.equal(res.statusCode, 404, `${path} is not found`);
    t.match(res.headers['content-type'], /application\/json/, `${path}: not the page`);
    t.equal(res.json().error.code, 'NOT_FOUND');
  }
  const traversal = await get('/assets/..%2f..%2fpackage.json');
  t.ok(traversal.statusCode >= 400 && traversal.statusCode < 500, 'no way out of the assets folder');
  t.notMatch(traversal.body, /"name": "ondc-shopping-mcp"/);
  t.equal((await get('/health')).statusCode, 200);
  t.equal((await get('/docs/json')).statusCode, 200);
  const session = await shop.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: {} });
  t.equal(session.statusCode, 200, 'the API answers as before');
  const documented = Object.keys((await get('/docs/json')).json().paths as Record<string, unknown>);
  t.notOk(documented.some((p) => p === '/' || p.startsWith('/assets') || p.startsWith('/cart')), 'the storefront routes stay out of the API document');
});

t.test('without a build, / says how to build it (a 404 in the API’s shape) and no page path is claimed', async (t) => {
  const empty = mkdtempSync(join(tmpdir(), 'storefront-unbuilt-'));
  t.teardown(() => rmSync(empty, { recursive: true, force: true }));
  const app = Fastify({ logger: false });
  t.teardown(() => app.close());
  app.setErrorHandler((err, request, reply) => sendError(err, request, reply, false));
  await registerStorefront(app, { root: empty });
  const res = await app.inject({ method: 'GET', url: '/' });
  t.equal(res.statusCode, 404);
  t.equal(res.json().error.code, 'NOT_FOUND');
  t.match(res.json().error.message, /npm run build/);
  t.equal((await app.inject({ method: 'GET', url: '/cart' })).statusCode, 404, 'no page paths without a page');
});
