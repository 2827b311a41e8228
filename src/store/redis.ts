/**
 * Redis store adapter: JSON values with PX expiry, so Redis itself forgets expired sessions, carts and counters.
 *
 * Atomic updates use optimistic compare-and-set in Lua rather than WATCH/MULTI/EXEC. WATCH state belongs to the
 * connection, and ioredis multiplexes every caller over one connection: an EXEC from one update would clear the
 * watches of another in flight, silently losing its protection. A CAS script carries its expectation with it,
 * so it stays correct on a shared connection and across replicas. Updates of the same key within this process
 * are queued first, so CAS retries only happen when another process writes the same key concurrently.
 */
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { DomainError } from '../core/errors.js';
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
import { dumpRedis, loadRedis, type RedisLayout } from './redis-records.js';

export interface RedisStoreOptions {
  url: string;
  /** Prefix of every key; defaults to `ondc:`. */
  keyPrefix?: string;
  /**
   * Epoch milliseconds, used to stamp empty carts and, in dump and load, to turn remaining lifetimes into the
   * absolute expiry times records carry and back: expiry itself runs on the Redis server's clock.
   */
  clock?: () => number;
  /**
   * `wait` (default) rejects when Redis does not answer at open. `background` returns at once and keeps
   * connecting, so a server can start, report not-ready on /ready, and serve as soon as Redis answers.
   */
  connect?: 'wait' | 'background';
}

const DEFAULT_KEY_PREFIX = 'ondc:';
/** Enough for a handful of replicas hammering one key; beyond that the caller should back off and retry. */
const MAX_CAS_ATTEMPTS = 25;
const COMMAND_TIMEOUT_MS = 2_000;
const MAX_RECONNECT_DELAY_MS = 2_000;

interface LuaScript {
  source: string;
  sha: string;
}

