/**
 * Search as the service runs it: which index and embedder config picks, what /ready says about them, fresh
 * stock from a later pull applied in place, and the `ingest` command end to end (sandbox network, Qdrant
 * stand-in, remote embeddings stand-in).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { eventually } from './helpers/eventually.js';
import { restCaller } from './helpers/rest.js';
import { openTestShop } from './helpers/shop.js';
import { startEmbeddingsStandin } from './helpers/embeddings-standin.js';
import { hashEmbedder } from './helpers/hash-embedder.js';
import { startQdrantStandIn } from './helpers/qdrant-standin.js';
import { writeTinyModel } from './helpers/tiny-model.js';
import { runCheckoutJourney } from './helpers/checkout.js';

const SMALL = { SANDBOX_PRODUCTS_PER_PROVIDER: '30' };

async function ready(shop: Awaited<ReturnType<typeof openTestShop>>) {
  const res = await shop.app.inject({ method: 'GET', url: '/ready' });
  return { status: res.statusCode, body: res.json() };
}

t.test('without a model the service searches on keywords and /ready says why', async (t) => {
  const shop = await openTestShop({ ...SMALL, EMBEDDER: 'transformers', EMBEDDING_MODEL_DIR: '/nonexistent/model' });
  t.teardown(shop.close);
  await shop.runtime.vectorsReady();
  const { status, body } = await ready(shop);
  t.equal(status, 200, 'keyword search is still ready');
  t.equal(body.checks.index.retrieval, 'keyword');
  t.match(body.checks.index.problem, /\/nonexistent\/model/, 'names the folder it could not load');
  t.match(body.checks.index.problem, /EMBEDDING_MODEL_DIR|EMBEDDER=none/, 'and says what to do');
  const call = restCaller(shop.app);
  const { session_id } = await call('initialize_shopping', {});
  const r = await call('search_products', { session_id, query: 'atta', limit: 3 });
  t.ok(r['total'] > 0, 'search answers');
});

t.test('with a local model folder the service goes hybrid', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tiny-model-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  await writeTinyModel(dir, { dimensions: 24 });
  const shop = await openTestShop({ ...SMALL, EMBEDDER: 'transformers', EMBEDDING_MODEL_DIR: dir });
  t.teardown(shop.close);
  await shop.runtime.vectorsReady();
  const { body } = await ready(shop);
  t.equal(body.checks.index.retrieval, 'hybrid');
  t.equal(body.checks.index.vectors, body.checks.index.products, 'every product has a vector');
  t.match(body.checks.index.embedder, /^transformers:.*:24$/);
});

t.test('VECTOR_SEARCH_ENABLED=false keeps search on keywords, by choice', async (t) => {
  const shop = await openTestShop({ ...SMALL, VECTOR_SEARCH_ENABLED: 'false' }, { embedder: hashEmbedder() });
  t.teardown(shop.close);
  await shop.runtime.vectorsReady();
  t.equal((await ready(shop)).body.checks.index.retrieval, 'hybrid', 'an embedder handed over by a library user is used');
  const off = await openTestShop({ ...SMALL, VECTOR_SEARCH_ENABLED: 'false' });
  t.teardown(off.close);
  const { body } = await ready(off);
  t.equal(body.checks.index.retrieval, 'keyword');
  t.match(body.checks.index.problem, /VECTOR_SEARCH_ENABLED=false/);
});

t.test('QDRANT_URL puts the catalog in Qdrant, and a new replica updates it instead of rebuilding', async (t) => {
  const qdrant = await startQdrantStandIn({ apiKey: 'qk' });
  t.teardown(() => qdrant.close());
  const env = { ...SMALL, QDRANT_URL: qdrant.url, QDRANT_API_KEY: 'qk', QDRANT_COLLECTION: 'shop' };
  const first = await openTestShop(env);
  const { body } = await ready(first);
  t.equal(body.checks.index.kind, 'qdrant');
  t.equal(body.checks.index.products, 180);
  t.same(qdrant.aliases(), { shop: 'shop_v1' });
  const call = restCaller(first.app);
  const { session_id } = await call('initialize_shopping', {});
  const r = await call('search_products', { session_id, query: 'atta', veg: true, limit: 3 });
  t.ok(r['total'] > 0 && r['results'].every((p: any) => p.veg === true), 'search through Qdrant with a filter');
  await first.close();
  const second = await openTestShop(env);
  t.teardown(second.close);
  t.same(qdrant.aliases(), { shop: 'shop_v1' }, 'the second replica found the catalog and left the collection in place');
  t.equal((await ready(second)).body.checks.index.products, 180);
});


t.test('sellers push the stock an order took; a later pull agrees and changes nothing', async (t) => {
  const shop = await openTestShop({ ...SMALL, SANDBOX_STATUS_STEP_SECONDS: '3600' });
  t.teardown(shop.close);
  const call = restCaller(shop.app);
  const { basket, confirmed } = await runCheckoutJourney(call, shop.runtime.deps.catalog);
  t.equal((confirmed['sellers'] as unknown[]).length, 2, 'orders were placed');
  const { product, quantity } = basket.items[0]!;
  const pushed = await eventually(
    () => shop.runtime.deps.catalog.getProduct(product.id),
    (p) => p?.stock === product.stock - quantity,
  );
  t.equal(pushed?.stock, product.stock - quantity, 'the seller pushed the new stock (catalog_inc) and the index applied it');
  t.ok(Date.parse(pushed?.updatedAt ?? '') > Date.parse(product.updatedAt), 'stamped with when it changed');
  t.same(pushed?.categoryPath, product.categoryPath, 'the item keeps its category path');

  const report = await shop.runtime.refresh();
  t.equal(report.sellersAnswered, report.sellersExpected, 'every seller answered the pull');
  t.same(await shop.runtime.deps.catalog.getProduct(product.id), pushed, 'the full pull holds the same item');
});

t.test('ondc-shop ingest builds Qdrant with embeddings and moves the alias on each run', async (t) => {
  const qdrant = await startQdrantStandIn();
  const embeddings = await startEmbeddingsStandin({ dims: 32 });
  t.teardown(async () => {
    await qdrant.close();
    await embeddings.close();
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'ingest-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const run = () =>
    new Promise<{ stdout: string; stderr: string }>((resolve, reject) =>
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src/main.ts', 'ingest'],
        {
          env: {
            ...process.env,
            ...SMALL,
            DATA_DIR: dataDir,
            LOG_LEVEL: 'warn',
            QDRANT_URL: qdrant.url,
            EMBEDDER: 'remote',
            EMBEDDINGS_URL: `${embeddings.url}`,
            EMBEDDINGS_API_KEY: 'test-key',
            EMBEDDING_MODEL: 'test-embedding',
          },
        },
        (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve({ stdout, stderr })),
      ),
    );
  const first = await run();
  const summary = JSON.parse(first.stdout.trim().split('\n').at(-1) as string);
  t.equal(summary.products, 180);
  t.equal(summary.sellers, '6/6');
  t.ok(summary.products_per_second > 0, `${summary.products_per_second} products/s with embeddings`);
  t.match(summary.index, { kind: 'qdrant', retrieval: 'hybrid', products: 180, vectors: 180, embedder: 'remote:test-embedding:32' });
  t.match(first.stderr, /vectors\s+180\/180/, 'the progress shows embedding');
  t.match(first.stderr, /upload\s+181\/181/, 'and the upload (products and the catalog summary)');
  t.same(qdrant.aliases(), { products: 'products_v1' });
  await run();
  t.same(qdrant.aliases(), { products: 'products_v2' }, 'a second ingest swaps the alias');
  t.same(qdrant.collectionNames(), ['products_v2'], 'and drops the old collection');
});
