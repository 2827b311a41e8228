/**
 * Checkout: the server-enforced journey from cart to confirmed orders. A cart with items of several sellers
 * becomes one seller order (one ONDC transaction) per seller; each moves through
 * quoted -> initialized -> payment_pending -> paid | cod -> confirming -> confirmed, or to failed.
 * A step called out of order gets CHECKOUT_STEP naming the step to call instead.
 */
import type { Provider } from './catalog.js';
import { DomainError } from './errors.js';
import type { CoreDeps } from './operation.js';
import type {
  DeliveryDetails,
  DocumentStore,
  Exchange,
  OrderItemRef,
  SellerQuote,
  SellerRef,
  SellerRefusal,
  Session,
} from './ports.js';
import { sessionLineage } from './identity.js';

export type SellerOrderState =
  | 'quoted'
  | 'initialized'
  | 'payment_pending'
  | 'paid'
  | 'cod'
  | 'confirming'
  | 'confirmed'
  | 'failed';

export interface CheckoutItem extends OrderItemRef {
  productId: string;
  name: string;
}

export interface SellerOrder {
  seller: SellerRef & { name: string };
  exchange: Exchange;
  items: CheckoutItem[];
  quote: SellerQuote;
  state: SellerOrderState;
  refusal?: SellerRefusal;
  cashOnDelivery?: boolean;
  /** on_init's terms, echoed at confirm. */
  terms?: unknown;
  payment?: { gatewayOrderId: string; amountPaise: number; checkoutUrl: string; paymentId?: string };
  /** The ONDC order id this buyer app assigns at confirm (kept across retries so a retry never makes another). */
  orderId?: string;
  /** When the confirm now in flight claimed this order (state `confirming`). */
  confirmingSince?: string;
  orderState?: string;
}

export interface Checkout {
  id: string;
  sessionId: string;
  /** The signed-in user who started it, if any: theirs from any of their sessions. */
  userId?: string;
  createdAt: string;
  updatedAt: string;
  pincode: string;
  gps: string;
  delivery?: DeliveryDetails;
  sellers: SellerOrder[];
}

export interface OrderReturn {
  id: string;
  itemId: string;
  count: number;
  reasonId: string;
  /** ONDC return state: Return_Initiated, Return_Approved, Return_Picked, Return_Delivered, Return_Rejected… */
  state: string;
  /** Refunded so far for this return, in paise (the seller's refund lines). */
  refundPaise: number;
}

export interface StoredOrder {
  id: string;
  checkoutId: string;
  sessionId: string;
  userId?: string;
  seller: SellerOrder['seller'];
  exchange: Exchange;
  items: CheckoutItem[];
  quote: SellerQuote;
  paymentMethod: 'prepaid' | 'cod';
  paymentId?: string;
  state: string;
  fulfillmentState?: string;
  /** Who cancelled (a buyer app or seller app id) and ONDC's reason code. */
  cancellation?: { by: string; reasonId: string };
  /** Returns asked for, as the seller last reported them. */
  returns?: OrderReturn[];
  delivery: DeliveryDetails;
  createdAt: string;
  updatedAt: string;
}

/** Checkouts outlive a quote's validity comfortably; orders are kept until deleted. */
export const CHECKOUT_TTL_SECONDS = 24 * 3600;

type WithStores = Pick<CoreDeps, 'stores'>;

export const checkouts = (deps: WithStores): DocumentStore<Checkout> => deps.stores.documents<Checkout>('checkout');
export const orders = (deps: WithStores): DocumentStore<StoredOrder> => deps.stores.documents<StoredOrder>('order');

/**
 * Whether a checkout or order belongs to the caller's session: started in it (or in the guest session it replaced
 * at login), or by the same signed-in user in any session.
 */
export function belongsTo(doc: { sessionId: string; userId?: string }, session: Session): boolean {
  if (doc.userId !== undefined) return doc.userId === session.userId;
  return sessionLineage(session).includes(doc.sessionId);
}

export async function requireCheckout(deps: CoreDeps, session: Session, checkoutId: string): Promise<Checkout> {
  const checkout = await checkouts(deps).get(checkoutId);
  // Another buyer's checkout is reported as missing: its existence is none of this caller's business.
  if (!checkout || !belongsTo(checkout, session)) {
    throw new DomainError('CHECKOUT_NOT_FOUND', `No checkout ${checkoutId} in this session; call select_items_for_order to start one.`);
  }
  return checkout;
}

