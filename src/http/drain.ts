/**
 * Graceful shutdown, first half: draining. Once a replica is told to stop, /ready answers 503 so the load balancer
 * sends it nothing new, new shopper requests are refused with a retry hint, and the requests already in flight run
 * to their end. ONDC callbacks and payment webhooks are still received while draining: an order being confirmed
 * is waiting for exactly such a callback, and refusing it would turn a clean stop into a lost confirmation.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../core/errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    drain: Drain;
  }
}

export interface DrainResult {
  /** True when every counted request finished before the deadline. */
  drained: boolean;
  /** Requests still running when draining ended. */
  left: number;
  waitedMs: number;
}

export interface Drain {
  readonly draining: boolean;
  /** Shopper requests being served now. */
  inFlight(): number;
  /** Starts draining (once) and resolves when nothing is in flight or `timeoutMs` passed. */
  start(timeoutMs: number): Promise<DrainResult>;
}

/**
 * Paths served while draining, and not counted as shopper work: callbacks, webhooks, probes and metrics, and the
 * browser's one-time form posts back from a payment page, which nobody would send again.
 */
const ALWAYS_SERVED = [
  /^\/ondc\//,
  /^\/webhooks\//,
  /^\/health$/,
  /^\/ready$/,
  /^\/metrics$/,
  /^\/checkout\/[^/]+\/payment-return$/,
  /^\/pay\/[^/]+\/done$/,
];

const alwaysServed = (request: FastifyRequest) => {
  const path = request.url.split('?')[0] ?? '';
  return ALWAYS_SERVED.some((p) => p.test(path));
};

/**
 * A keep-alive connection whose request is still running when the server closes would hold the close until its
 * idle timeout (72 s): its response says `Connection: close` instead, or, already under way, ends the connection.
 */
function lastOnItsConnection(res: ServerResponse): void {
  if (!res.headersSent) res.shouldKeepAlive = false;
  else res.once('finish', () => res.socket?.end());
}

/**
 * A request is in flight from its first byte until both its response has ended and its handler has returned: a
 * client that hangs up ends the response, but the handler (a confirm awaiting its seller) runs on.
 */
interface Hold {
  count: number;
}

export function registerDrain(app: FastifyInstance): Drain {
  let inFlight = 0;
  const holds = new WeakMap<FastifyRequest, Hold>();
  const release = (hold: Hold) => {
    hold.count -= 1;
    if (hold.count > 0) return;
    inFlight -= 1;
    if (inFlight === 0) idle?.();
  };
  let draining: Promise<DrainResult> | undefined;
  let idle: (() => void) | undefined;
  const open = new Set<ServerResponse>();
  let gaveUp = false;

  app.addHook('preClose', (done) => {
    for (const res of open) lastOnItsConnection(res);
    // Past the drain deadline what still runs is cut, or a stuck client would keep the server from ever closing;
    // once the server has stopped listening, so nothing new arrives on a fresh connection meanwhile.
    if (gaveUp) setImmediate(() => app.server.closeAllConnections());
    done();
  });

  app.addHook('onRequest', async (request, reply) => {
    open.add(reply.raw);
    reply.raw.once('close', () => open.delete(reply.raw));
    if (alwaysServed(request)) return;
    if (draining) {
      reply.header('connection', 'close');
      throw new DomainError('SHUTTING_DOWN', 'This server is shutting down; send the request again and another will answer.', {
        retry_after_seconds: 1,
      });
    }
    inFlight += 1;
    const hold = { count: 1 };
    holds.set(request, hold);
    // 'close' fires for every ending, including hijacked /mcp streams and clients that went away.
    reply.raw.once('close', () => release(hold));
  });

  // Routes added from here on hold their request while the handler runs; a handler's own way of answering (a value,
  // a promise, reply.send) is kept as it is.
  app.addHook('onRoute', (route) => {
    const handler = route.handler;
    route.handler = function held(this: FastifyInstance, request, reply) {
      const hold = holds.get(request);
      if (!hold) return handler.call(this, request, reply);
      hold.count += 1;
      let result: unknown;
      try {
        result = handler.call(this, request, reply);
      } catch (err) {
        release(hold);
        throw err;
      }
      if (result instanceof Promise) return result.finally(() => release(hold));
      release(hold);
      return result;
    };
  });

  const drain: Drain = {
    get draining() {
      return draining !== undefined;
    },
    inFlight: () => inFlight,
    start(timeoutMs) {
      draining ??= new Promise<DrainResult>((resolve) => {
        const started = Date.now();
        const finish = (drained: boolean) => {
          clearTimeout(timer);
          idle = undefined;
          resolve({ drained, left: inFlight, waitedMs: Date.now() - started });
        };
        const timer = setTimeout(() => {
          gaveUp = true;
          finish(false);
        }, timeoutMs);
        idle = () => finish(true);
        if (inFlight === 0) finish(true);
      });
      return draining;
    },
  };
  app.decorate('drain', drain);
  return drain;
}
