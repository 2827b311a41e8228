/**
 * One contract for every product index: the embedded index in process, and the Qdrant adapter against the
 * Qdrant stand-in (no Qdrant server can be installed on this machine; the stand-in follows Qdrant's REST
 * contract, with strict payload indexes, so a filter on an unindexed key fails here as it would on Qdrant Cloud).
 * Filters are checked against an independent reading of the catalog, not against the code under test.
 */
import t, { type Test } from 'tap';
import type { Catalog, Product } from '../src/core/catalog.js';
import type { CatalogIndex } from '../src/core/ports.js';
import { generateCatalog } from '../src/sandbox/catalog/index.js';
import { EmbeddedCatalogIndex } from '../src/search/embedded-index.js';
import { QdrantCatalogIndex } from '../src/search/qdrant-index.js';
import { hashEmbedder } from './helpers/hash-embedder.js';
import { startQdrantStandIn, type QdrantStandIn } from './helpers/qdrant-standin.js';

const catalog = generateCatalog({ seed: 1, productsPerProvider: 40 });
const providerOf = new Map(catalog.providers.map((p) => [p.id, p]));

interface Adapter {
  name: string;
  open(): Promise<{ index: CatalogIndex; close(): Promise<void>; standin?: QdrantStandIn }>;
}

const adapters: Adapter[] = [
  { name: 'embedded', open: async () => ({ index: new EmbeddedCatalogIndex(), close: async () => undefined }) },
  {
    name: 'qdrant',
    open: async () => {
      const standin = await startQdrantStandIn({ apiKey: 'test-qdrant-key' });
      const index = new QdrantCatalogIndex({ url: standin.url, apiKey: 'test-qdrant-key', alias: 'products' });
      return { index, standin, close: () => standin.close() };
    },
  },
];

/** What a filter means, read straight off the catalog. */
const reference: Record<string, { filter: Record<string, unknown>; holds: (p: Product) => boolean }> = {
  category: { filter: { category: 'Foodgrains' }, holds: (p) => p.categoryId === 'Foodgrains' || p.categoryPath.includes('Foodgrains') },
  price: { filter: { minPricePaise: 100_00, maxPricePaise: 300_00 }, holds: (p) => p.pricePaise >= 100_00 && p.pricePaise <= 300_00 },
  provider: { filter: { providerId: catalog.providers[0]!.id }, holds: (p) => p.providerId === catalog.providers[0]!.id },
  brand: { filter: { brand: 'amul' }, holds: (p) => p.brand.toLowerCase() === 'amul' },
  veg: { filter: { veg: true }, holds: (p) => p.veg === true },
  nonVeg: { filter: { veg: false }, holds: (p) => p.veg === false },
  inStock: { filter: { inStock: true }, holds: (p) => p.stock > 0 },
  cod: { filter: { cod: true }, holds: (p) => p.cod && (providerOf.get(p.providerId)?.cod ?? false) },
  pincode: {
    filter: { pincode: catalog.providers[0]!.serviceablePincodes[0] },
    holds: (p) => providerOf.get(p.providerId)?.serviceablePincodes.includes(catalog.providers[0]!.serviceablePincodes[0]!) ?? false,
  },
  rating: { filter: { minRating: 4.5 }, holds: (p) => p.rating >= 4.5 },
};

const sum = (xs: Array<{ count: number }>) => xs.reduce((a, x) => a + x.count, 0);

async function allPages(index: CatalogIndex, query: Record<string, unknown>, limit: number): Promise<{ ids: string[]; total: number }> {
  const ids: string[] = [];
  let total = 0;
  for (let page = 1; page < 100; page++) {
    const r = await index.search({ limit, page, ...query });
    total = r.total;
    ids.push(...r.hits.map((h) => h.product.id));
    if (r.hits.length < limit) break;
  }
  return { ids, total };
}

