/**
 * What this server keeps about its dealings with the buyer backend, in the shared store (so every replica knows):
 * our order ids to the backend's, which backend identity placed each order, the orders still moving (followed
 * through the backend's order list), whose checkout a transaction is, and the device id of each backend identity.
 */
import type { Checkout } from '../../core/checkout.js';
import type { Stores } from '../../core/ports.js';

/** Our order at the backend: its id there, its transaction, its seller and the backend identity that placed it. */
export interface OrderRef {
  backendOrderId: string;
  transactionId: string;
  bppId: string;
  /** Our user whose backend identity placed it; absent = the service's own guest identity. */
  as?: string;
  /** The backend names returns itself: its return ids to ours. */
  returns?: Record<string, string>;
}

export interface OpenOrder extends OrderRef {
  orderId: string;
  /**
   * When following began, or began again for a return (ISO time). Absent on entries written before it was kept:
   * the stored order's creation time stands in.
   */
  since?: string;
}

/** Our complaint at the backend's IGM service, which names issues itself. */
export interface IssueRef {
  igmIssueId: string;
  transactionId: string;
  bppId: string;
  as?: string;
}

/** A transaction's checkout was started by this signed-in user. */
interface TransactionOwner {
  userId: string;
}

/** The open set is one listing; the limit keeps a round bounded when very many orders are in flight. */
const OPEN = 'open';
const OPEN_LIMIT = 1000;
/** A transaction's owner matters from init to confirm; checkouts live a day, and this a day longer. */
const TRANSACTION_TTL_SECONDS = 2 * 24 * 3600;

export interface BackendRecords {
  order(orderId: string): Promise<OrderRef | null>;
  /** Records a confirmed order (again, for a retried confirm) and starts following it. */
  placed(orderId: string, ref: OrderRef): Promise<void>;
  /** A return was asked for (after delivery, too): names it as ours, and follows the order again. */
  returnAsked(orderId: string, backendReturnId: string, returnId: string): Promise<void>;
  /** Stops following an order that will not move any more. */
  settled(orderId: string): Promise<void>;
  open(): Promise<OpenOrder[]>;
  /** Remembers whose checkout each of its transactions is, when a signed-in user started it. */
  checkoutSaved(checkout: Checkout): Promise<void>;
  ownerOf(transactionId: string): Promise<string | undefined>;
  issue(issueId: string): Promise<IssueRef | null>;
  issueRaised(issueId: string, ref: IssueRef): Promise<void>;
  /** The device id a backend identity logs in with: made once at random, then the same on every replica. */
  deviceOf(user: string | undefined, random: () => string): Promise<string>;
}

export function backendRecords(stores: Stores): BackendRecords {
  const refs = stores.documents<OrderRef>('himira_order');
  const following = stores.documents<OpenOrder>('himira_open');
  const owners = stores.documents<TransactionOwner>('himira_tx');
  const devices = stores.documents<{ deviceId: string }>('himira_identity');
  const issues = stores.documents<IssueRef>('himira_issue');

  const follow = async (orderId: string, ref: OrderRef) => {
    const open = { orderId, ...ref, since: new Date().toISOString() };
    if (!(await following.create(orderId, open, { owner: OPEN }))) await following.update(orderId, () => open);
  };

  return {
    order: (orderId) => refs.get(orderId),
    async placed(orderId, ref) {
      if (!(await refs.create(orderId, ref))) await refs.update(orderId, () => ref);
      await follow(orderId, ref);
    },
    async returnAsked(orderId, backendReturnId, returnId) {
      const ref = await refs.update(orderId, (r) => ({ ...r, returns: { ...r.returns, [backendReturnId]: returnId } }));
      if (ref) await follow(orderId, ref);
    },
    settled: (orderId) => following.delete(orderId),
    open: () => following.listByOwner(OPEN, OPEN_LIMIT),
    async checkoutSaved(checkout) {
      if (!checkout.userId) return;
      for (const seller of checkout.sellers) {
        await owners.create(seller.exchange.transactionId, { userId: checkout.userId }, { ttlSeconds: TRANSACTION_TTL_SECONDS });
      }
    },
    ownerOf: async (transactionId) => (await owners.get(transactionId))?.userId,
    issue: (issueId) => issues.get(issueId),
    async issueRaised(issueId, ref) {
      await issues.create(issueId, ref);
    },
    async deviceOf(user, random) {
      const key = user ? `user:${user}` : 'service';
      const known = await devices.get(key);
      if (known) return known.deviceId;
      // two replicas may make one at once: the first write wins and both use it
      await devices.create(key, { deviceId: `ondc-shop-${random()}` });
      return (await devices.get(key))!.deviceId;
    },
  };
}
