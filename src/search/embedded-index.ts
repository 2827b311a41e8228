/**
 * The embedded product index, in process: keyword search with MiniSearch (BM25-style scoring, field boosts,
 * typo tolerance; plurals fold by stemming, so prefix expansion is off: it cost time and found nothing more) and, when an embedder is attached, dense retrieval from a usearch HNSW graph, the two
 * fused by reciprocal rank. Filters and facets read the shared search records (record.ts).
 */
import { createHash } from 'node:crypto';
import MiniSearch from 'minisearch';
import type { Catalog, Product, Provider } from '../core/catalog.js';
import { DomainError } from '../core/errors.js';
import type {
  CatalogIndex,
  CategorySummary,
  IndexStatus,
  LoadProgress,
  SearchHit,
  SearchQuery,
  SearchResult,
  UpsertReport,
} from '../core/ports.js';
import type { Embedder } from './embedder.js';
import { browseOrder, facetsOf, sortHits, summarizeCategories } from './filters.js';
import { FIELD_BOOSTS, FULL_MATCHES_ENOUGH, MIN_SIMILARITY, reciprocalRankFusion, VECTOR_CANDIDATES } from './fusion.js';
import { baseAmount, parseQuery, stem, type ParsedQuery } from './query.js';
import { embeddingText, filterConditions, queryEmbeddingText, recordMatcher, toRecord, type SearchRecord } from './record.js';
import { VectorSpace } from './vectors.js';

interface IndexedDoc {
  id: string;
  name: string;
  brand: string;
  category: string;
  tags: string;
  description: string;
}

const EMBED_BATCH = 64;
const QUERY_CACHE = 1000;

const FIELDS = ['name', 'brand', 'category', 'tags', 'description'] as const;

function toDoc(p: Product): IndexedDoc {
  return {
    id: p.id,
    name: p.name,
    brand: p.brand,
    category: [p.categoryId, ...p.categoryPath].join(' '),
    tags: p.tags.join(' '),
    description: p.shortDesc,
  };
}

/** Identifies the words a product is indexed and embedded by; equal keys mean nothing to re-index. */
function textKey(p: Product): string {
  return createHash('sha1').update(embeddingText(p)).digest('base64url');
}

function sizeMatcher(size: NonNullable<ParsedQuery['size']>): (p: Product) => boolean {
  const wanted = baseAmount(size.unit, size.value);
  return (p) => {
    const has = baseAmount(p.quantity.unit, Number(p.quantity.value));
    return has.kind === wanted.kind && has.amount === wanted.amount;
  };
}

const norm = (s: string) => s.trim().toLowerCase();

function newTextIndex(): MiniSearch<IndexedDoc> {
  return new MiniSearch<IndexedDoc>({
    fields: [...FIELDS],
    storeFields: [],
    processTerm: (term) => stem(term),
    searchOptions: { boost: FIELD_BOOSTS, prefix: false, fuzzy: (term) => (term.length >= 5 ? 0.2 : false), combineWith: 'AND' },
  });
}

export class EmbeddedCatalogIndex implements CatalogIndex {
  private records = new Map<string, SearchRecord>();
  private keys = new Map<string, string>();
  private providers = new Map<string, Provider>();
  private categoryList: CategorySummary[] = [];
  /** Lower-cased category ids and path names, for matching a caller's category. */
  private categoryNames = new Set<string>();
  private text = newTextIndex();

  private embedder: Embedder | undefined;
  private space: VectorSpace | undefined;
  /** True once every product has a vector: only then does search fuse, so results never depend on a half-built side. */
  private vectorsComplete = false;
  private problem: string | undefined;
  private readonly queryVectors = new Map<string, Float32Array>();
  /** Serializes loads, upserts and embedder changes so vectors always describe the records. */
  private writes: Promise<unknown> = Promise.resolve();

