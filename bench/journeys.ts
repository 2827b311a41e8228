/**
 * Many shoppers at once: every journey from a new session to a placed cash-on-delivery order and its status, all
 * started together over real loopback HTTP against the real server (`src/main.ts serve` as a child process, so its
 * memory and event loop are its own) on Redis, with the in-process sandbox network and keyword search.
 *
 * The sandbox catalog is generated from SANDBOX_SEED, so the bench generates the same one to plan the baskets:
 * each journey buys two different products of one cash-on-delivery seller, spread across every such seller and
 * their products, and the plan is checked against each product's stock before anything starts. Any failed step
 * is reported with its code and message and fails the section.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Pool } from 'undici';
import type { Product, Provider } from '../src/core/catalog.js';
import { generateCatalog } from '../src/sandbox/catalog/index.js';
import { freePort } from '../test/helpers/server-process.js';

const SEED = 1;
const PRODUCTS_PER_PROVIDER = 300;
const REDIS_URL = 'redis://127.0.0.1:6379/10';

const STEPS = ['session', 'search', 'details', 'add_1', 'add_2', 'select', 'init', 'cod', 'review', 'confirm', 'status'] as const;
type Step = (typeof STEPS)[number];

interface Basket {
  provider: Provider;
  products: [Product, Product];
  pincode: string;
}

interface Failure {
  step: Step | 'client';
  status: number;
  code: string;
  message: string;
}

class StepError extends Error {
  constructor(readonly failure: Failure) {
    super(`${failure.step}: ${failure.status} ${failure.code} ${failure.message}`);
  }
}

/**
 * One basket per journey: the cash-on-delivery sellers in turn, each basket two different products that are
 * payable on delivery and together clear the seller's minimum order; a product is planned at most as many times
 * as it has stock, and the plan fails here, before any request, if stock would run out.
 */
function planBaskets(journeys: number): Basket[] {
  const catalog = generateCatalog({ seed: SEED, productsPerProvider: PRODUCTS_PER_PROVIDER });
  const sellers = catalog.providers.filter((p) => p.cod);
  const left = new Map(catalog.products.map((p) => [p.id, p.stock]));
  const shelves = sellers.map((provider) => ({
    provider,
    products: catalog.products.filter((p) => p.providerId === provider.id && p.cod && p.stock > 0 && 2 * p.pricePaise >= provider.minOrderValuePaise),
    next: 0,
  }));
  const take = (shelf: (typeof shelves)[number], not?: Product): Product => {
    for (let tried = 0; tried < shelf.products.length; tried++) {
      const product = shelf.products[shelf.next++ % shelf.products.length]!;
      if (product === not || (left.get(product.id) ?? 0) < 1) continue;
      left.set(product.id, (left.get(product.id) ?? 0) - 1);
      return product;
    }
    throw new Error(`not enough stock at ${shelf.provider.id} for ${journeys} journeys`);
  };
  return Array.from({ length: journeys }, (_, i) => {
    const shelf = shelves[i % shelves.length]!;
    const first = take(shelf);
    const pincode = shelf.provider.serviceablePincodes[0];
    if (!pincode) throw new Error(`${shelf.provider.id} serves no pincode`);
    return { provider: shelf.provider, products: [first, take(shelf, first)], pincode };
  });
}

const DELIVERY = { name: 'Asha Rao', phone: '9876543210', email: 'asha.rao@example.in', house: 'Flat 302', building: 'Lakeview Residency', locality: 'Main Road' };

