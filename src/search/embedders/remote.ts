/**
 * The remote embedder: speaks an OpenAI-compatible embeddings API (POST {base}/embeddings with
 * {model, input: string[], encoding_format: 'float'}), in batches, through one undici Agent with
 * connect, header and body timeouts plus an overall deadline per request.
 *
 * Retries only what can heal by waiting: 429, 5xx, timeouts and connection failures, with jittered
 * exponential backoff (or the service's Retry-After, capped). Every other answer fails at once with the
 * service's own message. Redirects are never followed, so the bearer key goes to the configured origin only,
 * and it is scrubbed from anything the service echoes back before that reaches an error or a log.
 */
import type { Logger } from 'pino';
import { Agent, request } from 'undici';
import { normalize, type EmbedPurpose, type Embedder } from '../embedder.js';

export interface RemoteEmbedderOptions {
  /** API base, e.g. https://api.openai.com/v1; '/embeddings' is appended. */
  url: string;
  /** Sent as `Authorization: Bearer <key>` when set, and only to `url`. */
  apiKey?: string;
  model: string;
  /** Texts per request (default 96; OpenAI accepts up to 2048 inputs per request). */
  batchSize?: number;
  /** Per-request limit in milliseconds, for connecting, the headers and the whole answer (default 15000). */
  timeoutMs?: number;
  /** Further attempts after the first, for 429, 5xx, timeouts and connection failures (default 3). */
  retries?: number;
  /** Asks for shortened vectors (`dimensions` in the request; text-embedding-3 and later only). */
  dimensions?: number;
  /** First backoff delay; doubles with every retry, with jitter (default 500). */
  backoffBaseMs?: number;
  /** Upper bound on any single wait, whether from backoff or from the service's Retry-After (default 20000). */
  maxDelayMs?: number;
  /** Retries and failures are logged here (URL, status, attempt, delay; never the key or the texts). */
  logger?: Pick<Logger, 'warn'>;
}

/** A failed call to the embeddings service. The message names the URL and status, never the key. */
export class EmbeddingServiceError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly status: number | undefined,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EmbeddingServiceError';
  }
}

const PROBE_TEXT = 'dimension probe';
const MAX_MESSAGE_CHARS = 300;

interface EmbeddingItem {
  index: number;
  embedding: number[];
}

type Attempt =
  | { ok: true; items: EmbeddingItem[] }
  | { ok: false; retryable: boolean; status?: number; message: string; retryAfterMs?: number; cause?: unknown };

