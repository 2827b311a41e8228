/**
 * The in-process embedder: a sentence-embedding model (BERT-like, ONNX) run with @huggingface/transformers on the CPU.
 * Texts are tokenized (truncated to the model's maximum length), run through the model, mean-pooled over the
 * attention mask and scaled to unit length, in batches.
 *
 * Where the model comes from:
 *  - `modelDir`: only that local folder, in the usual Xenova/Hugging Face ONNX layout (config.json, tokenizer.json,
 *    tokenizer_config.json, onnx/model.onnx and/or onnx/model_quantized.onnx). The network is never touched.
 *  - otherwise the model hub name `model`. A copy already complete in `cacheDir` (where transformers keeps downloads,
 *    as `<cacheDir>/<model>/...`) is loaded like a local folder, without the network. Else, when `allowRemote`, a quick
 *    probe of the hub decides within `hubTimeoutMs` whether it can be reached at all, and only then transformers
 *    downloads the files into `cacheDir`; every request of that download must answer, and keep sending, within
 *    `hubTimeoutMs`, so an unreachable or stalled host fails in seconds rather than after undici's five-minute header
 *    timeout (measured with transformers alone: a host that accepts connections and never answers held a load for
 *    minutes; an unknown name or a refused port fails in milliseconds).
 *
 * Every failure is an `EmbeddingModelError` whose message names the model or path, says briefly why, and what to do.
 *
 * transformers keeps its settings in one global `env` object (cacheDir, remoteHost, allowRemoteModels, fetch...) and
 * reads them while loading. So each load sets exactly what it needs right before it starts, one load at a time (a
 * queue in this module), and puts the previous values back when it ends: several embedders with different options can
 * be loaded in one process, and nothing leaks to other users of the library. Running a loaded model needs no `env`.
 *
 * The library is imported lazily, on the first load, so importing this module costs nothing when EMBEDDER is not
 * `transformers` (it brings in the onnxruntime-node native binding).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { normalize, type EmbedPurpose, type Embedder } from '../embedder.js';

export interface TransformersEmbedderOptions {
  /** Local model folder (EMBEDDING_MODEL_DIR); wins over `model`, and then nothing is fetched. */
  modelDir?: string;
  /** Model hub name, e.g. Xenova/all-MiniLM-L6-v2 (EMBEDDING_MODEL). */
  model: string;
  /** Where hub downloads are cached (and looked for first). */
  cacheDir: string;
  /** Whether a model missing from `cacheDir` may be downloaded. */
  allowRemote: boolean;
  /** Model hub base URL; default https://huggingface.co/. */
  remoteHost?: string;
  /** Limit for the hub to answer each request and to keep a download moving (default 10000 ms). */
  hubTimeoutMs?: number;
  /** Texts per model run (default 32). */
  batchSize?: number;
}

/** The model could not be had or loaded; the message says which, why and what to do. */
export class EmbeddingModelError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EmbeddingModelError';
  }
}

const DEFAULT_REMOTE_HOST = 'https://huggingface.co/';
const WHAT_TO_DO =
  'Set EMBEDDING_MODEL_DIR to a local copy of the model (config.json, tokenizer.json, tokenizer_config.json, ' +
  'onnx/model.onnx), or set EMBEDDER=remote to use an embeddings service, or EMBEDDER=none to search on keywords only.';
const PROBE_TEXT = 'dimension probe';
const MAX_REASON_CHARS = 240;

/** The ONNX file names transformers looks for under onnx/, by the dtype that selects them. */
const FP32_FILE = 'model.onnx';
const QUANTIZED_FILE = 'model_quantized.onnx';

/**
 * Loads the model, checks it by embedding one text (which also tells the vector size) and returns the embedder.
 * Rejects with an `EmbeddingModelError` (never a bare library error) when the model cannot be had or loaded.
 */
