/** The composition root: the one place that picks adapters from config and wires them. */
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { sessionTtlSeconds, splitList, type Config } from './config.js';
import type { CoreDeps } from './core/operation.js';
import { createBuyerApp, type BuyerApp } from './ondc/buyer.js';
import { localCallbackRelay, openRedisCallbackRelay, type CallbackRelay } from './ondc/callback-relay.js';
import {
  appendToFlowLog,
  CATALOG_ANSWER_TTL_SECONDS,
  catalogAnswerOwner,
  flowLogStores,
  type FlowLogEntry,
} from './ondc/flow-log.js';
import { createNetworkPort } from './ondc/network-port.js';
import { applyOrderStatus } from './ondc/order-updates.js';
import type { StoredOrder } from './core/checkout.js';
import { noPayments, paymentPort } from './payments/core-port.js';
import { createRazorpayGateway } from './payments/razorpay.js';
import { buyerIdentity } from './ondc/identity.js';
import { createRegistryClient } from './ondc/registry.js';
import { signAuthorization } from './ondc/signing.js';
import { generateCatalog } from './sandbox/catalog/index.js';
import { registryEntry } from './sandbox/identities.js';
import { startSandboxNetwork, type SandboxNetwork } from './sandbox/network.js';
import type { CatalogIndex, LoadProgress } from './core/ports.js';
import { EmbeddedCatalogIndex } from './search/embedded-index.js';
import type { Embedder } from './search/embedder.js';
import { embedderDisabled, openEmbedder } from './search/embedders/index.js';
import { QdrantCatalogIndex } from './search/qdrant-index.js';
import { cachedIndex } from './search/cached-index.js';
import { catalogTargets, pullNetworkCatalog, type IngestReport } from './search/ingest.js';
import { onSearchProviderIds, parseOnSearch } from './ondc/ingest.js';
import type { Provider } from './core/catalog.js';
import { openStores } from './store/index.js';
import { join } from 'node:path';
import type { AuditLog, OtpSender } from './core/ports.js';
import { fileAuditLog } from './audit/file-audit.js';
import { devInboxSender, webhookSender, type DevInboxEntry } from './auth/otp-senders.js';
import { sessionSecret } from './auth/secret.js';
import { createTokenService } from './auth/tokens.js';
import { lookupPincode } from './geo/pincodes.js';
import { createMetrics, type Metrics } from './metrics.js';
import { actor } from './core/audit.js';
import { createHimiraBackend } from './backends/himira/index.js';

export interface Runtime {
  config: Config;
  deps: CoreDeps;
  buyer: BuyerApp;
  /** The in-process sandbox network, when no real registry is configured. */
  sandbox?: SandboxNetwork;
  /** Things an operator should know about how config was applied; shown on /ready and logged at start. */
  notes: string[];
  /**
   * Joins the network once callbacks can be received at `callbackBase` (the service's own listening URL), then
   * pulls the catalogs. Without a URL the runtime listens for callbacks itself on a loopback port (stdio, library).
   */
  connect(callbackBase?: string): Promise<IngestReport>;
  /** Pulls every catalog again now and applies what changed (what the CATALOG_REFRESH_MINUTES timer does). */
  refresh(): Promise<IngestReport>;
  /** Prometheus metrics of this runtime (GET /metrics). */
  metrics: Metrics;
  /** Settles when the embedder is attached and every product embedded, or known to be unavailable. */
  vectorsReady(): Promise<void>;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** An embedder to use instead of the one config names (library users bring their own; tests use a fixed one). */
  embedder?: Embedder;
  /** A product index to use instead of the one config names. */
  catalog?: CatalogIndex;
  /** Rebuild the index from the first pull even when it already holds a catalog (the ingest command). */
  fullLoad?: boolean;
  /** Progress of loading the first pull (the ingest command's progress bar). */
  onLoadProgress?: (p: LoadProgress) => void;
  /** How callbacks reach the replica awaiting them, instead of the one config names; closed with the runtime. */
  callbackRelay?: CallbackRelay;
  /** A sandbox network started by the caller, joined instead of starting one; left running at close (replicas share it). */
  sandbox?: SandboxNetwork;
}

