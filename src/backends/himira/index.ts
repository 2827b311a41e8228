/**
 * A Himira buyer backend in place of the native ONDC buyer app, chosen when BACKEND_ENDPOINT and WIL_API_KEY are
 * set: the same NetworkPort and PaymentPort, catalog pulls from its search index, and orders followed through its
 * order list. Sessions, sign-in, carts, the address book, consent, idempotency, the audit log and user isolation
 * stay this server's own; the backend reaches the sellers, and learns each user's addresses as they change.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { StoredOrder } from '../../core/checkout.js';
import type { NetworkPort, PaymentPort, Stores } from '../../core/ports.js';
import type { IngestReport } from '../../search/ingest.js';
import { backendAddressBook } from './addresses.js';
import { pullBackendCatalog } from './catalog.js';
import { BackendError, createHimiraClient } from './client.js';
import { followOrders } from './follow.js';
import { createHimiraNetwork } from './network.js';
import { createHimiraPayments } from './payments.js';
import type { PollOptions } from './poll.js';
import { backendRecords } from './records.js';
import { writeThroughStores } from './stores.js';

export interface HimiraBackendOptions {
  endpoint: string;
  apiKey: string;
  /** How long one step waits for the seller's answer; also each HTTP request's timeout. */
  deadlineMs: number;
  /** Where buyers pay a gateway order the backend made (`<url>/<order_id>`); unset = cash on delivery only. */
  checkoutBaseUrl?: string;
  /** The backend's route that verifies a checkout result (payments.ts). */
  verifyPaymentPath: string;
  /** Where the backend's IGM service is mounted on its origin. */
  issuePath: string;
  /** How often the orders still moving are read back from the backend; 0 = never. */
  followIntervalMs: number;
  stores: Stores;
  log: Logger;
  poll?: Omit<PollOptions, 'deadlineMs' | 'onWaiting'>;
}

export interface HimiraBackend {
  network: NetworkPort;
  payments: PaymentPort;
  /** The stores for the core: the same data, with checkouts and address changes made known to the backend. */
  stores: Stores;
  /** Every item the backend serves, as our catalog. */
  pullCatalog(): Promise<IngestReport>;
  /** Starts following orders; `onMoved` hears of each order a seller moved. */
  follow(onMoved: (order: StoredOrder) => Promise<void>): void;
  close(): Promise<void>;
}

export function createHimiraBackend(opts: HimiraBackendOptions): HimiraBackend {
  const log = opts.log.child({ component: 'himira' });
  const records = backendRecords(opts.stores);
  const client = createHimiraClient({
    endpoint: opts.endpoint,
    apiKey: opts.apiKey,
    timeoutMs: opts.deadlineMs,
    log,
    deviceOf: (user) => records.deviceOf(user, () => randomBytes(12).toString('hex')),
    issuePath: opts.issuePath,
  });
  const addresses = backendAddressBook({ client, stores: opts.stores, log });
  let bppUris: ReadonlyMap<string, string> = new Map();
  let following: { stop(): Promise<void> } | undefined;
  return {
    network: createHimiraNetwork({
      client,
      records,
      bppUris: () => bppUris,
      deadlineMs: opts.deadlineMs,
      log,
      ...(opts.poll ? { poll: opts.poll } : {}),
      // an address the backend could not take earlier is written before the order that may use it
      beforeOrder: (userId) =>
        addresses.sync(userId).catch((err: Error) => {
          log.warn({ failure: err instanceof BackendError ? err.failure : 'error' }, 'delivery addresses not written through to the buyer backend before an order');
        }),
    }),
    payments: createHimiraPayments({
      client,
      stores: opts.stores,
      ...(opts.checkoutBaseUrl ? { checkoutBaseUrl: opts.checkoutBaseUrl } : {}),
      verifyPath: opts.verifyPaymentPath,
    }),
    stores: writeThroughStores(opts.stores, { checkoutSaved: (c) => records.checkoutSaved(c), addressesChanged: (userId) => addresses.sync(userId), log }),
    async pullCatalog() {
      const pulled = await pullBackendCatalog(client);
      bppUris = pulled.bppUris;
      const sellers = new Set(pulled.catalog.providers.map((p) => p.bppId)).size;
      return { catalog: pulled.catalog, searches: pulled.pages, sellersAnswered: sellers, sellersExpected: sellers, problems: pulled.problems };
    },
    follow(onMoved) {
      if (following || opts.followIntervalMs <= 0) return;
      following = followOrders({
        client,
        records,
        orders: opts.stores.documents<StoredOrder>('order'),
        lock: opts.stores.documents<{ at: string }>('himira_follow_lock'),
        log,
        onMoved,
        intervalMs: opts.followIntervalMs,
      });
    },
    async close() {
      await following?.stop();
      await client.close();
    },
  };
}