async function journey(pool: Pool, basket: Basket, timings: Record<Step, number[]>): Promise<number> {
  const started = performance.now();
  let session: string | undefined;
  const api = async (step: Step, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Record<string, any>> => {
    const at = performance.now();
    const res = await pool.request({
      method,
      path: `/api/v1${path}`,
      headers: { 'content-type': 'application/json', ...(session ? { 'x-session-id': session } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.body.json()) as { data?: Record<string, any>; error?: { code: string; message: string } };
    if (res.statusCode !== 200 || !json.data) {
      throw new StepError({ step, status: res.statusCode, code: json.error?.code ?? 'NO_DATA', message: json.error?.message ?? JSON.stringify(json) });
    }
    timings[step].push(performance.now() - at);
    return json.data;
  };
  const [a, b] = basket.products;
  session = (await api('session', 'POST', '/sessions', {}))['session_id'] as string;
  const query = new URLSearchParams({ query: a.name, provider_id: basket.provider.id, limit: '20' });
  const found = (await api('search', 'GET', `/products?${query}`))['results'] as Array<{ id: string }>;
  if (!found.some((r) => r.id === a.id)) {
    throw new StepError({ step: 'search', status: 200, code: 'NOT_FOUND_BY_SEARCH', message: `"${a.name}" at ${basket.provider.id} did not find ${a.id}` });
  }
  await api('details', 'GET', `/products/${encodeURIComponent(a.id)}`);
  await api('add_1', 'POST', '/cart/items', { product_id: a.id, quantity: 1 });
  await api('add_2', 'POST', '/cart/items', { product_id: b.id, quantity: 1 });
  const checkout = (await api('select', 'POST', '/checkouts', { pincode: basket.pincode }))['checkout_id'] as string;
  await api('init', 'POST', `/checkouts/${checkout}/init`, { ...DELIVERY, pincode: basket.pincode });
  await api('cod', 'POST', `/checkouts/${checkout}/payments`, { provider_id: basket.provider.id, method: 'cod' });
  const { confirmation_token } = await api('review', 'POST', `/checkouts/${checkout}/review`, {});
  const confirmed = await api('confirm', 'POST', `/checkouts/${checkout}/confirm`, { confirmation_token });
  const orderId = (confirmed['sellers'] as Array<{ order_id: string | null }>)[0]?.order_id;
  if (!orderId) throw new StepError({ step: 'confirm', status: 200, code: 'NO_ORDER', message: `checkout ${checkout} confirmed without an order id` });
  const status = await api('status', 'GET', `/orders/${encodeURIComponent(orderId)}`);
  if (typeof status['state'] !== 'string') throw new StepError({ step: 'status', status: 200, code: 'NO_STATE', message: `order ${orderId} has no state` });
  return performance.now() - started;
}

/** `src/main.ts serve` in its own process, as `npm run dev` starts it; resolves once /ready answers 200. */
async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'error', EMBEDDER: 'none', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += String(d)));
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${stderr}`);
    if (await fetch(`${base}/ready`).then((r) => r.status === 200, () => false)) return { child, base };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not become ready in 60 s: ${stderr}`);
}

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((x, y) => x - y);
  const at = (p: number) => +(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN).toFixed(1);
  return { p50_ms: at(50), p95_ms: at(95), p99_ms: at(99) };
}

/** Peak resident memory of a process in MB, from the kernel's high-water mark (Linux). */
function peakRssMb(pid: number): number | null {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : null;
}

export async function concurrentJourneys(journeys: number) {
  const baskets = planBaskets(journeys);
  const redis = new Redis(REDIS_URL);
  await redis.flushdb();
  await redis.quit();
  const dataDir = mkdtempSync(join(tmpdir(), 'ondc-bench-journeys-'));
  // Everything from one loopback address is one client to the rate limiter: raised so it is not what is measured.
  const server = await startServer({
    REDIS_URL,
    DATA_DIR: dataDir,
    RATE_LIMIT_MAX: '1000000',
    SANDBOX_SEED: String(SEED),
    SANDBOX_PRODUCTS_PER_PROVIDER: String(PRODUCTS_PER_PROVIDER),
    // orders stay as confirmed while the bench runs: the delivery steps are not what it measures
    SANDBOX_STATUS_STEP_SECONDS: '3600',
  });
  const pool = new Pool(server.base, { connections: journeys, pipelining: 1 });
  const timings = Object.fromEntries(STEPS.map((s) => [s, [] as number[]])) as Record<Step, number[]>;
  const failures: Failure[] = [];
  const whole: number[] = [];
  const started = performance.now();
  try {
    await Promise.all(
      baskets.map((basket) =>
        journey(pool, basket, timings).then(
          (ms) => void whole.push(ms),
          (err: unknown) => void failures.push(err instanceof StepError ? err.failure : { step: 'client', status: 0, code: 'CLIENT', message: (err as Error).message }),
        ),
      ),
    );
  } finally {
    await pool.close();
  }
  const wallMs = performance.now() - started;
  const serverPeakMb = server.child.pid ? peakRssMb(server.child.pid) : null;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
  rmSync(dataDir, { recursive: true, force: true });

  if (failures.length > 0) {
    const groups = new Map<string, number>();
    for (const f of failures) {
      const key = `${f.step} ${f.status} ${f.code}: ${f.message}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    for (const [key, count] of groups) process.stderr.write(`${count} x ${key}\n`);
    throw new Error(`${failures.length} of ${journeys} journeys failed`);
  }
  return {
    server: 'src/main.ts serve as a child process: Redis db 10 (flushed first), in-process sandbox network, EMBEDDER=none, RATE_LIMIT_MAX=1000000',
    client: `undici Pool, ${journeys} connections, every journey started at once`,
    journey_steps: 'session, search, product details, add 2 items, select, init, cash on delivery, review, confirm, order status: 11 REST calls, 5 signed ONDC round trips (select, init, init again for cash on delivery, confirm, status)',
    sellers: [...new Set(baskets.map((b) => b.provider.id))],
    journeys,
    errors: failures.length,
    wall_s: +(wallMs / 1000).toFixed(2),
    journeys_per_second: +(journeys / (wallMs / 1000)).toFixed(1),
    whole_journey: percentiles(whole),
    steps: Object.fromEntries(STEPS.map((s) => [s, percentiles(timings[s])])),
    server_peak_rss_mb: serverPeakMb,
    bench_client_peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
