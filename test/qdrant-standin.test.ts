/**
 * The Qdrant stand-in, driven through the real @qdrant/js-client-rest client: every call our Qdrant adapter
 * relies on works, and the stand-in keeps Qdrant's semantics (scores, RRF, IDF, filters, strict-mode
 * refusals, aliases) and its error envelope, so adapter tests against it mean something.
 */
import t from 'tap';
import { QdrantClient, type Schemas } from '@qdrant/js-client-rest';
import { startQdrantStandIn, type QdrantStandIn } from './helpers/qdrant-standin.js';

/** The status and Qdrant error text of a call that must fail. */
async function refusal(call: Promise<unknown>): Promise<{ status: number; error: string }> {
  try {
    await call;
  } catch (e) {
    const err = e as { status?: number; data?: unknown };
    const data = err.data as { status?: { error?: string } } | string | undefined;
    return { status: err.status ?? 0, error: typeof data === 'string' ? data : (data?.status?.error ?? '') };
  }
  throw new Error('expected the call to be refused');
}
const client = (qd: QdrantStandIn, headers: Record<string, string> = {}) =>
  new QdrantClient({ url: qd.url, checkCompatibility: false, headers });
const ids = (r: { points: Array<{ id: string | number }> }) => r.points.map((p) => p.id);
const strictText = (key: string, types: string) =>
  `Bad request: Index required but not found for "${key}" of one of the following types: [${types}]. Help: Create an index for this key or use a different filter.`;

/** Five products; dense vectors are Cosine, `keywords` sparse vectors use the idf modifier. */
const PRODUCTS = [
  { id: 1, vector: { dense: [1, 0, 0], keywords: { indices: [10], values: [1] } },
    payload: { brand: 'amul', tags: ['dairy', 'milk'], price: 30, title: 'Amul Taaza Toned Milk' } },
  { id: 2, vector: { dense: [0.9, 0.1, 0], keywords: { indices: [11], values: [1] } },
    payload: { brand: 'amul', tags: ['dairy'], price: 50, title: 'Amul Butter Salted' } },
  { id: 3, vector: { dense: [0.5, 0.5, 0], keywords: { indices: [11], values: [2] } },
    payload: { brand: 'mother dairy', tags: ['dairy', 'milk'], price: 28, title: 'Mother Dairy Full Cream Milk' } },
  { id: 4, vector: { dense: [0, 1, 0], keywords: { indices: [11], values: [0.5] } },
    payload: { brand: 'tata', tags: ['salt'], price: 25, title: 'Tata Salt', discontinued: null } },
  { id: 5, vector: { dense: [0, 0, 1], keywords: { indices: [12], values: [1] } },
    payload: { brand: 'aashirvaad', tags: [], price: 250, title: 'Aashirvaad Atta 5 kg' } },
];
async function seed(qc: QdrantClient, name: string, modifier: 'idf' | 'none' = 'idf') {
  await qc.createCollection(name, { vectors: { dense: { size: 3, distance: 'Cosine' } }, sparse_vectors: { keywords: { modifier } } });
  await qc.upsert(name, { wait: true, points: PRODUCTS });
  for (const [field_name, field_schema] of [['brand', 'keyword'], ['tags', 'keyword'], ['price', 'integer'], ['title', 'text'], ['discontinued', 'keyword']] as const) {
    await qc.createPayloadIndex(name, { field_name, field_schema, wait: true });
  }
}

const qd = await startQdrantStandIn();
t.teardown(() => qd.close());
const qc = client(qd);
await seed(qc, 'products');