  /**
   * Attaches an embedder: every product is embedded (in the background of searches, which stay keyword-only
   * until it is done) and text searches then fuse keyword and vector results.
   */
  attachEmbedder(embedder: Embedder, onProgress?: (p: LoadProgress) => void): Promise<void> {
    return this.serialized(async () => {
      this.embedder = embedder;
      this.space = new VectorSpace(embedder.dimensions);
      this.vectorsComplete = false;
      this.queryVectors.clear();
      this.problem = undefined;
      await this.embedMissing(onProgress);
    });
  }

  /** Records why there is no embedder (shown in status), or clears it. */
  noteEmbedderProblem(problem: string | undefined): void {
    this.problem = problem;
  }

  load(catalog: Catalog, options: { onProgress?: (p: LoadProgress) => void } = {}): Promise<void> {
    return this.serialized(async () => {
      const providers = new Map(catalog.providers.map((p) => [p.id, p]));
      const text = newTextIndex();
      text.addAll(catalog.products.map(toDoc));
      this.text = text;
      this.providers = providers;
      this.records = new Map(catalog.products.map((p) => [p.id, toRecord(p, providers.get(p.providerId))]));
      this.keys = new Map(catalog.products.map((p) => [p.id, textKey(p)]));
      this.refreshCategories();
      this.queryVectors.clear();
      options.onProgress?.({ stage: 'text', done: catalog.products.length, total: catalog.products.length });
      if (this.space) {
        const space = this.space;
        for (const id of space.ids()) if (!this.records.has(id)) space.remove(id);
        await this.embedMissing(options.onProgress);
      }
    });
  }

  upsert(products: Product[], providers: Provider[]): Promise<UpsertReport> {
    return this.serialized(async () => {
      const report: UpsertReport = { added: 0, changed: 0, updated: 0, unchanged: 0 };
      for (const p of providers) this.providers.set(p.id, p);
      const touchedProviders = new Set(providers.map((p) => p.id));
      // A provider's new pincodes or COD terms change every one of its records.
      if (touchedProviders.size > 0) {
        for (const [id, r] of this.records) {
          if (touchedProviders.has(r.provider_id)) this.records.set(id, toRecord(r.product, this.providers.get(r.provider_id)));
        }
      }
      for (const product of products) {
        const before = this.records.get(product.id);
        // ONDC versions incremental changes by time: an older copy of an item never overwrites a newer one.
        if (before && Date.parse(product.updatedAt) < Date.parse(before.product.updatedAt)) {
          report.unchanged += 1;
          continue;
        }
        const key = textKey(product);
        this.records.set(product.id, toRecord(product, this.providers.get(product.providerId)));
        if (!before) {
          this.text.add(toDoc(product));
          report.added += 1;
        } else if (this.keys.get(product.id) !== key) {
          this.text.replace(toDoc(product));
          report.changed += 1;
        } else if (JSON.stringify(before.product) !== JSON.stringify(product)) {
          report.updated += 1;
        } else {
          report.unchanged += 1;
        }
        this.keys.set(product.id, key);
      }
      if (report.added + report.changed + report.updated > 0) this.refreshCategories();
      if (report.added + report.changed > 0) this.queryVectors.clear();
      if (this.space) await this.embedMissing();
      return report;
    });
  }

  remove(ids: string[]): Promise<number> {
    return this.serialized(async () => {
      let removed = 0;
      for (const id of ids) {
        if (!this.records.delete(id)) continue;
        this.text.discard(id);
        this.keys.delete(id);
        this.space?.remove(id);
        removed += 1;
      }
      if (removed > 0) this.refreshCategories();
      return removed;
    });
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writes.then(work, work);
    this.writes = run.catch(() => undefined);
    return run;
  }

  private refreshCategories(): void {
    this.categoryList = summarizeCategories(this.products());
    this.categoryNames = new Set(this.categoryList.flatMap((c) => [c.id, ...c.path].map(norm)));
  }

  private *products(): Iterable<Product> {
    for (const r of this.records.values()) yield r.product;
  }