export async function requireOrder(deps: CoreDeps, session: Session, orderId: string): Promise<StoredOrder> {
  const order = await orders(deps).get(orderId);
  // Another buyer's order is reported as missing, like another buyer's checkout.
  if (!order || !belongsTo(order, session)) {
    throw new DomainError('ORDER_NOT_FOUND', `No order ${orderId} in this session; list_orders shows this session's orders.`);
  }
  return order;
}

/** The later of two points in a transaction: an answer that came after a newer unsolicited message must not rewind it. */
export function laterExchange(current: Exchange, answer: Exchange): Exchange {
  return answer.lastTimestamp > current.lastTimestamp ? answer : current;
}

export function requireSeller(checkout: Checkout, providerId: string): SellerOrder {
  const order = checkout.sellers.find((s) => s.seller.providerId === providerId);
  if (!order) {
    const ids = checkout.sellers.map((s) => s.seller.providerId).join(', ');
    throw new DomainError('NOT_FOUND', `Checkout ${checkout.id} has no seller ${providerId}; its sellers are ${ids}.`);
  }
  return order;
}

export function requireState(order: SellerOrder, allowed: SellerOrderState[], next: string): void {
  if (allowed.includes(order.state)) return;
  if (order.state === 'failed') {
    throw new DomainError(
      'SELLER_REFUSED',
      `${order.seller.name} refused this order: ${order.refusal?.message ?? 'no reason given'}. Change the cart and call select_items_for_order again.`,
    );
  }
  throw new DomainError(
    'CHECKOUT_STEP',
    `${order.seller.name}'s order is ${order.state.replace('_', ' ')}; ${next}.`,
    { state: order.state },
  );
}

export function assertNotExpired(deps: CoreDeps, order: SellerOrder): void {
  if (order.state === 'confirmed' || order.state === 'confirming') return;
  if (Date.parse(order.quote.expiresAt) < deps.clock.now().getTime()) {
    throw new DomainError(
      'CHECKOUT_EXPIRED',
      `${order.seller.name}'s quote expired at ${order.quote.expiresAt}; call select_items_for_order for a fresh quote.`,
    );
  }
}

export function sellerRef(provider: Provider): SellerOrder['seller'] {
  const location = provider.locations[0];
  return {
    bppId: provider.bppId,
    providerId: provider.id,
    locationId: location?.id ?? '',
    domain: provider.domain,
    city: provider.city,
    name: provider.name,
  };
}

/** Writes one seller order back into its checkout atomically; `change` sees the latest stored version. */
export async function updateSeller(
  deps: CoreDeps,
  checkout: Checkout,
  providerId: string,
  change: (order: SellerOrder) => SellerOrder,
): Promise<Checkout> {
  const now = deps.clock.now().toISOString();
  const updated = await checkouts(deps).update(checkout.id, (c) => ({
    ...c,
    updatedAt: now,
    sellers: c.sellers.map((s) => (s.seller.providerId === providerId ? change(s) : s)),
  }));
  if (!updated) throw new DomainError('CHECKOUT_NOT_FOUND', `Checkout ${checkout.id} expired; call select_items_for_order again.`);
  return updated;
}

export async function saveNewCheckout(deps: CoreDeps, checkout: Checkout): Promise<void> {
  await checkouts(deps).create(checkout.id, checkout, { ttlSeconds: CHECKOUT_TTL_SECONDS, owner: checkout.userId ?? checkout.sessionId });
}

/** The checkout as a whole is as far along as its least advanced seller. */
export function checkoutState(deps: CoreDeps, checkout: Checkout): string {
  const states = checkout.sellers.map((s) => s.state);
  if (states.every((s) => s === 'confirmed')) return 'confirmed';
  if (states.some((s) => s === 'failed')) return 'failed';
  if (states.some((s) => s === 'confirming')) return 'confirming';
  if (checkout.sellers.some((s) => Date.parse(s.quote.expiresAt) < deps.clock.now().getTime())) return 'expired';
  if (states.every((s) => s === 'paid' || s === 'cod' || s === 'confirmed')) return 'ready_to_confirm';
  if (states.some((s) => s === 'payment_pending')) return 'payment_pending';
  if (states.every((s) => s !== 'quoted')) return 'initialized';
  return 'quoted';
}