t.test('version, health and the collection lifecycle', async (t) => {
  t.same(await qc.versionInfo(), { title: 'qdrant - vector search engine', version: '1.16.0', commit: 'standin' });
  t.equal((await fetch(`${qd.url}/healthz`)).status, 200);
  t.equal((await fetch(`${qd.url}/readyz`)).status, 200);

  t.same((await qc.getCollections()).collections, [{ name: 'products' }]);
  t.same(await qc.collectionExists('products'), { exists: true });
  t.same(await qc.collectionExists('nope'), { exists: false });
  const info = await qc.getCollection('products');
  t.equal(info.status, 'green');
  t.equal(info.points_count, 5);
  t.same(info.config.params.vectors, { dense: { size: 3, distance: 'Cosine' } });
  t.same(info.config.params.sparse_vectors, { keywords: { modifier: 'idf' } });
  t.same(info.payload_schema['brand'], { data_type: 'keyword', points: 5 });
  t.same(info.payload_schema['price'], { data_type: 'integer', points: 5 });
  t.equal(info.payload_schema['discontinued']?.points, 0, 'a null value is not indexed');

  t.same(await refusal(qc.getCollection('nope')), { status: 404, error: 'Not found: Collection `nope` doesn\'t exist!' });
  t.same(await refusal(qc.createCollection('products', { vectors: { dense: { size: 3, distance: 'Cosine' } } })),
    { status: 409, error: 'Wrong input: Collection `products` already exists!' });

  // A collection with only sparse vectors, and the object form of a payload index.
  t.equal(await qc.createCollection('sparse-only', { vectors: {}, sparse_vectors: { keywords: { modifier: 'none' } } }), true);
  await qc.createPayloadIndex('sparse-only', { field_name: 'shop', field_schema: { type: 'keyword', is_tenant: true }, wait: true });
  const sparseInfo = await qc.getCollection('sparse-only');
  t.same(sparseInfo.config.params.vectors, {});
  t.same(sparseInfo.payload_schema['shop'], { data_type: 'keyword', params: { type: 'keyword', is_tenant: true }, points: 0 });
  t.equal(await qc.deleteCollection('sparse-only'), true);
  t.equal(await qc.deleteCollection('sparse-only'), false, 'deleting a missing collection answers false');
  t.same(qd.collectionNames(), ['products']);
});

t.test('the api key: missing or wrong is a 401, and / and /healthz stay open', async (t) => {
  const locked = await startQdrantStandIn({ apiKey: 'sekret' });
  t.teardown(() => locked.close());
  t.same(await refusal(client(locked).getCollections()), { status: 401, error: 'Must provide an API key or an Authorization bearer token' });
  t.same(await refusal(client(locked, { 'api-key': 'wrong' }).getCollections()), { status: 401, error: 'Invalid API key or JWT' });
  t.same((await client(locked, { 'api-key': 'sekret' }).getCollections()).collections, []);
  t.same((await client(locked, { authorization: 'Bearer sekret' }).getCollections()).collections, []);
  t.equal((await client(locked).versionInfo()).version, '1.16.0');
  t.same(locked.requests.filter((r) => r.path === '/collections').map((r) => r.authorized), [false, false, true, true]);
});

