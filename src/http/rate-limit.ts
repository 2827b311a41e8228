/**
 * @fastify/rate-limit backed by our RateLimitStore port, so that every replica sharing a Redis shares one
 * counter per client, and the embedded store keeps counting across restarts.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../core/errors.js';
import type { RateLimitStore } from '../core/ports.js';

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

function storeClass(port: RateLimitStore) {
  return class PortBackedStore {
    constructor(
      _options?: unknown,
      private readonly prefix = '',
    ) {}

    incr(key: string, callback: IncrCallback, timeWindow: number): void {
      port.hit(`${this.prefix}${key}`, timeWindow).then(
        (hit) => callback(null, { current: hit.count, ttl: hit.resetInMs }),
        (err: Error) => callback(err),
      );
    }

    child(routeOptions: { method: string | string[]; url: string }) {
      return new PortBackedStore(undefined, `${String(routeOptions.method)}:${routeOptions.url}:`);
    }
  };
}

export async function registerRateLimit(
  app: FastifyInstance,
  port: RateLimitStore,
  limits: { max: number; windowSeconds: number },
): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: limits.max,
    timeWindow: limits.windowSeconds * 1000,
    store: storeClass(port),
    // When the counter store cannot answer, serve the request rather than refuse everyone; the store's own
    // health shows on /ready.
    skipOnError: true,
    keyGenerator: (request) => request.ip,
    // The plugin throws what this returns; the app's error handler turns the DomainError into a 429 body.
    errorResponseBuilder: (_request, context) =>
      new DomainError(
        'RATE_LIMITED',
        `Too many requests: the limit is ${context.max} per ${limits.windowSeconds} s; retry after ${context.after}.`,
        { retry_after_seconds: Math.ceil(context.ttl / 1000) },
      ),
  });
}
