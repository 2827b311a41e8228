/**
 * The one search record per catalog item, shared by ingestion and query and by every index adapter: the
 * normalized Product plus the flat, lower-cased fields that filters and facets read. Filters are turned into
 * conditions on these fields in one place (`filterConditions`); the embedded index evaluates the conditions
 * itself and the Qdrant adapter sends the same conditions as a Qdrant filter, on payload indexes declared
 * from `RECORD_FIELDS`.
 */
import type { Product, Provider } from '../core/catalog.js';
import type { SearchFilters } from '../core/ports.js';

export type Diet = 'veg' | 'non_veg' | 'not_applicable';

export interface SearchRecord {
  id: string;
  product: Product;
  provider_id: string;
  provider_name: string;
  /** Lower-cased brand. */
  brand: string;
  /** Lower-cased category id and every name on its path, so a filter may name any level. */
  category: string[];
  price_paise: number;
  diet: Diet;
  in_stock: boolean;
  /** Cash on delivery offered for this item by a provider that takes it. */
  cod: boolean;
  /** Pincodes the provider delivers to. */
  pincodes: string[];
  rating: number;
  /** When the seller last changed the item, epoch milliseconds. */
  updated_at: number;
}

/** How each record field is indexed: Qdrant payload index types, and the embedded index reads the same fields. */
export const RECORD_FIELDS = {
  provider_id: 'keyword',
  brand: 'keyword',
  category: 'keyword',
  price_paise: 'integer',
  diet: 'keyword',
  in_stock: 'bool',
  cod: 'bool',
  pincodes: 'keyword',
  rating: 'float',
  updated_at: 'integer',
} as const;

export type RecordField = keyof typeof RECORD_FIELDS;

/** A filter condition on one record field: equality (any element, for list fields) or a closed range. */
export type Condition =
  | { key: RecordField; equals: string | boolean }
  | { key: RecordField; range: { gte?: number; lte?: number } };

export function dietOf(veg: boolean | null): Diet {
  return veg === null ? 'not_applicable' : veg ? 'veg' : 'non_veg';
}

const lower = (s: string) => s.trim().toLowerCase();

export function toRecord(product: Product, provider: Provider | undefined): SearchRecord {
  return {
    id: product.id,
    product,
    provider_id: product.providerId,
    provider_name: provider?.name ?? product.providerId,
    brand: lower(product.brand),
    category: [...new Set([product.categoryId, ...product.categoryPath].map(lower))],
    price_paise: product.pricePaise,
    diet: dietOf(product.veg),
    in_stock: product.stock > 0,
    cod: product.cod && (provider?.cod ?? false),
    pincodes: provider?.serviceablePincodes ?? [],
    rating: product.rating,
    updated_at: Date.parse(product.updatedAt) || 0,
  };
}

/** The filters a caller gave, as conditions that must all hold. The only reading of SearchFilters for search. */
export function filterConditions(f: SearchFilters): Condition[] {
  const out: Condition[] = [];
  if (f.category !== undefined) out.push({ key: 'category', equals: lower(f.category) });
  if (f.minPricePaise !== undefined || f.maxPricePaise !== undefined) {
    out.push({
      key: 'price_paise',
      range: {
        ...(f.minPricePaise !== undefined ? { gte: f.minPricePaise } : {}),
        ...(f.maxPricePaise !== undefined ? { lte: f.maxPricePaise } : {}),
      },
    });
  }
  if (f.providerId !== undefined) out.push({ key: 'provider_id', equals: f.providerId });
  if (f.brand !== undefined) out.push({ key: 'brand', equals: lower(f.brand) });
  if (f.veg !== undefined) out.push({ key: 'diet', equals: f.veg ? 'veg' : 'non_veg' });
  if (f.inStock) out.push({ key: 'in_stock', equals: true });
  if (f.cod) out.push({ key: 'cod', equals: true });
  if (f.pincode !== undefined) out.push({ key: 'pincodes', equals: f.pincode });
  if (f.minRating !== undefined) out.push({ key: 'rating', range: { gte: f.minRating } });
  return out;
}

function holds(record: SearchRecord, c: Condition): boolean {
  const value = record[c.key];
  if ('equals' in c) return Array.isArray(value) ? (value as unknown[]).includes(c.equals) : value === c.equals;
  const n = value as number;
  return (c.range.gte === undefined || n >= c.range.gte) && (c.range.lte === undefined || n <= c.range.lte);
}

/** The embedded reading of conditions: a predicate over records. */
export function recordMatcher(conditions: Condition[]): (record: SearchRecord) => boolean {
  if (conditions.length === 0) return () => true;
  return (record) => conditions.every((c) => holds(record, c));
}

/** The text a product is embedded from: what a shopper might describe it by, most telling first. */
export function embeddingText(p: Product): string {
  return [p.name, p.brand, p.categoryPath.join(' > '), p.shortDesc, p.tags.join(', ')].filter(Boolean).join('. ');
}

/** The query text the vector side embeds: the words typed plus their lexicon meanings ("doodh" also says "milk"). */
export function queryEmbeddingText(text: string, alternatives: string[][]): string {
  const words = new Set(text.toLowerCase().split(/\s+/).filter(Boolean));
  const extra = alternatives.flat().filter((w) => !words.has(w));
  return [text.trim(), ...new Set(extra)].join(' ');
}
