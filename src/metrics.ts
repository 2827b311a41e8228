/**
 * Prometheus metrics at GET /metrics: HTTP and operation latency by route or operation and outcome, ONDC messages
 * sent and received by action and acknowledgement, how long callbacks take to come, plus Node's own process
 * metrics. One registry per runtime, so tests and replicas never share counters.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Telemetry } from './core/operation.js';

const PREFIX = 'ondc_shop_';
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export interface Metrics extends Telemetry {
  registry: Registry;
  httpRequest(method: string, route: string, status: number, seconds: number): void;
  ondcMessage(direction: 'sent' | 'received', action: string, ack: 'ack' | 'nack' | 'unreachable' | 'callback'): void;
  callbackWait(action: string, seconds: number): void;
  breaker(peer: string, state: 'closed' | 'half_open' | 'open'): void;
  callbackRelayed(action: string, outcome: string): void;
  callbackRelayUp(up: boolean): void;
  /** Reports the shopper requests being served, read at each scrape. */
  trackInFlight(read: () => number): void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: PREFIX });
  const http = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const operations = new Histogram({
    name: `${PREFIX}operation_duration_seconds`,
    help: 'Shopping operations (REST, MCP and library alike) by name and outcome: ok, or the error code',
    labelNames: ['operation', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const messages = new Counter({
    name: `${PREFIX}ondc_messages_total`,
    help: 'ONDC messages: sent (by whether the receiver acknowledged) and callbacks received, by action',
    labelNames: ['direction', 'action', 'ack'],
    registers: [registry],
  });
  const waits = new Histogram({
    name: `${PREFIX}ondc_callback_wait_seconds`,
    help: 'Time from sending an ONDC request to its callbacks settling, by action',
    labelNames: ['action'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers: [registry],
  });
  const storeErrors = new Counter({
    name: `${PREFIX}store_errors_total`,
    help: 'Operations that failed because the state store (Redis or the embedded store) did not answer, by operation',
    labelNames: ['operation'],
    registers: [registry],
  });
  const breakers = new Gauge({
    name: `${PREFIX}circuit_breaker_state`,
    help: 'Circuit breaker per peer (seller app or gateway): 0 closed, 1 half-open, 2 open',
    labelNames: ['peer'],
    registers: [registry],
  });
  const relayed = new Counter({
    name: `${PREFIX}ondc_callbacks_relayed_total`,
    help: 'Callbacks between replicas, by action and outcome: forwarded, unclaimed, lost or unavailable where one landed; delivered or expired where it was awaited; fanned_out and fanned_in for pushed catalog changes',
    labelNames: ['action', 'outcome'],
    registers: [registry],
  });
  const relayUp = new Gauge({
    name: `${PREFIX}callback_relay_up`,
    help: '1 while the Redis callback relay is connected and subscribed; 0 when it is not, or without REDIS_URL',
    registers: [registry],
  });
  return {
    registry,
    trackInFlight: (read) => {
      registry.removeSingleMetric(`${PREFIX}http_requests_in_flight`);
      new Gauge({
        name: `${PREFIX}http_requests_in_flight`,
        help: 'Shopper requests being served now (REST and /mcp; callbacks, webhooks and probes not counted)',
        registers: [registry],
        collect() {
          this.set(read());
        },
      });
    },
    callbackRelayed: (action, outcome) => relayed.inc({ action, outcome }),
    callbackRelayUp: (up) => relayUp.set(up ? 1 : 0),
    breaker: (peer, state) => breakers.set({ peer }, state === 'closed' ? 0 : state === 'half_open' ? 1 : 2),
    httpRequest: (method, route, status, seconds) => http.observe({ method, route, status: String(status) }, seconds),
    operation: (operation, outcome, seconds) => {
      operations.observe({ operation, outcome }, seconds);
      if (outcome === 'STORE_UNAVAILABLE') storeErrors.inc({ operation });
    },
    ondcMessage: (direction, action, ack) => messages.inc({ direction, action, ack }),
    callbackWait: (action, seconds) => waits.observe({ action }, seconds),
  };
}
