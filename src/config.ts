/**
 * The one place that reads the environment. Every key is declared here with its type, default and meaning;
 * `.env.example` lists the same keys (a test keeps the two in step).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { parse as parseDotenv } from 'dotenv';

const Bool = (def: boolean, description: string) =>
  Type.Boolean({ default: def, description: `${description} (true or false)` });
const Int = (def: number, minimum: number, maximum: number, description: string) =>
  Type.Integer({ default: def, minimum, maximum, description });
const Url = (description: string) => Type.Optional(Type.String({ pattern: '^(https?|rediss?)://\\S+$', description }));

export const ConfigSchema = Type.Object({
  PORT: Int(3000, 0, 65535, 'TCP port for REST, /mcp and /docs'),
  HOST: Type.String({ default: '127.0.0.1', minLength: 1, description: 'Interface to listen on; 0.0.0.0 in containers' }),
  SHUTDOWN_TIMEOUT_SECONDS: Int(25, 0, 3_600, 'On SIGTERM, how long requests in flight may take to finish before the server stops anyway'),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info', description: 'pino log level' },
  ),
  DATA_DIR: Type.String({ default: './data', minLength: 1, description: 'Where the embedded store keeps its files' }),
  REDIS_URL: Url('Redis for sessions, carts and rate limits, e.g. redis://127.0.0.1:6379/0; unset = embedded store'),
  QDRANT_URL: Url('Qdrant for the product index, e.g. http://127.0.0.1:6333; unset = embedded index'),
  QDRANT_API_KEY: Type.Optional(Type.String({ minLength: 1, description: 'API key for QDRANT_URL, sent only to Qdrant' })),
  QDRANT_COLLECTION: Type.String({
    default: 'products',
    pattern: '^[a-z][a-z0-9_]{0,40}$',
    description: 'Alias the product collection is served under; each ingestion builds <alias>_v<n> and swaps the alias',
  }),
  BACKEND_ENDPOINT: Url('Himira-style buyer backend base URL (backend issue); unset = native ONDC buyer app'),
  WIL_API_KEY: Type.Optional(Type.String({ minLength: 1, description: 'API key for BACKEND_ENDPOINT, sent only there' })),
  BACKEND_CHECKOUT_URL: Url('Page where buyers pay a Razorpay order the buyer backend made (<url>/<order_id>); unset = cash on delivery only with a backend'),
  BACKEND_VERIFY_PAYMENT_PATH: Type.String({
    default: '/v2/razorpay/verify/payment',
    pattern: '^(/[A-Za-z0-9_~-]+)+$',
    description: "The buyer backend's route that verifies a Razorpay checkout result without confirming (an assumed route; see README)",
  }),
  BACKEND_IGM_PATH: Type.String({
    default: '/issueApis',
    pattern: '^(/[A-Za-z0-9_~-]+)+$',
    description: "Where the buyer backend's IGM (complaints) service is mounted on BACKEND_ENDPOINT's origin",
  }),
  BACKEND_ORDER_FOLLOW_SECONDS: Type.Number({
    default: 30,
    minimum: 0,
    maximum: 3600,
    description: "How often orders still moving are read back from the buyer backend's order list; 0 = only when asked",
  }),
  VECTOR_SEARCH_ENABLED: Bool(true, 'Use vector similarity in search when an embedder is available'),
  EMBEDDER: Type.Union([Type.Literal('transformers'), Type.Literal('remote'), Type.Literal('none')], {
    default: 'transformers',
    description: 'Where embeddings come from: an in-process model, a remote /v1/embeddings service, or none (keywords only)',
  }),
  EMBEDDING_MODEL: Type.String({
    default: 'Xenova/all-MiniLM-L6-v2',
    minLength: 1,
    description: 'Model name: on the model hub for EMBEDDER=transformers (cached under DATA_DIR), or sent to EMBEDDINGS_URL',
  }),
  EMBEDDING_MODEL_DIR: Type.Optional(
    Type.String({ minLength: 1, description: 'Local folder holding the transformers model (config.json, tokenizer.json, onnx/model.onnx); wins over the hub' }),
  ),
  EMBEDDINGS_URL: Url('OpenAI-compatible embeddings API base, e.g. https://api.openai.com/v1 (EMBEDDER=remote)'),
  EMBEDDINGS_API_KEY: Type.Optional(Type.String({ minLength: 1, description: 'Bearer key for EMBEDDINGS_URL, sent only there' })),
  DEBUG_MODE: Bool(false, 'Include error details (never secrets) in error responses'),
  SESSION_SECRET: Type.Optional(
    Type.String({ minLength: 32, description: 'Key that signs session tokens (32+ characters); unset = one made under DATA_DIR (single replica only)' }),
  ),
  SESSION_TOKEN_TTL_HOURS: Int(24, 1, 24 * 30, 'Hours a session token from verify_otp stays valid'),
  OTP_SENDER: Type.Union([Type.Literal('dev_inbox'), Type.Literal('webhook')], {
    default: 'dev_inbox',
    description: 'Where login codes go: dev_inbox (GET /dev/otp-inbox/{phone}, development only) or webhook (OTP_WEBHOOK_URL)',
  }),
  OTP_DEV_INBOX_ANYWHERE: Bool(
    false,
    'Allow OTP_SENDER=dev_inbox where others can reach the service (HOST not loopback, behind a proxy, Lambda): a throw-away demo only, since anyone can then read any number\'s code',
  ),
  OTP_WEBHOOK_URL: Url('SMS gateway endpoint that login codes are POSTed to (OTP_SENDER=webhook)'),
  OTP_WEBHOOK_TOKEN: Type.Optional(Type.String({ minLength: 1, description: 'Bearer token sent to OTP_WEBHOOK_URL only' })),
  OTP_TTL_SECONDS: Int(300, 60, 1800, 'Seconds a login code stays valid'),
  OTP_MAX_ATTEMPTS: Int(5, 1, 10, 'Wrong codes allowed before the phone number is locked out'),
  OTP_LOCK_MINUTES: Int(15, 1, 24 * 60, 'Minutes a locked-out phone number waits'),
  RAZORPAY_KEY_ID: Type.Optional(Type.String({ pattern: '^rzp_(test|live)_[A-Za-z0-9]+$', description: 'Razorpay key id; with the secret, prepaid goes through Razorpay' })),
  RAZORPAY_KEY_SECRET: Type.Optional(Type.String({ minLength: 8, description: 'Razorpay key secret, sent only to Razorpay' })),
  RAZORPAY_WEBHOOK_SECRET: Type.Optional(Type.String({ minLength: 8, description: 'Secret of the Razorpay webhook pointed at /webhooks/razorpay' })),
  RAZORPAY_API_URL: Type.String({ default: 'https://api.razorpay.com', pattern: '^https?://\\S+$', description: 'Razorpay API base' }),
  PUBLIC_URL: Url('Public base URL of this service, for links sent to buyers (payment pages); default http://HOST:PORT'),
  AUDIT_LOG_FILE: Type.Optional(Type.String({ minLength: 1, description: 'JSON-lines audit log file; default DATA_DIR/audit/audit.jsonl' })),
  BACKUP_DIR: Type.Optional(Type.String({ minLength: 1, description: 'Folder for ondc-shop backup archives; default DATA_DIR/backups' })),
  MAX_CONCURRENT_REQUESTS: Int(64, 1, 10_000, 'Most requests to other participants in flight at once, and most checkout round trips (request to callback); half that per seller app'),
  CACHE_TTL_SECONDS: Int(60, 0, 86_400, 'How long repeated searches are cached; 0 disables'),
  SESSION_CLEANUP_HOURS: Type.Number({
    default: 24,
    exclusiveMinimum: 0,
    maximum: 24 * 90,
    description: 'Hours of inactivity after which a session and its cart expire',
  }),
  RATE_LIMIT_MAX: Int(300, 1, 1_000_000, 'Requests per client per window'),
  RATE_LIMIT_WINDOW_SECONDS: Int(60, 1, 86_400, 'Rate-limit window length'),
  TRUST_PROXY: Bool(false, 'Take the client address from X-Forwarded-For (set behind nginx or a load balancer)'),
  MCP_ALLOWED_HOSTS: Type.String({
    default: 'localhost,127.0.0.1,[::1]',
    description: 'Comma-separated Host names accepted on /mcp (DNS-rebinding protection); * accepts any',
  }),
  MCP_ALLOWED_ORIGINS: Type.String({
    default: 'localhost,127.0.0.1,[::1]',
    description: 'Comma-separated Origin host names accepted on /mcp; requests without Origin always pass',
  }),
  ONDC_REGISTRY_URL: Url('ONDC registry (lookup); unset = the built-in sandbox network, started in process'),
  ONDC_GATEWAY_URL: Url('ONDC gateway for search; required with ONDC_REGISTRY_URL'),
  ONDC_SUBSCRIBER_ID: Type.String({
    default: 'buyer.sandbox.ondc.local',
    pattern: '^[A-Za-z0-9.-]+$',
    description: 'This buyer app\'s subscriber id (bap_id)',
  }),
  ONDC_UNIQUE_KEY_ID: Type.Optional(Type.String({ pattern: '^[^|"\\s,]+$', description: 'Key id registered with ONDC for the signing key' })),
  ONDC_SIGNING_PRIVATE_KEY: Type.Optional(
    Type.String({ minLength: 1, description: 'Ed25519 private key, base64 of the 64-byte libsodium secret; sandbox mode makes one under DATA_DIR' }),
  ),
  ONDC_CALLBACK_URL: Url('Public base URL that seller apps call back (…/ondc/on_<action> is appended); default http://127.0.0.1:PORT'),
  ONDC_CORE_VERSION: Type.Union([Type.Literal('1.2.0'), Type.Literal('1.2.5')], { default: '1.2.0', description: 'ONDC retail core version' }),
  ONDC_CITIES: Type.String({
    default: 'std:080,std:011,std:022',
    pattern: '^std:\\d{3,5}(,std:\\d{3,5})*$',
    description: 'Comma-separated std: city codes whose catalogs are pulled from the network',
  }),
  ONDC_BAP_GSTIN: Type.String({
    default: '29AABCO1234F1ZR',
    pattern: '^[0-9]{2}[A-Z0-9]{13}$',
    description: "This buyer app's GSTIN, stated in bap_terms when an order is placed",
  }),
  ONDC_SEARCH_TIMEOUT_MS: Int(8000, 100, 60_000, 'How long a search waits for seller apps to answer'),
  CATALOG_REFRESH_MINUTES: Int(60, 0, 7 * 24 * 60, 'Pull full catalogs again this often; 0 = only at start'),
  SANDBOX_PORT: Int(0, 0, 65535, 'Port of the in-process sandbox network (registry, gateway, sellers) on 127.0.0.1; 0 = any free port'),
  SANDBOX_STATUS_STEP_SECONDS: Type.Number({
    default: 20,
    minimum: 0.01,
    maximum: 3600,
    description: 'Seconds between a sandbox order\'s delivery steps (Packed, Agent-assigned, picked up, out for delivery, delivered)',
  }),
  SANDBOX_SEED: Int(1, 0, 2 ** 31 - 1, 'Seed of the generated sandbox catalog'),
  SANDBOX_PRODUCTS_PER_PROVIDER: Int(300, 10, 100_000, 'Products each sandbox seller lists'),
});

export type Config = Static<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

function allowed(schema: TSchema): string {
  if (schema.anyOf) return `one of ${schema.anyOf.map((s: TSchema) => s.const).join(', ')}`;
  if (schema.type === 'boolean') return 'true or false';
  if (schema.type === 'integer' || schema.type === 'number') {
    const kind = schema.type === 'integer' ? 'a whole number' : 'a number';
    const lower =
      schema.minimum !== undefined ? ` from ${schema.minimum}` : schema.exclusiveMinimum !== undefined ? ` above ${schema.exclusiveMinimum}` : '';
    const upper = schema.maximum !== undefined ? `${lower ? ' to' : ' up to'} ${schema.maximum}` : '';
    return `${kind}${lower}${upper}`;
  }
  if (schema.pattern) return `a URL (${schema.description ?? ''})`;
  return schema.description ?? 'a non-empty string';
}

/** Reads `.env` (if present) beneath the real environment, which wins. */
export function readEnvSources(env: NodeJS.ProcessEnv, envFile = resolve('.env')): Record<string, string> {
  let fromFile: Record<string, string> = {};
  try {
    fromFile = parseDotenv(readFileSync(envFile));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const merged: Record<string, string> = { ...fromFile };
  for (const [k, v] of Object.entries(env)) if (v !== undefined) merged[k] = v;
  return merged;
}

/** Validates the raw key-value pairs against the schema. Unknown keys are ignored; empty values count as unset. */
export function parseConfig(raw: Record<string, string | undefined>): Config {
  const props = ConfigSchema.properties as Record<string, TSchema>;
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(props)) {
    const v = raw[key];
    if (v !== undefined && v.trim() !== '') picked[key] = v.trim();
  }
  const converted = Value.Convert(ConfigSchema, Value.Default(ConfigSchema, picked));
  const problems = [...Value.Errors(ConfigSchema, converted)].map((e) => {
    const key = e.path.replace(/^\//, '');
    const schema = props[key];
    return `${key}=${JSON.stringify(raw[key]?.trim())} is not allowed; expected ${schema ? allowed(schema) : e.message}`;
  });
  if (problems.length > 0) throw new ConfigError([...new Set(problems)]);
  const config = converted as Config;
  if (config.ONDC_REGISTRY_URL) {
    const missing = (['ONDC_GATEWAY_URL', 'ONDC_UNIQUE_KEY_ID', 'ONDC_SIGNING_PRIVATE_KEY', 'ONDC_CALLBACK_URL'] as const).filter((k) => !config[k]);
    if (missing.length > 0) {
      throw new ConfigError([`ONDC_REGISTRY_URL is set, so the real network is used; also set ${missing.join(', ')}`]);
    }
  }
  if (Boolean(config.RAZORPAY_KEY_ID) !== Boolean(config.RAZORPAY_KEY_SECRET)) {
    throw new ConfigError(['RAZORPAY_KEY_ID and RAZORPAY_KEY_SECRET go together: set both for Razorpay, or neither']);
  }
  if (config.OTP_SENDER === 'webhook' && !config.OTP_WEBHOOK_URL) {
    throw new ConfigError(['OTP_SENDER=webhook needs OTP_WEBHOOK_URL (the SMS gateway endpoint login codes are POSTed to)']);
  }
  if (config.BACKEND_ENDPOINT && !config.WIL_API_KEY) {
    throw new ConfigError(['BACKEND_ENDPOINT is set but WIL_API_KEY is not; set both, or neither to use the ONDC network']);
  }
  const madeKey = config.SESSION_SECRET?.match(/^base64url:(.*)$/)?.[1];
  if (madeKey !== undefined && (!/^[A-Za-z0-9_-]+$/.test(madeKey) || Buffer.from(madeKey, 'base64url').length < 32)) {
    throw new ConfigError([
      'SESSION_SECRET=base64url:… must be the text of DATA_DIR/secrets/session-secret: base64url characters only, decoding to 32 bytes or more',
    ]);
  }
  if (config.OTP_SENDER === 'dev_inbox' && reachableByOthers(config) && !config.OTP_DEV_INBOX_ANYWHERE) {
    throw new ConfigError([devInboxRefusal(config.TRUST_PROXY ? 'TRUST_PROXY is set (the service sits behind a proxy)' : `HOST=${config.HOST} is reachable from other machines`)]);
  }
  return config;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i;

/** Whether people other than the developer at this machine can reach the service. */
function reachableByOthers(config: Config): boolean {
  return !LOOPBACK.test(config.HOST) || Boolean(config.TRUST_PROXY);
}

/** The development inbox hands any number's login code to whoever asks: never where others can ask. */
export function devInboxRefusal(where: string): string {
  return (
    `OTP_SENDER=dev_inbox lets anyone read any phone number's login code at /dev/otp-inbox and sign in as them, and ${where}. ` +
    'Set OTP_SENDER=webhook with OTP_WEBHOOK_URL (your SMS gateway), or OTP_DEV_INBOX_ANYWHERE=true for a throw-away demo.'
  );
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseConfig(readEnvSources(env));
}

export function sessionTtlSeconds(config: Config): number {
  return Math.round(config.SESSION_CLEANUP_HOURS * 3600);
}

export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
