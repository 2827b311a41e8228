/** The remote embedder against a local OpenAI-compatible stand-in: probing, order, batching, auth, retries, faults. */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import t, { type Test } from 'tap';
import { connectRemoteEmbedder, type RemoteEmbedderOptions } from '../src/search/embedders/remote.js';
import { startEmbeddingsStandin, standinVector, type EmbeddingsStandin } from './helpers/embeddings-standin.js';

const KEY = 'sk-test-0123456789abcdef';
const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, x) => s + x * x, 0));
/** Fast retries for tests: tiny backoff, short caps. */
const fast = { backoffBaseMs: 5, maxDelayMs: 50, timeoutMs: 2_000 } satisfies Partial<RemoteEmbedderOptions>;

async function standin(t: Test, opts: Parameters<typeof startEmbeddingsStandin>[0] = {}): Promise<EmbeddingsStandin> {
  const s = await startEmbeddingsStandin({ apiKey: KEY, ...opts });
  t.teardown(s.close);
  return s;
}

async function connect(t: Test, opts: RemoteEmbedderOptions) {
  const e = await connectRemoteEmbedder(opts);
  t.teardown(() => e.close?.());
  return e;
}

/** Captures pino output so tests can prove the key never reaches a log line. */
function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString('utf8'));
      cb();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

t.test('connect probes the vector size with one single-input request', async (t) => {
  const s = await standin(t, { dims: 48 });
  const e = await connect(t, { url: s.url, apiKey: KEY, model: 'test-model', ...fast });
  t.equal(e.dimensions, 48);
  t.equal(e.id, 'remote:test-model:48');
  t.equal(s.requests.length, 1);
  const probe = s.requests[0]!;
  t.match(probe, { method: 'POST', path: '/v1/embeddings', inputs: 1, model: 'test-model', encodingFormat: 'float', authorized: true });
  t.equal(probe.dimensions, undefined, 'no dimensions asked for unless configured');

  const short = await connect(t, { url: `${s.url}/`, apiKey: KEY, model: 'test-model', dimensions: 16, ...fast });
  t.equal(short.dimensions, 16, 'a trailing slash on the base is fine, and `dimensions` is forwarded');
  t.equal(s.requests[1]!.dimensions, 16);
});

t.test('vectors are unit length and in input order even when data comes back shuffled', async (t) => {
  const s = await standin(t, { dims: 32, shuffle: true });
  const e = await connect(t, { url: s.url, apiKey: KEY, model: 'm', ...fast });
  const texts = ['basmati rice 5 kg', 'toor dal', 'amul butter 500 g', 'haldi powder', 'Parle-G biscuits'];
  const vectors = await e.embed(texts, 'document');
  t.equal(vectors.length, texts.length);
  texts.forEach((text, i) => {
    const raw = standinVector(text, 32);
    t.ok(Math.abs(norm(raw) - 1) > 0.01, `the stand-in's raw vector for "${text}" is not unit length`);
    const v = vectors[i]!;
    t.ok(v instanceof Float32Array && v.length === 32);
    t.ok(Math.abs(norm(v) - 1) < 1e-5, `"${text}" is unit length`);
    const expected = raw.map((x) => x / norm(raw));
    t.ok(
      expected.every((x, k) => Math.abs(x - v[k]!) < 1e-6),
      `vector ${i} belongs to "${text}"`,
    );
  });
  const q = await e.embed(['toor dal'], 'query');
  t.ok(q[0]!.every((x, k) => Math.abs(x - vectors[1]![k]!) < 1e-6), 'same text, same vector');
});