/** The product index config names: Qdrant when QDRANT_URL is set, else the embedded index. */
export function configuredIndex(config: Config): CatalogIndex {
  if (!config.QDRANT_URL) return new EmbeddedCatalogIndex();
  return new QdrantCatalogIndex({
    url: config.QDRANT_URL,
    alias: config.QDRANT_COLLECTION,
    ...(config.QDRANT_API_KEY ? { apiKey: config.QDRANT_API_KEY } : {}),
  });
}

const MAX_CART_LINES = 50;

/** The sandbox network as config describes it: in process for `serve`, alone for `ondc-shop sandbox`. */
export function startConfiguredSandbox(config: Config, log: Logger, host?: string): Promise<SandboxNetwork> {
  return startSandboxNetwork({
    catalog: generateCatalog({ seed: config.SANDBOX_SEED, productsPerProvider: config.SANDBOX_PRODUCTS_PER_PROVIDER }),
    seed: config.SANDBOX_SEED,
    ...(host ? { host } : {}),
    port: config.SANDBOX_PORT,
    logger: log as FastifyBaseLogger,
    statusStepMs: config.SANDBOX_STATUS_STEP_SECONDS * 1000,
  });
}
const REGISTRY_CACHE_MS = 5 * 60_000;

export async function createRuntime(config: Config, log: Logger, options: RuntimeOptions = {}): Promise<Runtime> {
  const notes: string[] = [];
  if (config.BACKEND_ENDPOINT) {
    notes.push('Sellers are reached through the buyer backend at BACKEND_ENDPOINT; the ONDC network settings are not used.');
  }
  for (const note of notes) log.warn(note);

  const stores = await openStores({ redisUrl: config.REDIS_URL, dataDir: config.DATA_DIR });
  const himira =
    config.BACKEND_ENDPOINT && config.WIL_API_KEY
      ? createHimiraBackend({
          endpoint: config.BACKEND_ENDPOINT,
          apiKey: config.WIL_API_KEY,
          deadlineMs: config.ONDC_SEARCH_TIMEOUT_MS,
          ...(config.BACKEND_CHECKOUT_URL ? { checkoutBaseUrl: config.BACKEND_CHECKOUT_URL } : {}),
          verifyPaymentPath: config.BACKEND_VERIFY_PAYMENT_PATH,
          issuePath: config.BACKEND_IGM_PATH,
          followIntervalMs: config.BACKEND_ORDER_FOLLOW_SECONDS * 1000,
          stores,
          log,
        })
      : undefined;
  const metrics = createMetrics();
  const secret = sessionSecret(config.SESSION_SECRET, config.DATA_DIR);
  if (secret.generated && config.REDIS_URL) {
    notes.push('SESSION_SECRET is unset: this replica signs session tokens with its own key; set one SESSION_SECRET on every replica.');
  }
  const tokens = createTokenService(secret.key, config.SESSION_TOKEN_TTL_HOURS * 3600);
  const otp: OtpSender =
    config.OTP_SENDER === 'webhook'
      ? webhookSender({ url: config.OTP_WEBHOOK_URL as string, ...(config.OTP_WEBHOOK_TOKEN ? { token: config.OTP_WEBHOOK_TOKEN } : {}) })
      : devInboxSender({ inbox: stores.documents<DevInboxEntry>('otp_inbox'), key: (phone) => tokens.digest(phone), log: log.child({ component: 'otp' }) });
  if (otp.kind === 'dev_inbox') {
    notes.push('Login codes go to the development inbox (GET /dev/otp-inbox/{phone}); set OTP_SENDER=webhook for real SMS.');
  }
  const auditLog = fileAuditLog(config.AUDIT_LOG_FILE ?? join(config.DATA_DIR, 'audit', 'audit.jsonl'), (err) =>
    log.warn({ err: err.message }, 'audit log write failed'),
  );
  const audit: AuditLog = auditLog;
  const index = options.catalog ?? configuredIndex(config);
  const catalog: CatalogIndex = config.CACHE_TTL_SECONDS > 0 ? cachedIndex(index, config.CACHE_TTL_SECONDS) : index;
  const identity = buyerIdentity(config);
  const sandbox =
    options.sandbox ??
    (config.ONDC_REGISTRY_URL || himira ? undefined : await startConfiguredSandbox(config, log.child({ component: 'sandbox' })));
  const relay =
    options.callbackRelay ??
    (config.REDIS_URL
      ? await openRedisCallbackRelay({
          url: config.REDIS_URL,
          onStateChange: (up) => {
            metrics.callbackRelayUp(up);
            if (up) log.info('callback relay connected: callbacks reach the replica awaiting them');
            else log.warn('callback relay lost Redis: callbacks reach only the replica they land on until it returns');
          },
        })
      : localCallbackRelay());
  const registry = createRegistryClient({
    // with a buyer backend no registry is ever asked; .invalid never resolves
    url: sandbox?.registryUrl ?? config.ONDC_REGISTRY_URL ?? 'http://registry.invalid',
    authorize: (body) => signAuthorization(body, identity.key),
    cacheTtlMs: REGISTRY_CACHE_MS,
  });
  /** A seller's word moved an order (through the network or a buyer backend): audited like the buyer's own steps. */
  const auditMoved = (moved: StoredOrder) =>
    audit.record({
      action: 'order.status',
      outcome: 'ok',
      ...actor(moved.sessionId, moved.userId, moved.id),
      detail: { state: moved.state, ...(moved.fulfillmentState ? { fulfillment: moved.fulfillmentState } : {}) },
    });
  const logs = flowLogStores(stores);
  const { flowLogs, catalogAnswers } = logs;
  /** Sent catalog searches by transaction, until their on_search answers arrive (small, and cleared per pull). */
  const pullSearches = new Map<string, FlowLogEntry>();
  const recordCatalog = async (entry: FlowLogEntry) => {
    const ctx = entry.body.context;
    if (entry.direction === 'sent') {
      if (pullSearches.size > 1000) pullSearches.clear();
      pullSearches.set(ctx.transaction_id, entry);
      return;
    }
    const search = pullSearches.get(ctx.transaction_id);
    if (!search || !ctx.bpp_id) return;
    await catalogAnswers.create(`${ctx.transaction_id}:${ctx.bpp_id}`, { search, onSearch: entry }, {
      ttlSeconds: CATALOG_ANSWER_TTL_SECONDS,
      owner: catalogAnswerOwner(ctx.bpp_id),
    });
  };
  const buyer = createBuyerApp({
    key: identity.key,
    registry,
    gatewayUrl: sandbox?.gatewayUrl ?? (config.ONDC_GATEWAY_URL as string),
    coreVersion: config.ONDC_CORE_VERSION,
    now: () => new Date(),
    maxConcurrent: config.MAX_CONCURRENT_REQUESTS,
    relay,
    breakers: {
      onChange: (peer, state) => {
        metrics.breaker(peer, state);
        (state === 'open' ? log.warn : log.info).call(log, { peer, state }, 'circuit breaker');
      },
    },
    observe: {
      sent: (action, ack) => metrics.ondcMessage('sent', action, ack),
      received: (action) => metrics.ondcMessage('received', action, 'callback'),
      waited: (action, seconds) => metrics.callbackWait(action, seconds),
      relayed: (action, outcome) => metrics.callbackRelayed(action, outcome),
    },
    onCatalogChange: async (body) => {
      try {
        const known = new Map<string, Provider>();
        for (const id of onSearchProviderIds(body)) {
          const provider = await catalog.getProvider(id);
          if (provider) known.set(id, provider);
        }
        const parsed = parseOnSearch(body, known);
        // custom menus (our category paths) change only with a full refresh; an item keeps the path it had
        const products = await Promise.all(
          parsed.products.map(async (p) => {
            const before = await catalog.getProduct(p.id);
            return before && before.categoryId === p.categoryId ? { ...p, categoryPath: before.categoryPath } : p;
          }),
        );
        const applied = await catalog.upsert(products, parsed.providers);
        log.info({ seller: body.context.bpp_id, ...applied, problems: parsed.problems.length }, 'catalog change applied');
      } catch (err) {
        log.warn({ seller: body.context.bpp_id, err: (err as Error).message }, 'catalog change not applied');
      }
    },
    record: async (direction, body) => {
      const entry: FlowLogEntry = { action: body.context.action, direction, at: new Date().toISOString(), body };
      // Catalog pulls repeat every hour and run to megabytes: only each seller's latest answer is kept, briefly.
      const catalogStep = body.context.action === 'search' || body.context.action === 'on_search';
      await (catalogStep ? recordCatalog(entry) : appendToFlowLog(flowLogs, entry)).catch((err: Error) =>
        log.warn({ err: err.message, action: body.context.action }, 'flow log write failed'),
      );
      // unsolicited or not, a seller's word on an order's state updates the stored order
      if (direction === 'received' && ['on_status', 'on_cancel', 'on_update'].includes(body.context.action) && !('error' in body && body.error)) {
        const moved = await applyOrderStatus(stores.documents<StoredOrder>('order'), body).catch((err: Error) => {
          log.warn({ err: err.message }, 'order status update failed');
          return null;
        });
        if (moved) await auditMoved(moved);
      }
    },
  });
  const publicUrl = (config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/+$/, '');
  const payments = himira
    ? himira.payments
    : config.RAZORPAY_KEY_ID && config.RAZORPAY_KEY_SECRET
    ? paymentPort(
        createRazorpayGateway({
          baseUrl: config.RAZORPAY_API_URL,
          keyId: config.RAZORPAY_KEY_ID,
          keySecret: config.RAZORPAY_KEY_SECRET,
          checkoutBaseUrl: `${publicUrl}/pay`,
          kind: 'razorpay',
        }),
      )
    : sandbox
      ? paymentPort(createRazorpayGateway({ ...sandbox.payments, kind: 'sandbox' }))
      : noPayments;
  if (sandbox) log.info({ url: sandbox.url, sellers: sandbox.entries().length - 1 }, 'sandbox ONDC network listening');

  let callbackServer: FastifyInstance | undefined;
  let refresh: NodeJS.Timeout | undefined;

  /** Ids of the last pull: a later pull applies only what changed and drops what vanished, never rebuilding. */
  let pulledIds: Set<string> | undefined;

  async function ingest(): Promise<IngestReport> {
    const started = performance.now();
    const report = himira ? await himira.pullCatalog() : await pullNetworkCatalog({
      buyer,
      registry,
      cities: splitList(config.ONDC_CITIES),
      deadlineMs: config.ONDC_SEARCH_TIMEOUT_MS,
    });
    const { products, providers } = report.catalog;
    let applied: Record<string, number> = {};
    // A shared index (Qdrant) that already holds a catalog is brought up to date, not rebuilt, by a new replica.
    const rebuild = !pulledIds && (options.fullLoad || (await catalog.size()) === 0);
    if (products.length > 0 && rebuild) {
      await catalog.load(report.catalog, options.onLoadProgress ? { onProgress: options.onLoadProgress } : {});
      applied = { loaded: products.length };
    } else if (products.length > 0) {
      const now = new Set(products.map((p) => p.id));
      // A seller that did not answer this time keeps its products until it answers without them.
      const answered = new Set(products.map((p) => p.providerId));
      const gone = [...(pulledIds ?? [])].filter((id) => !now.has(id) && answered.has(id.slice(0, id.indexOf(':'))));
      applied = { ...(await catalog.upsert(products, providers)), removed: await catalog.remove(gone) };
    }
    if (products.length > 0) pulledIds = new Set(products.map((p) => p.id));
    log.info(
      {
        products: products.length,
        providers: providers.length,
        sellers: `${report.sellersAnswered}/${report.sellersExpected}`,
        problems: report.problems.length,
        ...applied,
        ms: Math.round(performance.now() - started),
      },
      'catalog pulled from the network',
    );
    for (const problem of report.problems.slice(0, 20)) log.warn({ problem }, 'catalog problem');
    return report;
  }

  /** Asks every seller app to push stock and price changes as they happen (ONDC incremental catalog refresh). */
  async function subscribeToChanges(): Promise<void> {
    if (himira) return;
    const targets = await catalogTargets(registry, splitList(config.ONDC_CITIES)).catch(() => new Map());
    for (const { domain, city } of targets.values()) {
      await buyer
        .subscribeCatalogChanges({ domain, city, mode: 'start' })
        .catch((err: Error) => log.warn({ domain, city, err: err.message }, 'no pushed catalog changes; the timed refresh still applies'));
    }
  }

  let vectors: Promise<void> = Promise.resolve();
  async function startEmbedder(): Promise<void> {
    // an index handed over with its embedder already attached (the ingest command) keeps it
    if ((await catalog.status().catch(() => undefined))?.embedder) return;
    const off = embedderDisabled(config);
    if (off && !options.embedder) {
      catalog.noteEmbedderProblem(off);
      return;
    }
    const started = performance.now();
    vectors = (options.embedder ? Promise.resolve(options.embedder) : openEmbedder(config))
      .then(async (embedder) => {
        log.info({ embedder: embedder.id }, 'embedder ready; embedding the catalog');
        await catalog.attachEmbedder(embedder);
        log.info({ embedder: embedder.id, ms: Math.round(performance.now() - started) }, 'hybrid search ready');
      })
      .catch((err: Error) => {
        catalog.noteEmbedderProblem(`no embeddings, keyword search only: ${err.message}`);
        log.warn({ err: err.message }, 'no embedder: search runs on keywords only');
      });
  }

  async function connect(callbackBase?: string): Promise<IngestReport> {
    let base = callbackBase;
    if (!base) {
      callbackServer = Fastify({ loggerInstance: log.child({ component: 'callbacks' }) as FastifyBaseLogger });
      await buyer.registerRoutes(callbackServer);
      base = await callbackServer.listen({ host: '127.0.0.1', port: 0 });
    }
    const callbackUrl = config.ONDC_CALLBACK_URL ?? base;
    buyer.setCallbackBase(callbackUrl);
    sandbox?.subscribe(
      registryEntry({
        subscriberId: identity.key.subscriberId,
        ukId: identity.key.uniqueKeyId,
        type: 'BAP',
        domain: '*',
        city: '*',
        url: callbackUrl,
        publicKey: identity.publicKey,
      }),
    );
    const report = await ingest();
    await subscribeToChanges();
    himira?.follow(auditMoved);
    await startEmbedder();
    if (config.CATALOG_REFRESH_MINUTES > 0) {
      refresh = setInterval(() => {
        ingest().catch((err: Error) => log.warn({ err: err.message }, 'catalog refresh failed; keeping the last catalog'));
      }, config.CATALOG_REFRESH_MINUTES * 60_000);
      refresh.unref();
    }
    return report;
  }

  const deps: CoreDeps = {
    stores: himira?.stores ?? stores,
    catalog,
    network: himira?.network ?? createNetworkPort(buyer, {
      deadlineMs: config.ONDC_SEARCH_TIMEOUT_MS,
      bapTaxNumber: config.ONDC_BAP_GSTIN,
      flowLogs: logs,
      maxRoundTrips: config.MAX_CONCURRENT_REQUESTS,
    }),
    payments,
    clock: { now: () => new Date() },
    ids: { random: (bytes) => randomBytes(bytes).toString('base64url') },
    settings: {
      sessionTtlSeconds: sessionTtlSeconds(config),
      maxCartLines: MAX_CART_LINES,
      otpTtlSeconds: config.OTP_TTL_SECONDS,
      otpMaxAttempts: config.OTP_MAX_ATTEMPTS,
      otpLockSeconds: config.OTP_LOCK_MINUTES * 60,
      confirmLeaseSeconds: Math.ceil((3 * config.ONDC_SEARCH_TIMEOUT_MS) / 1000) + 5,
    },
    tokens,
    otp,
    audit,
    pincodes: { lookup: lookupPincode },
    telemetry: metrics,
  };
  return {
    config,
    deps,
    buyer,
    sandbox,
    notes,
    connect,
    vectorsReady: () => vectors,
    metrics,
    refresh: ingest,
    close: async () => {
      clearInterval(refresh);
      await vectors;
      await catalog.close?.();
      await auditLog.flushed();
      await callbackServer?.close();
      await buyer.close();
      await himira?.close();
      await relay.close();
      if (!options.sandbox) await sandbox?.close();
      await stores.close();
    },
  };
}