  /** Embeds every product whose vector is missing or was made from other words; reuses the rest. */
  private async embedMissing(onProgress?: (p: LoadProgress) => void): Promise<void> {
    const embedder = this.embedder;
    const space = this.space;
    if (!embedder || !space) return;
    const todo: Product[] = [];
    for (const r of this.records.values()) {
      if (!space.reusable(r.id, this.keys.get(r.id) ?? '')) todo.push(r.product);
    }
    const total = todo.length;
    onProgress?.({ stage: 'vectors', done: 0, total });
    for (let i = 0; i < todo.length; i += EMBED_BATCH) {
      const batch = todo.slice(i, i + EMBED_BATCH);
      const vectors = await embedder.embed(batch.map(embeddingText), 'document');
      space.put(batch.map((p, j) => ({ id: p.id, vector: vectors[j] as Float32Array, textKey: this.keys.get(p.id) ?? textKey(p) })));
      onProgress?.({ stage: 'vectors', done: Math.min(total, i + batch.length), total });
    }
    this.vectorsComplete = space.size >= this.records.size;
  }

  private accepter(query: SearchQuery): (r: SearchRecord) => boolean {
    if (query.category !== undefined && !this.categoryNames.has(norm(query.category))) {
      throw new DomainError(
        'CATEGORY_NOT_FOUND',
        `No category called "${query.category}"; call browse_categories for the list.`,
      );
    }
    return recordMatcher(filterConditions(query));
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    // one consistent view for the whole search, though a load may swap in another catalog while it awaits
    const records = this.records;
    const accept = this.accepter(query);
    const parsed = query.text ? parseQuery(query.text) : undefined;
    let hits: SearchHit[];
    if (query.text && parsed && parsed.groups.length > 0) {
      hits = await this.rankText(records, query.text, parsed, accept, query.sort);
    } else {
      // Words that were all sizes ("500g") ask for that pack size.
      const sized = parsed?.size ? sizeMatcher(parsed.size) : () => true;
      hits = [];
      for (const r of records.values()) if (accept(r) && sized(r.product)) hits.push({ product: r.product, score: 0 });
      if (query.sort && query.sort !== 'relevance') sortHits(hits, query.sort);
      else hits.sort((a, b) => browseOrder(a.product, b.product));
    }
    const start = (query.page - 1) * query.limit;
    return {
      hits: hits.slice(start, start + query.limit),
      total: hits.length,
      facets: facetsOf(hits.map((h) => records.get(h.product.id) as SearchRecord)),
    };
  }

  /**
   * Keyword side: products holding every word come first; products holding only some follow, so a short page
   * fills with near matches instead of ending early. Vector side, once every product has a vector: the nearest
   * products that pass the filters, fused with the keyword list by reciprocal rank. Sorting by price or rating
   * keeps to the full keyword matches when there are any. The rule depends on the query alone, never on the
   * page asked for, so totals agree across pages.
   */
  private async rankText(
    records: Map<string, SearchRecord>,
    raw: string,
    parsed: ParsedQuery,
    accept: (r: SearchRecord) => boolean,
    sort: SearchQuery['sort'],
  ): Promise<SearchHit[]> {
    const sorted = sort !== undefined && sort !== 'relevance';
    const full = this.textHits(records, parsed, 'AND', accept);
    let keyword = full;
    if (parsed.groups.length > 1 && full.length < FULL_MATCHES_ENOUGH && !(full.length > 0 && sorted)) {
      const seen = new Set(full.map((h) => h.product.id));
      keyword = [...sortHits(full), ...sortHits(this.textHits(records, parsed, 'OR', accept).filter((h) => !seen.has(h.product.id)))];
    } else {
      sortHits(keyword);
    }
    const neighbours = sorted && full.length > 0 ? [] : await this.vectorHits(records, raw, parsed, accept);
    if (neighbours.length === 0) return sorted ? sortHits(keyword, sort) : keyword;

    const fused = reciprocalRankFusion([keyword.map((h) => h.product.id), neighbours.map((h) => h.product.id)]);
    const complete = new Set(full.map((h) => h.product.id));
    const hits: SearchHit[] = [];
    for (const [id, score] of fused) {
      const product = (records.get(id) as SearchRecord).product;
      // Shoppers want what they can buy now: out-of-stock products stay findable but sink.
      const stocked = product.stock > 0 ? score : score * 0.5;
      hits.push({ product, score: complete.has(id) ? 1 + stocked : stocked });
    }
    return sortHits(hits, sort);
  }

