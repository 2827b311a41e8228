/**
 * Embedded store adapter: one LMDB environment under `dir` with a named database per record kind.
 *
 * Every read-change-write runs inside an LMDB write transaction. LMDB holds one writer lock per environment,
 * shared by every process that opens the same directory, so an HTTP server and an MCP server sharing DATA_DIR
 * can update the same cart without losing writes.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { open, type Database, type RootDatabase } from 'lmdb';
import type { Cart, CartStore, RateLimitHit, RateLimitStore, Session, SessionStore, Stores } from '../core/ports.js';

export interface EmbeddedStoreOptions {
  dir: string;
  /** Epoch milliseconds; injectable so tests can move time. */
  clock?: () => number;
  /** How often expired records are physically deleted. Reads already ignore them. */
  sweepIntervalMs?: number;
}

/** A stored value together with the moment it stops existing. */
interface Entry<T> {
  value: T;
  expiresAt: number;
}

type Table<T> = Database<Entry<T>, string>;

const DEFAULT_SWEEP_INTERVAL_MS = 60_000;
/** LMDB rejects keys over ~1.9 KB; ids and rate-limit keys can come from clients, so long ones are hashed. */
const MAX_PLAIN_KEY_LENGTH = 256;

export async function openEmbeddedStores(opts: EmbeddedStoreOptions): Promise<Stores> {
  const clock = opts.clock ?? Date.now;
  const root = openEnvironment(opts.dir);
  const sessions = openTable<Session>(root, 'sessions');
  const carts = openTable<Cart>(root, 'carts');
  const rateLimits = openTable<number>(root, 'ratelimits');
  const sweeper = startSweeper([sessions, carts, rateLimits], clock, opts.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS);
  let closing: Promise<void> | undefined;

  return {
    kind: 'embedded',
    sessions: sessionStore(sessions, clock),
    carts: cartStore(carts, clock),
    rateLimits: rateLimitStore(rateLimits, clock),
    async ping() {
      if (closing) throw new Error('The embedded store is closed.');
      root.getStats();
    },
    close() {
      closing ??= sweeper.stop().then(() => root.close());
      return closing;
    },
  };
}

function openEnvironment(dir: string): RootDatabase {
  return open({
    path: path.join(dir, 'state.lmdb'),
    // Without overlapping sync a commit promise resolves only after the data is fsynced, so an acknowledged
    // write survives kill -9 and power loss alike; LMDB batches concurrent writers into one commit anyway.
    overlappingSync: false,
  });
}

function openTable<T>(root: RootDatabase, name: string): Table<T> {
  // JSON keeps stored values identical in shape to what the Redis adapter returns (undefined fields dropped).
  return root.openDB<Entry<T>, string>({ name, encoding: 'json' });
}

function storageKey(key: string): string {
  if (key.length <= MAX_PLAIN_KEY_LENGTH) return key;
  return `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

function liveValue<T>(table: Table<T>, key: string, now: number): T | null {
  const entry = table.get(key);
  return entry && entry.expiresAt > now ? entry.value : null;
}

function ttlToMs(ttlSeconds: number): number {
  if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError(`ttlSeconds must be a positive number of seconds, got ${ttlSeconds}.`);
  }
  return Math.max(1, Math.round(ttlSeconds * 1000));
}

function sessionStore(table: Table<Session>, clock: () => number): SessionStore {
  return {
    async create(session, ttlSeconds) {
      const ttlMs = ttlToMs(ttlSeconds);
      const created = await table.transaction(() => {
        const now = clock();
        const key = storageKey(session.id);
        if (liveValue(table, key, now)) return false;
        table.putSync(key, { value: session, expiresAt: now + ttlMs });
        return true;
      });
      if (!created) throw new Error(`Session ${session.id} already exists; create the session with a new id.`);
    },
    async get(id) {
      return liveValue(table, storageKey(id), clock());
    },
    async update(id, change, ttlSeconds) {
      const ttlMs = ttlToMs(ttlSeconds);
      return table.transaction(() => {
        const now = clock();
        const key = storageKey(id);
        const current = liveValue(table, key, now);
        if (!current) return null;
        // `change` runs before any write, so if it throws the transaction has nothing to undo.
        const next = change(current);
        table.putSync(key, { value: next, expiresAt: now + ttlMs });
        return next;
      });
    },
    async delete(id) {
      await table.remove(storageKey(id));
    },
  };
}

function emptyCart(sessionId: string, now: number): Cart {
  return { sessionId, lines: [], updatedAt: new Date(now).toISOString() };
}

function cartStore(table: Table<Cart>, clock: () => number): CartStore {
  return {
    async get(sessionId) {
      const now = clock();
      return liveValue(table, storageKey(sessionId), now) ?? emptyCart(sessionId, now);
    },
    async update(sessionId, change, ttlSeconds) {
      const ttlMs = ttlToMs(ttlSeconds);
      return table.transaction(() => {
        const now = clock();
        const key = storageKey(sessionId);
        const next = change(liveValue(table, key, now) ?? emptyCart(sessionId, now));
        table.putSync(key, { value: next, expiresAt: now + ttlMs });
        return next;
      });
    },
    async touch(sessionId, ttlSeconds) {
      const ttlMs = ttlToMs(ttlSeconds);
      await table.transaction(() => {
        const now = clock();
        const key = storageKey(sessionId);
        const current = liveValue(table, key, now);
        if (current) table.putSync(key, { value: current, expiresAt: now + ttlMs });
      });
    },
    async delete(sessionId) {
      await table.remove(storageKey(sessionId));
    },
  };
}

function rateLimitStore(table: Table<number>, clock: () => number): RateLimitStore {
  return {
    async hit(key, windowMs) {
      if (!Number.isFinite(windowMs) || windowMs <= 0) {
        throw new RangeError(`windowMs must be a positive number of milliseconds, got ${windowMs}.`);
      }
      return table.transaction((): RateLimitHit => {
        const now = clock();
        const entry = table.get(storageKey(key));
        const next: Entry<number> =
          entry && entry.expiresAt > now
            ? { value: entry.value + 1, expiresAt: entry.expiresAt }
            : { value: 1, expiresAt: now + Math.ceil(windowMs) };
        table.putSync(storageKey(key), next);
        return { count: next.value, resetInMs: next.expiresAt - now };
      });
    },
  };
}

interface Sweeper {
  stop(): Promise<void>;
}

function startSweeper(tables: Table<unknown>[], clock: () => number, intervalMs: number): Sweeper {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    // A failed sweep only delays cleanup (reads ignore expired records), so it is retried on the next tick.
    running ??= sweepAll(tables, clock)
      .catch(() => undefined)
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

async function sweepAll(tables: Table<unknown>[], clock: () => number): Promise<void> {
  for (const table of tables) await sweep(table, clock);
}

async function sweep(table: Table<unknown>, clock: () => number): Promise<void> {
  // Scan on a read snapshot so the writer lock is only held for the deletions themselves.
  const scannedAt = clock();
  const expired: string[] = [];
  for (const { key, value } of table.getRange()) {
    if (value.expiresAt <= scannedAt) expired.push(key);
  }
  if (expired.length === 0) return;
  await table.transaction(() => {
    const now = clock();
    for (const key of expired) {
      // Another writer (possibly another process) may have refreshed the record since the scan.
      const entry = table.get(key);
      if (entry && entry.expiresAt <= now) table.removeSync(key);
    }
  });
}
