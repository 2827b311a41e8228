/**
 * Callbacks and pushed catalog changes across replicas. Behind a load balancer a seller's callback reaches any
 * replica, not necessarily the one awaiting it, and a pushed catalog change reaches one replica while every
 * replica's index needs it. The relay hands the first to the replica that awaits it and the second to all.
 *
 * Who gets a relayed callback: each request claims its message id under a key naming its replica (with the
 * request's deadline as TTL) before it is sent; a replica that receives a callback nobody local awaits reads the
 * key and publishes to that replica's own channel, both in one script. We chose this over broadcasting every
 * callback to every replica because:
 *  - full-catalog on_search answers run to megabytes: a broadcast would push each one through Redis to, and make
 *    every replica parse, N copies; with the key only the awaiting replica gets one copy;
 *  - the commonest unawaited callbacks are unsolicited on_status updates (already applied to the shared store by
 *    whichever replica got them): the key tells there is nobody to relay them to, so they cost one round trip
 *    and no publish;
 *  - the claim is written before the request leaves, and each replica subscribes to its channel once, at start,
 *    so nothing depends on subscribing in time for one message: a callback cannot reach another replica before
 *    its claim exists. The price is one SET per request, 0.1 to 0.2 ms on average on a local Redis, beside a
 *    seller's answer time of tens of milliseconds at best.
 * Measured on one busy two-core machine with three replicas' connections (two runs): a 1 MB callback reached its
 * waiter in 6 to 7 ms (p50) by the key, where a broadcast took 9 to 20 ms for all three to have parsed it; a 2 kB
 * callback took 0.04 ms either way.
 * Pushed catalog changes go to one broadcast channel, which every replica applies except the one that published.
 * Relayed messages are not verified again: Redis is trusted as much as the store that holds the sessions.
 *
 * Every method settles without throwing: when Redis does not answer, a replica keeps today's behaviour (its own
 * callbacks only) and the relay comes back by itself once Redis does.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Callback } from './callbacks.js';

/** A verified callback nobody local awaited, as relayed: the exact text the seller signed, who sent it, when. */
export interface RelayedCallback {
  messageId: string;
  from: string;
  receivedAt: number;
  raw: string;
}

/**
 * What became of a callback: forwarded to unavailable where it landed, delivered or expired where it was awaited;
 * fanned_out and fanned_in for pushed catalog changes.
 */
export type RelayOutcome =
  /** handed to the replica that awaits it */
  | 'forwarded'
  /** no replica awaits it (late, or unsolicited) */
  | 'unclaimed'
  /** the awaiting replica was not listening */
  | 'lost'
  /** Redis did not answer: only the callbacks landing on the awaiting replica itself reach it */
  | 'unavailable'
  /** received from another replica and handed to the waiter here */
  | 'delivered'
  /** received from another replica after the waiter here had settled */
  | 'expired'
  /** a pushed catalog change sent on to the other replicas */
  | 'fanned_out'
  /** a pushed catalog change another replica received */
  | 'fanned_in';

export interface RelayHandlers {
  /** A callback for a message id this replica claimed, received by another replica. */
  callback(messageId: string, callback: Callback): void;
  /** A pushed catalog change another replica received on the shared subscription. */
  catalogChange(body: unknown): void;
}

export interface CallbackRelay {
  /** Where relayed messages go; set once, by the buyer app. */
  attach(handlers: RelayHandlers): void;
  /** Says this replica awaits callbacks of `messageId` for `ttlMs`. Resolves before the request may be sent. */
  claim(messageId: string, ttlMs: number): Promise<void>;
  /** The wait is over: callbacks of `messageId` are late from now on. */
  release(messageId: string): void;
  forward(callback: RelayedCallback): Promise<Extract<RelayOutcome, 'forwarded' | 'unclaimed' | 'lost' | 'unavailable'>>;
  /** Sends a pushed catalog change (its raw text) to every other replica; false when none could be reached. */
  fanOut(raw: string): Promise<boolean>;
  /** The deployment's subscription transaction for `key` (domain|city): the existing one, or `proposed` when none. */
  sharedSubscription(key: string, proposed: string): Promise<string>;
  /** Forgets the subscription for `key`, if it is still `transactionId`. */
  endSubscription(key: string, transactionId: string): Promise<void>;
  close(): Promise<void>;
}

