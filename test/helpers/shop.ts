/** A whole service on embedded (or Redis) stores in a temp dir, for tests that go through the surfaces. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { parseConfig } from '../../src/config.js';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../src/deps.js';
import { buildApp } from '../../src/http/app.js';

/** Each test file that touches Redis owns one database number, since tap runs files in parallel. */
export function testRedisUrl(db: number): string {
  return `redis://127.0.0.1:6379/${db}`;
}

export interface TestShop {
  app: FastifyInstance;
  runtime: Runtime;
  dataDir: string;
  close(): Promise<void>;
}

/** Keyword search unless a test asks for more: no test reaches for a model hub. */
export async function openTestShop(env: Record<string, string> = {}, options: RuntimeOptions = {}): Promise<TestShop> {
  const dataDir = env['DATA_DIR'] ?? mkdtempSync(join(tmpdir(), 'ondc-shop-test-'));
  const config = parseConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, EMBEDDER: 'none', ...env });
  const logger = pino({ level: 'silent' });
  const runtime = await createRuntime(config, logger, options);
  const app = await buildApp({ runtime, logger });
  // Any free port unless the test names one (replicas behind a test load balancer are known by port before they start).
  await runtime.connect(await app.listen({ host: '127.0.0.1', port: env['PORT'] ? runtime.config.PORT : 0 }));
  return {
    app,
    runtime,
    dataDir,
    close: async () => {
      await app.close();
      await runtime.close();
      if (!env['DATA_DIR']) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