function contract(t: Test, adapter: Adapter) {
  let index: CatalogIndex;
  let close: () => Promise<void>;
  let standin: QdrantStandIn | undefined;
  t.before(async () => {
    ({ index, close, standin } = await adapter.open());
    await index.load(catalog);
  });
  t.teardown(() => close());

  t.test('holds the catalog it was given', async (t) => {
    t.equal(await index.size(), catalog.products.length);
    const first = catalog.products[0]!;
    t.same(await index.getProduct(first.id), first, 'a product comes back whole');
    t.equal(await index.getProduct('nobody:nothing'), null);
    const many = await index.getProducts([first.id, catalog.products[1]!.id, 'nobody:nothing']);
    t.same([...many.keys()], [first.id, catalog.products[1]!.id]);
    t.same(await index.getProvider(catalog.providers[0]!.id), catalog.providers[0]);
    const categories = await index.categories();
    t.equal(categories.reduce((a, c) => a + c.productCount, 0), catalog.products.length, 'categories count every product');
    t.equal((await index.status()).retrieval, 'keyword');
  });

  t.test('every filter selects exactly the products that satisfy it', async (t) => {
    for (const [name, { filter, holds }] of Object.entries(reference)) {
      const expected = catalog.products.filter(holds).map((p) => p.id).sort();
      t.ok(expected.length > 0, `${name}: the catalog has products for this filter`);
      const { ids, total } = await allPages(index, filter, 50);
      t.equal(total, expected.length, `${name}: total`);
      t.same([...ids].sort(), expected, `${name}: the same products`);
    }
    const both = await index.search({ limit: 100, page: 1, veg: true, maxPricePaise: 100_00, text: 'rice' });
    t.ok(both.hits.every((h) => h.product.veg === true && h.product.pricePaise <= 100_00), 'filters hold under a text query');
  });

  t.test('an unknown category is refused with what to do', async (t) => {
    await t.rejects(index.search({ limit: 5, page: 1, category: 'Moon Rocks' }), { code: 'CATEGORY_NOT_FOUND' });
  });

  t.test('facets count every match', async (t) => {
    for (const query of [{}, { text: 'rice' }, { text: 'masala', veg: true }]) {
      const r = await index.search({ limit: 5, page: 1, ...query });
      t.ok(r.total > 0, `${JSON.stringify(query)}: matches`);
      for (const [facet, counts] of Object.entries(r.facets)) t.equal(sum(counts), r.total, `${JSON.stringify(query)}: ${facet} adds up`);
    }
  });

  t.test('pages walk the matches without repeats', async (t) => {
    const { ids, total } = await allPages(index, { text: 'rice' }, 7);
    t.equal(ids.length, total);
    t.equal(new Set(ids).size, ids.length, 'no product twice');
  });

  t.test('words: every word first, plurals and typos still match, sorts order', async (t) => {
    const exact = await index.search({ limit: 5, page: 1, text: 'whole wheat atta' });
    t.match(exact.hits[0]?.product.name, /whole wheat atta/i);
    const typo = await index.search({ limit: 3, page: 1, text: 'multigran atta' });
    t.ok(typo.hits.some((h) => /multigrain atta/i.test(h.product.name)), `typo: ${typo.hits.map((h) => h.product.name).join('; ')}`);
    const plural = await index.search({ limit: 5, page: 1, text: 'biscuits' });
    t.ok(plural.hits.length > 0 && plural.hits.every((h) => /biscuit|cookie/i.test(h.product.name)), 'plural');
    const cheap = await index.search({ limit: 20, page: 1, text: 'rice', sort: 'price_asc' });
    const prices = cheap.hits.map((h) => h.product.pricePaise);
    t.same(prices, [...prices].sort((a, b) => a - b), 'price ascending');
    const dear = await index.search({ limit: 20, page: 1, text: 'rice', sort: 'price_desc' });
    const down = dear.hits.map((h) => h.product.pricePaise);
    t.same(down, [...down].sort((a, b) => b - a), 'price descending');
    const rated = await index.search({ limit: 20, page: 1, sort: 'rating' });
    const ratings = rated.hits.map((h) => h.product.rating);
    t.same(ratings, [...ratings].sort((a, b) => b - a), 'best rated first');
  });

  t.test('upserts apply changes in place; older copies never win; removal is immediate', async (t) => {
    const target = catalog.products.find((p) => /atta/i.test(p.name) && p.stock > 0) as Product;
    const later = new Date(Date.parse(target.updatedAt) + 60_000).toISOString();
    const cheaper: Product = { ...target, pricePaise: 1_00, stock: 0, updatedAt: later };
    const report = await index.upsert([cheaper], []);
    t.same(report, { added: 0, changed: 0, updated: 1, unchanged: 0 }, 'a price and stock change is an update');
    t.equal((await index.getProduct(target.id))?.pricePaise, 1_00);
    const inStock = await index.search({ limit: 100, page: 1, text: 'atta', inStock: true });
    t.notOk(inStock.hits.some((h) => h.product.id === target.id), 'out of stock now');
    const stale = await index.upsert([{ ...target, pricePaise: 999_00 }], []);
    t.equal(stale.unchanged, 1, 'an older copy is ignored');
    t.equal((await index.getProduct(target.id))?.pricePaise, 1_00);

    const fresh: Product = { ...target, id: `${target.providerId}:zz-new-item`, itemId: 'zz-new-item', name: 'Zanzibar Clove Honey 250 g', updatedAt: later };
    t.same(await index.upsert([fresh], []), { added: 1, changed: 0, updated: 0, unchanged: 0 });
    const found = await index.search({ limit: 5, page: 1, text: 'zanzibar honey' });
    t.equal(found.hits[0]?.product.id, fresh.id, 'a new item is findable');
    t.equal(await index.remove([fresh.id, 'nobody:nothing']), 1);
    const gone = await index.search({ limit: 5, page: 1, text: 'zanzibar' });
    t.notOk(gone.hits.some((h) => h.product.id === fresh.id), 'a removed item is gone');
    await index.upsert([{ ...target, updatedAt: new Date(Date.parse(later) + 1000).toISOString() }], []);
  });

  t.test('a reload swaps catalogs with no empty moment', async (t) => {
    const next: Catalog = generateCatalog({ seed: 2, productsPerProvider: 30 });
    let searching = true;
    let searches = 0;
    let empty = 0;
    const watcher = (async () => {
      while (searching) {
        const r = await index.search({ limit: 1, page: 1, text: 'rice' });
        searches += 1;
        if (r.total === 0) empty += 1;
      }
    })();
    await index.load(next);
    searching = false;
    await watcher;
    t.ok(searches > 0, `${searches} searches ran during the reload`);
    t.equal(empty, 0, 'none found the index empty');
    t.equal(await index.size(), next.products.length);
    if (standin) t.same(Object.values(standin.aliases()), ['products_v2'], 'the alias moved to the new collection');
    if (standin) t.notOk(standin.collectionNames().includes('products_v1'), 'the old collection is dropped');
    await index.load(catalog);
  });

  t.test('hybrid: vectors join by meaning, obey filters, and only changed text is embedded again', async (t) => {
    const keywordOnly = await index.search({ limit: 5, page: 1, text: 'multigrainatta' });
    // MiniSearch's typo tolerance stops at two edits; Qdrant's trigram near matches may already reach it
    if (adapter.name === 'embedded') t.equal(keywordOnly.total, 0, 'no word matches it');
    const embedder = hashEmbedder();
    await index.attachEmbedder(embedder);
    const status = await index.status();
    t.equal(status.retrieval, 'hybrid');
    t.equal(status.vectors, catalog.products.length);
    t.ok(embedder.texts >= catalog.products.length, `every product embedded (${embedder.texts} texts)`);

    const joined = await index.search({ limit: 5, page: 1, text: 'multigrainatta' });
    t.match(joined.hits[0]?.product.name, /multigrain atta/i, `no word matches, the vector side does: ${joined.hits.map((h) => h.product.name).join('; ')}`);
    for (const [facet, counts] of Object.entries(joined.facets)) t.equal(sum(counts), joined.total, `${facet} adds up with neighbours`);
    const filtered = await index.search({ limit: 50, page: 1, text: 'multigrainatta', veg: true, maxPricePaise: 200_00 });
    t.ok(filtered.hits.every((h) => h.product.veg === true && h.product.pricePaise <= 200_00), 'neighbours obey filters');

    const target = catalog.products[5] as Product;
    const before = embedder.texts;
    const bump = new Date(Date.parse(target.updatedAt) + 120_000).toISOString();
    await index.upsert([{ ...target, pricePaise: target.pricePaise + 100, updatedAt: bump }], []);
    t.equal(embedder.texts, before, 'a price change embeds nothing');
    await index.upsert([{ ...target, name: `${target.name} Special`, updatedAt: new Date(Date.parse(bump) + 1000).toISOString() }], []);
    t.equal(embedder.texts, before + 1, 'a name change embeds that product once');
  });
}

