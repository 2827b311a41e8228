/**
 * The catalog through the buyer backend. The reference backend keeps every seller's on_search flattened into one
 * search document per item (item_details, provider_details, location_details, context; ids prefixed
 * `bpp_domain_provider`), served page by page from GET /v2/search. Putting each provider back together as the
 * on_search it came from lets the ONDC catalog reader we trust for the native network read it too, so search,
 * filters and facets work the same on both.
 */
import type { Catalog, Product, Provider } from '../../core/catalog.js';
import { parseOnSearch, type OnSearchBody } from '../../ondc/ingest.js';
import type { HimiraClient } from './client.js';

/** One search document as GET /v2/search returns it (only the fields we read). */
export interface SearchDoc {
  context?: { bpp_id?: string; bpp_uri?: string; domain?: string; city?: string; timestamp?: string };
  provider_details?: Record<string, unknown> & { id?: string; local_id?: string };
  location_details?: Record<string, unknown> & { id?: string; local_id?: string };
  item_details?: Record<string, unknown> & { id?: string };
}

export interface SearchPage {
  response?: { count?: number; data?: SearchDoc[]; pages?: number };
}

export interface BackendCatalog {
  catalog: Catalog;
  /** Seller app URIs by bpp_id, which the backend's select and init read from each cart item. */
  bppUris: Map<string, string>;
  pages: number;
  problems: string[];
}

const PAGE_SIZE = 100;
/** Enough for a million items at PAGE_SIZE; a backend that keeps saying "more" is not believed forever. */
const MAX_PAGES = 10_000;

/** The backend's ids for what our catalog names by the seller's own ids. */
export const backendIds = {
  provider: (bppId: string, domain: string, providerId: string) => `${bppId}_${domain}_${providerId}`,
  item: (providerFull: string, itemId: string) => `${providerFull}_${itemId}`,
  location: (providerFull: string, locationId: string) => `${providerFull}_${locationId}`,
};

/** The seller's own id: the document's local_id, else what follows the backend's prefix. */
function localId(full: string | undefined, local: string | undefined, prefix: string): string | undefined {
  if (local) return local;
  return full?.startsWith(`${prefix}_`) ? full.slice(prefix.length + 1) : full;
}

interface Rebuilt {
  body: OnSearchBody;
  provider: Record<string, unknown>;
  locations: Map<string, Record<string, unknown>>;
  items: Array<Record<string, unknown>>;
}

/** Groups documents back into one on_search per provider; documents without the parts we need are named. */
export function rebuildOnSearch(docs: SearchDoc[], problems: string[]): OnSearchBody[] {
  const byProvider = new Map<string, Rebuilt>();
  for (const [i, doc] of docs.entries()) {
    const ctx = doc.context;
    const p = doc.provider_details;
    const item = doc.item_details;
    if (!ctx?.bpp_id || !ctx.domain || !p?.id || !item?.id) {
      problems.push(`search document ${i} lacks context, provider_details or item_details; skipped`);
      continue;
    }
    let group = byProvider.get(p.id);
    if (!group) {
      const { id: full, local_id, ...rest } = p;
      const provider = { ...rest, id: localId(full, local_id, `${ctx.bpp_id}_${ctx.domain}`) };
      const locations = new Map<string, Record<string, unknown>>();
      const items: Array<Record<string, unknown>> = [];
      const body = {
        context: { bpp_id: ctx.bpp_id, domain: ctx.domain, ...(ctx.bpp_uri ? { bpp_uri: ctx.bpp_uri } : {}), ...(ctx.city ? { city: ctx.city } : {}), ...(ctx.timestamp ? { timestamp: ctx.timestamp } : {}) },
        message: { catalog: { 'bpp/descriptor': { name: ctx.bpp_id }, 'bpp/providers': [provider] } },
      } as unknown as OnSearchBody;
      group = { body, provider, locations, items };
      byProvider.set(p.id, group);
    }
    const loc = doc.location_details;
    if (loc?.id) {
      const { id: full, local_id, ...rest } = loc;
      const id = localId(full, local_id, p.id) as string;
      if (!group.locations.has(id)) group.locations.set(id, { ...rest, id });
    }
    group.items.push(item);
  }
  return [...byProvider.values()].map((g) => {
    g.provider['locations'] = [...g.locations.values()];
    g.provider['items'] = g.items;
    return g.body;
  });
}

/** Every item the backend serves, page by page, read into our catalog model. */
export async function pullBackendCatalog(client: HimiraClient): Promise<BackendCatalog> {
  const docs: SearchDoc[] = [];
  let pages = 1;
  let page = 1;
  for (; page <= pages && page <= MAX_PAGES; page += 1) {
    const answer = await client.request<SearchPage>('GET', '/v2/search', { auth: true, query: { limit: String(PAGE_SIZE), pageNumber: String(page) } });
    const data = answer?.response?.data;
    if (!Array.isArray(data)) break;
    docs.push(...data);
    pages = Math.max(1, Number(answer.response?.pages) || 1);
  }
  const problems: string[] = [];
  const providers = new Map<string, Provider>();
  const products = new Map<string, Product>();
  const bppUris = new Map<string, string>();
  for (const body of rebuildOnSearch(docs, problems)) {
    if (body.context.bpp_uri) bppUris.set(body.context.bpp_id, body.context.bpp_uri);
    const parsed = parseOnSearch(body);
    for (const p of parsed.providers) providers.set(p.id, p);
    for (const p of parsed.products) products.set(p.id, p);
    problems.push(...parsed.problems);
  }
  return { catalog: { providers: [...providers.values()], products: [...products.values()] }, bppUris, pages: page - 1, problems };
}
