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
import type {
  Cart,
  CartStore,
  DocumentStore,
  RateLimitHit,
  RateLimitStore,
  Session,
  SessionStore,
  Stores,
} from '../core/ports.js';
import { assertLimit, documentStoresByKind } from './documents.js';
import { dumpEmbedded, loadEmbedded, type EmbeddedLayout } from './embedded-records.js';

export interface EmbeddedStoreOptions {
  dir: string;
  /** Epoch milliseconds; injectable so tests can move time. */
  clock?: () => number;
  /** How often expired records are physically deleted. Reads already ignore them. */
  sweepIntervalMs?: number;
}

/** A stored value together with the moment it stops existing. */
export interface Entry<T> {
  value: T;
  expiresAt: number;
}

export type Table<T> = Database<Entry<T>, string>;

/**
 * A stored document. Unlike an Entry it may live forever, and it remembers its owner-index key so that delete and
 * the sweep can remove the index entry with it.
 */
export interface DocumentEntry {
  value: unknown;
  /** Absent when the document never expires. */
  expiresAt?: number;
  indexKey?: string;
}

/** Every kind shares these two databases; keys start with `<kind>:`, and kinds cannot contain ':'. */
export interface DocumentTables {
  docs: Database<DocumentEntry, string>;
  /** `<kind>:<owner length>:<owner>:<sequence>` -> document id; a reverse range scan lists newest first. */
  owners: Database<string, string>;
}

const DEFAULT_SWEEP_INTERVAL_MS = 60_000;
/** LMDB rejects keys over ~1.9 KB; ids and rate-limit keys can come from clients, so long ones are hashed. */
const MAX_PLAIN_KEY_LENGTH = 256;
const HASHED = 'sha256:';
/** Fixed width makes the string order of index keys their numeric order; 16 digits hold any safe integer. */
const SEQUENCE_DIGITS = 16;