t.test('upsert checks ids and vectors the way Qdrant does, all or nothing', async (t) => {
  await qc.createCollection('checks', { vectors: { dense: { size: 3, distance: 'Cosine' } }, sparse_vectors: { keywords: {} } });
  const uuid = '5C56C793-69F3-4FBF-87E6-C4BF54C28C26';
  const ok = await qc.upsert('checks', { wait: true, points: [
    { id: 7, vector: { dense: [3, 4, 0] }, payload: { a: 1 } },
    { id: uuid, vector: { keywords: { indices: [5, 2], values: [0.5, 0.25] } } },
  ] });
  t.equal(ok.status, 'completed');
  const [seven, byUuid] = await qc.retrieve('checks', { ids: [7, uuid.toLowerCase()], with_vector: true });
  t.same(seven?.vector, { dense: [0.6, 0.8, 0] }, 'Cosine vectors are normalized on insert');
  t.same(byUuid?.vector, { keywords: { indices: [2, 5], values: [0.25, 0.5] } });
  t.equal(byUuid?.id, uuid.toLowerCase());
  const one = await qc.api().getPoint({ collection_name: 'checks', id: 7 });
  t.same(one.data.result?.payload, { a: 1 });
  t.same(await refusal(qc.api().getPoint({ collection_name: 'checks', id: 8 })), { status: 404, error: 'Not found: Point with id 8 does not exists!' });

  const bad = async (point: Record<string, unknown>) => refusal(qc.upsert('checks', { wait: true, points: [{ id: 9, vector: { dense: [1, 0, 0] } }, point as never] }));
  t.same(await bad({ id: 'sku-1', vector: { dense: [1, 0, 0] } }),
    { status: 400, error: 'Format error in JSON body: value sku-1 is not a valid point ID, valid values are either an unsigned integer or a UUID' });
  t.same(await bad({ id: '10', vector: { dense: [1, 0, 0] } }),
    { status: 400, error: 'Format error in JSON body: value 10 is not a valid point ID, valid values are either an unsigned integer or a UUID' });
  t.same(await bad({ id: 10, vector: { dense: [1, 0] } }), { status: 400, error: 'Wrong input: Vector dimension error: expected dim: 3, got 2' });
  t.same(await bad({ id: 10, vector: { image: [1, 0, 0] } }), { status: 400, error: 'Wrong input: Not existing vector name error: image' });
  t.same(await bad({ id: 10, vector: { keywords: { indices: [1, 1], values: [1, 2] } } }),
    { status: 422, error: 'Validation error in JSON body: [points[1].vector.keywords.indices: must be unique]' });
  t.equal((await qc.count('checks')).count, 2, 'a refused batch stores nothing');

  await qc.upsert('checks', { wait: true, batch: { ids: [20, 21], vectors: { dense: [[0, 0, 2], [0, 2, 0]] }, payloads: [{ b: 1 }, { b: 2 }] } });
  t.same((await qc.retrieve('checks', { ids: [21], with_vector: true }))[0], { id: 21, payload: { b: 2 }, vector: { dense: [0, 1, 0] } });
  await qc.deleteCollection('checks');
});

t.test('strict mode refuses filters on keys without a fitting payload index, everywhere', async (t) => {
  await qc.createCollection('bare', { vectors: { dense: { size: 3, distance: 'Cosine' } } });
  await qc.upsert('bare', { wait: true, points: PRODUCTS.map((p) => ({ ...p, vector: { dense: p.vector.dense } })) });
  const brand = { must: [{ key: 'brand', match: { value: 'amul' } }] };
  const refused = { status: 400, error: strictText('brand', 'keyword') };
  t.same(await refusal(qc.count('bare', { filter: brand })), refused, 'count');
  t.same(await refusal(qc.scroll('bare', { filter: brand })), refused, 'scroll');
  t.same(await refusal(qc.query('bare', { query: [1, 0, 0], using: 'dense', filter: brand })), refused, 'query');
  t.same(await refusal(qc.query('bare', { prefetch: { query: [1, 0, 0], using: 'dense', filter: brand }, query: { fusion: 'rrf' } })), refused, 'prefetch');
  t.same(await refusal(qc.delete('bare', { wait: true, filter: brand })), refused, 'delete by filter');
  t.same(await refusal(qc.setPayload('bare', { payload: { x: 1 }, filter: brand })), refused, 'set payload by filter');
  t.same(await refusal(qc.count('bare', { filter: { must: [{ key: 'price', range: { lt: 40 } }] } })), { status: 400, error: strictText('price', 'float, integer') });
  t.same(await refusal(qc.count('bare', { filter: { should: [{ is_empty: { key: 'tags' } }] } })),
    { status: 400, error: strictText('tags', 'bool, datetime, float, geo, integer, keyword, text, uuid') });
  t.equal((await qc.count('bare', { filter: { must: [{ has_id: [1, 2] }] } })).count, 2, 'has_id needs no index');

  await qc.createPayloadIndex('bare', { field_name: 'brand', field_schema: 'keyword', wait: true });
  t.equal((await qc.count('bare', { filter: brand })).count, 2);
  t.same(await refusal(qc.count('bare', { filter: { must: [{ key: 'brand', match: { value: 7 } }] } })), { status: 400, error: strictText('brand', 'integer') },
    'an index of the wrong type does not serve the condition');
  await qc.createPayloadIndex('bare', { field_name: 'tags', field_schema: 'keyword', wait: true });
  t.same(await refusal(qc.facet('bare', { key: 'tags', filter: { must: [{ key: 'price', range: { lt: 40 } }] } })), { status: 400, error: strictText('price', 'float, integer') }, 'facet filter');
  await qc.deletePayloadIndex('bare', 'brand');
  t.same(await refusal(qc.count('bare', { filter: brand })), refused, 'refused again once the index is dropped');
  await qc.deleteCollection('bare');

  const lax = await startQdrantStandIn({ strictIndexes: false });
  t.teardown(() => lax.close());
  const lc = client(lax);
  await lc.createCollection('bare', { vectors: { dense: { size: 3, distance: 'Cosine' } } });
  await lc.upsert('bare', { wait: true, points: PRODUCTS.map((p) => ({ ...p, vector: { dense: p.vector.dense } })) });
  t.equal((await lc.count('bare', { filter: brand })).count, 2, 'without strict mode unindexed filters work');
  t.same(ids(await lc.scroll('bare', { filter: { must: [{ key: 'title', match: { text: 'Milk' } }] } })), [1, 3], 'no text index: substring match');
  t.same(ids(await lc.scroll('bare', { filter: { must: [{ key: 'title', match: { text: 'milk' } }] } })), [], 'substring match is case-sensitive');
});