t.test('250 texts go in batches of at most batchSize, and a request over the service limit is refused at once', async (t) => {
  const s = await standin(t, { maxInputs: 100 });
  const e = await connect(t, { url: s.url, apiKey: KEY, model: 'm', ...fast });
  const texts = Array.from({ length: 250 }, (_, i) => `product number ${i}`);
  const before = s.requests.length;
  const vectors = await e.embed(texts, 'document');
  t.equal(vectors.length, 250);
  t.same(
    s.requests.slice(before).map((r) => r.inputs),
    [96, 96, 58],
    'default batchSize 96 gives three requests',
  );
  t.ok(vectors.every((v) => Math.abs(norm(v) - 1) < 1e-5));
  const last = standinVector('product number 249', 64);
  t.ok(last.every((x, k) => Math.abs(x / norm(last) - vectors[249]![k]!) < 1e-6), 'batch results land in the right places');

  const empty = await e.embed(['', 'atta', '   '], 'document');
  t.same(Array.from(empty[0]!), new Array(64).fill(0), 'an empty text is the zero vector, never sent');
  t.ok(Math.abs(norm(empty[1]!) - 1) < 1e-5);
  t.equal(s.requests.at(-1)!.inputs, 1, 'only the non-empty text was sent');
  t.same(await e.embed([], 'query'), []);

  const big = await connect(t, { url: s.url, apiKey: KEY, model: 'm', batchSize: 150, ...fast });
  const n = s.requests.length;
  await t.rejects(big.embed(texts, 'document'), { message: /HTTP 400: 'input' has 150 items; at most 100/ });
  t.equal(s.requests.length - n, 1, 'a 400 is not retried');
});

