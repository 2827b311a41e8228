/**
 * Following orders through the backend. A seller reports an order's progress on its own (unsolicited on_status,
 * on_cancel, on_update); the backend receives those, not this server, and writes them into its order record
 * (Himira-style forks update the record from every relayed on_status/on_cancel/on_update: src/sse/v2/
 * sseProtocol.service.js in Gautam-121/biap-client-node-js-ayathana-buyer-app). So every few seconds the orders
 * still moving are read back from the backend's order list, `GET /v2/orders?orderId=a,b` (ONDC-Official/
 * biap-client-node-js src/order/v2/order.routes.js, history/orderHistory.service.js: `{totalCount, orders}` or
 * `error: {message: "No data found"}`), and what changed is applied to our stored orders, so get_order_status,
 * list_orders and the order resources show it as they do on the native network.
 */
import type { Logger } from 'pino';
import type { StoredOrder } from '../../core/checkout.js';
import type { DocumentStore } from '../../core/ports.js';
import { applyOrderStatus } from '../../ondc/order-updates.js';
import type { BecknContext } from '../../ondc/context.js';
import { BackendError, type HimiraClient } from './client.js';
import type { BackendRecords, OpenOrder } from './records.js';

type Json = Record<string, any>;

/** Ids per request: well under any URL limit, and the page size the backend is asked for. */
const BATCH = 50;
/**
 * An order the backend leaves out of its answer is dropped from the open set once it has been followed this long
 * (30 days since it was placed, or since a return was asked): the backend has lost it or never had it, and it would
 * otherwise hold a place among the 1,000 followed for good. Age rather than a count of misses, because counting
 * would mean a write per order per round, and a backend down for a while would wrongly use up the count.
 */
export const FOLLOW_MAX_AGE_MS = 30 * 24 * 3600_000;
/** The one document of the follow lock: whoever creates it follows for this interval. */
const LOCK_ID = 'tick';
/** The lock lives this share of the interval, so it is gone by the next tick of whichever replica comes first. */
const LOCK_SHARE = 0.9;

/** Return states after which a return will not move again. */
const RETURN_DONE = new Set(['Return_Delivered', 'Return_Rejected', 'Liquidated', 'Cancelled']);

export interface FollowOptions {
  client: HimiraClient;
  records: BackendRecords;
  orders: DocumentStore<StoredOrder>;
  log: Logger;
  /** An order moved: what the native buyer app audits for a seller's unsolicited word. */
  onMoved?: (order: StoredOrder) => Promise<void>;
}

/** Which replica follows the open orders for one interval (stores.documents('himira_follow_lock')). */
export interface FollowTurn {
  lock: DocumentStore<{ at: string }>;
  intervalMs: number;
}

/** Nothing more will happen to an order that is cancelled, or delivered with every return settled. */
export function settled(order: Pick<StoredOrder, 'state' | 'returns'>): boolean {
  if (order.state === 'Cancelled') return true;
  return order.state === 'Completed' && (order.returns ?? []).every((r) => RETURN_DONE.has(r.state));
}

/** The record's return fulfillments under our return ids (the backend named them itself; records.ts maps them). */
function ourReturnIds(fulfillments: unknown, ids: Record<string, string>): unknown {
  if (!Array.isArray(fulfillments)) return fulfillments;
  const ours = (id: unknown) => (typeof id === 'string' && ids[id]) || id;
  return (fulfillments as Json[]).map((f) => {
    if (f?.['type'] !== 'Return') return f;
    const tags = Array.isArray(f['tags'])
      ? (f['tags'] as Json[]).map((t) =>
          t?.['code'] === 'return_request' && Array.isArray(t['list'])
            ? { ...t, list: (t['list'] as Json[]).map((e) => (e?.['code'] === 'id' ? { ...e, value: ours(e['value']) } : e)) }
            : t,
        )
      : f['tags'];
    return { ...f, id: ours(f['id']), tags };
  });
}

/**
 * The backend's record as the seller's message it was built from. Its `updatedAt` stands for the message's time:
 * applyOrderStatus keeps an answer that came after it (our own cancel, say) from being rewound by an older record.
 */