t.test('filters follow Qdrant semantics', async (t) => {
  const where = async (filter: Schemas['Filter']) => ids(await qc.scroll('products', { filter, limit: 100 }));
  t.same(await where({ must: [{ key: 'brand', match: { value: 'amul' } }] }), [1, 2]);
  t.same(await where({ must: [{ key: 'tags', match: { value: 'milk' } }] }), [1, 3], 'an array matches when any element does');
  t.same(await where({ must: [{ key: 'tags', match: { any: ['salt', 'milk'] } }] }), [1, 3, 4]);
  t.same(await where({ must: [{ key: 'brand', match: { except: ['amul'] } }] }), [3, 4, 5]);
  t.same(await where({ must: [{ key: 'title', match: { text: 'milk toned' } }] }), [1], 'text: every token present');
  t.same(await where({ must: [{ key: 'title', match: { text: 'MILK' } }] }), [1, 3], 'text index lowercases');
  t.same(await where({ must: [{ key: 'price', range: { gte: 28, lt: 50 } }] }), [1, 3]);
  t.same(await where({ must: [{ is_empty: { key: 'tags' } }] }), [5]);
  t.same(await where({ must: [{ is_null: { key: 'discontinued' } }] }), [4]);
  t.same(await where({ must: [{ has_id: [5, 1] }] }), [1, 5]);
  t.same(await where({ must_not: [{ key: 'brand', match: { value: 'amul' } }] }), [3, 4, 5]);
  t.same(await where({ should: [{ key: 'brand', match: { value: 'tata' } }, { key: 'brand', match: { value: 'aashirvaad' } }] }), [4, 5]);
  t.same(await where({ min_should: { min_count: 2, conditions: [
    { key: 'tags', match: { value: 'milk' } }, { key: 'price', range: { lt: 40 } }, { key: 'brand', match: { value: 'amul' } },
  ] } }), [1, 3]);
  t.same(await where({ must: [{ key: 'tags', values_count: { gte: 2 } }] }), [1, 3]);
  t.same(await where({ should: [{ must: [{ key: 'brand', match: { value: 'amul' } }, { key: 'price', range: { gt: 40 } }] }, { has_id: [4] }] }), [2, 4],
    'a filter nests as a condition');
});

t.test('scroll pages in id order, numbers before UUIDs', async (t) => {
  await qc.createCollection('pages', { vectors: { dense: { size: 3, distance: 'Dot' } } });
  const uuid = 'a0000000-0000-4000-8000-000000000000';
  await qc.upsert('pages', { wait: true, points: [uuid, 30, 2, 11].map((id) => ({ id, vector: { dense: [1, 0, 0] } })) });
  const first = await qc.scroll('pages', { limit: 2 });
  t.same(ids(first), [2, 11]);
  t.equal(first.next_page_offset, 30);
  const second = await qc.scroll('pages', { limit: 2, offset: first.next_page_offset as number });
  t.same(ids(second), [30, uuid]);
  t.equal(second.next_page_offset, null);
  t.same(await refusal(qc.scroll('pages', { limit: 0 })), { status: 422, error: 'Validation error in JSON body: [limit: value 0 invalid, must be 1 or larger]' });
  await qc.deleteCollection('pages');
});

