/**
 * The product index in Qdrant, for production: one point per product carrying the shared search record as payload
 * (payload indexes on every filter key), a sparse `keywords` vector (stemmed words, lexicon meanings and
 * character trigrams, weighted per field, with Qdrant's IDF modifier: BM25-style scoring done by Qdrant) and,
 * with an embedder, a dense `dense` vector. Hybrid search is Qdrant's own prefetch + reciprocal-rank fusion.
 *
 * Every full load builds a new collection `<alias>_v<n>` and moves the alias to it in one atomic alias
 * operation, then drops the old one: readers see the old catalog or the new one, never an empty index.
 * Incremental upserts write into the live collection. Providers and the category summary live in the same
 * collection (payload `kind`), so every replica reads the same catalog.
 *
 * The ranking rules match the embedded index: products holding every word first (a Qdrant full-text match on
 * the stemmed `terms` field per word group), then, when fewer than ten do, products holding some words; vector
 * neighbours join by fusion. Totals and facets count every match: Qdrant's count and facet APIs over the same
 * filter, plus the vector neighbours that match no word.
 */
import { createHash } from 'node:crypto';
import { QdrantClient } from '@qdrant/js-client-rest';
import type { Catalog, Product, Provider } from '../core/catalog.js';
import { DomainError } from '../core/errors.js';
import type {
  CatalogIndex,
  CategorySummary,
  FacetCount,
  IndexStatus,
  LoadProgress,
  SearchFacets,
  SearchHit,
  SearchQuery,
  SearchResult,
  UpsertReport,
} from '../core/ports.js';
import type { Embedder } from './embedder.js';
import { fnv1a } from './hash.js';
import { PRICE_BANDS, facetsOf, summarizeCategories } from './filters.js';
import { FIELD_BOOSTS, FULL_MATCHES_ENOUGH, MIN_SIMILARITY, RRF_K, reciprocalRankFusion, VECTOR_CANDIDATES } from './fusion.js';
import { baseAmount, parseQuery, stem, type ParsedQuery } from './query.js';
import {
  RECORD_FIELDS,
  embeddingText,
  filterConditions,
  queryEmbeddingText,
  toRecord,
  type Condition,
  type SearchRecord,
} from './record.js';

type Filter = { must?: unknown[]; should?: unknown[]; must_not?: unknown[] };
type Payload = Record<string, unknown>;
interface PointOut {
  id: string | number;
  score?: number;
  payload?: Payload | null | undefined;
  vector?: unknown;
}

const DENSE = 'dense';
const SPARSE = 'keywords';
/** How deep each side of a fused query looks; pages beyond it come from the keyword side alone. */
const FUSION_WINDOW = 200;
const UPLOAD_BATCH = 256;
const META_TTL_MS = 30_000;
/** How old a search's view of the live collection (exists, has vectors) may be: saves two calls per search. */
const LIVE_TTL_MS = 5_000;
const TRIGRAM_WEIGHT = 0.6;
/** A query's pack size matching the product's lifts it, as the embedded index's 1.5x does. */
const SIZE_WEIGHT = 2;

export interface QdrantIndexOptions {
  url: string;
  apiKey?: string;
  /** The alias searches read; collections are `<alias>_v<n>`. */
  alias: string;
  timeoutMs?: number;
}

