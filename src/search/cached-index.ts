/**
 * A short-lived cache in front of any product index for repeated searches (CACHE_TTL_SECONDS): the same query
 * and filters within the TTL are answered from memory. Any write to the index (load, upsert, remove, a new
 * embedder) empties it, so a stock change this replica applies is never hidden behind the cache.
 */
import type { CatalogIndex, SearchQuery, SearchResult } from '../core/ports.js';

const MAX_ENTRIES = 2000;

export function cachedIndex(index: CatalogIndex, ttlSeconds: number, now: () => number = Date.now): CatalogIndex & { hits: number } {
  const entries = new Map<string, { at: number; result: SearchResult }>();
  const stats = { hits: 0 };
  /** Bumped by every write: a search that began before a write must not store its (older) answer after it. */
  let generation = 0;
  const cleared = <T>(work: Promise<T>): Promise<T> => {
    generation += 1;
    entries.clear();
    return work.finally(() => {
      generation += 1;
      entries.clear();
    });
  };
  const cached: CatalogIndex & { hits: number } = {
    get hits() {
      return stats.hits;
    },
    async search(query: SearchQuery) {
      const key = JSON.stringify(query, Object.keys(query).sort());
      const held = entries.get(key);
      if (held && now() - held.at < ttlSeconds * 1000) {
        stats.hits += 1;
        return held.result;
      }
      const began = generation;
      const result = await index.search(query);
      if (began !== generation) return result;
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      entries.set(key, { at: now(), result });
      return result;
    },
    load: (catalog, options) => cleared(index.load(catalog, options)),
    upsert: (products, providers) => cleared(index.upsert(products, providers)),
    remove: (ids) => cleared(index.remove(ids)),
    attachEmbedder: (embedder, onProgress) => cleared(index.attachEmbedder(embedder, onProgress)),
    noteEmbedderProblem: (problem) => index.noteEmbedderProblem(problem),
    getProduct: (id) => index.getProduct(id),
    getProducts: (ids) => index.getProducts(ids),
    getProvider: (id) => index.getProvider(id),
    categories: () => index.categories(),
    size: () => index.size(),
    status: () => index.status(),
    ping: () => index.ping(),
    close: async () => {
      entries.clear();
      await index.close?.();
    },
  };
  return cached;
}