t.test('set payload merges, overwrite replaces, delete by ids or filter', async (t) => {
  await seed(qc, 'edits');
  await qc.setPayload('edits', { payload: { stock: 3 }, points: [1] });
  t.same((await qc.retrieve('edits', { ids: [1] }))[0]?.payload, { ...PRODUCTS[0]?.payload, stock: 3 });
  await qc.overwritePayload('edits', { payload: { stock: 0 }, points: [1] });
  t.same((await qc.retrieve('edits', { ids: [1] }))[0]?.payload, { stock: 0 });
  await qc.setPayload('edits', { payload: { promo: true }, filter: { must: [{ key: 'brand', match: { value: 'amul' } }] } });
  t.same((await qc.retrieve('edits', { ids: [2] }))[0]?.payload?.['promo'], true);
  t.same(await refusal(qc.setPayload('edits', { payload: { a: 1 }, points: [99] })), { status: 404, error: 'Not found: No point with id 99 found' });
  await qc.delete('edits', { wait: true, points: [2, 99] });
  await qc.delete('edits', { wait: true, filter: { must: [{ key: 'brand', match: { value: 'tata' } }] } });
  t.same(ids(await qc.scroll('edits')), [1, 3, 5]);
  await qc.deleteCollection('edits');
});

t.test('facets count points per value, by count then value, and need a keyword/integer/bool index', async (t) => {
  t.same((await qc.facet('products', { key: 'brand' })).hits,
    [{ value: 'amul', count: 2 }, { value: 'aashirvaad', count: 1 }, { value: 'mother dairy', count: 1 }, { value: 'tata', count: 1 }]);
  t.same((await qc.facet('products', { key: 'tags', filter: { must: [{ key: 'price', range: { lt: 40 } }] }, exact: true })).hits,
    [{ value: 'dairy', count: 2 }, { value: 'milk', count: 2 }, { value: 'salt', count: 1 }]);
  t.same((await qc.facet('products', { key: 'price', limit: 1 })).hits, [{ value: 25, count: 1 }]);
  t.same(await refusal(qc.facet('products', { key: 'title' })), {
    status: 400,
    error: 'Wrong input: No appropriate index for faceting: `title`. Please create one to facet on this field. Check https://qdrant.tech/documentation/concepts/indexing/#payload-index to see which payload schemas support Match conditions',
  });
});

t.test('dense queries: scores per distance, threshold, offset, payload selection', async (t) => {
  const r = await qc.query('products', { query: [1, 0, 0], using: 'dense', limit: 3, with_payload: ['brand'] });
  t.same(ids(r), [1, 2, 3]);
  t.equal(r.points[0]?.score, 1);
  t.ok(Math.abs((r.points[1]?.score ?? 0) - 0.9 / Math.sqrt(0.82)) < 1e-9, 'Cosine of normalized vectors');
  t.same(r.points[0]?.payload, { brand: 'amul' });
  t.equal(r.points[0]?.vector, undefined);
  t.same(ids(await qc.query('products', { query: { nearest: [1, 0, 0] }, using: 'dense', limit: 2, offset: 1 })), [2, 3], 'offset skips the best');
  t.same(ids(await qc.query('products', { query: [1, 0, 0], using: 'dense', score_threshold: 0.7 })), [1, 2, 3]);
  t.same(ids(await qc.query('products', { filter: { must: [{ key: 'brand', match: { value: 'amul' } }] }, with_payload: false })), [1, 2], 'no query: id order');
  t.same(await refusal(qc.query('products', { query: [1, 0] , using: 'dense' })), { status: 400, error: 'Wrong input: Vector dimension error: expected dim: 3, got 2' });
  t.same(await refusal(qc.query('products', { query: [1, 0, 0] })), { status: 400, error: 'Wrong input: Not existing vector name error: ' });

  await qc.createCollection('places', { vectors: { size: 2, distance: 'Euclid' } });
  await qc.upsert('places', { wait: true, points: [{ id: 1, vector: [0, 0] }, { id: 2, vector: [3, 4] }, { id: 3, vector: [1, 1] }] });
  const near = await qc.query('places', { query: [0, 0] });
  t.same(ids(near), [1, 3, 2], 'Euclid: smaller distance first');
  t.same(near.points.map((p) => p.score), [0, Math.SQRT2, 5]);
  t.same(ids(await qc.query('places', { query: [0, 0], score_threshold: 2 })), [1, 3], 'Euclid threshold keeps closer points');
  t.same((await qc.query('places', { query: [0, 0], limit: 1, with_vector: true })).points[0]?.vector, [0, 0]);
  await qc.deleteCollection('places');
});