/** Qdrant point ids are unsigned integers or UUIDs: a product id maps to a stable name-based UUID. */
export function pointId(kind: string, id: string): string {
  const h = createHash('sha1').update(`${kind}:${id}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

function addFeature(into: Map<number, number>, feature: string, weight: number): void {
  const key = fnv1a(feature);
  into.set(key, (into.get(key) ?? 0) + weight);
}

function trigrams(word: string): string[] {
  const padded = `<${word}>`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

function toSparse(features: Map<number, number>): { indices: number[]; values: number[] } {
  const entries = [...features.entries()].sort((a, b) => a[0] - b[0]);
  // term frequency saturates (BM25's k1 = 1.2 shape); Qdrant's IDF modifier supplies the rarity
  return { indices: entries.map(([i]) => i), values: entries.map(([, v]) => (v * 2.2) / (v + 1.2)) };
}

/** The product's keyword vector: stemmed words weighted by field, plus trigrams of name and brand for typos. */
function documentSparse(p: Product): { indices: number[]; values: number[] } {
  const features = new Map<number, number>();
  const fields: Array<[string, number]> = [
    [p.name, FIELD_BOOSTS.name],
    [p.brand, FIELD_BOOSTS.brand],
    [[p.categoryId, ...p.categoryPath].join(' '), FIELD_BOOSTS.category],
    [p.tags.join(' '), FIELD_BOOSTS.tags],
    [p.shortDesc, FIELD_BOOSTS.description],
  ];
  for (const [text, weight] of fields) for (const w of words(text)) addFeature(features, `w:${stem(w)}`, weight);
  for (const w of words(`${p.name} ${p.brand}`)) for (const g of trigrams(stem(w))) addFeature(features, `t:${g}`, TRIGRAM_WEIGHT);
  addFeature(features, `s:${sizeKey(p.quantity.unit, Number(p.quantity.value))}`, SIZE_WEIGHT);
  return toSparse(features);
}

function querySparse(parsed: ParsedQuery): { indices: number[]; values: number[] } {
  const features = new Map<number, number>();
  for (const group of parsed.groups) {
    for (const alternative of group) {
      for (const w of words(alternative)) {
        addFeature(features, `w:${stem(w)}`, 1);
        for (const g of trigrams(stem(w))) addFeature(features, `t:${g}`, TRIGRAM_WEIGHT);
      }
    }
  }
  if (parsed.size) addFeature(features, `s:${sizeKey(parsed.size.unit, parsed.size.value)}`, SIZE_WEIGHT);
  return toSparse(features);
}

/** The stemmed words of a product, for Qdrant's full-text match ("holds every word"). */
function termsOf(p: Product): string {
  return [...new Set(words([p.name, p.brand, p.categoryId, ...p.categoryPath, ...p.tags, p.shortDesc].join(' ')).map(stem))].join(' ');
}

function textKey(p: Product): string {
  return createHash('sha1').update(embeddingText(p)).digest('base64url');
}

function bandOf(paise: number): string {
  return PRICE_BANDS.find((b) => paise >= b.min && paise < b.max)?.value ?? PRICE_BANDS[0]!.value;
}

function productPayload(record: SearchRecord): Payload {
  const { product, ...fields } = record;
  return {
    kind: 'product',
    ...fields,
    category_id: product.categoryId,
    price_band: bandOf(product.pricePaise),
    size: sizeKey(product.quantity.unit, Number(product.quantity.value)),
    terms: termsOf(product),
    text_key: textKey(product),
    product,
  };
}

function conditionToQdrant(c: Condition): unknown {
  return 'equals' in c ? { key: c.key, match: { value: c.equals } } : { key: c.key, range: c.range };
}

/** A word group matches when any of its alternatives is held whole (every word of a phrase). */
function groupCondition(group: string[]): unknown {
  return { should: group.map((alternative) => ({ key: 'terms', match: { text: words(alternative).map(stem).join(' ') } })) };
}

export class QdrantCatalogIndex implements CatalogIndex {
  private readonly client: QdrantClient;
  private embedder: Embedder | undefined;
  private problem: string | undefined;
  private meta: { at: number; providers: Map<string, Provider>; categories: CategorySummary[] } | undefined;
  private writes: Promise<unknown> = Promise.resolve();
  private readonly queryVectors = new Map<string, number[]>();
  private denseSeen: { at: number; dense: boolean; exists: boolean } | undefined;

  constructor(private readonly opts: QdrantIndexOptions) {
    this.client = new QdrantClient({
      url: opts.url,
      ...(opts.apiKey ? { apiKey: opts.apiKey } : {}),
      checkCompatibility: false,
      timeout: opts.timeoutMs ?? 10_000,
    });
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writes.then(work, work);
    this.writes = run.catch(() => undefined);
    return run;
  }

  /** The collection the alias points at, or undefined before the first load. */
  private async live(): Promise<string | undefined> {
    const { aliases } = await this.client.getAliases();
    return aliases.find((a) => a.alias_name === this.opts.alias)?.collection_name;
  }

  private async nextCollection(): Promise<string> {
    const { collections } = await this.client.getCollections();
    const prefix = `${this.opts.alias}_v`;
    const versions = collections
      .map((c) => c.name)
      .filter((n) => n.startsWith(prefix))
      .map((n) => Number(n.slice(prefix.length)))
      .filter(Number.isInteger);
    return `${prefix}${Math.max(0, ...versions) + 1}`;
  }

  private async createCollection(name: string): Promise<void> {
    await this.client.createCollection(name, {
      vectors: this.embedder ? { [DENSE]: { size: this.embedder.dimensions, distance: 'Cosine' } } : {},
      sparse_vectors: { [SPARSE]: { modifier: 'idf' } },
    });
    const indexes: Array<[string, string | { type: 'text'; tokenizer: 'whitespace'; lowercase: boolean }]> = [
      ['kind', 'keyword'],
      ['category_id', 'keyword'],
      ['price_band', 'keyword'],
      ['size', 'keyword'],
      ['terms', { type: 'text', tokenizer: 'whitespace', lowercase: true }],
      ...Object.entries(RECORD_FIELDS),
    ];
    for (const [field, schema] of indexes) {
      await this.client.createPayloadIndex(name, { field_name: field, field_schema: schema as never, wait: true });
    }
  }

  private async embedAll(products: Product[], onProgress?: (p: LoadProgress) => void): Promise<Map<string, Float32Array>> {
    const out = new Map<string, Float32Array>();
    if (!this.embedder || products.length === 0) return out;
    const batch = 64;
    onProgress?.({ stage: 'vectors', done: 0, total: products.length });
    for (let i = 0; i < products.length; i += batch) {
      const slice = products.slice(i, i + batch);
      const vectors = await this.embedder.embed(slice.map(embeddingText), 'document');
      slice.forEach((p, j) => out.set(p.id, vectors[j] as Float32Array));
      onProgress?.({ stage: 'vectors', done: Math.min(products.length, i + batch), total: products.length });
    }
    return out;
  }

  private productPoint(record: SearchRecord, vector: Float32Array | number[] | undefined) {
    return {
      id: pointId('product', record.id),
      vector: {
        [SPARSE]: documentSparse(record.product),
        ...(vector ? { [DENSE]: Array.from(vector) } : {}),
      },
      payload: productPayload(record),
    };
  }

  private async upload(collection: string, points: unknown[], onProgress?: (p: LoadProgress) => void): Promise<void> {
    for (let i = 0; i < points.length; i += UPLOAD_BATCH) {
      await this.client.upsert(collection, { wait: true, points: points.slice(i, i + UPLOAD_BATCH) as never });
      onProgress?.({ stage: 'upload', done: Math.min(points.length, i + UPLOAD_BATCH), total: points.length });
    }
  }

  private metaPoint(providers: Provider[], categories: CategorySummary[]) {
    return { id: pointId('meta', 'catalog'), vector: {}, payload: { kind: 'meta', providers, categories } };
  }

  load(catalog: Catalog, options: { onProgress?: (p: LoadProgress) => void } = {}): Promise<void> {
    return this.serialized(() => this.rebuild(catalog, options.onProgress));
  }

  private async rebuild(catalog: Catalog, onProgress?: (p: LoadProgress) => void): Promise<void> {
    const previous = await this.live();
    const name = await this.nextCollection();
    await this.createCollection(name);
    try {
      const providers = new Map(catalog.providers.map((p) => [p.id, p]));
      const records = catalog.products.map((p) => toRecord(p, providers.get(p.providerId)));
      onProgress?.({ stage: 'text', done: records.length, total: records.length });
      const vectors = await this.embedAll(catalog.products, onProgress);
      const points = [
        this.metaPoint(catalog.providers, summarizeCategories(catalog.products)),
        ...records.map((r) => this.productPoint(r, vectors.get(r.id))),
      ];
      await this.upload(name, points, onProgress);
      // One alias operation: readers move from the old collection to the new one with no gap.
      await this.client.updateCollectionAliases({
        actions: [
          ...(previous ? [{ delete_alias: { alias_name: this.opts.alias } }] : []),
          { create_alias: { collection_name: name, alias_name: this.opts.alias } },
        ],
      });
    } catch (err) {
      await this.client.deleteCollection(name).catch(() => undefined);
      throw err;
    }
    if (previous) await this.client.deleteCollection(previous).catch(() => undefined);
    this.meta = undefined;
    this.denseSeen = undefined;
    this.queryVectors.clear();
  }

  /** Every product and provider of the live collection, for rebuilding it (when an embedder arrives). */
  private async snapshot(): Promise<Catalog | undefined> {
    if (!(await this.live())) return undefined;
    const products: Product[] = [];
    let offset: string | number | undefined;
    do {
      const page = await this.client.scroll(this.opts.alias, {
        filter: { must: [{ key: 'kind', match: { value: 'product' } }] },
        limit: 1000,
        with_payload: ['product'],
        with_vector: false,
        ...(offset !== undefined ? { offset } : {}),
      });
      for (const p of page.points) products.push((p.payload as Payload)['product'] as Product);
      offset = (page.next_page_offset ?? undefined) as string | number | undefined;
    } while (offset !== undefined);
    const { providers } = await this.catalogMeta();
    return { providers: [...providers.values()], products };
  }

  attachEmbedder(embedder: Embedder, onProgress?: (p: LoadProgress) => void): Promise<void> {
    return this.serialized(async () => {
      this.embedder = embedder;
      this.problem = undefined;
      this.queryVectors.clear();
      if (await this.hasDense()) return;
      // The live collection has no vectors of this size: rebuild it with them, behind the alias.
      const catalog = await this.snapshot();
      if (catalog) await this.rebuild(catalog, onProgress);
    });
  }

  noteEmbedderProblem(problem: string | undefined): void {
    this.problem = problem;
  }

  /** Whether the live collection has dense vectors of the embedder's size; searches may use a view a few seconds old. */
  private async hasDense(fresh = true): Promise<boolean> {
    if (!fresh && this.denseSeen && Date.now() - this.denseSeen.at < LIVE_TTL_MS) return this.denseSeen.dense;
    const live = await this.live();
    let dense = false;
    if (live && this.embedder) {
      const info = await this.client.getCollection(live);
      const vectors = info.config.params.vectors as Record<string, { size?: number }> | undefined;
      dense = vectors?.[DENSE]?.size === this.embedder.dimensions;
    }
    this.denseSeen = { at: Date.now(), dense, exists: live !== undefined };
    return dense;
  }

  /** Whether the alias points at a collection, as a search may see it (a few seconds old). */
  private async exists(): Promise<boolean> {
    if (!this.denseSeen || Date.now() - this.denseSeen.at >= LIVE_TTL_MS) await this.hasDense();
    return this.denseSeen?.exists ?? false;
  }

  upsert(products: Product[], providers: Provider[]): Promise<UpsertReport> {
    return this.serialized(async () => {
      const report: UpsertReport = { added: 0, changed: 0, updated: 0, unchanged: 0 };
      const live = await this.live();
      if (!live) throw new Error('the Qdrant product index has no collection yet: load a catalog first');
      const meta = await this.catalogMeta(true);
      for (const p of providers) meta.providers.set(p.id, p);
      const dense = await this.hasDense();
      const found = await this.client.retrieve(live, {
        ids: products.map((p) => pointId('product', p.id)),
        with_payload: ['product', 'text_key'],
        with_vector: dense ? [DENSE] : false,
      });
      const existing = new Map(found.map((pt) => [((pt.payload as Payload)['product'] as Product).id, pt]));
      const toEmbed: Product[] = [];
      const points: Array<{ record: SearchRecord; vector?: number[] }> = [];
      for (const product of products) {
        const before = existing.get(product.id);
        const record = toRecord(product, meta.providers.get(product.providerId));
        if (!before) {
          report.added += 1;
          toEmbed.push(product);
          points.push({ record });
          continue;
        }
        const old = (before.payload as Payload)['product'] as Product;
        // ONDC versions incremental changes by time: an older copy of an item never overwrites a newer one.
        if (Date.parse(product.updatedAt) < Date.parse(old.updatedAt) || JSON.stringify(old) === JSON.stringify(product)) {
          report.unchanged += 1;
          continue;
        }
        if ((before.payload as Payload)['text_key'] !== textKey(product)) {
          report.changed += 1;
          toEmbed.push(product);
          points.push({ record });
        } else {
          report.updated += 1;
          const vector = (before.vector as Record<string, number[]> | undefined)?.[DENSE];
          points.push({ record, ...(vector ? { vector } : {}) });
        }
      }
      const vectors = dense ? await this.embedAll(toEmbed) : new Map<string, Float32Array>();
      const providerChanged = providers.length > 0;
      const all = points.map(({ record, vector }) => this.productPoint(record, vector ?? vectors.get(record.id)));
      if (all.length > 0 || providerChanged) {
        const categories = report.added + report.changed + report.updated > 0 ? await this.recountCategories(live, meta, points) : meta.categories;
        await this.upload(live, [this.metaPoint([...meta.providers.values()], categories), ...all]);
      }
      this.meta = undefined;
      if (report.added + report.changed > 0) this.queryVectors.clear();
      return report;
    });
  }

  /** The category summary after changes: counts per category from Qdrant, price ranges widened by the changes. */
  private async recountCategories(
    live: string,
    meta: { categories: CategorySummary[] },
    changed: Array<{ record: SearchRecord }>,
  ): Promise<CategorySummary[]> {
    const byKey = new Map(meta.categories.map((c) => [`${c.domain}|${c.id}`, { ...c }]));
    for (const { record } of changed) {
      const p = record.product;
      const key = `${p.domain}|${p.categoryId}`;
      const c = byKey.get(key);
      if (!c) byKey.set(key, { id: p.categoryId, path: p.categoryPath, domain: p.domain, productCount: 0, minPricePaise: p.pricePaise, maxPricePaise: p.pricePaise });
      else {
        c.minPricePaise = Math.min(c.minPricePaise, p.pricePaise);
        c.maxPricePaise = Math.max(c.maxPricePaise, p.pricePaise);
      }
    }
    const counts = await this.facet(live, 'category_id', { must: [{ key: 'kind', match: { value: 'product' } }] });
    const added = new Map<string, number>();
    for (const { record } of changed) added.set(record.product.categoryId, 0);
    for (const c of byKey.values()) {
      const counted = counts.get(c.id);
      c.productCount = (counted ?? c.productCount) + (counted === undefined && added.has(c.id) ? 1 : 0);
    }
    return [...byKey.values()].sort((a, b) => a.domain.localeCompare(b.domain) || a.id.localeCompare(b.id));
  }

  remove(ids: string[]): Promise<number> {
    return this.serialized(async () => {
      const live = await this.live();
      if (!live || ids.length === 0) return 0;
      const found = await this.client.retrieve(live, { ids: ids.map((id) => pointId('product', id)), with_payload: false });
      if (found.length === 0) return 0;
      await this.client.delete(live, { wait: true, points: found.map((p) => p.id) });
      this.meta = undefined;
      return found.length;
    });
  }

  private async catalogMeta(fresh = false): Promise<{ providers: Map<string, Provider>; categories: CategorySummary[] }> {
    if (!fresh && this.meta && Date.now() - this.meta.at < META_TTL_MS) return this.meta;
    const live = await this.live();
    if (!live) return { providers: new Map(), categories: [] };
    const [point] = await this.client.retrieve(this.opts.alias, { ids: [pointId('meta', 'catalog')], with_payload: true });
    const payload = (point?.payload ?? {}) as { providers?: Provider[]; categories?: CategorySummary[] };
    this.meta = {
      at: Date.now(),
      providers: new Map((payload.providers ?? []).map((p) => [p.id, p])),
      categories: payload.categories ?? [],
    };
    return this.meta;
  }

  private async facet(collection: string, key: string, filter: Filter): Promise<Map<string, number>> {
    const { hits } = await this.client.facet(collection, { key, filter: filter as never, exact: true, limit: 1000 });
    return new Map(hits.map((h) => [String(h.value), h.count]));
  }

  private async count(filter: Filter): Promise<number> {
    return (await this.client.count(this.opts.alias, { filter: filter as never, exact: true })).count;
  }

  private async baseFilter(query: SearchQuery): Promise<Filter> {
    if (query.category !== undefined) {
      const wanted = query.category.trim().toLowerCase();
      const { categories } = await this.catalogMeta();
      if (!categories.some((c) => [c.id, ...c.path].some((n) => n.toLowerCase() === wanted))) {
        throw new DomainError('CATEGORY_NOT_FOUND', `No category called "${query.category}"; call browse_categories for the list.`);
      }
    }
    return { must: [{ key: 'kind', match: { value: 'product' } }, ...filterConditions(query).map(conditionToQdrant)] };
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    if (!(await this.exists())) return { hits: [], total: 0, facets: { categories: [], priceBands: [], providers: [], diet: [] } };
    const base = await this.baseFilter(query);
    const parsed = query.text ? parseQuery(query.text) : undefined;
    const start = (query.page - 1) * query.limit;
    if (!query.text || !parsed || parsed.groups.length === 0) {
      const filter = parsed?.size ? withSize(base, parsed) : base;
      const points = await this.ordered(filter, query.sort ?? 'relevance', start, query.limit);
      const [total, facets] = await Promise.all([this.count(filter), this.facets(filter, [])]);
      return { hits: points.map(toHit), total, facets };
    }
    return this.textSearch(query, parsed, base, start);
  }

  private async ordered(filter: Filter, sort: NonNullable<SearchQuery['sort']>, offset: number, limit: number): Promise<PointOut[]> {
    const orderBy =
      sort === 'price_asc'
        ? { key: 'price_paise', direction: 'asc' }
        : sort === 'price_desc'
          ? { key: 'price_paise', direction: 'desc' }
          : { key: 'rating', direction: 'desc' };
    const { points } = await this.client.query(this.opts.alias, {
      query: { order_by: orderBy } as never,
      filter: filter as never,
      offset,
      limit,
      with_payload: ['product', 'diet', 'provider_id', 'provider_name', 'price_paise'],
    });
    return points as PointOut[];
  }

  private async textSearch(query: SearchQuery, parsed: ParsedQuery, base: Filter, start: number): Promise<SearchResult> {
    const sorted = query.sort !== undefined && query.sort !== 'relevance';
    const sized = parsed.size ? withSize(base, parsed) : base;
    const everyWord = { must: parsed.groups.map(groupCondition) };
    const someWord = { should: parsed.groups.map(groupCondition) };
    const allWords: Filter = { must: [...(base.must ?? []), everyWord] };
    const fullCount = await this.count(allWords);
    const partial = parsed.groups.length > 1 && fullCount < FULL_MATCHES_ENOUGH && !(fullCount > 0 && sorted);
    const anyWord: Filter = partial ? { must: [...(base.must ?? []), someWord] } : allWords;
    const sparse = querySparse(parsed);
    const dense = sorted && fullCount > 0 ? undefined : await this.queryVector(query.text as string, parsed);

    // vector neighbours that hold no word: they join the result by meaning alone
    let neighbours: PointOut[] = [];
    if (dense) {
      const { points } = await this.client.query(this.opts.alias, {
        query: dense,
        using: DENSE,
        filter: { must: [...(sized.must ?? [])], must_not: [partial ? someWord : everyWord] } as never,
        limit: VECTOR_CANDIDATES,
        score_threshold: MIN_SIMILARITY,
        with_payload: ['product', 'diet', 'provider_id', 'provider_name', 'price_paise'],
      });
      neighbours = (parsed.groups.length > 0 ? points : []) as PointOut[];
    }
    const partialCount = partial ? await this.count(anyWord) : 0;
    // No product holds the words as typed (a typo, say): the nearest by keyword features (trigrams) stand in,
    // a bounded list, as the embedded index's fuzzy matching does.
    const near = fullCount === 0 && partialCount === 0 ? await this.nearest(sparse, sized) : [];
    const extras = fuseExtras(near, neighbours);
    const total = (partial ? partialCount : fullCount) + extras.length;

    let page: PointOut[];
    if (sorted) {
      const ranked = near.length > 0 ? [] : await this.ordered(fullCount > 0 || !partial ? allWords : anyWord, query.sort as NonNullable<SearchQuery['sort']>, 0, start + query.limit);
      page = mergeSorted(ranked, extras, query.sort as NonNullable<SearchQuery['sort']>).slice(start, start + query.limit);
    } else {
      page = await this.relevancePage({ allWords, anyWord, partial, sparse, dense, neighbours: extras, start, limit: query.limit, fullCount });
    }
    const facets = await this.facets(anyWord, extras);
    return { hits: page.map(toHit), total, facets };
  }

  /** Relevance order: full matches (fused with their vector ranks), then partial matches, then pure neighbours. */
  private async relevancePage(a: {
    allWords: Filter;
    anyWord: Filter;
    partial: boolean;
    sparse: { indices: number[]; values: number[] };
    dense: number[] | undefined;
    neighbours: PointOut[];
    start: number;
    limit: number;
    fullCount: number;
  }): Promise<PointOut[]> {
    const want = a.start + a.limit;
    const tier = async (filter: Filter, exclude: unknown[], limit: number): Promise<PointOut[]> => {
      if (limit <= 0) return [];
      const withExclusion = exclude.length > 0 ? { ...filter, must_not: [{ has_id: exclude }] } : filter;
      const prefetch = [
        { query: a.sparse, using: SPARSE, filter: withExclusion, limit: Math.max(FUSION_WINDOW, limit) },
        ...(a.dense ? [{ query: a.dense, using: DENSE, filter: withExclusion, limit: Math.max(FUSION_WINDOW, limit) }] : []),
      ];
      const { points } = await this.client.query(this.opts.alias, {
        prefetch: prefetch as never,
        query: (a.dense ? { rrf: { k: RRF_K } } : a.sparse) as never,
        ...(a.dense ? {} : { using: SPARSE }),
        filter: withExclusion as never,
        limit,
        with_payload: ['product', 'diet', 'provider_id', 'provider_name', 'price_paise'],
      });
      return points as PointOut[];
    };
    const full = a.fullCount > 0 ? await tier(a.allWords, [], Math.min(want, a.fullCount)) : [];
    const rest = a.partial ? await tier(a.anyWord, full.map((p) => p.id), want - full.length) : [];
    // pure neighbours come last when words matched, interleave by fusion when nothing did
    const ranked = [...stockFirst(full), ...stockFirst(rest)];
    const merged = ranked.length === 0 ? a.neighbours : [...ranked, ...a.neighbours];
    return merged.slice(a.start, want);
  }

  private async nearest(sparse: { indices: number[]; values: number[] }, filter: Filter): Promise<PointOut[]> {
    if (sparse.indices.length === 0) return [];
    const { points } = await this.client.query(this.opts.alias, {
      query: sparse,
      using: SPARSE,
      filter: filter as never,
      limit: VECTOR_CANDIDATES,
      with_payload: ['product', 'diet', 'provider_id', 'provider_name', 'price_paise'],
    });
    return stockFirst(points as PointOut[]);
  }

  private async queryVector(text: string, parsed: ParsedQuery): Promise<number[] | undefined> {
    if (!this.embedder || !(await this.hasDense(false))) return undefined;
    const input = queryEmbeddingText(text, parsed.groups);
    const held = this.queryVectors.get(input);
    if (held) return held;
    const [vector] = await this.embedder.embed([input], 'query');
    const out = Array.from(vector as Float32Array);
    if (this.queryVectors.size >= 1000) this.queryVectors.delete(this.queryVectors.keys().next().value as string);
    this.queryVectors.set(input, out);
    return out;
  }

  private async facets(filter: Filter, extra: PointOut[]): Promise<SearchFacets> {
    const [categories, providers, diet, bands, meta] = await Promise.all([
      this.facet(this.opts.alias, 'category_id', filter),
      this.facet(this.opts.alias, 'provider_id', filter),
      this.facet(this.opts.alias, 'diet', filter),
      this.facet(this.opts.alias, 'price_band', filter),
      this.catalogMeta(),
    ]);
    const extraFacets = facetsOf(extra.map((p) => toRecord((p.payload as Payload)['product'] as Product, meta.providers.get(((p.payload as Payload)['product'] as Product).providerId))));
    const add = (counts: Map<string, number>, more: FacetCount[]) => {
      for (const f of more) counts.set(f.value, (counts.get(f.value) ?? 0) + f.count);
      return counts;
    };
    const label = (value: string, kind: 'category' | 'provider' | 'diet') => {
      if (kind === 'provider') return meta.providers.get(value)?.name ?? value;
      if (kind === 'diet') return value === 'veg' ? 'Veg' : value === 'non_veg' ? 'Non-veg' : 'Not food';
      return meta.categories.find((c) => c.id === value)?.path.at(-1) ?? value;
    };
    const list = (counts: Map<string, number>, kind: 'category' | 'provider' | 'diet'): FacetCount[] =>
      [...counts.entries()]
        .filter(([, count]) => count > 0)
        .map(([value, count]) => ({ value, label: label(value, kind), count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    const bandCounts = add(bands, extraFacets.priceBands);
    return {
      categories: list(add(categories, extraFacets.categories), 'category'),
      priceBands: PRICE_BANDS.map((b) => ({ value: b.value, label: b.label, count: bandCounts.get(b.value) ?? 0 })).filter((b) => b.count > 0),
      providers: list(add(providers, extraFacets.providers), 'provider'),
      diet: list(add(diet, extraFacets.diet), 'diet'),
    };
  }

  async getProduct(id: string): Promise<Product | null> {
    return (await this.getProducts([id])).get(id) ?? null;
  }

  async getProducts(ids: string[]): Promise<Map<string, Product>> {
    const found = new Map<string, Product>();
    if (ids.length === 0 || !(await this.exists())) return found;
    const points = await this.client.retrieve(this.opts.alias, { ids: ids.map((id) => pointId('product', id)), with_payload: ['product'] });
    for (const p of points) {
      const product = (p.payload as Payload)['product'] as Product;
      found.set(product.id, product);
    }
    return found;
  }

  async getProvider(id: string): Promise<Provider | null> {
    return (await this.catalogMeta()).providers.get(id) ?? null;
  }

  async categories(): Promise<CategorySummary[]> {
    return (await this.catalogMeta()).categories;
  }

  async size(): Promise<number> {
    if (!(await this.exists())) return 0;
    return this.count({ must: [{ key: 'kind', match: { value: 'product' } }] });
  }

  async status(): Promise<IndexStatus> {
    const products = await this.size();
    const hybrid = await this.hasDense();
    return {
      kind: 'qdrant',
      products,
      retrieval: hybrid ? 'hybrid' : 'keyword',
      embedder: this.embedder?.id ?? null,
      vectors: hybrid ? products : 0,
      ...(this.problem ? { problem: this.problem } : this.embedder && !hybrid ? { problem: 'embedding products; keyword search until done' } : {}),
    };
  }

  async ping(): Promise<void> {
    if ((await this.size()) === 0) throw new Error(`the Qdrant product index (alias ${this.opts.alias}) is empty: no catalog has been loaded`);
  }
}

function toHit(p: PointOut): SearchHit {
  return { product: (p.payload as Payload)['product'] as Product, score: p.score ?? 0 };
}

/** Out-of-stock products stay findable but sink below those in stock, keeping relevance order otherwise. */
function stockFirst(points: PointOut[]): PointOut[] {
  const stocked = (p: PointOut) => (((p.payload as Payload)['product'] as Product).stock > 0 ? 0 : 1);
  return [...points].sort((a, b) => stocked(a) - stocked(b));
}

/** Keyword near matches and vector neighbours as one list, by reciprocal rank when both have something. */
function fuseExtras(near: PointOut[], neighbours: PointOut[]): PointOut[] {
  if (near.length === 0) return neighbours;
  if (neighbours.length === 0) return near;
  const byId = new Map([...near, ...neighbours].map((p) => [String(p.id), p]));
  const fused = reciprocalRankFusion([near.map((p) => String(p.id)), neighbours.map((p) => String(p.id))]);
  return [...fused.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => byId.get(id) as PointOut);
}

function mergeSorted(ranked: PointOut[], extra: PointOut[], sort: NonNullable<SearchQuery['sort']>): PointOut[] {
  if (extra.length === 0) return ranked;
  const product = (p: PointOut) => (p.payload as Payload)['product'] as Product;
  const key = (p: PointOut) =>
    sort === 'price_asc' ? product(p).pricePaise : sort === 'price_desc' ? -product(p).pricePaise : -product(p).rating;
  return [...ranked, ...extra].sort((a, b) => key(a) - key(b));
}

/** A pack size as one keyword, so "1 kg" and "1000 g" are the same value. */
function sizeKey(unit: Product['quantity']['unit'], value: number): string {
  const { kind, amount } = baseAmount(unit, value);
  return `${kind}:${amount}`;
}

/** Words that were all a size ("500g") ask for that pack size. */
function withSize(filter: Filter, parsed: ParsedQuery): Filter {
  if (!parsed.size) return filter;
  return { must: [...(filter.must ?? []), { key: 'size', match: { value: sizeKey(parsed.size.unit, parsed.size.value) } }] };
}