function asStatus(record: Json, open: OpenOrder): { context: BecknContext; message: unknown } | null {
  const at = typeof record['updatedAt'] === 'string' ? Date.parse(record['updatedAt']) : NaN;
  if (!Number.isFinite(at)) return null;
  return {
    context: { transaction_id: open.transactionId, bpp_id: typeof record['bppId'] === 'string' ? record['bppId'] : open.bppId, timestamp: new Date(at).toISOString() } as BecknContext,
    message: { order: { ...record, id: open.orderId, fulfillments: ourReturnIds(record['fulfillments'], open.returns ?? {}) } },
  };
}

/** One pass over the open orders: how many moved. */
export async function followOnce(opts: FollowOptions): Promise<number> {
  const open = await opts.records.open();
  const byIdentity = new Map<string, OpenOrder[]>();
  for (const o of open) byIdentity.set(o.as ?? '', [...(byIdentity.get(o.as ?? '') ?? []), o]);
  let moved = 0;
  for (const [as, list] of byIdentity) {
    for (let i = 0; i < list.length; i += BATCH) {
      const batch = new Map(list.slice(i, i + BATCH).map((o) => [o.backendOrderId, o]));
      const answer = await opts.client.request<{ orders?: unknown }>('GET', '/v2/orders', {
        auth: true,
        as: as || undefined,
        query: { orderId: [...batch.keys()].join(','), limit: String(BATCH), pageNumber: '1' },
      });
      const missing = new Map(batch);
      for (const record of Array.isArray(answer?.orders) ? (answer.orders as Json[]) : []) {
        const o = typeof record?.['id'] === 'string' ? batch.get(record['id']) : undefined;
        if (o) missing.delete(o.backendOrderId);
        const status = o && asStatus(record, o);
        if (!o || !status) continue;
        const changed = await applyOrderStatus(opts.orders, status);
        if (changed) {
          moved += 1;
          await opts.onMoved?.(changed);
        }
        const now = changed ?? (await opts.orders.get(o.orderId));
        if (!now || settled(now)) await opts.records.settled(o.orderId);
      }
      for (const o of missing.values()) await dropWhenTooOld(opts, o);
    }
  }
  return moved;
}

async function dropWhenTooOld(opts: FollowOptions, o: OpenOrder): Promise<void> {
  const since = o.since ?? (await opts.orders.get(o.orderId))?.createdAt;
  // No stored order to apply anything to: nothing to follow either.
  if (since !== undefined && !(Date.now() - Date.parse(since) > FOLLOW_MAX_AGE_MS)) return;
  await opts.records.settled(o.orderId);
  opts.log.warn({ orderId: o.orderId, since }, 'stopped following an order the buyer backend has not returned in 30 days');
}

/**
 * One tick of one replica: a pass over the open orders unless another replica sharing the store has taken this
 * interval (null then). A pass longer than the lock's life may overlap the next replica's; applying an order's
 * status twice changes nothing.
 */
export async function followTurn(opts: FollowOptions & FollowTurn): Promise<number | null> {
  const ttlSeconds = (opts.intervalMs * LOCK_SHARE) / 1000;
  if (!(await opts.lock.create(LOCK_ID, { at: new Date().toISOString() }, { ttlSeconds }))) return null;
  return followOnce(opts);
}

/** Follows the open orders every `intervalMs` (on one replica of those sharing the store) until stopped; a failed pass is logged and the next one tries again. */
export function followOrders(opts: FollowOptions & FollowTurn): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = followTurn(opts)
      .then((moved) => {
        if (moved) opts.log.debug({ moved }, 'orders moved at the buyer backend');
      })
      .catch((err: Error) => {
        const failure = err instanceof BackendError ? err.failure : 'error';
        opts.log.warn({ failure, err: err.message }, 'following orders through the buyer backend failed; trying again next round');
      })
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, opts.intervalMs).unref();
      });
  };
  timer = setTimeout(tick, opts.intervalMs).unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
