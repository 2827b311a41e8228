/**
 * Ports: what the core needs from the outside world. Each has an embedded adapter (the default and the test
 * double) and a production adapter. The core only ever sees these interfaces, through ctx.deps.
 */
import type { Embedder } from '../search/embedder.js';
import type { Catalog, Product, Provider } from './catalog.js';

export interface Session {
  id: string;
  createdAt: string;
  lastActiveAt: string;
  /** Delivery pincode the buyer gave, if any; used later for serviceability. */
  pincode?: string;
  /** The user this session is signed in as, after verify_otp. */
  userId?: string;
  /** Id of the one session token that is valid for this session (a new login issues a new one). */
  tokenId?: string;
  /** The guest session this one replaced at login: what it started (checkouts, orders) stays the user's. */
  inherits?: string[];
}

export interface CartLine {
  productId: string;
  quantity: number;
  addedAt: string;
}

export interface Cart {
  sessionId: string;
  lines: CartLine[];
  updatedAt: string;
}

/** Sessions live for `ttlSeconds` after their last activity; a read of an expired session returns null. */
export interface SessionStore {
  /** Store a new session; fails if the id exists. */
  create(session: Session, ttlSeconds: number): Promise<void>;
  get(id: string): Promise<Session | null>;
  /**
   * Atomically read, change and write a session, and push its expiry to now + ttlSeconds.
   * Returns null when there is no such (live) session; `change` is then not called.
   */
  update(id: string, change: (s: Session) => Session, ttlSeconds: number): Promise<Session | null>;
  delete(id: string): Promise<void>;
}

/** One cart per session, expiring with it. */
export interface CartStore {
  /** The cart, or an empty one if none was stored. */
  get(sessionId: string): Promise<Cart>;
  /** Atomically read (empty if none), change and write the cart, and set its expiry to now + ttlSeconds. */
  update(sessionId: string, change: (c: Cart) => Cart, ttlSeconds: number): Promise<Cart>;
  /** Push a stored cart's expiry to now + ttlSeconds (session activity); no-op when there is no cart. */
  touch(sessionId: string, ttlSeconds: number): Promise<void>;
  delete(sessionId: string): Promise<void>;
}

export interface RateLimitHit {
  /** Hits in the current window, including this one. */
  count: number;
  /** Milliseconds until the window resets. */
  resetInMs: number;
}

/** Fixed-window counters shared by every replica that uses the same store. */
export interface RateLimitStore {
  hit(key: string, windowMs: number): Promise<RateLimitHit>;
}

export interface DocumentWriteOptions {
  /** Expire the document this long after the write; absent = keep it until deleted. */
  ttlSeconds?: number;
}

/**
 * JSON documents of one kind (checkouts, orders, flow logs, idempotency records), by id, with atomic updates and
 * an index by owner (a session or user id) for listings.
 */
export interface DocumentStore<T> {
  get(id: string): Promise<T | null>;
  /** Stores a new document; returns false (and writes nothing) when the id exists. `owner` puts it in that owner's listing. */
  create(id: string, doc: T, opts?: DocumentWriteOptions & { owner?: string }): Promise<boolean>;
  /**
   * Atomically read, change and write. Returns null when there is no such document (`change` is not called).
   * `change` must be pure and synchronous: an adapter may run it again when another writer got there first.
   * An error thrown by `change` is passed to the caller and nothing is written.
   */
  update(id: string, change: (doc: T) => T, opts?: DocumentWriteOptions): Promise<T | null>;
  delete(id: string): Promise<void>;
  /** The owner's documents, newest created first. */
  listByOwner(owner: string, limit: number): Promise<T[]>;
}

/**
 * One stored record, in the same form whichever adapter holds it, so a backup made from one store loads into the
 * other. Expiry is an absolute time (epoch milliseconds), so a record keeps the life it had left.
 */
export type StoreRecord =
  | { type: 'session'; value: Session; expiresAt: number }
  | { type: 'cart'; value: Cart; expiresAt: number }
  | {
      type: 'document';
      kind: string;
      id: string;
      value: unknown;
      /** Absent: kept until deleted. */
      expiresAt?: number;
      owner?: string;
      /** The document's place in its owner's listing (higher is newer); absent: newest at load. */
      seq?: number;
    }
  /** A kind's last handed-out listing position, so documents made after a load still list as newest. */
  | { type: 'sequence'; kind: string; value: number };

export interface LoadReport {
  written: number;
  /** Records whose expiry had passed by the time they were loaded: not written. */
  expired: number;
}

