/**
 * Ports: what the core needs from the outside world. Each has an embedded adapter (the default and the test
 * double) and a production adapter. The core only ever sees these interfaces, through ctx.deps.
 */
import type { Catalog, Product, Provider } from './catalog.js';

export interface Session {
  id: string;
  createdAt: string;
  lastActiveAt: string;
  /** Delivery pincode the buyer gave, if any; used later for serviceability. */
  pincode?: string;
  /** Bound user id once the buyer logs in (buyers issue). */
  userId?: string;
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

export interface Stores {
  readonly kind: 'embedded' | 'redis';
  sessions: SessionStore;
  carts: CartStore;
  rateLimits: RateLimitStore;
  /** Resolves when the backing store answers; rejects with the reason otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface SearchQuery {
  text?: string;
  category?: string;
  minPricePaise?: number;
  maxPricePaise?: number;
  providerId?: string;
  limit: number;
  /** 1-based page number. */
  page: number;
}

export interface SearchHit {
  product: Product;
  score: number;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
}

export interface CategorySummary {
  id: string;
  path: string[];
  domain: string;
  productCount: number;
  minPricePaise: number;
  maxPricePaise: number;
}

/** The product index. The embedded adapter is the default; the search issue adds hybrid retrieval and Qdrant. */
export interface CatalogIndex {
  /** Replace the contents with this catalog (ingestion). */
  load(catalog: Catalog): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  getProduct(id: string): Promise<Product | null>;
  getProducts(ids: string[]): Promise<Map<string, Product>>;
  getProvider(id: string): Promise<Provider | null>;
  categories(): Promise<CategorySummary[]>;
  size(): Promise<number>;
  ping(): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export interface IdSource {
  /** `bytes` random bytes, base64url encoded. */
  random(bytes: number): string;
}