export async function loadTransformersEmbedder(opts: TransformersEmbedderOptions): Promise<Embedder> {
  const batchSize = opts.batchSize ?? 32;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new EmbeddingModelError(`batchSize must be a positive integer, got ${batchSize}`);
  const hubTimeoutMs = opts.hubTimeoutMs ?? 10_000;
  if (!(hubTimeoutMs > 0)) throw new EmbeddingModelError(`hubTimeoutMs must be positive, got ${hubTimeoutMs}`);

  const loaded = opts.modelDir
    ? await loadFromFolder(await inspectModelFolder(resolve(opts.modelDir)), basename(resolve(opts.modelDir)))
    : await loadFromHub(opts, hubTimeoutMs);

  let dimensions: number;
  try {
    const probe = await embedBatch(loaded, [PROBE_TEXT]);
    dimensions = probe[0]?.length ?? 0;
  } catch (err) {
    await loaded.model.dispose().catch(() => undefined);
    throw new EmbeddingModelError(`Embedding model ${loaded.shownAs} loaded but could not embed a test text: ${reason(err)}. ${WHAT_TO_DO}`, { cause: err });
  }
  if (dimensions < 1) {
    await loaded.model.dispose().catch(() => undefined);
    throw new EmbeddingModelError(`Embedding model ${loaded.shownAs} produced empty vectors. ${WHAT_TO_DO}`);
  }

  return {
    id: `transformers:${loaded.name}:${dimensions}`,
    dimensions,
    // `purpose` is part of the port, but this adapter embeds queries and documents alike: the sentence-transformers
    // models it is meant for (all-MiniLM-L6-v2 and friends) are symmetric and were trained without any
    // "query:"/"passage:" prefix, so adding one would only hurt. A prefix-trained model (e5, bge) would need one here.
    async embed(texts: string[], _purpose: EmbedPurpose): Promise<Float32Array[]> {
      const out: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += batchSize) {
        out.push(...(await embedBatch(loaded, texts.slice(i, i + batchSize))));
      }
      return out;
    },
    async close(): Promise<void> {
      await loaded.model.dispose();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Local folders

interface ModelFolder {
  dir: string;
  /**
   * How transformers 4 picks the ONNX file: `AutoModel.from_pretrained(dir, { dtype })` loads
   * `onnx/model<suffix>.onnx`, where the dtype is `options.dtype`, else config.json's
   * `transformers.js_config.dtype`, else the device default (`cpu` in Node, whose default is fp32; wasm's is q8),
   * and the suffix comes from the dtype: fp32 -> "" (model.onnx), q8 -> "_quantized" (model_quantized.onnx),
   * fp16 -> "_fp16", int8 -> "_int8", uint8 -> "_uint8", q4 -> "_q4", ... It never looks at which files exist.
   * So we look, and pass the dtype explicitly: fp32 when onnx/model.onnx is there, else q8 when
   * onnx/model_quantized.onnx is the only one.
   */
  dtype: 'fp32' | 'q8';
  onnxPath: string;
  /** Longest input in tokens, from config.json's max_position_embeddings when it has one. */
  maxPositions: number | undefined;
}

async function inspectModelFolder(dir: string, what = 'Embedding model folder'): Promise<ModelFolder> {
  const kind = await pathKind(dir);
  if (kind === 'missing') throw new EmbeddingModelError(`${what} ${dir} does not exist. ${WHAT_TO_DO}`);
  if (kind !== 'dir') throw new EmbeddingModelError(`${what} ${dir} is not a folder. ${WHAT_TO_DO}`);

  const configPath = join(dir, 'config.json');
  if ((await pathKind(configPath)) !== 'file') throw new EmbeddingModelError(`${what} ${dir} has no config.json. ${WHAT_TO_DO}`);
  let config: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(await readFile(configPath, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
    config = parsed as Record<string, unknown>;
  } catch (err) {
    throw new EmbeddingModelError(`Model config ${configPath} could not be read: ${reason(err)}. ${WHAT_TO_DO}`, { cause: err });
  }

  for (const file of ['tokenizer.json', 'tokenizer_config.json']) {
    if ((await pathKind(join(dir, file))) !== 'file') {
      throw new EmbeddingModelError(`${what} ${dir} has no tokenizer: ${file} is missing. ${WHAT_TO_DO}`);
    }
  }

  const fp32 = join(dir, 'onnx', FP32_FILE);
  const quantized = join(dir, 'onnx', QUANTIZED_FILE);
  let pick: Pick<ModelFolder, 'dtype' | 'onnxPath'>;
  if ((await pathKind(fp32)) === 'file') pick = { dtype: 'fp32', onnxPath: fp32 };
  else if ((await pathKind(quantized)) === 'file') pick = { dtype: 'q8', onnxPath: quantized };
  else {
    throw new EmbeddingModelError(
      `${what} ${dir} has no model file: neither onnx/${FP32_FILE} nor onnx/${QUANTIZED_FILE} is there. ${WHAT_TO_DO}`,
    );
  }

  const maxPositions = config['max_position_embeddings'];
  return { dir, ...pick, maxPositions: typeof maxPositions === 'number' && maxPositions > 0 ? maxPositions : undefined };
}

async function loadFromFolder(folder: ModelFolder, name: string): Promise<LoadedModel> {
  const lib = await library();
  return withLibraryEnv(
    // Local only: no downloads, and no FS cache lookups (transformers would otherwise look for the same absolute
    // path under env.cacheDir first).
    { allowLocalModels: true, allowRemoteModels: false, useFSCache: false },
    async () => {
      let tokenizer: Tokenizer;
      try {
        tokenizer = (await lib.AutoTokenizer.from_pretrained(folder.dir, { local_files_only: true })) as unknown as Tokenizer;
      } catch (err) {
        throw new EmbeddingModelError(`The tokenizer in ${folder.dir} could not be loaded: ${reason(err)}. ${WHAT_TO_DO}`, { cause: err });
      }
      let model: Model;
      try {
        model = (await lib.AutoModel.from_pretrained(folder.dir, {
          local_files_only: true,
          dtype: folder.dtype,
          device: 'cpu',
          session_options: { logSeverityLevel: 3 },
        })) as unknown as Model;
      } catch (err) {
        throw new EmbeddingModelError(
          `The model file ${folder.onnxPath} could not be loaded (corrupt or not an ONNX model?): ${reason(err)}. ${WHAT_TO_DO}`,
          { cause: err },
        );
      }
      return { tokenizer, model, name, shownAs: folder.dir, maxLength: maxLength(tokenizer, folder.maxPositions) };
    },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The model hub

async function loadFromHub(opts: TransformersEmbedderOptions, timeoutMs: number): Promise<LoadedModel> {
  const model = opts.model;
  if (!isHubModelName(model)) {
    throw new EmbeddingModelError(
      `Embedding model name "${model}" is not a model hub name like "Xenova/all-MiniLM-L6-v2"; a local folder goes in EMBEDDING_MODEL_DIR. ${WHAT_TO_DO}`,
    );
  }
  const cacheDir = resolve(opts.cacheDir);

  // A complete earlier download: load it as a local folder, so a cached model works offline.
  const cached = await inspectModelFolder(join(cacheDir, model)).catch(() => undefined);
  if (cached) return loadFromFolder(cached, model);

  if (!opts.allowRemote) {
    throw new EmbeddingModelError(
      `Could not get embedding model "${model}": it is not in the cache ${cacheDir} and downloading models is turned off. ${WHAT_TO_DO}`,
    );
  }

  const host = hubBase(opts.remoteHost ?? DEFAULT_REMOTE_HOST, model);
  await probeHub(host, model, timeoutMs);

  const lib = await library();
  const original = lib.env.fetch;
  return withLibraryEnv(
    {
      allowLocalModels: false, // not from transformers' own models/ folder
      allowRemoteModels: true,
      remoteHost: host,
      cacheDir,
      useFSCache: true,
      fetch: patientFetch(original, timeoutMs, host),
    },
    async () => {
      try {
        // No dtype: transformers' own rule (config's transformers.js_config.dtype, else fp32 on the CPU) decides
        // which ONNX file to download; the cached copy is later picked by inspectModelFolder the same way.
        const tokenizer = (await lib.AutoTokenizer.from_pretrained(model, { cache_dir: cacheDir })) as unknown as Tokenizer;
        const loaded = (await lib.AutoModel.from_pretrained(model, {
          cache_dir: cacheDir,
          device: 'cpu',
          session_options: { logSeverityLevel: 3 },
        })) as unknown as Model;
        const config = loaded.config as Record<string, unknown> | undefined;
        const positions = config?.['max_position_embeddings'];
        const maxPositions = typeof positions === 'number' && positions > 0 ? positions : undefined;
        return { tokenizer, model: loaded, name: model, shownAs: `"${model}"`, maxLength: maxLength(tokenizer, maxPositions) };
      } catch (err) {
        throw new EmbeddingModelError(
          `Could not get embedding model "${model}" from ${host}: ${reason(err)}. ${WHAT_TO_DO}`,
          { cause: err },
        );
      }
    },
  );
}

/** Hub names as transformers accepts them: "name" or "owner/name", letters, digits, "-", "_" and ".". */
function isHubModelName(name: string): boolean {
  return /^([\w.-]+\/)?[\w.-]{1,96}$/.test(name) && !name.includes('..') && !name.includes('--');
}

function hubBase(remoteHost: string, model: string): string {
  let url: URL;
  try {
    url = new URL(remoteHost);
  } catch {
    throw new EmbeddingModelError(`Could not get embedding model "${model}": the model hub address "${remoteHost}" is not a URL. ${WHAT_TO_DO}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new EmbeddingModelError(`Could not get embedding model "${model}": the model hub address ${remoteHost} is not http(s). ${WHAT_TO_DO}`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * One small request (the first byte of config.json, as transformers asks for it) that must answer within
 * `timeoutMs`, so an unreachable hub is reported at once and by name, before transformers starts.
 */
async function probeHub(host: string, model: string, timeoutMs: number): Promise<void> {
  const url = `${host}${model}/resolve/main/config.json`;
  let status: number;
  try {
    const res = await fetch(url, { headers: { range: 'bytes=0-0' }, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    status = res.status;
    await res.body?.cancel().catch(() => undefined);
  } catch (err) {
    const why =
      err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')
        ? `no answer within ${timeoutMs / 1000} s`
        : reason(err);
    throw new EmbeddingModelError(
      `Could not get embedding model "${model}": the model hub at ${host} cannot be reached (${why}). ${WHAT_TO_DO}`,
      { cause: err },
    );
  }
  if (status === 401 || status === 403 || status === 404) {
    throw new EmbeddingModelError(
      `Could not get embedding model "${model}": ${host} has no such model (HTTP ${status}; a private or gated model is not supported). ${WHAT_TO_DO}`,
    );
  }
  if (status < 200 || (status >= 300 && status !== 416)) {
    throw new EmbeddingModelError(`Could not get embedding model "${model}": the model hub at ${host} answered HTTP ${status}. ${WHAT_TO_DO}`);
  }
}

/**
 * transformers' downloads go through `env.fetch`. This one gives every request `timeoutMs` to answer with headers,
 * then lets the body take as long as it needs as long as no `timeoutMs` pass without data, so a large model still
 * downloads on a slow line but a stalled one fails instead of hanging.
 */
function patientFetch(base: LibraryEnv['fetch'], timeoutMs: number, host: string): LibraryEnv['fetch'] {
  return async (input: string | URL, init?: RequestInit): Promise<Response> => {
    const controller = new AbortController();
    const stalled = (): void => controller.abort(new Error(`${host} sent nothing for ${timeoutMs / 1000} s`));
    const timer = setTimeout(stalled, timeoutMs);
    timer.unref();
    const signal = init?.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
    let res: Response;
    try {
      res = (await base(input, { ...init, signal })) as Response;
    } catch (err) {
      throw controller.signal.aborted ? controller.signal.reason : err;
    } finally {
      clearTimeout(timer);
    }
    if (!res.body) return res;
    const idle = setTimeout(stalled, timeoutMs);
    idle.unref();
    const watched = res.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, out) {
          idle.refresh();
          out.enqueue(chunk);
        },
        flush() {
          clearTimeout(idle);
        },
      }),
    );
    return new Response(watched, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Running the model

/** The parts of transformers' tokenizer, model and tensor this adapter uses. */
interface TensorLike {
  readonly dims: number[];
  readonly type: string;
  readonly data: ArrayLike<number | bigint>;
  to(type: string): TensorLike;
}
type Tokenizer = ((texts: string[], options: { padding: boolean; truncation: boolean; max_length: number }) => Record<string, TensorLike>) & {
  readonly model_max_length: number;
};
type Model = ((inputs: Record<string, TensorLike>) => Promise<Record<string, TensorLike | undefined>>) & {
  readonly config?: unknown;
  dispose(): Promise<unknown>;
};

interface LoadedModel {
  tokenizer: Tokenizer;
  model: Model;
  /** Model hub name or folder name: part of the embedder id. */
  name: string;
  /** How errors name it: the hub name in quotes or the folder path. */
  shownAs: string;
  /** Inputs are truncated to this many tokens. */
  maxLength: number;
}

/** The tokenizer's model_max_length, bounded by the model's position table (some tokenizers say 1e30). */
function maxLength(tokenizer: Tokenizer, maxPositions: number | undefined): number {
  const fromTokenizer = Number(tokenizer.model_max_length);
  const candidates = [fromTokenizer, maxPositions ?? Infinity].filter((n) => Number.isFinite(n) && n > 0);
  return candidates.length > 0 ? Math.min(...candidates) : 512;
}

async function embedBatch(loaded: LoadedModel, texts: string[]): Promise<Float32Array[]> {
  if (texts.length === 0) return [];
  const inputs = loaded.tokenizer(texts, { padding: true, truncation: true, max_length: loaded.maxLength });
  const mask = inputs['attention_mask'];
  if (!mask) throw new Error('the tokenizer gave no attention_mask');
  const outputs = await loaded.model(inputs);
  let hidden = outputs['last_hidden_state'] ?? outputs['token_embeddings'];
  if (!hidden) throw new Error(`the model has no last_hidden_state output (it has: ${Object.keys(outputs).join(', ')})`);
  if (hidden.type !== 'float32') hidden = hidden.to('float32');
  const [batch, sequence, width] = hidden.dims;
  if (hidden.dims.length !== 3 || batch !== texts.length || sequence === undefined || width === undefined) {
    throw new Error(`the model output has shape [${hidden.dims.join(', ')}], expected [${texts.length}, tokens, hidden]`);
  }
  return meanPool(hidden.data as Float32Array, mask.data, batch, sequence, width);
}

/** Averages the token vectors of each text over the tokens its attention mask keeps, then scales to unit length. */
function meanPool(
  hidden: Float32Array,
  mask: ArrayLike<number | bigint>,
  batch: number,
  sequence: number,
  width: number,
): Float32Array[] {
  const out: Float32Array[] = [];
  for (let b = 0; b < batch; b++) {
    const v = new Float32Array(width);
    let kept = 0;
    for (let s = 0; s < sequence; s++) {
      if (Number(mask[b * sequence + s]) === 0) continue;
      kept++;
      const offset = (b * sequence + s) * width;
      for (let h = 0; h < width; h++) v[h] = (v[h] as number) + (hidden[offset + h] as number);
    }
    if (kept > 0) for (let h = 0; h < width; h++) v[h] = (v[h] as number) / kept;
    out.push(normalize(v));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The library and its global settings

type Library = typeof import('@huggingface/transformers');
type LibraryEnv = Library['env'];
type EnvSettings = Partial<Pick<LibraryEnv, 'allowLocalModels' | 'allowRemoteModels' | 'remoteHost' | 'cacheDir' | 'useFSCache' | 'fetch'>>;

let libraryPromise: Promise<Library> | undefined;
function library(): Promise<Library> {
  libraryPromise ??= import('@huggingface/transformers').catch((err: unknown) => {
    libraryPromise = undefined;
    throw new EmbeddingModelError(`@huggingface/transformers could not be loaded: ${reason(err)}. ${WHAT_TO_DO}`, { cause: err });
  });
  return libraryPromise;
}

let envQueue: Promise<unknown> = Promise.resolve();

/** Runs `fn` with these `env` settings, after any other load has finished, and restores the previous values after. */
async function withLibraryEnv<T>(settings: EnvSettings, fn: () => Promise<T>): Promise<T> {
  const { env } = await library();
  const run = envQueue.then(async () => {
    const keys = Object.keys(settings) as Array<keyof EnvSettings>;
    const saved: EnvSettings = {};
    for (const key of keys) Object.assign(saved, { [key]: env[key] });
    Object.assign(env, settings);
    try {
      return await fn();
    } finally {
      Object.assign(env, saved);
    }
  });
  envQueue = run.catch(() => undefined);
  return run;
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

async function pathKind(path: string): Promise<'file' | 'dir' | 'other' | 'missing'> {
  try {
    const s = await stat(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : 'other';
  } catch {
    return 'missing';
  }
}

/** A short, one-line reason from an error (and its cause, for fetch's "fetch failed"), without a stack. */
function reason(err: unknown): string {
  let text = err instanceof Error ? err.message : String(err);
  const cause = err instanceof Error ? (err.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause && typeof cause === 'object') {
    const detail = typeof cause.message === 'string' && cause.message ? cause.message : typeof cause.code === 'string' ? cause.code : '';
    if (detail && !text.includes(detail)) text = `${text}: ${detail}`;
  }
  text = text.split('\n').map((l) => l.trim()).filter(Boolean).join(' ').replace(/\.+$/, '');
  return text.length > MAX_REASON_CHARS ? `${text.slice(0, MAX_REASON_CHARS - 1)}…` : text;
}
