/**
 * A stand-in for an OpenAI-compatible embeddings service on 127.0.0.1: POST {base}/embeddings with
 * {model, input, encoding_format?, dimensions?} answers {object:'list', data:[{object:'embedding', index,
 * embedding}], model, usage}, and errors come in OpenAI's {error:{message,type,param,code}} envelope.
 *
 * Vectors are hashed character trigrams counted into N buckets, deliberately not unit length, so a client's
 * normalization shows. Faults can be queued for the next requests, and every request is logged.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandinOptions {
  /** Vector size when the request names no `dimensions` (default 64). */
  dims?: number;
  /** Bearer key every request must carry; null accepts requests without one (default 'test-key'). */
  apiKey?: string | null;
  /** Most inputs accepted in one request; more is a 400 (default 100). */
  maxInputs?: number;
  /** Answer `data` in reverse order (the contract says order by `index`, not by position). */
  shuffle?: boolean;
  /** Echo the presented key in full in 401 messages, as a careless service might. */
  echoKeyOn401?: boolean;
}

export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string; message?: string }
  | { kind: 'hang' }
  | { kind: 'wrong-count' }
  | { kind: 'wrong-dims' }
  | { kind: 'redirect'; location: string };

export interface LoggedRequest {
  method: string;
  path: string;
  /** Inputs in the request body (0 when the body was not a valid request). */
  inputs: number;
  /** Whether an Authorization header came at all, and whether it carried the right key. */
  hasAuthorization: boolean;
  authorized: boolean;
  model: string | undefined;
  dimensions: number | undefined;
  encodingFormat: string | undefined;
  answered: number | 'hang';
}

export interface EmbeddingsStandin {
  /** Base URL to configure, e.g. http://127.0.0.1:PORT/v1 */
  url: string;
  origin: string;
  requests: LoggedRequest[];
  /** Queues a fault for each of the next `times` requests (after any already queued). */
  fail(fault: Fault, times?: number): void;
  close(): Promise<void>;
}

/** The stand-in's raw (unnormalized) vector for a text: trigram counts hashed (FNV-1a) into `dims` buckets. */
export function standinVector(text: string, dims: number): number[] {
  const v = new Array<number>(dims).fill(0);
  const s = `  ${text.toLowerCase()}  `;
  for (let i = 0; i + 3 <= s.length; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + 3; j++) {
      h ^= s.charCodeAt(j);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    const bucket = h % dims;
    v[bucket] = (v[bucket] as number) + 1 + ((h >>> 16) % 3);
  }
  return v;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  type: string,
  code: string | null,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error: { message, type, param: null, code } }, headers);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startEmbeddingsStandin(opts: StandinOptions = {}): Promise<EmbeddingsStandin> {
  const defaultDims = opts.dims ?? 64;
  const apiKey = opts.apiKey === undefined ? 'test-key' : opts.apiKey;
  const maxInputs = opts.maxInputs ?? 100;
  const faults: Fault[] = [];
  const requests: LoggedRequest[] = [];

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) sendError(res, 500, 'stand-in failed', 'server_error', null);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const auth = req.headers['authorization'];
    const entry: LoggedRequest = {
      method: req.method ?? '',
      path: (req.url ?? '').split('?')[0] ?? '',
      inputs: 0,
      hasAuthorization: auth !== undefined,
      authorized: apiKey === null || auth === `Bearer ${apiKey}`,
      model: undefined,
      dimensions: undefined,
      encodingFormat: undefined,
      answered: 0,
    };
    requests.push(entry);
    let parsed: Record<string, unknown> | undefined;
    try {
      const body = JSON.parse(raw) as unknown;
      if (typeof body === 'object' && body !== null && !Array.isArray(body)) parsed = body as Record<string, unknown>;
    } catch {
      parsed = undefined;
    }
    const input = parsed?.['input'];
    const inputs: unknown[] = Array.isArray(input) ? input : input === undefined ? [] : [input];
    entry.inputs = inputs.length;
    entry.model = typeof parsed?.['model'] === 'string' ? parsed['model'] : undefined;
    entry.dimensions = typeof parsed?.['dimensions'] === 'number' ? parsed['dimensions'] : undefined;
    entry.encodingFormat = typeof parsed?.['encoding_format'] === 'string' ? parsed['encoding_format'] : undefined;

    const answer = (status: number, body: unknown, headers?: Record<string, string>) => {
      entry.answered = status;
      sendJson(res, status, body, headers);
    };
    const error = (status: number, message: string, type: string, code: string | null, headers?: Record<string, string>) => {
      entry.answered = status;
      sendError(res, status, message, type, code, headers);
    };

    if (req.method !== 'POST' || entry.path !== '/v1/embeddings') {
      return error(404, `Unknown request URL: ${req.method} ${entry.path}.`, 'invalid_request_error', 'unknown_url');
    }
    if (!entry.authorized) {
      const presented = typeof auth === 'string' ? auth.replace(/^Bearer\s+/i, '') : '';
      const shown = opts.echoKeyOn401 ? presented : presented ? `${presented.slice(0, 3)}****` : '';
      return error(
        401,
        presented ? `Incorrect API key provided: ${shown}.` : "You didn't provide an API key.",
        'invalid_request_error',
        presented ? 'invalid_api_key' : null,
      );
    }

    const fault = faults.shift();
    if (fault?.kind === 'hang') {
      entry.answered = 'hang';
      return; // never answers; the socket is destroyed on close()
    }
    if (fault?.kind === 'status') {
      const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {};
      const type = fault.status === 429 ? 'requests' : 'server_error';
      return error(fault.status, fault.message ?? `Injected fault ${fault.status}`, type, null, headers);
    }
    if (fault?.kind === 'redirect') {
      entry.answered = 307;
      res.writeHead(307, { location: fault.location, 'content-type': 'text/plain' });
      res.end('moved');
      return;
    }

    if (!parsed || typeof parsed['model'] !== 'string' || parsed['model'] === '') {
      return error(400, "you must provide a model parameter", 'invalid_request_error', null);
    }
    if (inputs.length === 0 || !inputs.every((x) => typeof x === 'string')) {
      return error(400, "'input' must be a string or a non-empty array of strings", 'invalid_request_error', null);
    }
    if (inputs.length > maxInputs) {
      return error(400, `'input' has ${inputs.length} items; at most ${maxInputs} are allowed`, 'invalid_request_error', null);
    }
    if ((inputs as string[]).some((s) => s === '')) {
      return error(400, "'input' cannot contain an empty string", 'invalid_request_error', null);
    }
    if (entry.encodingFormat !== undefined && entry.encodingFormat !== 'float') {
      return error(400, 'this stand-in only speaks encoding_format "float"', 'invalid_request_error', null);
    }
    const dims = entry.dimensions ?? defaultDims;

    let data = (inputs as string[]).map((text, index) => ({ object: 'embedding', index, embedding: standinVector(text, dims) }));
    if (fault?.kind === 'wrong-count') data = data.slice(0, Math.max(0, data.length - 1));
    if (fault?.kind === 'wrong-dims') data = data.map((d) => ({ ...d, embedding: d.embedding.slice(0, dims - 1) }));
    if (opts.shuffle) data = [...data].reverse();
    const tokens = (inputs as string[]).reduce((n, s) => n + Math.ceil(s.length / 4), 0);
    answer(200, { object: 'list', data, model: parsed['model'], usage: { prompt_tokens: tokens, total_tokens: tokens } });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/v1`,
    origin,
    requests,
    fail(fault, times = 1) {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
