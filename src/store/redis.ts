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
import type { Cart, CartStore, RateLimitHit, RateLimitStore, Session, SessionStore, Stores } from '../core/ports.js';

export interface RedisStoreOptions {
  url: string;
  /** Prefix of every key; defaults to `ondc:`. */
  keyPrefix?: string;
  /** Epoch milliseconds, used only to stamp empty carts: expiry runs on the Redis server's clock. */
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
  const ctx: Ctx = {
    client,
    call: (fn) => call(fn, health.lastError, () => dropStuckConnection(client)),
    keys: keyBuilder(opts.keyPrefix ?? DEFAULT_KEY_PREFIX),
    clock: opts.clock ?? Date.now,
    serial: new KeyedQueue(),
  };
  let closing: Promise<void> | undefined;

  return {
    kind: 'redis',
    sessions: sessionStore(ctx),
    carts: cartStore(ctx),
    rateLimits: rateLimitStore(ctx),
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
}

function keyBuilder(prefix: string): KeyBuilder {
  return {
    session: (id) => `${prefix}session:${id}`,
    cart: (sessionId) => `${prefix}cart:${sessionId}`,
    rateLimit: (key) => `${prefix}rl:${key}`,
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
async function compareAndSetLoop<T>(
  ctx: Ctx,
  key: string,
  ttlMs: number,
  next: (raw: string | null) => T | null,
): Promise<T | null> {
  for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
    const raw = await ctx.call(() => ctx.client.get(key));
    const value = next(raw);
    if (value === null) return null;
    const args = [raw === null ? '0' : '1', raw ?? '', JSON.stringify(value), ttlMs];
    const written = await ctx.call(() => runScript(ctx.client, COMPARE_AND_SET, [key], args));
    if (written === 1) return value;
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
