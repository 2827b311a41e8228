/** Facets and sort over search records, shared by the embedded and Qdrant indexes. */
import type { Product } from '../core/catalog.js';
import type { CategorySummary, FacetCount, SearchFacets, SearchHit, SearchSort } from '../core/ports.js';
import type { SearchRecord } from './record.js';

export const PRICE_BANDS: Array<{ value: string; label: string; min: number; max: number }> = [
  { value: '0-100', label: 'Under ₹100', min: 0, max: 100_00 },
  { value: '100-250', label: '₹100 to ₹250', min: 100_00, max: 250_00 },
  { value: '250-500', label: '₹250 to ₹500', min: 250_00, max: 500_00 },
  { value: '500-1000', label: '₹500 to ₹1,000', min: 500_00, max: 1000_00 },
  { value: '1000-2500', label: '₹1,000 to ₹2,500', min: 1000_00, max: 2500_00 },
  { value: '2500+', label: '₹2,500 and above', min: 2500_00, max: Number.POSITIVE_INFINITY },
];

function counted(counts: Map<string, { label: string; count: number }>): FacetCount[] {
  return [...counts.entries()]
    .map(([value, c]) => ({ value, label: c.label, count: c.count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

function bump(map: Map<string, { label: string; count: number }>, value: string, label: string): void {
  const c = map.get(value);
  if (c) c.count += 1;
  else map.set(value, { label, count: 1 });
}

const DIET_LABEL = { veg: 'Veg', non_veg: 'Non-veg', not_applicable: 'Not food' } as const;

export function facetsOf(records: Iterable<SearchRecord>): SearchFacets {
  const categories = new Map<string, { label: string; count: number }>();
  const providerCounts = new Map<string, { label: string; count: number }>();
  const diet = new Map<string, { label: string; count: number }>();
  const bands = PRICE_BANDS.map(() => 0);
  for (const r of records) {
    const p = r.product;
    bump(categories, p.categoryId, p.categoryPath.at(-1) ?? p.categoryId);
    bump(providerCounts, r.provider_id, r.provider_name);
    bump(diet, r.diet, DIET_LABEL[r.diet]);
    const band = PRICE_BANDS.findIndex((b) => r.price_paise >= b.min && r.price_paise < b.max);
    if (band >= 0) bands[band] = (bands[band] ?? 0) + 1;
  }
  return {
    categories: counted(categories),
    priceBands: PRICE_BANDS.map((b, i) => ({ value: b.value, label: b.label, count: bands[i] ?? 0 })).filter((b) => b.count > 0),
    providers: counted(providerCounts),
    diet: counted(diet),
  };
}

/** Relevance keeps the index's order; the others sort with ties broken by relevance, then id (stable pages). */
export function sortHits(hits: SearchHit[], sort: SearchSort = 'relevance'): SearchHit[] {
  const byRelevance = (a: SearchHit, b: SearchHit) => b.score - a.score || a.product.id.localeCompare(b.product.id);
  switch (sort) {
    case 'price_asc':
      return hits.sort((a, b) => a.product.pricePaise - b.product.pricePaise || byRelevance(a, b));
    case 'price_desc':
      return hits.sort((a, b) => b.product.pricePaise - a.product.pricePaise || byRelevance(a, b));
    case 'rating':
      return hits.sort((a, b) => b.product.rating - a.product.rating || byRelevance(a, b));
    default:
      return hits.sort(byRelevance);
  }
}

export function summarizeCategories(products: Iterable<Product>): CategorySummary[] {
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
export function browseOrder(a: Product, b: Product): number {
  return b.rating - a.rating || a.pricePaise - b.pricePaise || a.id.localeCompare(b.id);
}