t.test('401 fails at once with a clear message that never contains the key', async (t) => {
  const s = await standin(t, { echoKeyOn401: true });
  const wrong = 'sk-wrong-9876543210fedcba';
  const { logger, lines } = capturingLogger();
  const err = await connectRemoteEmbedder({ url: s.url, apiKey: wrong, model: 'm', logger, ...fast }).then(
    () => undefined,
    (e: Error) => e,
  );
  t.ok(err, 'connect fails');
  t.equal(s.requests.length, 1, 'no retry on 401');
  t.match(err!.message, /127\.0\.0\.1:\d+\/v1\/embeddings/, 'names the URL');
  t.match(err!.message, /HTTP 401/, 'names the status');
  t.match(err!.message, /Incorrect API key provided/, "carries the service's message");
  t.match(err!.message, /EMBEDDINGS_API_KEY/, 'says what to fix');
  t.match(err!.message, /EMBEDDINGS_URL/);
  t.notMatch(err!.message, wrong, 'the key is not in the message even when the service echoes it');
  t.notOk(lines.join('').includes(wrong), 'nor in any log line');

  await t.rejects(connectRemoteEmbedder({ url: s.url, model: 'm', ...fast }), { message: /HTTP 401: You didn't provide an API key/ });
  t.equal(s.requests.at(-1)!.hasAuthorization, false, 'no key configured, no Authorization header');
});

t.test('404 (wrong base URL) explains what EMBEDDINGS_URL should be', async (t) => {
  const s = await standin(t);
  await t.rejects(connectRemoteEmbedder({ url: s.origin, apiKey: KEY, model: 'm', ...fast }), {
    message: /HTTP 404.*EMBEDDINGS_URL should be the API base/s,
  });
  t.equal(s.requests.length, 1);
});

t.test('429 then success is retried, honouring Retry-After within the cap', async (t) => {
  const s = await standin(t);
  const { logger, lines } = capturingLogger();
  const e = await connect(t, { url: s.url, apiKey: KEY, model: 'm', logger, ...fast, maxDelayMs: 5_000 });
  s.fail({ kind: 'status', status: 429, retryAfter: '1', message: 'Rate limit reached' });
  const start = Date.now();
  const [v] = await e.embed(['ghee'], 'query');
  const waited = Date.now() - start;
  t.ok(v && Math.abs(norm(v) - 1) < 1e-5);
  t.same(s.requests.slice(-2).map((r) => r.answered), [429, 200]);
  t.ok(waited >= 950 && waited < 3_000, `waited ${waited} ms for Retry-After: 1 (backoff alone would be ~5 ms)`);
  t.match(lines.join(''), /embeddings request failed; retrying/);
  t.notOk(lines.join('').includes(KEY), 'the retry log holds no key');

  const capped = await connect(t, { url: s.url, apiKey: KEY, model: 'm', ...fast, maxDelayMs: 200 });
  s.fail({ kind: 'status', status: 429, retryAfter: '3600' }, 2);
  const start2 = Date.now();
  await capped.embed(['paneer'], 'query');
  const waited2 = Date.now() - start2;
  t.ok(waited2 >= 350 && waited2 < 2_000, `Retry-After: 3600 capped at 200 ms per wait: took ${waited2} ms for two waits`);
});

t.test('503 beyond the retry budget fails with a clear message', async (t) => {
  const s = await standin(t);
  const e = await connect(t, { url: s.url, apiKey: KEY, model: 'm', retries: 2, ...fast });
  s.fail({ kind: 'status', status: 503, message: 'The server is overloaded' }, 10);
  const n = s.requests.length;
  await t.rejects(e.embed(['rice'], 'document'), {
    name: 'EmbeddingServiceError',
    status: 503,
    attempts: 3,
    message: /\/v1\/embeddings answered HTTP 503: The server is overloaded \(gave up after 3 attempts\)/,
  });
  t.equal(s.requests.length - n, 3, 'one try plus two retries');

  const down = await startEmbeddingsStandin({ apiKey: KEY });
  const url = down.url;
  await down.close();
  await t.rejects(connectRemoteEmbedder({ url, apiKey: KEY, model: 'm', retries: 1, ...fast }), {
    message: /could not be reached \(ECONNREFUSED.*gave up after 2 attempts.*EMBEDDINGS_URL/s,
  });
});

t.test('a hung request hits the timeout, is retried within budget, then fails', async (t) => {
  const s = await standin(t);
  const e = await connect(t, { url: s.url, apiKey: KEY, model: 'm', ...fast, timeoutMs: 300, retries: 1 });
  s.fail({ kind: 'hang' }, 2);
  const n = s.requests.length;
  const start = Date.now();
  await t.rejects(e.embed(['sugar'], 'document'), { message: /timed out: no complete answer within 300 ms \(gave up after 2 attempts\)/ });
  const took = Date.now() - start;
  t.ok(took >= 550 && took < 3_000, `two 300 ms timeouts took ${took} ms`);
  t.same(s.requests.slice(n).map((r) => r.answered), ['hang', 'hang']);

  s.fail({ kind: 'hang' });
  const [v] = await e.embed(['salt'], 'document');
  t.ok(v && Math.abs(norm(v) - 1) < 1e-5, 'one hang then an answer succeeds');
});

t.test('a wrong number of vectors, or of dimensions, is refused and not retried', async (t) => {
  const s = await standin(t);
  const e = await connect(t, { url: s.url, apiKey: KEY, model: 'm', ...fast });
  s.fail({ kind: 'wrong-count' });
  const n = s.requests.length;
  await t.rejects(e.embed(['a1', 'b2', 'c3'], 'document'), { message: /returned 2 vectors for 3 texts/ });
  t.equal(s.requests.length - n, 1);
  s.fail({ kind: 'wrong-dims' });
  await t.rejects(e.embed(['a1'], 'document'), { message: /vector of 63 dimensions where 64 were expected/ });
});

t.test('the key goes only to the configured host: redirects are not followed', async (t) => {
  const s = await standin(t);
  const elsewhere = await standin(t, { apiKey: null });
  const e = await connect(t, { url: s.url, apiKey: KEY, model: 'm', ...fast });
  s.fail({ kind: 'redirect', location: `${elsewhere.url}/embeddings?steal=1` });
  await t.rejects(e.embed(['chai'], 'document'), { message: /HTTP 307: a redirect to http:\/\/127\.0\.0\.1:\d+\/v1\/embeddings, which is not followed/ });
  t.equal(elsewhere.requests.length, 0, 'the other host saw no request at all');
  t.ok(s.requests.every((r) => r.authorized), 'the configured host got the key every time');

  const open = await connect(t, { url: elsewhere.url, model: 'm', ...fast });
  await open.embed(['chai'], 'document');
  t.ok(elsewhere.requests.length > 0 && elsewhere.requests.every((r) => !r.hasAuthorization), 'no key configured, none sent');
});

t.test('bad options are refused before any request', async (t) => {
  await t.rejects(connectRemoteEmbedder({ url: 'ftp://example.com/v1', model: 'm' }), { message: /http or https/ });
  await t.rejects(connectRemoteEmbedder({ url: 'not a url', model: 'm' }), { message: /not a valid URL/ });
  await t.rejects(connectRemoteEmbedder({ url: 'http://127.0.0.1:1/v1', model: 'm', batchSize: 0 }), { message: /batchSize/ });
});
