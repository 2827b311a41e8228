/**
 * Every ONDC message sent and received, per transaction, kept in the store; exportable in the form ONDC asks for
 * before a participant may go live (PROTOCOL.md, "Certification logs").
 */
import type { DocumentStore, Stores } from '../core/ports.js';
import type { BecknContext } from './context.js';

export interface FlowLogEntry {
  action: string;
  direction: 'sent' | 'received';
  at: string;
  body: { context: BecknContext; message?: unknown; error?: unknown };
}

export interface FlowLog {
  transactionId: string;
  domain: string;
  coreVersion: string;
  bapId: string;
  bppId?: string;
  entries: FlowLogEntry[];
}

/** Flow logs are evidence for certification and disputes; they are kept for 90 days. */
const FLOW_LOG_TTL_SECONDS = 90 * 24 * 3600;

export async function appendToFlowLog(store: DocumentStore<FlowLog>, entry: FlowLogEntry): Promise<void> {
  const ctx = entry.body.context;
  const fresh: FlowLog = {
    transactionId: ctx.transaction_id,
    domain: ctx.domain,
    coreVersion: ctx.core_version,
    bapId: ctx.bap_id,
    ...(ctx.bpp_id ? { bppId: ctx.bpp_id } : {}),
    entries: [entry],
  };
  if (await store.create(ctx.transaction_id, fresh, { ttlSeconds: FLOW_LOG_TTL_SECONDS })) return;
  await store.update(ctx.transaction_id, (log) => ({
    ...log,
    bppId: log.bppId ?? ctx.bpp_id,
    entries: [...log.entries, entry],
  }));
}

/** The latest catalog pull's search and one seller's on_search: the first two steps of every flow. */
export interface CatalogAnswer {
  search: FlowLogEntry;
  onSearch: FlowLogEntry;
}

/** A catalog answer is only useful until the next pull; it is kept a little longer than the refresh interval. */
export const CATALOG_ANSWER_TTL_SECONDS = 3 * 3600;

export function catalogAnswerOwner(bppId: string): string {
  return `pull:${bppId}`;
}

/** ONDC's names for the steps of a flow: on_status messages are named after the fulfillment state they report. */
function stepName(entry: FlowLogEntry, seen: Map<string, number>): string {
  let name: string = entry.body.context.action;
  if (name === 'search' || name === 'on_search') name = `${name}_full_catalog_refresh`;
  if (name === 'on_status') {
    const state = (entry.body.message as { order?: { fulfillments?: Array<{ state?: { descriptor?: { code?: string } } }> } })?.order
      ?.fulfillments?.[0]?.state?.descriptor?.code;
    const suffix: Record<string, string> = {
      Pending: 'pending',
      Packed: 'packed',
      'Agent-assigned': 'agent_assigned',
      'Order-picked-up': 'picked',
      'Out-for-delivery': 'out_for_delivery',
      'Order-delivered': 'delivered',
    };
    if (state && suffix[state]) name = `on_status_${suffix[state]}`;
  }
  const count = (seen.get(name) ?? 0) + 1;
  seen.set(name, count);
  return count === 1 ? name : `${name}_${count}`;
}

export interface CertificationDocument {
  domain: string;
  version: string;
  flow: string;
  bap_id: string;
  bpp_id: string;
  payload: Record<string, { context: BecknContext; message?: unknown; error?: unknown }>;
}

/** Where flow logs and catalog answers are kept: the same documents for the server and the CLI. */
export interface FlowLogStores {
  flowLogs: DocumentStore<FlowLog>;
  catalogAnswers: DocumentStore<CatalogAnswer>;
}

export function flowLogStores(stores: Stores): FlowLogStores {
  return { flowLogs: stores.documents<FlowLog>('flow_log'), catalogAnswers: stores.documents<CatalogAnswer>('catalog_answer') };
}

/** A transaction's certification document, opened by the seller's latest catalog answer; null when nothing is kept. */
export async function exportCertification(
  stores: FlowLogStores,
  args: { transactionId: string; bppId: string; flow: string },
): Promise<CertificationDocument | null> {
  const log = await stores.flowLogs.get(args.transactionId);
  if (!log) return null;
  const [catalog] = await stores.catalogAnswers.listByOwner(catalogAnswerOwner(args.bppId), 1);
  return certificationDocument(log, args.flow, catalog);
}

/** The flow log as one certification document, opened by the seller's answer to the latest catalog pull. */
export function certificationDocument(log: FlowLog, flow: string, catalog?: CatalogAnswer): CertificationDocument {
  const seen = new Map<string, number>();
  const payload: CertificationDocument['payload'] = {};
  const entries = [...(catalog ? [catalog.search, catalog.onSearch] : []), ...log.entries];
  for (const entry of entries) payload[stepName(entry, seen)] = entry.body;
  return { domain: log.domain, version: log.coreVersion, flow, bap_id: log.bapId, bpp_id: log.bppId ?? '', payload };
}
