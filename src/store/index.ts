/** Picks the store adapter: Redis when a URL is configured (shared by replicas), else LMDB under the data dir. */
import type { Stores } from '../core/ports.js';
import { openEmbeddedStores } from './embedded.js';
import { openRedisStores } from './redis.js';

export interface StoreConfig {
  redisUrl?: string;
  dataDir: string;
}

/** A server starts even while Redis is down: /ready reports it, and requests are served once Redis answers. */
export async function openStores(cfg: StoreConfig): Promise<Stores> {
  if (cfg.redisUrl) return openRedisStores({ url: cfg.redisUrl, connect: 'background' });
  return openEmbeddedStores({ dir: cfg.dataDir });
}

export { openEmbeddedStores } from './embedded.js';
export { openRedisStores } from './redis.js';