export interface Stores {
  readonly kind: 'embedded' | 'redis';
  sessions: SessionStore;
  carts: CartStore;
  rateLimits: RateLimitStore;
  /** The document store for one kind; the same kind always gives the same data. Kinds are [a-z_]+. */
  documents<T>(kind: string): DocumentStore<T>;
  /**
   * Every live session, cart and document, and the document sequences, streamed for backups. Rate-limit counters
   * are left out: they describe the last minute of traffic and mean nothing elsewhere.
   */
  dump(): AsyncIterable<StoreRecord>;
  /** Writes records as `dump` gave them, replacing any with the same id, in batches as they stream in. */
  load(records: AsyncIterable<StoreRecord>): Promise<LoadReport>;
  /** Resolves when the backing store answers; rejects with the reason otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type SearchSort = 'relevance' | 'price_asc' | 'price_desc' | 'rating';

/** The filter keys, defined once: the embedded index and the Qdrant adapter both read them from here. */
export interface SearchFilters {
  category?: string;
  minPricePaise?: number;
  maxPricePaise?: number;
  providerId?: string;
  brand?: string;
  /** true veg only, false non-veg only. */
  veg?: boolean;
  inStock?: boolean;
  cod?: boolean;
  /** Only products whose seller delivers to this pincode. */
  pincode?: string;
  minRating?: number;
}

export interface SearchQuery extends SearchFilters {
  text?: string;
  sort?: SearchSort;
  limit: number;
  /** 1-based page number. */
  page: number;
}

export interface SearchHit {
  product: Product;
  score: number;
}

export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

/** Counts over every match (not just the page), for narrowing a search. */
export interface SearchFacets {
  categories: FacetCount[];
  priceBands: FacetCount[];
  providers: FacetCount[];
  diet: FacetCount[];
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  facets: SearchFacets;
}

export interface CategorySummary {
  id: string;
  path: string[];
  domain: string;
  productCount: number;
  minPricePaise: number;
  maxPricePaise: number;
}

export interface LoadProgress {
  /** `text`: the keyword index (searchable once done); `vectors`: embedding products; `upload`: writing to a remote index. */
  stage: 'text' | 'vectors' | 'upload';
  done: number;
  total: number;
}

export interface IndexStatus {
  kind: 'embedded' | 'qdrant';
  products: number;
  /** `hybrid` once every product has a vector from the embedder; `keyword` otherwise. */
  retrieval: 'keyword' | 'hybrid';
  /** The embedder's id, when one is attached. */
  embedder: string | null;
  vectors: number;
  /** Why retrieval is keyword only, when an embedder was wanted. */
  problem?: string;
}

export interface UpsertReport {
  added: number;
  /** Changed in text (re-indexed and, with an embedder, re-embedded). */
  changed: number;
  /** Changed only in price, stock or terms: updated in place. */
  updated: number;
  unchanged: number;
}

/** The product index: embedded (MiniSearch and usearch in process) or Qdrant; hybrid when it has an embedder. */
export interface CatalogIndex {
  /** Replace the contents with this catalog (full ingestion); searches keep being answered throughout. */
  load(catalog: Catalog, options?: { onProgress?: (p: LoadProgress) => void }): Promise<void>;
  /** Apply changed or new products (and their providers) without a rebuild: fresh stock and prices from on_search. */
  upsert(products: Product[], providers: Provider[]): Promise<UpsertReport>;
  remove(ids: string[]): Promise<number>;
  search(query: SearchQuery): Promise<SearchResult>;
  getProduct(id: string): Promise<Product | null>;
  getProducts(ids: string[]): Promise<Map<string, Product>>;
  getProvider(id: string): Promise<Provider | null>;
  categories(): Promise<CategorySummary[]>;
  size(): Promise<number>;
  status(): Promise<IndexStatus>;
  /**
   * Turns on hybrid retrieval: every product is embedded (searches stay keyword-only meanwhile) and later
   * loads and upserts embed what changed.
   */
  attachEmbedder(embedder: Embedder, onProgress?: (p: LoadProgress) => void): Promise<void>;
  /** Why retrieval is keyword-only although vectors were wanted (shown by status and /ready). */
  noteEmbedderProblem(problem: string | undefined): void;
  ping(): Promise<void>;
  close?(): Promise<void>;
}

export interface TokenClaims {
  /** The user. */
  sub: string;
  /** The session the token opens. */
  sid: string;
  /** The token's own id; only the session's latest is valid. */
  jti: string;
  iat: number;
  exp: number;
}

/** Signed session tokens and keyed digests (phone lookups, one-time codes); the adapter holds the secret. */
export interface TokenService {
  issue(claims: { sub: string; sid: string; jti: string }, now: Date): { token: string; expiresAt: string };
  verify(token: string, now: Date): { ok: true; claims: TokenClaims } | { ok: false; reason: string };
  digest(value: string): string;
  newId(bytes?: number): string;
}

export interface OtpMessage {
  /** E.164, e.g. +919876543210. */
  phone: string;
  code: string;
  sentAt: string;
  expiresAt: string;
}

/** Delivers one-time login codes. */
export interface OtpSender {
  readonly kind: 'dev_inbox' | 'webhook';
  send(message: OtpMessage): Promise<void>;
}

export type AuditOutcome = 'ok' | 'refused' | 'failed';

/** One line of the audit log: who did what to which thing, and how it ended. Phone and email are masked on write. */
export interface AuditEvent {
  action: string;
  outcome: AuditOutcome;
  sessionId?: string;
  userId?: string;
  phone?: string;
  email?: string;
  /** What was acted on: an order id, a checkout id. */
  subject?: string;
  /** Short, non-personal facts: amounts, codes, reasons. */
  detail?: Record<string, string | number | boolean>;
}

export interface AuditLog {
  record(event: AuditEvent): Promise<void>;
}

/** What a pincode is: its district, state, ONDC city code and a point in it. */
export interface PincodePlace {
  district: string;
  state: string;
  /** ONDC city code (`std:080`), or '' when unknown. */
  city: string;
  gps: { lat: number; lon: number };
  /** The point is the district's, not the pincode's own. */
  approximate: boolean;
}

export interface PincodeDirectory {
  lookup(pincode: string): PincodePlace | null;
}

export interface Clock {
  now(): Date;
}

export interface IdSource {
  /** `bytes` random bytes, base64url encoded. */
  random(bytes: number): string;
}

/** Delivery details as the buyer gives them (validated by the operation schema). */
export interface DeliveryDetails {
  /** The person receiving the order. */
  name: string;
  /** Flat, house or floor: ONDC's address name. */
  house: string;
  phone: string;
  email: string;
  building: string;
  locality: string;
  city: string;
  state: string;
  pincode: string;
  /** "lat,lon" of the delivery point. */
  gps: string;
}

export interface QuoteLine {
  /** item, delivery, packing, tax, discount or misc. */
  type: string;
  title: string;
  /** The catalog item id for item lines; the fulfillment id for charges. */
  itemId: string;
  quantity?: number;
  pricePaise: number;
}

export interface SellerQuote {
  totalPaise: number;
  lines: QuoteLine[];
  /** When the seller stops honouring the quote. */
  expiresAt: string;
}

/** A business refusal from a seller app (out of stock, not serviceable, ...), in ONDC's code and our words. */
export interface SellerRefusal {
  code: string;
  message: string;
}

/** What one exchange with a seller app moved on: the transaction's latest timestamp. */
export interface Exchange {
  transactionId: string;
  lastTimestamp: string;
}

export interface SellerRef {
  bppId: string;
  providerId: string;
  locationId: string;
  domain: string;
  city: string;
}

export interface OrderItemRef {
  itemId: string;
  count: number;
}

/** The network as checkout sees it: one call per ONDC step, each awaiting the seller's callback. */
export interface NetworkPort {
  select(args: { exchange: Exchange; seller: SellerRef; items: OrderItemRef[]; pincode: string; gps: string }): Promise<{
    exchange: Exchange;
    quote: SellerQuote;
    refusal?: SellerRefusal;
  }>;
  init(args: {
    exchange: Exchange;
    seller: SellerRef;
    items: OrderItemRef[];
    delivery: DeliveryDetails;
    cashOnDelivery: boolean;
    /** The seller's latest quote, whose delivery line names the fulfillment to use. */
    quote: SellerQuote;
  }): Promise<{ exchange: Exchange; quote: SellerQuote; refusal?: SellerRefusal; terms: unknown }>;
  confirm(args: {
    exchange: Exchange;
    seller: SellerRef;
    orderId: string;
    items: OrderItemRef[];
    delivery: DeliveryDetails;
    /** What on_init returned, echoed as ONDC requires. */
    terms: unknown;
    payment: { cashOnDelivery: true } | { cashOnDelivery: false; amountPaise: number; transactionId: string };
  }): Promise<{ exchange: Exchange; state?: string; refusal?: SellerRefusal }>;
  status(args: { exchange: Exchange; seller: SellerRef; orderId: string }): Promise<{
    exchange: Exchange;
    state?: string;
    fulfillmentState?: string;
    refusal?: SellerRefusal;
  }>;
  /** Where the delivery is now (on_track). */
  track(args: { exchange: Exchange; seller: SellerRef; orderId: string }): Promise<{
    exchange: Exchange;
    tracking?: { status: 'active' | 'inactive'; url?: string; gps?: string; at?: string };
    refusal?: SellerRefusal;
  }>;
  /** Asks the seller to cancel for a buyer's reason (on_cancel): the order's new state, or the seller's refusal. */
  cancel(args: { exchange: Exchange; seller: SellerRef; orderId: string; reasonId: string }): Promise<{
    exchange: Exchange;
    state?: string;
    cancellation?: { by: string; reasonId: string };
    refusal?: SellerRefusal;
  }>;
  /** Asks the seller to take items back (update with a Return fulfillment; on_update). */
  returnItems(args: {
    exchange: Exchange;
    seller: SellerRef;
    orderId: string;
    returnId: string;
    itemId: string;
    count: number;
    reasonId: string;
    reasonText: string;
  }): Promise<{ exchange: Exchange; returnState?: string; refusal?: SellerRefusal }>;
  /** Opens a complaint about an order (IGM issue; on_issue). */
  raiseIssue(args: {
    exchange: Exchange;
    seller: SellerRef;
    issueId: string;
    category: 'ORDER' | 'ITEM' | 'FULFILLMENT' | 'AGENT' | 'PAYMENT' | 'TRANSACTION';
    subCategory: string;
    complainant: { name: string; phone: string; email: string };
    order: { id: string; state: string; items: Array<{ id: string; quantity: number }>; fulfillmentState: string };
    shortDesc: string;
    longDesc: string;
  }): Promise<{ exchange: Exchange; issue?: IssueState; refusal?: SellerRefusal }>;
  /** Where a complaint stands (IGM issue_status; on_issue_status). */
  issueStatus(args: { exchange: Exchange; seller: SellerRef; issueId: string }): Promise<{ exchange: Exchange; issue?: IssueState; refusal?: SellerRefusal }>;
  /** How to reach the seller's support about an order (on_support). */
  support(args: { exchange: Exchange; seller: SellerRef; orderId: string }): Promise<{
    exchange: Exchange;
    contact?: { phone?: string; email?: string; uri?: string };
    refusal?: SellerRefusal;
  }>;
  /** Sends ratings of an order (on_rating). */
  rate(args: {
    exchange: Exchange;
    seller: SellerRef;
    ratings: Array<{ category: 'Order' | 'Fulfillment' | 'Provider'; id: string; value: number }>;
  }): Promise<{ exchange: Exchange; accepted: boolean; refusal?: SellerRefusal }>;
  newTransactionId(): string;
  /**
   * The messages of one transaction as an ONDC certification document (flow "2" delivered, "3" out of stock,
   * "4" buyer cancel), with the seller's latest catalog answer as its search step; null when nothing was logged.
   */
  certificationLog(args: { transactionId: string; bppId: string; flow: string }): Promise<Record<string, unknown> | null>;
}

/** A complaint as the seller last described it. */
export interface IssueState {
  /** PROCESSING, RESOLVED… the respondent's latest action. */
  status: string;
  resolution?: { action: string; text: string; refundPaise: number };
  respondent?: { name: string; phone?: string; email?: string };
  updatedAt: string;
}

export interface PaymentOrderRef {
  gatewayOrderId: string;
  amountPaise: number;
  checkoutUrl: string;
}

export interface PaymentCheck {
  verified: boolean;
  paymentId: string;
  amountPaise: number;
  status: string;
  reason?: string;
}

/** The payment gateway as checkout sees it (the sandbox gateway by default, Razorpay when configured). */
export interface PaymentPort {
  readonly kind: string;
  createOrder(args: { amountPaise: number; receipt: string; notes?: Record<string, string> }): Promise<PaymentOrderRef>;
  verifyPayment(args: { gatewayOrderId: string; paymentId: string; signature: string; expectedAmountPaise: number }): Promise<PaymentCheck>;
  /**
   * For a payment the gateway itself reported (a webhook whose signature was checked): asks the gateway for the
   * payment and checks its order, amount and captured status, as verifyPayment does without a checkout signature.
   */
  confirmPayment(args: { gatewayOrderId: string; paymentId: string; expectedAmountPaise: number }): Promise<PaymentCheck>;
}