function lua(source: string): LuaScript {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

/** ARGV: expect-present flag ('1'/'0'), expected raw value, new value, ttl ms. Returns 1 when written. */
const COMPARE_AND_SET = lua(`
local current = redis.call('GET', KEYS[1])
if ARGV[1] == '0' then
  if current then return 0 end
elseif current ~= ARGV[2] then
  return 0
end
redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4])
return 1
`);

/**
 * Lua helpers. `put` writes a document that expires after ttl ms (0: never). An owner index must live as long as its
 * longest-lived document: `cover` extends it, given the index's PTTL read before this write (-2: it did not exist,
 * -1: it never expires).
 */
const COVER_INDEX = `
local function put(key, value, ttl)
  if ttl == 0 then
    redis.call('SET', key, value)
  else
    redis.call('SET', key, value, 'PX', ttl)
  end
end
local function cover(index, ttl, before)
  if ttl == 0 then
    redis.call('PERSIST', index)
  elseif before == -2 or (before >= 0 and before < ttl) then
    redis.call('PEXPIRE', index, ttl)
  end
end
`;

/**
 * KEYS: document, then owner index and sequence when there is an owner. ARGV: stored value, ttl ms (0: none), id.
 * Returns 1 when created. The sequence orders an owner's documents by creation, across replicas.
 */
const CREATE_DOCUMENT = lua(`${COVER_INDEX}
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local ttl = tonumber(ARGV[2])
put(KEYS[1], ARGV[1], ttl)
if KEYS[2] then
  local before = redis.call('PTTL', KEYS[2])
  redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[3])
  cover(KEYS[2], ttl, before)
end
return 1
`);

/**
 * KEYS: document, then its owner index if any. ARGV: expected value, new value, ttl ms ('': keep the current
 * expiry). Returns 1 when written.
 */
const UPDATE_DOCUMENT = lua(`${COVER_INDEX}
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[3] == '' then
  redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
  return 1
end
local ttl = tonumber(ARGV[3])
redis.call('SET', KEYS[1], ARGV[2], 'PX', ttl)
if KEYS[2] then cover(KEYS[2], ttl, redis.call('PTTL', KEYS[2])) end
return 1
`);

/** KEYS: document, then its owner index if any. ARGV: expected value, id. Returns 1 when deleted. */
const DELETE_DOCUMENT = lua(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
if KEYS[2] then redis.call('ZREM', KEYS[2], ARGV[2]) end
return 1
`);

/**
 * KEYS: owner index, then documents; ARGV: their ids, in the same order. Drops the ids whose documents are gone.
 * The check runs here rather than in the caller so that an id created again since the caller's read stays listed.
 */
const PRUNE_INDEX = lua(`
for i = 2, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 0 then redis.call('ZREM', KEYS[1], ARGV[i - 1]) end
end
return 1
`);

/** ARGV: window ms. Returns {count, pttl}. A counter without a TTL (new, or left by anything else) gets one. */
const RATE_LIMIT_HIT = lua(`
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`);

export async function openRedisStores(opts: RedisStoreOptions): Promise<Stores> {
  const client = createClient(opts.url);
  const health = trackErrors(client);
  if (opts.connect === 'background') {
    // Wait for the first attempt only, so a healthy Redis is ready before the first request. A failure is recorded
    // by trackErrors and shows on ping(); the retry strategy keeps trying.
    await client.connect().catch(() => undefined);
  } else {
    await connectOrThrow(client, opts.url);
  }
  const prefix = opts.keyPrefix ?? DEFAULT_KEY_PREFIX;
  const ctx: Ctx = {
    client,
    call: (fn) => call(fn, health.lastError, () => dropStuckConnection(client)),
    keys: keyBuilder(prefix),
    clock: opts.clock ?? Date.now,
    serial: new KeyedQueue(),
  };
  const layout: RedisLayout = { ...ctx, prefix, coverIndex: COVER_INDEX, lua };
  let closing: Promise<void> | undefined;

  return {
    kind: 'redis',
    sessions: sessionStore(ctx),
    carts: cartStore(ctx),
    rateLimits: rateLimitStore(ctx),
    documents: documentStoresByKind((kind) => documentStore(ctx, kind)),
    dump: () => dumpRedis(layout),
    load: (records) => loadRedis(layout, records),
    async ping() {
      await ctx.call(() => client.ping());
    },
    close() {
      closing ??= client.quit().then(
        () => undefined,
        // quit cannot be sent while disconnected; disconnect() still stops the background reconnects.
        () => client.disconnect(),
      );
      return closing;
    },
  };
}

function createClient(url: string): Redis {
  return new Redis(url, {
    lazyConnect: true,
    // While disconnected, fail each command at once instead of queueing it until Redis returns: a request
    // should get a quick 503, not hang.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    // Replaying an in-flight INCR or CAS on a new connection could apply it twice; let the caller decide.
    autoResendUnfulfilledCommands: false,
    // Bounds the wait when Redis is reachable but stuck (paused, overloaded, network black hole).
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: COMMAND_TIMEOUT_MS,
    retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 5), MAX_RECONNECT_DELAY_MS),
  });
}

interface ErrorTracker {
  lastError(): Error | undefined;
}

function trackErrors(client: Redis): ErrorTracker {
  let last: Error | undefined;
  // Without a listener ioredis prints every reconnect failure; failures reach callers through rejected commands.
  client.on('error', (err: Error) => {
    last = err;
  });
  client.on('ready', () => {
    last = undefined;
  });
  return { lastError: () => last };
}

async function connectOrThrow(client: Redis, url: string): Promise<void> {
  try {
    await client.connect();
  } catch (err) {
    client.disconnect();
    throw new Error(
      `Redis at ${redactUrl(url)} did not answer (${describe(err)}); start Redis or unset REDIS_URL to use the embedded store.`,
      { cause: err },
    );
  }
}

/**
 * A timed-out command stays in ioredis's reply queue, and a half-open TCP link can look alive for many minutes.
 * Reconnecting discards both; the retry strategy then brings the connection back once Redis answers.
 */
function dropStuckConnection(client: Redis): void {
  if (client.status === 'ready') client.disconnect(true);
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable REDIS_URL)';
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

interface Ctx {
  client: Redis;
  call<T>(fn: () => Promise<T>): Promise<T>;
  keys: KeyBuilder;
  clock: () => number;
  serial: KeyedQueue;
}

interface KeyBuilder {
  session(id: string): string;
  cart(sessionId: string): string;
  rateLimit(key: string): string;
  document(kind: string, id: string): string;
  documentIndex(kind: string, owner: string): string;
  documentSequence(kind: string): string;
}

function keyBuilder(prefix: string): KeyBuilder {
  return {
    session: (id) => `${prefix}session:${id}`,
    cart: (sessionId) => `${prefix}cart:${sessionId}`,
    rateLimit: (key) => `${prefix}rl:${key}`,
    // Kinds cannot contain ':', so `<kind>:` never swallows part of an id or owner.
    document: (kind, id) => `${prefix}doc:${kind}:${id}`,
    documentIndex: (kind, owner) => `${prefix}docidx:${kind}:${owner}`,
    documentSequence: (kind) => `${prefix}docseq:${kind}`,
  };
}

/**
 * Runs a Redis call, turning connection trouble into STORE_UNAVAILABLE so surfaces answer 503. Errors Redis
 * itself replied with (wrong type, script bugs) are not availability problems and pass through unchanged.
 */
async function call<T>(fn: () => Promise<T>, lastError: () => Error | undefined, onTimeout: () => void): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof Error && err.name === 'ReplyError') throw err;
    if (err instanceof Error && err.message === 'Command timed out') onTimeout();
    const reason = lastError() ?? err;
    throw Object.assign(
      new DomainError('STORE_UNAVAILABLE', 'The session store (Redis) is not answering; try again shortly.'),
      { cause: reason },
    );
  }
}

async function runScript(client: Redis, script: LuaScript, keys: string[], args: (string | number)[]): Promise<unknown> {
  try {
    return await client.evalsha(script.sha, keys.length, ...keys, ...args);
  } catch (err) {
    // The script cache is empty after a Redis restart or SCRIPT FLUSH; EVAL loads it again.
    if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
    return client.eval(script.source, keys.length, ...keys, ...args);
  }
}

function ttlToMs(ttlSeconds: number): number {
  if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError(`ttlSeconds must be a positive number of seconds, got ${ttlSeconds}.`);
  }
  return Math.max(1, Math.round(ttlSeconds * 1000));
}

/**
 * Reads the key, lets `next` derive the new value from the raw one (null means "leave it alone") and writes it
 * only if the key still holds what was read. `next` may therefore run more than once and must be pure.
 */
function compareAndSetLoop<T>(
  ctx: Ctx,
  key: string,
  ttlMs: number,
  next: (raw: string | null) => T | null,
): Promise<T | null> {
  return optimisticLoop(ctx, key, next, async (raw, value) => {
    const args = [raw === null ? '0' : '1', raw ?? '', JSON.stringify(value), ttlMs];
    return (await runScript(ctx.client, COMPARE_AND_SET, [key], args)) === 1;
  });
}

/**
 * Reads the key, derives a value from it (null: stop) and lets `commit` apply it if the key still holds what was
 * read; `commit` resolves false when it did not, and the loop starts over after a short backoff.
 */
async function optimisticLoop<T>(
  ctx: Ctx,
  key: string,
  next: (raw: string | null) => T | null,
  commit: (raw: string | null, value: T) => Promise<boolean>,
): Promise<T | null> {
  for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
    const raw = await ctx.call(() => ctx.client.get(key));
    const value = next(raw);
    if (value === null) return null;
    if (await ctx.call(() => commit(raw, value))) return value;
    await sleep(jitteredBackoff(attempt));
  }
  throw new DomainError('STORE_UNAVAILABLE', 'This record is being changed by many requests at once; try again.', {
    attempts: MAX_CAS_ATTEMPTS,
  });
}

function jitteredBackoff(attempt: number): number {
  return Math.random() * Math.min(2 ** attempt, 50);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function sessionStore(ctx: Ctx): SessionStore {
  return {
    async create(session, ttlSeconds) {
      const ttlMs = ttlToMs(ttlSeconds);
      const key = ctx.keys.session(session.id);
      const ok = await ctx.call(() => ctx.client.set(key, JSON.stringify(session), 'PX', ttlMs, 'NX'));
      if (ok !== 'OK') throw new Error(`Session ${session.id} already exists; create the session with a new id.`);
    },
    async get(id) {
      const raw = await ctx.call(() => ctx.client.get(ctx.keys.session(id)));
      return raw === null ? null : (JSON.parse(raw) as Session);
    },
    async update(id, change, ttlSeconds) {
      const ttlMs = ttlToMs(ttlSeconds);
      const key = ctx.keys.session(id);
      return ctx.serial.run(key, () =>
        compareAndSetLoop(ctx, key, ttlMs, (raw) => (raw === null ? null : change(JSON.parse(raw) as Session))),
      );
    },
    async delete(id) {
      await ctx.call(() => ctx.client.del(ctx.keys.session(id)));
    },
  };
}

function emptyCart(sessionId: string, now: number): Cart {
  return { sessionId, lines: [], updatedAt: new Date(now).toISOString() };
}

function cartStore(ctx: Ctx): CartStore {
  const readCart = (sessionId: string, raw: string | null): Cart =>
    raw === null ? emptyCart(sessionId, ctx.clock()) : (JSON.parse(raw) as Cart);
  return {
    async get(sessionId) {
      return readCart(sessionId, await ctx.call(() => ctx.client.get(ctx.keys.cart(sessionId))));
    },
    async update(sessionId, change, ttlSeconds) {
      const ttlMs = ttlToMs(ttlSeconds);
      const key = ctx.keys.cart(sessionId);
      const cart = await ctx.serial.run(key, () =>
        compareAndSetLoop(ctx, key, ttlMs, (raw) => change(readCart(sessionId, raw))),
      );
      // compareAndSetLoop only yields null when `next` does, and a cart change always returns a cart.
      return cart as Cart;
    },
    async touch(sessionId, ttlSeconds) {
      const ttlMs = ttlToMs(ttlSeconds);
      await ctx.call(() => ctx.client.pexpire(ctx.keys.cart(sessionId), ttlMs));
    },
    async delete(sessionId) {
      await ctx.call(() => ctx.client.del(ctx.keys.cart(sessionId)));
    },
  };
}

function rateLimitStore(ctx: Ctx): RateLimitStore {
  return {
    async hit(key, windowMs) {
      if (!Number.isFinite(windowMs) || windowMs <= 0) {
        throw new RangeError(`windowMs must be a positive number of milliseconds, got ${windowMs}.`);
      }
      const reply = await ctx.call(() => runScript(ctx.client, RATE_LIMIT_HIT, [ctx.keys.rateLimit(key)], [Math.ceil(windowMs)]));
      return parseHit(reply);
    },
  };
}

function parseHit(reply: unknown): RateLimitHit {
  if (!Array.isArray(reply) || typeof reply[0] !== 'number' || typeof reply[1] !== 'number') {
    throw new Error(`Unexpected rate-limit reply from Redis: ${JSON.stringify(reply)}`);
  }
  return { count: reply[0], resetInMs: reply[1] };
}

/** What a document key holds: the owner travels with the document so update and delete find its index. */
interface StoredDocument<T> {
  doc: T;
  owner?: string;
}

function parseStored<T>(raw: string | null): StoredDocument<T> | null {
  return raw === null ? null : (JSON.parse(raw) as StoredDocument<T>);
}

function documentStore<T>(ctx: Ctx, kind: string): DocumentStore<T> {
  const keys = documentKeys(ctx.keys, kind);
  return {
    async get(id) {
      return parseStored<T>(await ctx.call(() => ctx.client.get(keys.doc(id))))?.doc ?? null;
    },
    async create(id, doc, opts = {}) {
      const ttlMs = opts.ttlSeconds === undefined ? 0 : ttlToMs(opts.ttlSeconds);
      const stored: StoredDocument<T> = { doc, owner: opts.owner };
      const scriptKeys =
        opts.owner === undefined ? [keys.doc(id)] : [keys.doc(id), keys.index(opts.owner), keys.sequence];
      const args = [JSON.stringify(stored), ttlMs, id];
      return (await ctx.call(() => runScript(ctx.client, CREATE_DOCUMENT, scriptKeys, args))) === 1;
    },
    async update(id, change, opts = {}) {
      const ttlArg = opts.ttlSeconds === undefined ? '' : ttlToMs(opts.ttlSeconds);
      const key = keys.doc(id);
      const next = (raw: string | null): StoredDocument<T> | null => {
        const stored = parseStored<T>(raw);
        return stored && { ...stored, doc: change(stored.doc) };
      };
      const written = await ctx.serial.run(key, () =>
        optimisticLoop(ctx, key, next, async (raw, stored) => {
          const args = [raw ?? '', JSON.stringify(stored), ttlArg];
          return (await runScript(ctx.client, UPDATE_DOCUMENT, keys.withIndex(id, stored.owner), args)) === 1;
        }),
      );
      return written?.doc ?? null;
    },
    async delete(id) {
      const key = keys.doc(id);
      await ctx.serial.run(key, () =>
        optimisticLoop(ctx, key, parseStored<T>, async (raw, stored) => {
          const args = [raw ?? '', id];
          return (await runScript(ctx.client, DELETE_DOCUMENT, keys.withIndex(id, stored.owner), args)) === 1;
        }),
      );
    },
    async listByOwner(owner, limit) {
      assertLimit(limit);
      return listIndexed<T>(ctx, keys, owner, limit);
    },
  };
}

interface DocumentKeys {
  doc(id: string): string;
  index(owner: string): string;
  sequence: string;
  /** The document's key, followed by its owner index when it has an owner. */
  withIndex(id: string, owner: string | undefined): string[];
}

function documentKeys(keys: KeyBuilder, kind: string): DocumentKeys {
  const doc = (id: string) => keys.document(kind, id);
  const index = (owner: string) => keys.documentIndex(kind, owner);
  return {
    doc,
    index,
    sequence: keys.documentSequence(kind),
    withIndex: (id, owner) => (owner === undefined ? [doc(id)] : [doc(id), index(owner)]),
  };
}

/**
 * Walks the owner's index newest first, a page at a time, until `limit` live documents are found. Ids whose
 * documents expired are dropped from the index afterwards; ids now owned by someone else are only skipped.
 */
async function listIndexed<T>(ctx: Ctx, keys: DocumentKeys, owner: string, limit: number): Promise<T[]> {
  const index = keys.index(owner);
  const found: T[] = [];
  const gone: string[] = [];
  for (let start = 0; found.length < limit; start += limit) {
    const ids = await ctx.call(() => ctx.client.zrevrange(index, start, start + limit - 1));
    if (ids.length === 0) break;
    const raws = await ctx.call(() => ctx.client.mget(ids.map((id) => keys.doc(id))));
    ids.forEach((id, i) => {
      const stored = parseStored<T>(raws[i] ?? null);
      if (!stored) gone.push(id);
      else if (stored.owner === owner && found.length < limit) found.push(stored.doc);
    });
    if (ids.length < limit) break;
  }
  if (gone.length > 0) await pruneIndex(ctx, keys, index, gone);
  return found;
}

async function pruneIndex(ctx: Ctx, keys: DocumentKeys, index: string, ids: string[]): Promise<void> {
  const scriptKeys = [index, ...ids.map((id) => keys.doc(id))];
  // The listing is already complete and correct; a failed cleanup is simply repeated by the next listing.
  await ctx.call(() => runScript(ctx.client, PRUNE_INDEX, scriptKeys, ids)).catch(() => undefined);
}

/** Chains tasks per key so that concurrent updates of one key in this process never race each other. */
class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