t.test('sparse queries: dot product over shared indices, with IDF over the current points', async (t) => {
  await seed(qc, 'plain', 'none');
  const plain = await qc.query('plain', { query: { indices: [10, 11], values: [1, 1] }, using: 'keywords' });
  t.same(ids(plain), [3, 1, 2, 4], 'without idf the larger weight wins; point 5 shares no index and is left out');
  t.same(plain.points.map((p) => p.score), [2, 1, 1, 0.5]);

  const idf = (n: number, df: number) => Math.log((n - df + 0.5) / (df + 0.5) + 1);
  const weighted = await qc.query('products', { query: { nearest: { indices: [10, 11], values: [1, 1] } }, using: 'keywords' });
  t.same(ids(weighted), [1, 3, 2, 4], 'the rare index 10 outweighs the common index 11');
  t.ok(Math.abs((weighted.points[0]?.score ?? 0) - idf(5, 1)) < 1e-9);
  t.ok(Math.abs((weighted.points[1]?.score ?? 0) - 2 * idf(5, 3)) < 1e-9);

  await seed(qc, 'shrinking');
  await qc.delete('shrinking', { wait: true, points: [4] });
  const after = await qc.query('shrinking', { query: { indices: [11], values: [1] }, using: 'keywords', limit: 1 });
  t.ok(Math.abs((after.points[0]?.score ?? 0) - 2 * idf(4, 2)) < 1e-9, 'IDF follows deletes');
  t.same(await refusal(qc.query('products', { query: { indices: [11], values: [1] }, using: 'dense' })),
    { status: 400, error: 'Wrong input: Conversion between sparse and regular vectors failed' });
  await qc.deleteCollection('plain');
  await qc.deleteCollection('shrinking');
});