export async function openEmbeddedStores(opts: EmbeddedStoreOptions): Promise<Stores> {
  const clock = opts.clock ?? Date.now;
  const root = openEnvironment(opts.dir);
  const sessions = openTable<Session>(root, 'sessions');
  const carts = openTable<Cart>(root, 'carts');
  const rateLimits = openTable<number>(root, 'ratelimits');
  const documents = openDocumentTables(root);
  const sweeps = [
    ...[sessions, carts, rateLimits].map((table) => () => sweep(table, clock)),
    () => sweepDocuments(documents, clock),
  ];
  const sweeper = startSweeper(sweeps, opts.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS);
  const layout = recordLayout(root, sessions, carts, documents, clock);
  let closing: Promise<void> | undefined;

  return {
    kind: 'embedded',
    sessions: sessionStore(sessions, clock),
    carts: cartStore(carts, clock),
    rateLimits: rateLimitStore(rateLimits, clock),
    documents: documentStoresByKind((kind) => documentStore(documents, kind, clock)),
    dump: () => dumpEmbedded(layout),
    load: (records) => loadEmbedded(layout, records),
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

function openDocumentTables(root: RootDatabase): DocumentTables {
  return {
    docs: root.openDB<DocumentEntry, string>({ name: 'documents', encoding: 'json' }),
    owners: root.openDB<string, string>({ name: 'document_owners', encoding: 'json' }),
  };
}

function storageKey(key: string): string {
  if (key.length <= MAX_PLAIN_KEY_LENGTH) return key;
  return `${HASHED}${createHash('sha256').update(key).digest('hex')}`;
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

function optionalTtlMs(ttlSeconds: number | undefined): number | undefined {
  return ttlSeconds === undefined ? undefined : ttlToMs(ttlSeconds);
}

function documentKey(kind: string, id: string): string {
  return storageKey(`${kind}:${id}`);
}

/** The length prefix keeps owner "a" from matching owner "a:b", whose keys would otherwise share the prefix. */
function ownerPrefix(kind: string, owner: string): string {
  const key = storageKey(owner);
  return `${kind}:${key.length}:${key}:`;
}

function indexKey(kind: string, owner: string, seq: number): string {
  return ownerPrefix(kind, owner) + String(seq).padStart(SEQUENCE_DIGITS, '0');
}

/** The inverse of ownerPrefix plus sequence; null when the owner is only known by its hash. */
function parseIndexKey(kind: string, key: string): { owner: string; seq: number } | null {
  const rest = key.slice(kind.length + 1);
  const colon = rest.indexOf(':');
  const length = Number(rest.slice(0, colon));
  const owner = rest.slice(colon + 1, colon + 1 + length);
  if (owner.startsWith(HASHED)) return null;
  return { owner, seq: Number(rest.slice(colon + 2 + length)) };
}

/** Kinds cannot contain ':', so the first one ends the kind. */
function parseDocumentKey(key: string): { kind: string; id: string } | null {
  if (key.startsWith(HASHED)) return null;
  const colon = key.indexOf(':');
  return { kind: key.slice(0, colon), id: key.slice(colon + 1) };
}

function recordLayout(
  root: RootDatabase,
  sessions: Table<Session>,
  carts: Table<Cart>,
  documents: DocumentTables,
  clock: () => number,
): EmbeddedLayout {
  return {
    root,
    sessions,
    carts,
    documents,
    clock,
    storageKey,
    documentKey,
    parseDocumentKey,
    parseIndexKey,
    indexKey,
    nextIndexKey: (kind, owner) => nextIndexKey(documents.owners, kind, owner),
    removeDocument: (key, entry) => removeDocument(documents, key, entry),
  };
}

/** Sorts after every key under `prefix`, whose remainder is digits only. */
function afterPrefix(prefix: string): string {
  return `${prefix}~`;
}

function isLive(entry: DocumentEntry, now: number): boolean {
  return entry.expiresAt === undefined || entry.expiresAt > now;
}

function liveDocument(docs: DocumentTables['docs'], key: string, now: number): DocumentEntry | null {
  const entry = docs.get(key);
  return entry && isLive(entry, now) ? entry : null;
}

/**
 * One past the owner's newest sequence. Must run inside the write transaction so two creates cannot pick the
 * same number; reusing the number of a deleted newest document is harmless, as nothing sorts above it.
 */
function nextIndexKey(owners: DocumentTables['owners'], kind: string, owner: string): string {
  const prefix = ownerPrefix(kind, owner);
  let next = 0;
  for (const newest of owners.getKeys({ start: afterPrefix(prefix), end: prefix, reverse: true, limit: 1 })) {
    next = Number(newest.slice(prefix.length)) + 1;
  }
  return indexKey(kind, owner, next);
}

/** Synchronous, for use inside a write transaction. */
function removeDocument({ docs, owners }: DocumentTables, key: string, entry: DocumentEntry): void {
  if (entry.indexKey !== undefined) owners.removeSync(entry.indexKey);
  docs.removeSync(key);
}

function documentStore<T>(tables: DocumentTables, kind: string, clock: () => number): DocumentStore<T> {
  const { docs, owners } = tables;
  return {
    async get(id) {
      const entry = liveDocument(docs, documentKey(kind, id), clock());
      return entry ? (entry.value as T) : null;
    },
    async create(id, doc, opts = {}) {
      const ttlMs = optionalTtlMs(opts.ttlSeconds);
      return docs.transaction(() => {
        const now = clock();
        const key = documentKey(kind, id);
        const previous = docs.get(key);
        if (previous && isLive(previous, now)) return false;
        // An expired, unswept predecessor must not leave an index entry behind that points at this id.
        if (previous) removeDocument(tables, key, previous);
        const indexKey = opts.owner === undefined ? undefined : nextIndexKey(owners, kind, opts.owner);
        if (indexKey !== undefined) owners.putSync(indexKey, id);
        docs.putSync(key, { value: doc, expiresAt: ttlMs === undefined ? undefined : now + ttlMs, indexKey });
        return true;
      });
    },
    async update(id, change, opts = {}) {
      const ttlMs = optionalTtlMs(opts.ttlSeconds);
      return docs.transaction(() => {
        const now = clock();
        const key = documentKey(kind, id);
        const entry = liveDocument(docs, key, now);
        if (!entry) return null;
        // `change` runs before any write, so if it throws the transaction has nothing to undo.
        const next = change(entry.value as T);
        const expiresAt = ttlMs === undefined ? entry.expiresAt : now + ttlMs;
        docs.putSync(key, { ...entry, value: next, expiresAt });
        return next;
      });
    },
    async delete(id) {
      await docs.transaction(() => {
        const key = documentKey(kind, id);
        const entry = docs.get(key);
        if (entry) removeDocument(tables, key, entry);
      });
    },
    async listByOwner(owner, limit) {
      assertLimit(limit);
      const now = clock();
      const prefix = ownerPrefix(kind, owner);
      const found: T[] = [];
      if (limit === 0) return found;
      for (const { key, value: id } of owners.getRange({ start: afterPrefix(prefix), end: prefix, reverse: true })) {
        // Entries of expired documents stay until the sweep; the key check also skips any entry left stale.
        const entry = liveDocument(docs, documentKey(kind, id), now);
        if (entry?.indexKey === key) found.push(entry.value as T);
        if (found.length === limit) break;
      }
      return found;
    },
  };
}

interface Sweeper {
  stop(): Promise<void>;
}

function startSweeper(sweeps: (() => Promise<void>)[], intervalMs: number): Sweeper {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    // A failed sweep only delays cleanup (reads ignore expired records), so it is retried on the next tick.
    running ??= sweepAll(sweeps)
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

async function sweepAll(sweeps: (() => Promise<void>)[]): Promise<void> {
  for (const run of sweeps) await run();
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

async function sweepDocuments(tables: DocumentTables, clock: () => number): Promise<void> {
  const { docs } = tables;
  const scannedAt = clock();
  const expired: string[] = [];
  for (const { key, value } of docs.getRange()) {
    if (!isLive(value, scannedAt)) expired.push(key);
  }
  if (expired.length === 0) return;
  await docs.transaction(() => {
    const now = clock();
    for (const key of expired) {
      const entry = docs.get(key);
      if (entry && !isLive(entry, now)) removeDocument(tables, key, entry);
    }
  });
}
