/** The composition root: the one place that picks adapters from config and wires them. */
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { sessionTtlSeconds, type Config } from './config.js';
import type { CoreDeps } from './core/operation.js';
import { generateCatalog } from './sandbox/catalog/index.js';
import { EmbeddedCatalogIndex } from './search/embedded-index.js';
import { openStores } from './store/index.js';

export interface Runtime {
  config: Config;
  deps: CoreDeps;
  /** Things an operator should know about how config was applied; shown on /ready and logged at start. */
  notes: string[];
  close(): Promise<void>;
}

const MAX_CART_LINES = 50;

export async function createRuntime(config: Config, log: Logger): Promise<Runtime> {
  const notes: string[] = [];
  if (config.QDRANT_URL) notes.push('QDRANT_URL is set, but this version has only the embedded product index; using it.');
  if (config.BACKEND_ENDPOINT) {
    notes.push('BACKEND_ENDPOINT is set, but the buyer-backend adapter is not in this version; using the sandbox catalog.');
  }

  const stores = await openStores({ redisUrl: config.REDIS_URL, dataDir: config.DATA_DIR });
  const catalog = new EmbeddedCatalogIndex();
  const started = performance.now();
  await catalog.load(generateCatalog({ seed: config.SANDBOX_SEED, productsPerProvider: config.SANDBOX_PRODUCTS_PER_PROVIDER }));
  log.info(
    { store: stores.kind, products: await catalog.size(), ms: Math.round(performance.now() - started) },
    'catalog loaded',
  );
  for (const note of notes) log.warn(note);

  const deps: CoreDeps = {
    stores,
    catalog,
    clock: { now: () => new Date() },
    ids: { random: (bytes) => randomBytes(bytes).toString('base64url') },
    settings: { sessionTtlSeconds: sessionTtlSeconds(config), maxCartLines: MAX_CART_LINES },
  };
  return { config, deps, notes, close: () => stores.close() };
}