for (const adapter of adapters) t.test(`${adapter.name} index`, async (t) => contract(t, adapter));

t.test('qdrant: every filter key has a payload index, and the key is sent only to Qdrant', async (t) => {
  const standin = await startQdrantStandIn({ apiKey: 'k-123' });
  t.teardown(() => standin.close());
  const index = new QdrantCatalogIndex({ url: standin.url, apiKey: 'k-123', alias: 'shop' });
  await index.load(catalog);
  // strict indexes refuse filters on unindexed keys: every filter at once proves each has its index
  const r = await index.search({
    limit: 5,
    page: 1,
    text: 'rice',
    category: 'Foodgrains',
    minPricePaise: 1,
    providerId: catalog.providers[0]!.id,
    brand: 'daawat',
    veg: true,
    inStock: true,
    cod: true,
    pincode: catalog.providers[0]!.serviceablePincodes[0] as string,
    minRating: 1,
  });
  t.ok(r.total >= 0);
  t.ok(standin.requests.length > 0 && standin.requests.every((q) => q.authorized), 'every request carried the key');
  const wrong = new QdrantCatalogIndex({ url: standin.url, apiKey: 'wrong', alias: 'shop' });
  await t.rejects(wrong.search({ limit: 1, page: 1, text: 'rice' }), 'a wrong key is refused');
});
