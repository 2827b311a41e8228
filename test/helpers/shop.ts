/** A whole service on embedded (or Redis) stores in a temp dir, for tests that go through the surfaces. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parseConfig } from '../../src/config.js';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../src/deps.js';
import { buildApp } from '../../src/http/app.js';
import { copyAudit, dataDirSecrets, envSecrets, fileLogger, keepAudit, recordSecrets } from './log-run.js';

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
  // Every shop logs to the run's log directory, which test/zz-log-scan.test.ts searches for leaks after the run.
  const logger = fileLogger('shop');
  const runtime = await createRuntime(config, logger, options);
  const audit = config.AUDIT_LOG_FILE ?? join(dataDir, 'audit', 'audit.jsonl');
  keepAudit(audit);
  recordSecrets({
    sandboxSeed: config.SANDBOX_SEED,
    values: [...envSecrets(env), ...dataDirSecrets(dataDir), ...(runtime.sandbox ? [runtime.sandbox.payments.keySecret] : [])],
  });
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
      copyAudit(audit);
      if (!env['DATA_DIR']) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