  private textHits(
    records: Map<string, SearchRecord>,
    parsed: ParsedQuery,
    combineWith: 'AND' | 'OR',
    accept: (r: SearchRecord) => boolean,
  ): SearchHit[] {
    const hits: SearchHit[] = [];
    const tree = { combineWith, queries: parsed.groups.map((alternatives) => ({ combineWith: 'OR' as const, queries: alternatives })) };
    const results = this.text.search(tree as never, {
      filter: (r) => {
        const record = records.get(r.id as string);
        return record !== undefined && accept(record);
      },
    });
    const wanted = parsed.size ? baseAmount(parsed.size.unit, parsed.size.value) : undefined;
    for (const r of results) {
      const product = (records.get(r.id as string) as SearchRecord).product;
      let score = r.score;
      if (wanted) {
        const has = baseAmount(product.quantity.unit, Number(product.quantity.value));
        if (has.kind === wanted.kind && has.amount === wanted.amount) score *= 1.5;
      }
      if (product.stock <= 0) score *= 0.5;
      hits.push({ product, score });
    }
    return hits;
  }

  private async vectorHits(
    records: Map<string, SearchRecord>,
    raw: string,
    parsed: ParsedQuery,
    accept: (r: SearchRecord) => boolean,
  ): Promise<SearchHit[]> {
    if (!this.embedder || !this.space || !this.vectorsComplete) return [];
    const vector = await this.queryVector(queryEmbeddingText(raw, parsed.groups));
    const sized = parsed.size ? sizeMatcher(parsed.size) : () => true;
    const neighbours = this.space.nearest(vector, VECTOR_CANDIDATES, (id) => {
      const r = records.get(id);
      return r !== undefined && accept(r) && sized(r.product);
    });
    return neighbours
      .filter((n) => n.similarity >= MIN_SIMILARITY)
      .map((n) => ({ product: (records.get(n.id) as SearchRecord).product, score: n.similarity }));
  }

  private async queryVector(text: string): Promise<Float32Array> {
    const held = this.queryVectors.get(text);
    if (held) return held;
    const [vector] = await (this.embedder as Embedder).embed([text], 'query');
    if (this.queryVectors.size >= QUERY_CACHE) this.queryVectors.delete(this.queryVectors.keys().next().value as string);
    this.queryVectors.set(text, vector as Float32Array);
    return vector as Float32Array;
  }

  async getProduct(id: string): Promise<Product | null> {
    return this.records.get(id)?.product ?? null;
  }

  async getProducts(ids: string[]): Promise<Map<string, Product>> {
    const found = new Map<string, Product>();
    for (const id of ids) {
      const r = this.records.get(id);
      if (r) found.set(id, r.product);
    }
    return found;
  }

  async getProvider(id: string): Promise<Provider | null> {
    return this.providers.get(id) ?? null;
  }

  async categories(): Promise<CategorySummary[]> {
    return this.categoryList;
  }

  async size(): Promise<number> {
    return this.records.size;
  }

  async status(): Promise<IndexStatus> {
    return {
      kind: 'embedded',
      products: this.records.size,
      retrieval: this.vectorsComplete ? 'hybrid' : 'keyword',
      embedder: this.embedder?.id ?? null,
      vectors: this.space?.size ?? 0,
      ...(this.problem ? { problem: this.problem } : this.embedder && !this.vectorsComplete ? { problem: 'embedding products; keyword search until done' } : {}),
    };
  }

  async ping(): Promise<void> {
    if (this.records.size === 0) throw new Error('the product index is empty: no catalog has been loaded');
  }
}
