/**
 * npm run bench: search latency of the embedded index at 10k and 100k generated products (p50, p99), hybrid
 * search at 100k with ingestion rate and memory beside Orama's hybrid search, the in-process model path's rate,
 * REST requests per second for search and whole checkouts over loopback HTTP, and 1,000 concurrent shopper
 * journeys on Redis (bench/journeys.ts). Figures go to stdout and
 * bench/results/latest.json (or bench/results/<sections>.json when sections are named).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { pino } from 'pino';
import { parseConfig } from '../src/config.js';
import { createRuntime } from '../src/deps.js';
import { buildApp } from '../src/http/app.js';
import { generateCatalog } from '../src/sandbox/catalog/index.js';
import { EmbeddedCatalogIndex } from '../src/search/embedded-index.js';
import { hybridBench, transformersRate } from './hybrid.js';
import { concurrentJourneys } from './journeys.js';

const QUERIES = [
  'atta', 'basmati rice', 'toor dal', 'ghee', 'honey', 'organic honey 500g', 'haldi', 'lal mirch', 'jeera',
  'garam masala', 'mustard oil', 'sugar', 'tea', 'coffee', 'biscuits', 'namkeen', 'paneer butter masala',
  'masala dosa', 'chicken biryani', 'lassi', 'shampoo', 'toothpaste', 'face wash', 'soap', 'bsmati rice',
  'aashirvaad atta 5 kg', 'amul', 'doodh', 'chai', 'pressure cooker',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function searchLatency(totalProducts: number, rounds: number) {
  const t0 = performance.now();
  const catalog = generateCatalog({ totalProducts });
  const generatedMs = performance.now() - t0;
  const index = new EmbeddedCatalogIndex();
  const t1 = performance.now();
  await index.load(catalog);
  const indexedMs = performance.now() - t1;
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const text of QUERIES) {
      const s = performance.now();
      await index.search({ text, limit: 10, page: 1 });
      samples.push(performance.now() - s);
    }
  }
  samples.sort((a, b) => a - b);
  return {
    products: catalog.products.length,
    generate_ms: Math.round(generatedMs),
    index_ms: Math.round(indexedMs),
    queries: samples.length,
    p50_ms: +percentile(samples, 50).toFixed(3),
    p99_ms: +percentile(samples, 99).toFixed(3),
  };
}

/** The whole service on an embedded store in a temp dir, listening on loopback, catalog pulled from the sandbox. */
async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'ondc-bench-'));
  // no search cache: the figures are the index's own, not repeats served from memory
  const config = parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '1000000', CACHE_TTL_SECONDS: '0', EMBEDDER: 'none' });
  const logger = pino({ level: 'silent' });
  const runtime = await createRuntime(config, logger);
  const app = await buildApp({ runtime, logger });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  await runtime.connect(base);
  const close = async () => {
    await app.close();
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { base, runtime, close };
}

async function restThroughput(durationSeconds: number) {
  const { base, runtime, close } = await startServer();
  const session = (await (await fetch(`${base}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as {
    data: { session_id: string };
  };
  const result = await autocannon({
    url: base,
    connections: 32,
    duration: durationSeconds,
    headers: { 'x-session-id': session.data.session_id },
    requests: QUERIES.map((q) => ({ method: 'GET', path: `/api/v1/products?query=${encodeURIComponent(q)}&limit=10` })),
  });
  await close();
  return {
    products: await runtime.deps.catalog.size(),
    connections: 32,
    duration_s: durationSeconds,
    requests_per_second: Math.round(result.requests.average),
    latency_p50_ms: result.latency.p50,
    latency_p99_ms: result.latency.p99,
    non_2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Whole checkouts over REST on loopback: select, init, cash on delivery and confirm at one sandbox seller. */
async function checkoutLatency(runs: number) {
  const { base, runtime, close } = await startServer();
  const api = async (method: string, path: string, session: string | undefined, body?: unknown) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(session ? { 'x-session-id': session } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as { data: Record<string, any> };
    if (res.status !== 200) throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(json)}`);
    return json.data;
  };
  const grocer = (await runtime.deps.catalog.getProvider('sri-lakshmi-kirana'))!;
  const products = (await runtime.deps.catalog.search({ providerId: grocer.id, limit: 10_000, page: 1 })).hits
    .map((h) => h.product)
    .filter((p) => p.stock >= 100 && p.pricePaise >= grocer.minOrderValuePaise);
  const delivery = {
    name: 'Asha Rao', phone: '9876543210', email: 'asha@example.in', house: 'Flat 302', building: 'Lakeview Residency',
    locality: 'Koramangala 5th Block', city: 'Bengaluru', state: 'Karnataka', pincode: grocer.serviceablePincodes[0]!,
  };
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const session = (await api('POST', '/sessions', undefined, {}))['session_id'] as string;
    await api('POST', '/cart/items', session, { product_id: products[i % products.length]!.id, quantity: 1 });
    const started = performance.now();
    const quoted = await api('POST', '/checkouts', session, { pincode: delivery.pincode });
    const id = quoted['checkout_id'] as string;
    await api('POST', `/checkouts/${id}/init`, session, { ...delivery });
    await api('POST', `/checkouts/${id}/payments`, session, { provider_id: grocer.id, method: 'cod' });
    const { confirmation_token } = await api('POST', `/checkouts/${id}/review`, session, {});
    await api('POST', `/checkouts/${id}/confirm`, session, { confirmation_token });
    samples.push(performance.now() - started);
  }
  await close();
  samples.sort((a, b) => a - b);
  return {
    checkouts: runs,
    steps: 'select, init, cod (re-init), review, confirm: 5 REST calls, 4 signed ONDC round trips',
    p50_ms: +percentile(samples, 50).toFixed(1),
    p99_ms: +percentile(samples, 99).toFixed(1),
  };
}

/** Each section alone with `npm run bench -- <name>`; all of them by default. */
const sections: Record<string, () => Promise<unknown>> = {
  // first, so its memory figures start from a fresh process
  hybrid_100k: () => hybridBench(100_000, 5),
  search_10k: () => searchLatency(10_000, 20),
  search_100k: () => searchLatency(100_000, 5),
  transformers_tiny_model: () => transformersRate(2000),
  rest_search: () => restThroughput(10),
  rest_checkout: () => checkoutLatency(100),
  journeys_1000: () => concurrentJourneys(1000),
};
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !sections[w]);
if (unknown.length > 0) throw new Error(`unknown bench section ${unknown.join(', ')}; choose from ${Object.keys(sections).join(', ')}`);
const results: Record<string, unknown> = { machine: { cpus: (await import('node:os')).cpus().length, node: process.version } };
for (const [name, run] of Object.entries(sections)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  process.stderr.write(`bench ${name}...\n`);
  results[name] = await run();
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
mkdirSync('bench/results', { recursive: true });
writeFileSync(`bench/results/${wanted.length > 0 ? wanted.join('+') : 'latest'}.json`, `${JSON.stringify(results, null, 2)}\n`);
