/**
 * The buyer app (BAP): sends signed requests and awaits the signed callbacks they cause. Callbacks arrive on
 * `/ondc/on_<action>` of the service's own HTTP server; `callbackBase` is set once that server listens.
 */
import type { FastifyInstance } from 'fastify';
import { ack } from './ack.js';
import { CallbackHub, CallbackTimeoutError, type Callback, type Expectation } from './callbacks.js';
import { localCallbackRelay, type CallbackRelay, type RelayOutcome } from './callback-relay.js';
import { buildContext, newTransactionId, REQUEST_ACTIONS, type BecknContext, type CoreVersion, type RequestAction } from './context.js';
import { catalogIncrementMessage, searchMessage, type SearchRequest } from './messages.js';
import type { RegistryClient } from './registry.js';
import { createSender, endpoint, SendError, type SendResult } from './sender.js';
import { Breakers, Limiter, OpenCircuitError, withRetries, type BreakerOptions } from './resilience.js';
import { signedRoutes } from './signed-routes.js';
import { verifyAuthorization, type SigningKey } from './signing.js';
import type { OnSearchBody as CatalogBody } from './ingest.js';

export const CALLBACK_PREFIX = '/ondc';

/** An on_search as it arrives: a full Beckn context around the catalog. */
export type OnSearchBody = CatalogBody & { context: BecknContext };

/** A callback as the buyer app receives it: context, message and, for business failures, the seller's error. */
export interface CallbackBody<T = unknown> {
  context: BecknContext;
  message: T;
  error?: { type: string; code: string; message?: string };
}

export interface BuyerAppOptions {
  key: SigningKey;
  registry: RegistryClient;
  gatewayUrl: string;
  coreVersion: CoreVersion;
  now: () => Date;
  timeoutMs?: number;
  /** Called for every message sent and every verified callback received (the flow log). */
  record?: (direction: 'sent' | 'received', body: { context: BecknContext; message?: unknown; error?: unknown }) => Promise<void>;
  /** Called with each incremental catalog change a seller pushes on a transaction this app subscribed with. */
  onCatalogChange?: (body: OnSearchBody) => Promise<void>;
  /** Hands callbacks and pushed catalog changes between replicas (Redis); by default this process is alone. */
  relay?: CallbackRelay;
  /** Most requests in flight at once to other participants (MAX_CONCURRENT_REQUESTS). */
  maxConcurrent?: number;
  /** Circuit breaker settings and where its state changes are reported. */
  breakers?: BreakerOptions;
  /** Counts messages and callback waits (metrics). */
  observe?: {
    sent(action: string, ack: 'ack' | 'nack' | 'unreachable'): void;
    received(action: string): void;
    waited(action: string, seconds: number): void;
    relayed?(action: string, outcome: RelayOutcome): void;
  };
}

export class NetworkError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NetworkError';
  }
}

/** Requests a buyer app may send again after a transport failure: they change nothing at the seller. */
const SAFE_TO_RESEND = new Set(['search', 'status', 'track', 'support', 'issue_status']);

/** A 5xx answer: the peer is failing, which counts against its breaker, unlike a business NACK. */
class ServerFailure extends Error {
  constructor(readonly result: SendResult) {
    super(`answered ${result.status}`);
  }
}

const isTransportFailure = (err: unknown) => err instanceof SendError || err instanceof ServerFailure;

