/**
 * The embedded product index: keyword search with MiniSearch (BM25-style scoring, prefix and typo tolerance)
 * over the catalog held in memory. The search issue adds vector retrieval and fusion beside it.
 */
import MiniSearch from 'minisearch';
import type { Catalog, Product, Provider } from '../core/catalog.js';
import { DomainError } from '../core/errors.js';
import type { CatalogIndex, CategorySummary, SearchHit, SearchQuery, SearchResult } from '../core/ports.js';
import { facetsOf, matchesFilters, sortHits } from './filters.js';
import { baseAmount, parseQuery, stem, type ParsedQuery } from './query.js';

interface IndexedDoc {
  id: string;
  name: string;
  brand: string;
  category: string;
  tags: string;
  description: string;
}

/** With a first page of products holding every word, partial matches add nothing but cost. */
const FULL_MATCHES_ENOUGH = 10;

const FIELDS = ['name', 'brand', 'category', 'tags', 'description'] as const;
const BOOST = { name: 3, brand: 2, category: 1.5, tags: 1.5, description: 0.5 };

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

function sizeMatcher(size: NonNullable<ParsedQuery['size']>): (p: Product) => boolean {
  const wanted = baseAmount(size.unit, size.value);
  return (p) => {
    const has = baseAmount(p.quantity.unit, Number(p.quantity.value));
    return has.kind === wanted.kind && has.amount === wanted.amount;
  };
}

function norm(s: string): string {
  return s.trim().toLowerCase();
}

function summarizeCategories(products: Iterable<Product>): CategorySummary[] {
  const byId = new Map<string, CategorySummary>();
  for (const p of products) {
    const key = `${p.domain}|${p.categoryId}`;
    const c = byId.get(key);
    if (!c) {
      byId.set(key, {
        id: p.categoryId,
        path: p.categoryPath,
        domain: p.domain,
        productCount: 1,
        minPricePaise: p.pricePaise,
        maxPricePaise: p.pricePaise,
      });
      continue;
    }
    c.productCount += 1;
    c.minPricePaise = Math.min(c.minPricePaise, p.pricePaise);
    c.maxPricePaise = Math.max(c.maxPricePaise, p.pricePaise);
  }
  return [...byId.values()].sort((a, b) => a.domain.localeCompare(b.domain) || a.id.localeCompare(b.id));
}

/** Browsing without words: best rated first, then cheaper, then by id so pages are stable. */
function browseOrder(a: Product, b: Product): number {
  return b.rating - a.rating || a.pricePaise - b.pricePaise || a.id.localeCompare(b.id);
}

export class EmbeddedCatalogIndex implements CatalogIndex {
  private products = new Map<string, Product>();
  private providers = new Map<string, Provider>();
  private categoryList: CategorySummary[] = [];
  /** Lower-cased category ids and path names, for matching a caller's category. */
  private categoryNames = new Set<string>();
  private text = EmbeddedCatalogIndex.newTextIndex();

  private static newTextIndex(): MiniSearch<IndexedDoc> {
    return new MiniSearch<IndexedDoc>({
      fields: [...FIELDS],
      storeFields: [],
      processTerm: (term) => stem(term),
      searchOptions: { boost: BOOST, prefix: (term) => term.length >= 3, fuzzy: (term) => (term.length >= 5 ? 0.2 : false), combineWith: 'AND' },
    });
  }

  async load(catalog: Catalog): Promise<void> {
    const text = EmbeddedCatalogIndex.newTextIndex();
    text.addAll(catalog.products.map(toDoc));
    this.text = text;
    this.products = new Map(catalog.products.map((p) => [p.id, p]));
    this.providers = new Map(catalog.providers.map((p) => [p.id, p]));
    this.categoryList = summarizeCategories(catalog.products);
    this.categoryNames = new Set(this.categoryList.flatMap((c) => [c.id, ...c.path].map(norm)));
  }

  private matcher(query: SearchQuery): (p: Product) => boolean {
    if (query.category !== undefined && !this.categoryNames.has(norm(query.category))) {
      throw new DomainError(
        'CATEGORY_NOT_FOUND',
        `No category called "${query.category}"; call browse_categories for the list.`,
      );
    }
    return (p) => matchesFilters(p, query, this.providers);
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const accept = this.matcher(query);
    const parsed = query.text ? parseQuery(query.text) : undefined;
    let hits: SearchHit[];
    if (parsed && parsed.groups.length > 0) {
      hits = this.rankText(parsed, accept, query.sort);
    } else {
      // Words that were all sizes ("500g") ask for that pack size.
      const sized = parsed?.size ? sizeMatcher(parsed.size) : () => true;
      hits = [...this.products.values()].filter((p) => accept(p) && sized(p)).map((product) => ({ product, score: 0 }));
      if (query.sort && query.sort !== 'relevance') sortHits(hits, query.sort);
      else hits.sort((a, b) => browseOrder(a.product, b.product));
    }
    const start = (query.page - 1) * query.limit;
    return {
      hits: hits.slice(start, start + query.limit),
      total: hits.length,
      facets: facetsOf(
        hits.map((h) => h.product),
        this.providers,
      ),
    };
  }

  /**
   * Products holding every word come first; products holding only some follow, so a short page fills with
   * near matches instead of ending early. Sorting by price or rating keeps to the full matches when there are any.
   * The rule depends on the query alone, never on the page asked for, so totals agree across pages.
   */
  private rankText(parsed: ParsedQuery, accept: (p: Product) => boolean, sort: SearchQuery['sort']): SearchHit[] {
    const all = sortHits(this.textHits(parsed, 'AND', accept), sort);
    if (parsed.groups.length === 1 || all.length >= FULL_MATCHES_ENOUGH) return all;
    if (all.length > 0 && sort && sort !== 'relevance') return all;
    const seen = new Set(all.map((h) => h.product.id));
    const partial = sortHits(
      this.textHits(parsed, 'OR', accept).filter((h) => !seen.has(h.product.id)),
      sort,
    );
    return [...all, ...partial];
  }

  private textHits(parsed: ParsedQuery, combineWith: 'AND' | 'OR', accept: (p: Product) => boolean): SearchHit[] {
    const hits: SearchHit[] = [];
    const tree = { combineWith, queries: parsed.groups.map((alternatives) => ({ combineWith: 'OR' as const, queries: alternatives })) };
    const results = this.text.search(tree as never, {
      filter: (r) => {
        const p = this.products.get(r.id as string);
        return p !== undefined && accept(p);
      },
    });
    const wanted = parsed.size ? baseAmount(parsed.size.unit, parsed.size.value) : undefined;
    for (const r of results) {
      const product = this.products.get(r.id as string) as Product;
      let score = r.score;
      if (wanted) {
        const has = baseAmount(product.quantity.unit, Number(product.quantity.value));
        if (has.kind === wanted.kind && has.amount === wanted.amount) score *= 1.5;
      }
      // Shoppers want what they can buy now: out-of-stock products stay findable but sink.
      if (product.stock <= 0) score *= 0.5;
      hits.push({ product, score });
    }
    return hits;
  }

  async getProduct(id: string): Promise<Product | null> {
    return this.products.get(id) ?? null;
  }

  async getProducts(ids: string[]): Promise<Map<string, Product>> {
    const found = new Map<string, Product>();
    for (const id of ids) {
      const p = this.products.get(id);
      if (p) found.set(id, p);
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
    return this.products.size;
  }

  async ping(): Promise<void> {
    if (this.products.size === 0) throw new Error('the product index is empty: no catalog has been loaded');
  }
}