/** The message as one JSON text: the metadata, then the body exactly as received (valid JSON, already parsed once). */
const envelope = (meta: Record<string, unknown>, raw: string) => `{"meta":${JSON.stringify(meta)},"body":${raw}}`;

/**
 * Replicas of one process sharing memory: the runtime default (one replica, where nothing is ever relayed) and a
 * double for tests. Deliveries are asynchronous, as over Redis.
 */
export function memoryRelayNetwork(now: () => number = Date.now): { join(): CallbackRelay } {
  interface Member {
    handlers?: RelayHandlers;
  }
  const members = new Set<Member>();
  const claims = new Map<string, { member: Member; until: number }>();
  const subscriptions = new Map<string, string>();
  return {
    join(): CallbackRelay {
      const self: Member = {};
      members.add(self);
      return {
        attach: (handlers) => {
          self.handlers = handlers;
        },
        claim: async (messageId, ttlMs) => {
          claims.set(messageId, { member: self, until: now() + ttlMs });
        },
        release: (messageId) => {
          if (claims.get(messageId)?.member === self) claims.delete(messageId);
        },
        forward: async ({ messageId, from, receivedAt, raw }) => {
          const claim = claims.get(messageId);
          if (!claim || claim.until <= now() || claim.member === self) return 'unclaimed';
          const body = JSON.parse(raw) as unknown;
          setImmediate(() => claim.member.handlers?.callback(messageId, { from, body, receivedAt }));
          return 'forwarded';
        },
        fanOut: async (raw) => {
          const peers = [...members].filter((m) => m !== self);
          for (const peer of peers) setImmediate(() => peer.handlers?.catalogChange(JSON.parse(raw)));
          return peers.length > 0;
        },
        sharedSubscription: async (key, proposed) => {
          if (!subscriptions.has(key)) subscriptions.set(key, proposed);
          return subscriptions.get(key) as string;
        },
        endSubscription: async (key, transactionId) => {
          if (subscriptions.get(key) === transactionId) subscriptions.delete(key);
        },
        close: async () => {
          members.delete(self);
          for (const [id, claim] of claims) if (claim.member === self) claims.delete(id);
        },
      };
    },
  };
}

/** A single replica: callbacks reach only the replica they land on (no REDIS_URL). */
export const localCallbackRelay = (): CallbackRelay => memoryRelayNetwork().join();

export interface RedisRelayOptions {
  url: string;
  /** The Redis store's prefix unless told otherwise, so one deployment's keys sit together. */
  keyPrefix?: string;
  /** Names this replica's channel; random by default (a restarted pod is a new replica). */
  replicaId?: string;
  /** Called when the relay can relay (connected and subscribed) and when it no longer can. */
  onStateChange?: (up: boolean) => void;
}

const STORE_KEY_PREFIX = 'ondc:';
/** Short: a claim stands between a buyer and its request, and a dead Redis must not hold that up for long. */
const COMMAND_TIMEOUT_MS = 1_000;
const MAX_RECONNECT_DELAY_MS = 2_000;

/** KEYS: claim. ARGV: channel prefix, this replica, envelope. -1 nobody awaits, -2 we do (late), else receivers. */
const FORWARD = `
local owner = redis.call('GET', KEYS[1])
if not owner then return -1 end
if owner == ARGV[2] then return -2 end
return redis.call('PUBLISH', ARGV[1] .. owner, ARGV[3])
`;

/** KEYS: subscription. ARGV: proposed transaction. Returns the transaction in force. */
const GET_OR_SET = `
local current = redis.call('GET', KEYS[1])
if current then return current end
redis.call('SET', KEYS[1], ARGV[1])
return ARGV[1]
`;

