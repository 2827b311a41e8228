#!/usr/bin/env node
/** The command line: `serve` (default) runs REST + /mcp + /docs; `mcp` speaks MCP over stdio. */
import { ConfigError, loadConfig, type Config } from './config.js';
import { createRuntime, startConfiguredSandbox } from './deps.js';
import { buildApp } from './http/app.js';
import { ingestCommand } from './ingest-command.js';
import { runBackupCommand, type BackupCommand } from './backup/commands.js';
import { createLogger } from './logger.js';
import { buildToolDefinitions } from './mcp/server.js';
import { serveStdio } from './mcp/stdio.js';
import { operations } from './core/operations/index.js';
import { orders } from './core/checkout.js';
import { exportCertification, flowLogStores } from './ondc/flow-log.js';
import { openStores } from './store/index.js';

const USAGE = `Usage: ondc-shop <command>

Commands:
  serve   REST API under /api/v1, MCP at /mcp, API docs at /docs (default)
  mcp     MCP over stdio, for desktop assistants (logs go to stderr)
  sandbox the local ONDC network alone (registry, gateway, seller apps) for any buyer app, on SANDBOX_PORT
  ingest  pull every catalog from the network and rebuild the product index (Qdrant: a new collection, then
          the alias moves), embeddings included; progress on stderr, a JSON summary on stdout
  ondc-log ORDER_ID [FLOW]
          print an order's ONDC messages as a certification document (flow 2, 3 or 4; default 2)
  backup [--out DIR]
          write every session, cart, user, address, checkout, order and ONDC flow log in the configured store
          to one archive in BACKUP_DIR (default DATA_DIR/backups); a JSON summary on stdout
  restore FILE [--force] [--trust-unverified]
          check an archive in full (its signature under SESSION_SECRET), then load it into the configured store,
          which must hold no shopping state (--force: write over it; --trust-unverified as well: load an archive
          whose signature cannot be checked, made under another secret); the store may be of the other kind
  backups [--json]
          list the archives in BACKUP_DIR with their time, store, size and record counts
  help    this text

Configuration comes from the environment and a .env file; see .env.example.`;

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nFix the value in the environment or .env; see .env.example.\n`);
      process.exit(1);
    }
    throw err;
  }
}

/** The first SIGINT or SIGTERM stops gracefully; a second one, from an impatient operator, exits at once. */
function onShutdown(close: () => Promise<void>): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) process.exit(1);
    closing = true;
    close().then(
      () => process.exit(0),
      (err) => {
        process.stderr.write(`shutdown after ${signal} failed: ${(err as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function serve(): Promise<void> {
  const config = readConfig();
  const log = createLogger(config);
  const runtime = await createRuntime(config, log);
  const app = await buildApp({ runtime, logger: log });
  // Handled before the server listens: a SIGTERM that comes as soon as /ready answers must still drain.
  onShutdown(async () => {
    const drained = await app.drain.start(config.SHUTDOWN_TIMEOUT_SECONDS * 1000);
    log.info(drained, drained.drained ? 'drained: no requests in flight' : 'drain timed out: stopping with requests in flight');
    await app.close();
    await runtime.close();
    log.flush();
  });
  await app.listen({ port: config.PORT, host: config.HOST });
  const { port } = app.server.address() as { port: number };
  // Seller apps on this machine reach a wildcard listener on loopback.
  const host = ['0.0.0.0', '::'].includes(config.HOST) ? '127.0.0.1' : config.HOST;
  await runtime.connect(`http://${host.includes(':') ? `[${host}]` : host}:${port}`);
}

async function mcpStdio(): Promise<void> {
  const config = readConfig();
  const log = createLogger(config, { stderr: true });
  const runtime = await createRuntime(config, log);
  await runtime.connect();
  const close = await serveStdio(buildToolDefinitions(operations, runtime.deps, log), runtime.deps);
  const stop = async () => {
    await close();
    await runtime.close();
    log.flush();
  };
  process.stdin.on('end', () => void stop().then(() => process.exit(0)));
  onShutdown(stop);
}

async function sandboxAlone(): Promise<void> {
  const config = readConfig();
  const log = createLogger(config);
  const network = await startConfiguredSandbox(config, log, config.HOST);
  const sellers = network.entries().filter((e) => e.type === 'BPP');
  log.info(
    {
      registry: `${network.registryUrl}/v2.0/lookup`,
      subscribe: `${network.registryUrl}/subscribe`,
      gateway: `${network.gatewayUrl}/search`,
      sellers: sellers.map((s) => ({ id: s.subscriber_id, url: s.subscriber_url, domain: s.domain, city: s.city })),
    },
    'sandbox ONDC network ready',
  );
  onShutdown(async () => {
    await network.close();
    log.flush();
  });
}

async function ondcLog(): Promise<void> {
  const [orderId, flow = '2'] = process.argv.slice(3);
  if (!orderId || !['2', '3', '4'].includes(flow)) {
    process.stderr.write('Usage: ondc-shop ondc-log ORDER_ID [2|3|4]\n');
    process.exit(2);
  }
  const config = readConfig();
  const stores = await openStores({ redisUrl: config.REDIS_URL, dataDir: config.DATA_DIR });
  try {
    const order = await orders({ stores }).get(orderId);
    const doc = order
      ? await exportCertification(flowLogStores(stores), { transactionId: order.exchange.transactionId, bppId: order.seller.bppId, flow })
      : null;
    if (!doc) {
      process.stderr.write(`No order ${orderId} with kept ONDC messages in ${stores.kind === 'redis' ? 'Redis' : config.DATA_DIR}.\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } finally {
    await stores.close();
  }
}

async function ingest(): Promise<void> {
  const config = readConfig();
  process.exitCode = await ingestCommand(config, createLogger(config));
}

const command = process.argv[2] ?? 'serve';
const backupTool = (name: BackupCommand) => async () => {
  process.exitCode = await runBackupCommand(name, readConfig(), process.argv.slice(3));
};
const commands: Record<string, () => Promise<void>> = {
  serve,
  mcp: mcpStdio,
  sandbox: sandboxAlone,
  'ondc-log': ondcLog,
  ingest,
  backup: backupTool('backup'),
  restore: backupTool('restore'),
  backups: backupTool('backups'),
};
const run = commands[command];
if (!run) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(command === 'help' || command === '--help' ? 0 : 2);
}
run().catch((err: unknown) => {
  process.stderr.write(`ondc-shop ${command} failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
