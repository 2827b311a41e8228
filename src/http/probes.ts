/** /health says the process is alive; /ready says whether it can serve shoppers (store and index answer). */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { CatalogIndex } from '../core/ports.js';
import type { Runtime } from '../deps.js';
import type { Drain } from './drain.js';

const Check = Type.Object({
  ok: Type.Boolean(),
  kind: Type.Optional(Type.String()),
  error: Type.Optional(Type.String()),
  products: Type.Optional(Type.Integer()),
  retrieval: Type.Optional(Type.Union([Type.Literal('keyword'), Type.Literal('hybrid')], { description: 'hybrid once every product has a vector' })),
  embedder: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  vectors: Type.Optional(Type.Integer()),
  problem: Type.Optional(Type.String({ description: 'Why search is keyword-only although vectors were wanted' })),
});

const PROBE_TIMEOUT_MS = 2000;

/** The index's own account of itself; a keyword-only index is still ready, and says why it is not hybrid. */
async function indexDetails(catalog: CatalogIndex) {
  try {
    const { kind, products, retrieval, embedder, vectors, problem } = await catalog.status();
    return { kind, products, retrieval, embedder, vectors, ...(problem ? { problem } : {}) };
  } catch {
    return {};
  }
}

async function check(run: () => Promise<void>): Promise<{ ok: boolean; error?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
  });
  try {
    await Promise.race([run(), timeout]);
    return { ok: true };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

export function registerProbes(app: FastifyInstance, runtime: Runtime, drain: Drain): void {
  const noLimit = { rateLimit: false };

  app.get(
    '/health',
    {
      config: noLimit,
      schema: { tags: ['probes'], summary: 'Liveness', response: { 200: Type.Object({ status: Type.Literal('ok'), uptime_seconds: Type.Number() }) } },
    },
    async () => ({ status: 'ok' as const, uptime_seconds: Math.round(process.uptime()) }),
  );

  app.get(
    '/ready',
    {
      config: noLimit,
      schema: {
        tags: ['probes'],
        summary: 'Readiness: 200 when the store and the product index answer, 503 naming the failing part otherwise',
        response: {
          '2xx': Type.Object({
            status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready'), Type.Literal('draining')], {
              description: 'draining: shutting down, finishing the requests in flight; send new ones elsewhere',
            }),
            checks: Type.Object({ store: Check, index: Check }),
            network: Type.Object({
              breakers: Type.Array(Type.Object({ peer: Type.String(), state: Type.String({ description: 'closed, half_open or open' }) }), {
                description: 'Seller apps and gateway calls that failed lately; an open breaker fails fast until its cool-down ends',
              }),
            }),
            notes: Type.Array(Type.String()),
          }),
        },
      },
    },
    async (_request, reply) => {
      const { stores, catalog } = runtime.deps;
      const [store, index] = await Promise.all([check(() => stores.ping()), check(() => catalog.ping())]);
      const ready = store.ok && index.ok && !drain.draining;
      reply.code(ready ? 200 : 503);
      return {
        status: drain.draining ? ('draining' as const) : ready ? ('ready' as const) : ('not_ready' as const),
        checks: { store: { ...store, kind: stores.kind }, index: { ...index, ...(await indexDetails(catalog)) } },
        network: { breakers: runtime.buyer.breakerStates().filter((b) => b.state !== 'closed') },
        notes: runtime.notes,
      };
    },
  );
}

/** GET /metrics: Prometheus text format, for scrapers; not rate limited and not in the API document. */
export function registerMetrics(app: FastifyInstance, runtime: Runtime): void {
  const { metrics } = runtime;
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    metrics.httpRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { config: { rateLimit: false }, schema: { hide: true } }, async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
