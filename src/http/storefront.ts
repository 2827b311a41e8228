/**
 * The storefront: the web page built from web/ into dist/web (npm run build), served at `/`. It talks to the
 * public REST API only. Hashed assets under /assets are cached for a year; the page itself (index.html) is
 * revalidated on every load, so a new build shows at once. Only the storefront's own paths fall back to the page:
 * every other unknown URL (under /api, /mcp, /docs, /ondc…) keeps the API's JSON 404.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DomainError } from '../core/errors.js';

/** dist/web, from both src/http (tsx) and dist/http (built). */
export const STOREFRONT_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** The paths the page's own router knows (web/src/router.ts); each answers with the page. */
export const STOREFRONT_PATHS = ['/', '/p/:product_id', '/cart', '/signin', '/checkout', '/checkout/:checkout_id', '/orders', '/orders/:order_id'];

const PAGE_HEADERS = {
  'cache-control': 'no-cache',
  'content-security-policy':
    "default-src 'self'; img-src 'self' https: data:; script-src 'self'; style-src 'self'; connect-src 'self'; " +
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'referrer-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
};

export interface StorefrontOptions {
  root?: string;
}

export async function registerStorefront(app: FastifyInstance, { root = STOREFRONT_ROOT }: StorefrontOptions = {}): Promise<void> {
  // a page load is one request that counts; its hashed assets do not, since a browser fetches each once a year
  const asset = { config: { rateLimit: false as const }, schema: { hide: true } };
  if (!existsSync(`${root}/index.html`)) {
    app.log.warn({ root }, 'storefront not built: run npm run build to serve it at /');
    app.get('/', { schema: { hide: true } }, async () => {
      throw new DomainError('NOT_FOUND', 'The storefront is not built here: run npm run build (npm start builds what is missing), then reload. The API is at /docs.');
    });
    return;
  }
  await app.register(async (scope) => {
    // serve: false: only the routes below exist, with the headers chosen here
    await scope.register(fastifyStatic, { root, serve: false, preCompressed: true });
    const sendPage = (reply: FastifyReply) => reply.headers(PAGE_HEADERS).sendFile('index.html', { cacheControl: false });
    for (const path of STOREFRONT_PATHS) scope.get(path, { schema: { hide: true } }, async (_request, reply) => sendPage(reply));
    scope.get('/assets/*', asset, async (request, reply) => {
      const file = (request.params as { '*': string })['*'];
      return reply.header('x-content-type-options', 'nosniff').sendFile(file, `${root}/assets`, { maxAge: '365d', immutable: true });
    });
  });
}
