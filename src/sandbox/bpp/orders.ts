/**
 * A sandbox seller app's memory of its checkouts: what it quoted at init, per transaction, and the orders placed
 * by confirm. In memory only, like the rest of the sandbox: a restart forgets them, as it resets the stock.
 */
import type { PaymentType, WireQuote } from '../../ondc/messages.js';
import type { OrderLine } from './quote.js';

/** Oldest entries go first beyond this, so a long-running sandbox does not grow without bound. */
const MAX_ENTRIES = 10_000;

export type SellerOrderState = 'Created' | 'Accepted' | 'In-progress' | 'Completed' | 'Cancelled';

/** What the seller answered an init with; a confirm must match it. */
export interface InitRecord {
  transactionId: string;
  bapId: string;
  lines: OrderLine[];
  totalPaise: number;
  /** The quote exactly as sent in on_init. */
  quote: WireQuote;
  paymentType: PaymentType;
  /** The store the order ships from. */
  locationId: string;
  tat: string;
}

export interface SellerOrder {
  /** The buyer app's order id. */
  id: string;
  transactionId: string;
  bapId: string;
  state: SellerOrderState;
  lines: OrderLine[];
  /** The order as on_confirm and on_status carry it. */
  wire: Record<string, unknown>;
  /** The on_confirm's context: where unsolicited on_status messages go, and the transaction's latest time. */
  context: { domain: string; city: string; core_version: string; bap_id: string; bap_uri: string; timestamp: string };
}

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value as string);
}

export class SellerOrderBook {
  private readonly inits = new Map<string, InitRecord>();
  private readonly orders = new Map<string, SellerOrder>();

  /** A later init in the same transaction (the buyer changed the address) replaces the earlier one. */
  rememberInit(record: InitRecord): void {
    remember(this.inits, record.transactionId, record);
  }

  /** A failed re-init leaves nothing to confirm against: the earlier quote is no longer on offer. */
  forgetInit(transactionId: string): void {
    this.inits.delete(transactionId);
  }

  initOf(transactionId: string, bapId: string): InitRecord | undefined {
    const record = this.inits.get(transactionId);
    return record?.bapId === bapId ? record : undefined;
  }

  /** Order ids are made by buyer apps, so they are unique only per buyer app. */
  find(bapId: string, orderId: string): SellerOrder | undefined {
    return this.orders.get(`${bapId}|${orderId}`);
  }

  add(order: SellerOrder): void {
    remember(this.orders, `${order.bapId}|${order.id}`, order);
  }
}
