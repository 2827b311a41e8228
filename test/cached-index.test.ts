/** The search cache (CACHE_TTL_SECONDS): repeats within the TTL come from memory; every write empties it. */
import t from 'tap';
import { generateCatalog } from '../src/sandbox/catalog/index.js';
import { cachedIndex } from '../src/search/cached-index.js';
import { EmbeddedCatalogIndex } from '../src/search/embedded-index.js';

t.test('repeats are served from memory until the TTL passes or the index changes', async (t) => {
  const catalog = generateCatalog({ seed: 1, productsPerProvider: 30 });
  let clock = 0;
  const index = cachedIndex(new EmbeddedCatalogIndex(), 60, () => clock);
  await index.load(catalog);
  const query = { text: 'atta', limit: 5, page: 1 };
  const first = await index.search(query);
  t.equal(index.hits, 0);
  t.equal(await index.search({ page: 1, limit: 5, text: 'atta' }), first, 'the same query, fields in another order, is a hit');
  t.equal(index.hits, 1);
  await index.search({ ...query, veg: true });
  t.equal(index.hits, 1, 'other filters are another query');

  const target = first.hits[0]!.product;
  await index.upsert([{ ...target, pricePaise: target.pricePaise + 100, updatedAt: new Date(Date.parse(target.updatedAt) + 1000).toISOString() }], []);
  const fresh = await index.search(query);
  t.not(fresh, first, 'a write empties the cache');
  t.equal(fresh.hits.find((h) => h.product.id === target.id)?.product.pricePaise, target.pricePaise + 100, 'the new price shows at once');
  clock = 61_000;
  t.not(await index.search(query), fresh, 'after the TTL the index is asked again');
});