/** KEYS: subscription. ARGV: transaction. Deletes only that transaction, not one that replaced it. */
const DELETE_IF = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 0
`;

function connection(url: string): Redis {
  return new Redis(url, {
    lazyConnect: true,
    // Fail at once while disconnected: a request must not wait on the relay, it goes on without it.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    autoResendUnfulfilledCommands: false,
    // The subscriber subscribes again on each 'ready' itself, so a first subscription that failed is retried too.
    autoResubscribe: false,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: COMMAND_TIMEOUT_MS,
    retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 5), MAX_RECONNECT_DELAY_MS),
  });
}

export async function openRedisCallbackRelay(opts: RedisRelayOptions): Promise<CallbackRelay> {
  const prefix = opts.keyPrefix ?? STORE_KEY_PREFIX;
  const replica = opts.replicaId ?? randomBytes(8).toString('hex');
  const commands = connection(opts.url);
  const subscriber = connection(opts.url);
  // Channels, unlike keys, are not per database: the database number keeps deployments sharing a Redis apart.
  const channels = `${prefix}relay:${commands.options.db ?? 0}:`;
  const inbox = `${channels}to:${replica}`;
  const catalogChannel = `${channels}catalog`;
  const claimKey = (messageId: string) => `${prefix}relay:awaits:${messageId}`;
  const subscriptionKey = (key: string) => `${prefix}relay:catalog_subscription:${key}`;
  let handlers: RelayHandlers | undefined;

  let listening = false;
  let up = false;
  let closing: Promise<void> | undefined;
  const report = () => {
    if (closing) return;
    const now = listening && commands.status === 'ready';
    if (now !== up) opts.onStateChange?.((up = now));
  };
  // Failures reach callers as outcomes; without listeners ioredis would print every reconnect attempt.
  commands.on('error', () => undefined);
  subscriber.on('error', () => undefined);
  commands.on('ready', report);
  commands.on('close', report);
  let subscribed: Promise<void> = Promise.resolve();
  subscriber.on('ready', () => {
    subscribed = subscriber.subscribe(inbox, catalogChannel).then(
      () => {
        listening = true;
        report();
      },
      () => subscriber.disconnect(true),
    );
  });
  subscriber.on('close', () => {
    listening = false;
    report();
  });
  subscriber.on('message', (channel: string, message: string) => {
    let parsed: { meta: { id?: string; from?: string; at?: number; origin?: string }; body: unknown };
    try {
      parsed = JSON.parse(message);
    } catch {
      return;
    }
    if (!parsed?.meta) return;
    const { meta, body } = parsed;
    if (channel === inbox && meta.id) {
      handlers?.callback(meta.id, { from: meta.from ?? '', body, receivedAt: meta.at ?? Date.now() });
    } else if (channel === catalogChannel && meta.origin !== replica) {
      handlers?.catalogChange(body);
    }
  });

  /** Runs a command; a timeout drops the connection, since a half-open link can look alive for minutes. */
  const run = async <T>(command: () => Promise<T>): Promise<T> => {
    try {
      return await command();
    } catch (err) {
      if (err instanceof Error && err.message === 'Command timed out' && commands.status === 'ready') commands.disconnect(true);
      throw err;
    }
  };

  // The first attempt only, so a healthy Redis has the subscription in place before the first request leaves.
  await Promise.all([commands.connect().catch(() => undefined), subscriber.connect().catch(() => undefined)]);
  await subscribed;

  const quit = (client: Redis) => client.quit().then(() => undefined, () => client.disconnect());
  return {
    attach: (h) => {
      handlers = h;
    },
    claim: async (messageId, ttlMs) => {
      await run(() => commands.set(claimKey(messageId), replica, 'PX', Math.max(1, Math.ceil(ttlMs)))).catch(() => undefined);
    },
    release: (messageId) => {
      void run(() => commands.del(claimKey(messageId))).catch(() => undefined);
    },
    forward: async ({ messageId, from, receivedAt, raw }) => {
      try {
        const message = envelope({ id: messageId, from, at: receivedAt }, raw);
        const receivers = Number(await run(() => commands.eval(FORWARD, 1, claimKey(messageId), `${channels}to:`, replica, message)));
        if (receivers < 0) return 'unclaimed';
        return receivers === 0 ? 'lost' : 'forwarded';
      } catch {
        return 'unavailable';
      }
    },
    fanOut: async (raw) => {
      try {
        // Every subscriber counts, this replica too: more than one means another replica got it.
        return (await run(() => commands.publish(catalogChannel, envelope({ origin: replica }, raw)))) > (listening ? 1 : 0);
      } catch {
        return false;
      }
    },
    sharedSubscription: async (key, proposed) => {
      try {
        return String(await run(() => commands.eval(GET_OR_SET, 1, subscriptionKey(key), proposed)));
      } catch {
        return proposed;
      }
    },
    endSubscription: async (key, transactionId) => {
      await run(() => commands.eval(DELETE_IF, 1, subscriptionKey(key), transactionId)).catch(() => undefined);
    },
    close: () => {
      closing ??= Promise.all([quit(commands), quit(subscriber)]).then(() => undefined);
      return closing;
    },
  };
}
