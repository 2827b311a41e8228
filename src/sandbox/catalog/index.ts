import type { Catalog, Product, RetailDomain } from '../../core/catalog.js';
import { SELLERS } from './tables/sellers.js';
import { buildProducts, buildProvider } from './generate.js';

export { CATALOG_EPOCH } from './generate.js';

export interface CatalogOptions {
  seed?: number;
  /** products per provider, default 300 */
  productsPerProvider?: number;
  /** when set, total product count across all providers (for benchmarks up to 100k+); providers get an even share */
  totalProducts?: number;
}

export const DEFAULT_SEED = 2026;
export const DEFAULT_PRODUCTS_PER_PROVIDER = 300;

/** The sandbox seller apps (BPPs); each publishes exactly one provider. */
export const SANDBOX_SELLERS: ReadonlyArray<{ bppId: string; name: string; domain: RetailDomain }> = Object.freeze(
  SELLERS.map((s) => Object.freeze({ bppId: s.bppId, name: s.appName, domain: s.data.domain })),
);

const wholeCount = (n: number) => (Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0);

function counts(options: CatalogOptions): number[] {
  const n = SELLERS.length;
  if (options.totalProducts !== undefined) {
    const total = wholeCount(options.totalProducts);
    const share = Math.floor(total / n);
    return SELLERS.map((_, i) => share + (i < total % n ? 1 : 0));
  }
  const each = wholeCount(options.productsPerProvider ?? DEFAULT_PRODUCTS_PER_PROVIDER);
  return SELLERS.map(() => each);
}

/** Deterministic: the same options always give a deep-equal catalog. */
export function generateCatalog(options: CatalogOptions = {}): Catalog {
  const seed = (options.seed ?? DEFAULT_SEED) >>> 0;
  const perSeller = counts(options);
  const products: Product[] = [];
  SELLERS.forEach((seller, i) => {
    for (const p of buildProducts(seller, perSeller[i] ?? 0, seed)) products.push(p);
  });
  return { providers: SELLERS.map(buildProvider), products };
}
