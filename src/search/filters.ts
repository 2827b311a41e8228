/** Filters, facets and sort over normalized products: the one reading of SearchFilters for the embedded index. */
import type { Product, Provider } from '../core/catalog.js';
import type { FacetCount, SearchFacets, SearchFilters, SearchHit, SearchSort } from '../core/ports.js';

const norm = (s: string) => s.trim().toLowerCase();

export function matchesFilters(p: Product, f: SearchFilters, providers: Map<string, Provider>): boolean {
  if (f.category !== undefined) {
    const c = norm(f.category);
    if (norm(p.categoryId) !== c && !p.categoryPath.some((x) => norm(x) === c)) return false;
  }
  if (f.minPricePaise !== undefined && p.pricePaise < f.minPricePaise) return false;
  if (f.maxPricePaise !== undefined && p.pricePaise > f.maxPricePaise) return false;
  if (f.providerId !== undefined && p.providerId !== f.providerId) return false;
  if (f.brand !== undefined && norm(p.brand) !== norm(f.brand)) return false;
  if (f.veg !== undefined && p.veg !== f.veg) return false;
  if (f.inStock && p.stock <= 0) return false;
  if (f.cod && !(p.cod && (providers.get(p.providerId)?.cod ?? false))) return false;
  if (f.pincode !== undefined && !(providers.get(p.providerId)?.serviceablePincodes.includes(f.pincode) ?? false)) return false;
  if (f.minRating !== undefined && p.rating < f.minRating) return false;
  return true;
}

const BANDS: Array<{ value: string; label: string; min: number; max: number }> = [
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

export function facetsOf(products: Iterable<Product>, providers: Map<string, Provider>): SearchFacets {
  const categories = new Map<string, { label: string; count: number }>();
  const providerCounts = new Map<string, { label: string; count: number }>();
  const diet = new Map<string, { label: string; count: number }>();
  const bands = BANDS.map(() => 0);
  for (const p of products) {
    bump(categories, p.categoryId, p.categoryPath.at(-1) ?? p.categoryId);
    bump(providerCounts, p.providerId, providers.get(p.providerId)?.name ?? p.providerId);
    bump(diet, p.veg === null ? 'not_applicable' : p.veg ? 'veg' : 'non_veg', p.veg === null ? 'Not food' : p.veg ? 'Veg' : 'Non-veg');
    const band = BANDS.findIndex((b) => p.pricePaise >= b.min && p.pricePaise < b.max);
    if (band >= 0) bands[band] = (bands[band] ?? 0) + 1;
  }
  return {
    categories: counted(categories),
    priceBands: BANDS.map((b, i) => ({ value: b.value, label: b.label, count: bands[i] ?? 0 })).filter((b) => b.count > 0),
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