/** Connects to the service and learns the vector size from one probe embedding. */
export async function connectRemoteEmbedder(opts: RemoteEmbedderOptions): Promise<Embedder> {
  const endpoint = embeddingsEndpoint(opts.url);
  const shown = displayUrl(endpoint);
  const batchSize = positiveInt(opts.batchSize ?? 96, 'batchSize');
  const timeoutMs = positiveInt(opts.timeoutMs ?? 15_000, 'timeoutMs');
  const retries = nonNegativeInt(opts.retries ?? 3, 'retries');
  const backoffBaseMs = nonNegativeInt(opts.backoffBaseMs ?? 500, 'backoffBaseMs');
  const maxDelayMs = nonNegativeInt(opts.maxDelayMs ?? 20_000, 'maxDelayMs');
  if (opts.dimensions !== undefined) positiveInt(opts.dimensions, 'dimensions');
  if (!opts.model) throw new Error('Remote embedder needs a model name (EMBEDDING_MODEL)');

  const key = opts.apiKey;
  const scrub = (text: string): string => (key && key.length >= 4 ? text.split(key).join('[redacted]') : text);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (key) headers['authorization'] = `Bearer ${key}`;

  const dispatcher = new Agent({
    connectTimeout: timeoutMs,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    keepAliveTimeout: 10_000,
  });

  /** One HTTP exchange, classified. Never throws. */
  async function attempt(inputs: string[]): Promise<Attempt> {
    const body: Record<string, unknown> = { model: opts.model, input: inputs, encoding_format: 'float' };
    if (opts.dimensions !== undefined) body['dimensions'] = opts.dimensions;
    let res;
    try {
      res = await request(endpoint, {
        method: 'POST',
        dispatcher,
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      return { ok: false, retryable: true, message: transportMessage(err, timeoutMs), cause: err };
    }
    let text: string;
    try {
      text = await res.body.text();
    } catch (err) {
      return { ok: false, retryable: true, status: res.statusCode, message: transportMessage(err, timeoutMs), cause: err };
    }
    const status = res.statusCode;
    if (status >= 200 && status < 300) {
      const parsed = parseEmbeddings(text);
      if (typeof parsed === 'string') return { ok: false, retryable: false, status, message: parsed };
      return { ok: true, items: parsed };
    }
    const message = scrub(serviceMessage(text));
    if (status >= 300 && status < 400) {
      const location = headerValue(res.headers['location']);
      const where = location ? ` to ${displayUrl(location)}` : '';
      return {
        ok: false,
        retryable: false,
        status,
        message: `a redirect${where}, which is not followed so the key never leaves the configured origin; set the final address instead`,
      };
    }
    const retryable = status === 429 || status >= 500;
    const retryAfterMs = retryable ? retryAfter(res.headers) : undefined;
    return { ok: false, retryable, status, message, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }

  async function post(inputs: string[]): Promise<EmbeddingItem[]> {
    const attempts = retries + 1;
    for (let n = 1; ; n++) {
      const result = await attempt(inputs);
      if (result.ok) return result.items;
      const statusText = result.status !== undefined ? `HTTP ${result.status}: ` : '';
      if (!result.retryable || n >= attempts) {
        const gaveUp = result.retryable && n > 1 ? ` (gave up after ${n} attempts)` : '';
        const what = result.status !== undefined ? `answered ${statusText}${result.message}` : `failed: ${result.message}`;
        throw new EmbeddingServiceError(`Embeddings service at ${shown} ${what}${gaveUp}`, shown, result.status, n, {
          cause: result.cause,
        });
      }
      const delayMs =
        result.retryAfterMs !== undefined
          ? Math.min(result.retryAfterMs, maxDelayMs)
          : Math.min(backoffBaseMs * 2 ** (n - 1), maxDelayMs) * (0.5 + Math.random() * 0.5);
      opts.logger?.warn(
        { url: shown, status: result.status, attempt: n, of: attempts, delay_ms: Math.round(delayMs), reason: result.message },
        'embeddings request failed; retrying',
      );
      await sleep(delayMs);
    }
  }

  /** Embeds one batch of non-empty texts: checks the answer and returns unit vectors in input order. */
  async function embedBatch(inputs: string[], expectDims: number | undefined): Promise<Float32Array[]> {
    const items = await post(inputs);
    const fail = (what: string) =>
      new EmbeddingServiceError(`Embeddings service at ${shown} ${what}`, shown, undefined, 1);
    if (items.length !== inputs.length) {
      throw fail(`returned ${items.length} vectors for ${inputs.length} texts`);
    }
    const out: Array<Float32Array | undefined> = new Array(inputs.length);
    for (const item of items) {
      if (!Number.isInteger(item.index) || item.index < 0 || item.index >= inputs.length || out[item.index]) {
        throw fail(`returned a bad or repeated index ${item.index} for ${inputs.length} texts`);
      }
      const dims = expectDims ?? item.embedding.length;
      if (item.embedding.length !== dims || dims === 0) {
        throw fail(`returned a vector of ${item.embedding.length} dimensions where ${dims} were expected`);
      }
      out[item.index] = normalize(Float32Array.from(item.embedding));
    }
    return out as Float32Array[];
  }

  let probe: Float32Array[];
  try {
    probe = await embedBatch([PROBE_TEXT], opts.dimensions);
  } catch (err) {
    await dispatcher.close().catch(() => undefined);
    const status = err instanceof EmbeddingServiceError ? err.status : undefined;
    throw new EmbeddingServiceError(
      `Remote embedder could not start: ${(err as Error).message}. ${hint(status)}`,
      shown,
      status,
      err instanceof EmbeddingServiceError ? err.attempts : 1,
      { cause: err },
    );
  }
  const dimensions = probe[0]!.length;

  return {
    id: `remote:${opts.model}:${dimensions}`,
    dimensions,
    async embed(texts: string[], _purpose: EmbedPurpose): Promise<Float32Array[]> {
      const result: Float32Array[] = new Array(texts.length);
      // The API refuses empty strings; a text with nothing in it gets the zero vector instead.
      const positions: number[] = [];
      texts.forEach((text, i) => {
        if (text.trim() === '') result[i] = new Float32Array(dimensions);
        else positions.push(i);
      });
      for (let start = 0; start < positions.length; start += batchSize) {
        const slice = positions.slice(start, start + batchSize);
        const vectors = await embedBatch(
          slice.map((i) => texts[i] as string),
          dimensions,
        );
        slice.forEach((pos, j) => {
          result[pos] = vectors[j] as Float32Array;
        });
      }
      return result;
    },
    close: () => dispatcher.close(),
  };
}

function hint(status: number | undefined): string {
  const all = 'check EMBEDDINGS_URL, EMBEDDINGS_API_KEY and EMBEDDING_MODEL';
  if (status === 401 || status === 403) return `The key was refused: set a valid EMBEDDINGS_API_KEY (${all}).`;
  if (status === 404) {
    return `Nothing answers there: EMBEDDINGS_URL should be the API base (e.g. https://api.openai.com/v1) and EMBEDDING_MODEL a model it serves (${all}).`;
  }
  if (status === 400 || status === 422) return `The request was refused: is EMBEDDING_MODEL an embedding model the service serves? (${all}).`;
  return `To fix, ${all}.`;
}

/** {base}/embeddings, keeping any query string; only http and https. */
function embeddingsEndpoint(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new Error('EMBEDDINGS_URL is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`EMBEDDINGS_URL must be http or https, not ${url.protocol}`);
  }
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/embeddings`;
  return url.toString();
}

/** The URL as shown in errors and logs: no user-info and no query string, which can carry secrets. */
function displayUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.origin}${url.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}

/** The service's own words, from OpenAI's {error:{message}} envelope or the common variants. */
function serviceMessage(text: string): string {
  let message: string | undefined;
  try {
    const body = JSON.parse(text) as unknown;
    if (isRecord(body)) {
      const error = body['error'];
      if (isRecord(error) && typeof error['message'] === 'string') {
        const code = typeof error['code'] === 'string' ? ` (${error['code']})` : '';
        message = `${error['message']}${code}`;
      } else if (typeof error === 'string') message = error;
      else if (typeof body['message'] === 'string') message = body['message'];
      else if (typeof body['detail'] === 'string') message = body['detail'];
    }
  } catch {
    // not JSON: fall through to the raw text
  }
  message ??= text.trim() || 'no message';
  return message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}…` : message;
}

/** The `data` of an OpenAI embeddings list, or a description of what is wrong with the answer. */
function parseEmbeddings(text: string): EmbeddingItem[] | string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'answered with something that is not JSON';
  }
  if (!isRecord(body) || !Array.isArray(body['data'])) return 'answered without a `data` list of embeddings';
  const items: EmbeddingItem[] = [];
  for (const item of body['data'] as unknown[]) {
    if (!isRecord(item) || typeof item['index'] !== 'number' || !Array.isArray(item['embedding'])) {
      return 'answered with an entry that has no numeric `index` and `embedding` list';
    }
    const embedding = item['embedding'] as unknown[];
    if (!embedding.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      return 'answered with an embedding that is not a list of finite numbers';
    }
    items.push({ index: item['index'], embedding: embedding as number[] });
  }
  return items;
}

function transportMessage(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; code?: string; message?: string };
  const timedOut =
    e.name === 'TimeoutError' ||
    e.code === 'UND_ERR_HEADERS_TIMEOUT' ||
    e.code === 'UND_ERR_BODY_TIMEOUT' ||
    e.code === 'UND_ERR_CONNECT_TIMEOUT';
  if (timedOut) return `timed out: no complete answer within ${timeoutMs} ms`;
  return `could not be reached (${e.code ?? e.name ?? 'error'}: ${e.message ?? String(err)})`;
}

/** Milliseconds the service asks us to wait: retry-after-ms, or Retry-After in seconds or as an HTTP date. */
function retryAfter(headers: Record<string, string | string[] | undefined>): number | undefined {
  const ms = Number.parseFloat(headerValue(headers['retry-after-ms']) ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headerValue(headers['retry-after']);
  if (!raw) return undefined;
  const seconds = Number(raw.trim());
  if (raw.trim() !== '' && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function positiveInt(n: number, name: string): number {
  if (!Number.isInteger(n) || n < 1) throw new Error(`Remote embedder: ${name} must be a positive integer`);
  return n;
}

function nonNegativeInt(n: number, name: string): number {
  if (!Number.isInteger(n) || n < 0) throw new Error(`Remote embedder: ${name} must be a whole number, 0 or more`);
  return n;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
