/**
 * A Himira buyer backend in place of the native ONDC buyer app, chosen when BACKEND_ENDPOINT and WIL_API_KEY are
 * set: the same NetworkPort and PaymentPort, and catalog pulls from its search index. Sessions, carts, consent,
 * idempotency, the audit log and user isolation stay this server's own; the backend only reaches the sellers.
 */
import type { Logger } from 'pino';
import type { NetworkPort, PaymentPort, Stores } from '../../core/ports.js';
import type { IngestReport } from '../../search/ingest.js';
import { pullBackendCatalog } from './catalog.js';
import { createHimiraClient } from './client.js';
import { createHimiraNetwork } from './network.js';
import { createHimiraPayments } from './payments.js';
import type { PollOptions } from './poll.js';

export interface HimiraBackendOptions {
  endpoint: string;
  apiKey: string;
  /** How long one step waits for the seller's answer; also each HTTP request's timeout. */
  deadlineMs: number;
  /** Where buyers pay a gateway order the backend made (`<url>/<order_id>`); unset = cash on delivery only. */
  checkoutBaseUrl?: string;
  stores: Stores;
  log: Logger;
  poll?: Omit<PollOptions, 'deadlineMs' | 'onWaiting'>;
}

export interface HimiraBackend {
  network: NetworkPort;
  payments: PaymentPort;
  /** Every item the backend serves, as our catalog. */
  pullCatalog(): Promise<IngestReport>;
  close(): Promise<void>;
}

export function createHimiraBackend(opts: HimiraBackendOptions): HimiraBackend {
  const log = opts.log.child({ component: 'himira' });
  const client = createHimiraClient({ endpoint: opts.endpoint, apiKey: opts.apiKey, timeoutMs: opts.deadlineMs, log });
  let bppUris: ReadonlyMap<string, string> = new Map();
  return {
    network: createHimiraNetwork({ client, stores: opts.stores, bppUris: () => bppUris, deadlineMs: opts.deadlineMs, log, ...(opts.poll ? { poll: opts.poll } : {}) }),
    payments: createHimiraPayments({ client, stores: opts.stores, ...(opts.checkoutBaseUrl ? { checkoutBaseUrl: opts.checkoutBaseUrl } : {}) }),
    async pullCatalog() {
      const pulled = await pullBackendCatalog(client);
      bppUris = pulled.bppUris;
      const sellers = new Set(pulled.catalog.providers.map((p) => p.bppId)).size;
      return { catalog: pulled.catalog, searches: pulled.pages, sellersAnswered: sellers, sellersExpected: sellers, problems: pulled.problems };
    },
    close: () => client.close(),
  };
}
