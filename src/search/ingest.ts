/**
 * Catalog ingestion: the buyer app pulls full catalogs from the network (a search per domain and city, with
 * no item or category), normalizes every on_search and loads the product index with the result.
 */
import type { Catalog, Product, Provider } from '../core/catalog.js';
import type { BuyerApp } from '../ondc/buyer.js';
import { parseOnSearch } from '../ondc/ingest.js';
import type { RegistryClient } from '../ondc/registry.js';

export interface IngestReport {
  catalog: Catalog;
  searches: number;
  sellersAnswered: number;
  sellersExpected: number;
  problems: string[];
}

/** Every domain and city the registry lists seller apps for, with how many sellers each has. */
export async function catalogTargets(registry: RegistryClient, cities: string[]): Promise<Map<string, { domain: string; city: string; sellers: number }>> {
  const targets = new Map<string, { domain: string; city: string; sellers: number }>();
  for (const city of cities) {
    for (const entry of await registry.lookup({ type: 'BPP', city })) {
      const key = `${entry.domain}|${city}`;
      const t = targets.get(key) ?? { domain: entry.domain, city, sellers: 0 };
      t.sellers += 1;
      targets.set(key, t);
    }
  }
  return targets;
}

export async function pullNetworkCatalog(args: {
  buyer: BuyerApp;
  registry: RegistryClient;
  cities: string[];
  deadlineMs: number;
}): Promise<IngestReport> {
  const targets = await catalogTargets(args.registry, args.cities);

  const providers = new Map<string, Provider>();
  const products = new Map<string, Product>();
  const problems: string[] = [];
  let answered = 0;
  let expected = 0;
  const results = await Promise.allSettled(
    [...targets.values()].map((t) =>
      args.buyer.search({ domain: t.domain, city: t.city, request: {}, expectSellers: t.sellers, deadlineMs: args.deadlineMs }),
    ),
  );
  for (const [i, result] of results.entries()) {
    const target = [...targets.values()][i]!;
    expected += target.sellers;
    if (result.status === 'rejected') {
      problems.push(`${target.domain} in ${target.city}: ${(result.reason as Error).message}`);
      continue;
    }
    answered += result.value.length;
    for (const callback of result.value) {
      try {
        const parsed = parseOnSearch(callback.body);
        for (const p of parsed.providers) providers.set(p.id, p);
        for (const p of parsed.products) products.set(p.id, p);
        problems.push(...parsed.problems);
      } catch (err) {
        problems.push(`on_search from ${callback.from}: ${(err as Error).message}`);
      }
    }
  }
  return {
    catalog: { providers: [...providers.values()], products: [...products.values()] },
    searches: targets.size,
    sellersAnswered: answered,
    sellersExpected: expected,
    problems,
  };
}