t.test('hybrid queries: RRF like Qdrant, filters propagated into prefetches, offsets, nesting', async (t) => {
  const dense = { query: [1, 0, 0], using: 'dense', limit: 3 }; // ranks 1, 2, 3
  const sparse = { query: { indices: [11], values: [1] }, using: 'keywords', limit: 3 }; // ranks 3, 2, 4
  const fused = await qc.query('products', { prefetch: [dense, sparse], query: { fusion: 'rrf' }, with_payload: true });
  t.same(ids(fused), [3, 2, 1, 4]);
  t.same(fused.points.map((p) => p.score), [1 / 4 + 1 / 2, 1 / 3 + 1 / 3, 1 / 2, 1 / 4], 'score = sum of 1 / (rank + k), k = 2, rank from 0');
  t.equal(fused.points[0]?.payload?.['brand'], 'mother dairy');

  const k60 = await qc.query('products', { prefetch: [dense, sparse], query: { rrf: { k: 60 } } });
  t.same(k60.points.map((p) => p.score), [1 / 62 + 1 / 60, 2 / 61, 1 / 60, 1 / 62]);

  // The top-level filter is applied inside each prefetch, not after fusion: 4 moves up into the sparse top 3.
  const filtered = await qc.query('products', { prefetch: [dense, sparse], query: { fusion: 'rrf' }, filter: { must_not: [{ has_id: [3] }] } });
  t.same(ids(filtered), [2, 4, 1]);
  t.same(filtered.points.map((p) => p.score), [1 / 2 + 1 / 3, 1 / 3 + 1 / 4, 1 / 2]);

  // Each prefetch fetches its limit plus the request offset, so a later page is not cut short.
  t.same(ids(await qc.query('products', { prefetch: { ...dense, limit: 1 }, query: [1, 0, 0], using: 'dense', limit: 1, offset: 1 })), [2]);

  const nested = await qc.query('products', { prefetch: { prefetch: sparse, query: [1, 0, 0], using: 'dense', limit: 2 }, query: [0, 1, 0], using: 'dense' });
  t.same(ids(nested), [3, 2], 're-scores only what the inner stages kept');

  t.same(await refusal(qc.query('products', { query: { fusion: 'rrf' } })), { status: 400, error: 'Bad request: cannot apply Fusion without prefetches' });
  t.same(await refusal(qc.query('products', { prefetch: dense })), { status: 400, error: 'Bad request: cannot have prefetches without a query' });

  const batch = await qc.queryBatch('products', { searches: [{ query: [0, 0, 1], using: 'dense', limit: 1 }, { prefetch: [dense, sparse], query: { fusion: 'rrf' }, limit: 1 }] });
  t.same(batch.map(ids), [[5], [3]]);
});

t.test('aliases: atomic actions, moves, renames, and queries through an alias', async (t) => {
  await seed(qc, 'products_v2');
  await qc.overwritePayload('products_v2', { payload: { brand: 'v2' }, points: [1] });
  const brandOf1 = async () => (await qc.query('shop', { query: [1, 0, 0], using: 'dense', limit: 1, with_payload: true })).points[0]?.payload?.['brand'];

  t.equal(await qc.updateCollectionAliases({ actions: [{ create_alias: { collection_name: 'products', alias_name: 'shop' } }] }), true);
  t.equal(await brandOf1(), 'amul');
  t.same((await qc.getCollection('shop')).points_count, 5, 'an alias works wherever a collection name does');

  // Swap in one call: delete + create, as a blue/green switch does.
  await qc.updateCollectionAliases({ actions: [{ delete_alias: { alias_name: 'shop' } }, { create_alias: { collection_name: 'products_v2', alias_name: 'shop' } }] });
  t.equal(await brandOf1(), 'v2');
  await qc.updateCollectionAliases({ actions: [{ create_alias: { collection_name: 'products', alias_name: 'shop' } }] });
  t.equal(await brandOf1(), 'amul', 'create_alias onto an existing alias moves it');

  const before = qd.aliases();
  t.same(await refusal(qc.updateCollectionAliases({ actions: [
    { create_alias: { collection_name: 'products_v2', alias_name: 'staging' } },
    { create_alias: { collection_name: 'missing', alias_name: 'shop' } },
  ] })), { status: 404, error: 'Not found: Collection `missing` doesn\'t exist!' });
  t.same(qd.aliases(), before, 'a failing action applies none of the list');

  await qc.updateCollectionAliases({ actions: [{ rename_alias: { old_alias_name: 'shop', new_alias_name: 'store' } }, { create_alias: { collection_name: 'products_v2', alias_name: 'next' } }] });
  t.same(qd.aliases(), { next: 'products_v2', store: 'products' });
  t.same((await qc.getAliases()).aliases, [{ alias_name: 'store', collection_name: 'products' }, { alias_name: 'next', collection_name: 'products_v2' }]);
  t.same((await qc.getCollectionAliases('products_v2')).aliases, [{ alias_name: 'next', collection_name: 'products_v2' }]);
  t.same(await refusal(qc.query('shop', { query: [1, 0, 0], using: 'dense' })), { status: 404, error: 'Not found: Collection `shop` doesn\'t exist!' });

  await qc.deleteCollection('products_v2');
  t.same(qd.aliases(), { store: 'products' }, 'dropping a collection drops its aliases');
});