export function createBuyerApp(opts: BuyerAppOptions) {
  const hub = new CallbackHub();
  const relay = opts.relay ?? localCallbackRelay();
  const sender = createSender({ key: opts.key, timeoutMs: opts.timeoutMs });
  const breakers = new Breakers(opts.breakers);
  const limiter = new Limiter(opts.maxConcurrent ?? 64);

  /** Sends through the peer's circuit breaker and the concurrency bound, retrying what is safe to resend. */
  function transmit(peerKey: string, url: string, request: { context: BecknContext; message: unknown }): Promise<SendResult> {
    return breakers.run(
      peerKey,
      () => {
        const once = async () => {
          const result = await limiter.run(() => sender.send(url, request));
          if (result.status >= 500) throw new ServerFailure(result);
          return result;
        };
        return SAFE_TO_RESEND.has(request.context.action) ? withRetries(once, isTransportFailure) : once();
      },
      isTransportFailure,
    );
  }
  let callbackBase: string | undefined;

  function self() {
    if (!callbackBase) throw new NetworkError('the buyer app has no callback URL yet: the HTTP server is not listening');
    return { subscriberId: opts.key.subscriberId, uri: callbackBase };
  }

  const record = async (direction: 'sent' | 'received', body: { context: BecknContext }) => {
    // A flow-log failure must not lose the message itself: it is reported by the recorder, never thrown here.
    await opts.record?.(direction, body).catch(() => undefined);
  };

  /** Transactions of incremental catalog subscriptions, by `domain|city`. */
  const subscriptions = new Map<string, string>();
  const subscribed = new Set<string>();

  const applyCatalogChange = (body: OnSearchBody) => {
    // applied after the ACK: embedding a changed item may take longer than a seller app waits
    setImmediate(() => void opts.onCatalogChange?.(body).catch(() => undefined));
  };
  const relayed = (action: string) => (outcome: RelayOutcome | false) => {
    if (outcome) opts.observe?.relayed?.(action, outcome);
  };

  relay.attach({
    callback: (messageId, callback) => {
      const action = (callback.body as { context?: BecknContext }).context?.action ?? 'unknown';
      relayed(action)(hub.deliver(messageId, callback) ? 'delivered' : 'expired');
    },
    catalogChange: (body) => {
      relayed('on_search')('fanned_in');
      applyCatalogChange(body as OnSearchBody);
    },
  });

  const deliver = async ({ raw, body }: { raw: string; body: { context: BecknContext } }) => {
    const { action, message_id: messageId, transaction_id: transactionId } = body.context;
    opts.observe?.received(action);
    await record('received', body);
    const from = body.context.bpp_id ?? '';
    const receivedAt = Date.now();
    // Late and unsolicited callbacks are acknowledged too: they are valid messages, just not awaited here. What
    // goes on to other replicas goes after the ACK, so Redis never delays (or fails) the answer to the seller.
    if (hub.deliver(messageId, { from, body, receivedAt })) return ack();
    if (action === 'on_search' && subscribed.has(transactionId)) {
      applyCatalogChange(body as OnSearchBody);
      setImmediate(() => void relay.fanOut(raw).then((sent) => relayed(action)(sent && 'fanned_out')));
      return ack();
    }
    setImmediate(() => void relay.forward({ messageId, from, receivedAt, raw }).then(relayed(action)));
    return ack();
  };

  async function registerRoutes(app: FastifyInstance): Promise<void> {
    await app.register(signedRoutes, {
      prefix: CALLBACK_PREFIX,
      realm: opts.key.subscriberId,
      verify: (raw, header) => verifyAuthorization(raw, header, (s, k) => opts.registry.publicKey(s, k)),
      expectBapId: opts.key.subscriberId,
      codes: { badSignature: '20001', badRequest: '20000' },
      routes: REQUEST_ACTIONS.map((action) => ({ action: `on_${action}` as const, handle: deliver })),
    });
  }

  /**
   * Records and sends a request, having registered first for its callbacks (a fast seller may answer before the
   * ACK arrives), and resolves with the callbacks. Throws NetworkError, and stops waiting, when the request is not
   * acknowledged; rejects with CallbackTimeoutError when no callback came before the deadline.
   */
  async function sendAndAwait<T>(
    url: string,
    request: { context: BecknContext; message: unknown },
    peer: string,
    expectation: Expectation,
    peerKey: string = peer,
  ): Promise<Callback<T>[]> {
    const id = request.context.message_id;
    const awaited = hub.expect<T>(id, expectation);
    const release = () => relay.release(id);
    awaited.then(release, release);
    // Claimed before the send, so a callback landing on another replica finds who awaits it.
    await relay.claim(id, expectation.deadlineMs);
    const fail = async (message: string, cause?: unknown) => {
      hub.cancel(id);
      await awaited.catch(() => undefined);
      return new NetworkError(message, { cause });
    };
    await record('sent', request);
    const action = request.context.action;
    const started = performance.now();
    let sent: SendResult;
    try {
      sent = await transmit(peerKey, url, request);
    } catch (err) {
      opts.observe?.sent(action, 'unreachable');
      if (err instanceof OpenCircuitError) throw await fail(`${peer} is temporarily unavailable (${err.message}); try again shortly`, err);
      if (err instanceof ServerFailure) throw await fail(`${peer} failed (${err.result.status}); try again shortly`, err);
      throw await fail(`${peer} could not be reached: ${(err as SendError).message}`, err);
    }
    opts.observe?.sent(action, sent.ack ? 'ack' : 'nack');
    if (!sent.ack) {
      throw await fail(`${peer} refused ${request.context.action} (${sent.status}): ${JSON.stringify(sent.body?.error ?? sent.body)}`);
    }
    return awaited.finally(() => opts.observe?.waited(action, (performance.now() - started) / 1000));
  }

  /** The context of a search through the gateway: no seller named, the gateway fans it out. */
  function searchContext(domain: string, city: string, transactionId: string): BecknContext {
    return buildContext({ domain, city, action: 'search', coreVersion: opts.coreVersion, bap: self(), transactionId, now: opts.now() });
  }

  /**
   * Searches through the gateway and gathers on_search callbacks until `expectSellers` answered or the deadline.
   * The sellers that serve the domain and city come from the registry.
   */
  async function search(args: { domain: string; city: string; request: SearchRequest; expectSellers: number; deadlineMs: number }): Promise<Callback<OnSearchBody>[]> {
    const context = searchContext(args.domain, args.city, newTransactionId());
    const request = { context, message: searchMessage(args.request) };
    return sendAndAwait<OnSearchBody>(endpoint(opts.gatewayUrl, 'search'), request, 'the gateway', {
      count: args.expectSellers,
      deadlineMs: args.deadlineMs,
    });
  }

  /**
   * Starts (or stops) pushed catalog changes from every seller app of a domain and city: a search through the
   * gateway with the `catalog_inc` tag, acknowledged but answered later, item by item, as stock and prices move.
   * A seller keeps one subscription per buyer app, so the whole deployment shares one transaction per domain and
   * city: a replica that started its own would take the pushes away from the others. Starting again (a new or
   * restarted replica) asks the sellers again on that same transaction, which keeps it alive where a seller
   * forgot it.
   */
  async function subscribeCatalogChanges(args: { domain: string; city: string; mode: 'start' | 'stop' }): Promise<void> {
    const key = `${args.domain}|${args.city}`;
    const transactionId = args.mode === 'start' ? await relay.sharedSubscription(key, newTransactionId()) : subscriptions.get(key);
    if (!transactionId) return;
    // Known before the send: pushes on the deployment's transaction may land here even if this start fails.
    if (args.mode === 'start') subscribed.add(transactionId);
    const request = { context: searchContext(args.domain, args.city, transactionId), message: catalogIncrementMessage(args.mode) };
    await record('sent', request);
    let sent;
    try {
      sent = await sender.send(endpoint(opts.gatewayUrl, 'search'), request);
    } catch (err) {
      throw new NetworkError(`the gateway could not be reached: ${(err as SendError).message}`, { cause: err });
    }
    if (!sent.ack) throw new NetworkError(`the gateway refused catalog_inc ${args.mode} (${sent.status})`);
    const previous = subscriptions.get(key);
    if (previous) subscribed.delete(previous);
    if (args.mode === 'start') {
      subscriptions.set(key, transactionId);
      subscribed.add(transactionId);
    } else {
      subscriptions.delete(key);
      await relay.endSubscription(key, transactionId);
    }
  }

  async function sellerUri(bppId: string): Promise<string> {
    const entry = (await opts.registry.lookup({ subscriber_id: bppId, type: 'BPP' }))[0];
    if (!entry) throw new NetworkError(`the registry does not know seller app ${bppId}`);
    return entry.subscriber_url;
  }

  /**
   * Sends one request to a seller app and awaits its one callback. Returns the callback body, including a
   * business error the seller put in it (out of stock, not serviceable); throws NetworkError when the request is
   * refused, cannot be sent, or no callback comes before the deadline.
   */
  async function call<T>(args: {
    action: RequestAction;
    bppId: string;
    domain: string;
    city: string;
    transactionId: string;
    /** The latest timestamp of this transaction so far, so the new one is later. */
    after?: string;
    /** Another API's version for this one message (IGM's 1.0.0); the retail core version otherwise. */
    coreVersion?: CoreVersion;
    /** The message, or a function of the request's context for messages that must repeat its timestamp. */
    message: unknown | ((context: BecknContext) => unknown);
    deadlineMs: number;
  }): Promise<CallbackBody<T>> {
    const bppUri = await sellerUri(args.bppId);
    const context = buildContext({
      domain: args.domain,
      city: args.city,
      action: args.action,
      coreVersion: args.coreVersion ?? opts.coreVersion,
      bap: self(),
      bpp: { subscriberId: args.bppId, uri: bppUri },
      transactionId: args.transactionId,
      now: opts.now(),
      after: args.after,
    });
    const message = typeof args.message === 'function' ? (args.message as (c: BecknContext) => unknown)(context) : args.message;
    try {
      const [callback] = await sendAndAwait<CallbackBody<T>>(
        endpoint(bppUri, args.action),
        { context, message },
        `seller app ${args.bppId}`,
        { count: 1, deadlineMs: args.deadlineMs },
        args.bppId,
      );
      return callback!.body;
    } catch (err) {
      if (!(err instanceof CallbackTimeoutError)) throw err;
      throw new NetworkError(`seller app ${args.bppId} did not answer ${args.action} within ${args.deadlineMs} ms`, { cause: err });
    }
  }

  return {
    subscriberId: opts.key.subscriberId,
    call,
    registerRoutes,
    setCallbackBase: (url: string) => {
      callbackBase = `${url.replace(/\/+$/, '')}${CALLBACK_PREFIX}`;
    },
    search,
    subscribeCatalogChanges,
    pendingCallbacks: () => hub.pending,
    breakerStates: () => breakers.states(),
    close: () => sender.close(),
  };
}

export type BuyerApp = ReturnType<typeof createBuyerApp>;
