/** The in-process transformers embedder, on a tiny generated BERT-like model (no downloads, no real weights). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import type { Embedder } from '../src/search/embedder.js';
import { loadTransformersEmbedder, type TransformersEmbedderOptions } from '../src/search/embedders/transformers.js';
import { writeTinyModel } from './helpers/tiny-model.js';

const HIDDEN = 24;
const MAX_LENGTH = 32;
const root = mkdtempSync(join(tmpdir(), 'embedder-transformers-'));
t.teardown(() => rmSync(root, { recursive: true, force: true }));

const modelDir = join(root, 'tiny-bert');
await writeTinyModel(modelDir, { dimensions: HIDDEN, maxLength: MAX_LENGTH });
const local = (dir: string, extra: Partial<TransformersEmbedderOptions> = {}): TransformersEmbedderOptions => ({
  modelDir: dir,
  model: 'unused/when-a-folder-is-given',
  cacheDir: join(root, 'no-cache'),
  allowRemote: false,
  ...extra,
});

const loadStarted = Date.now();
const embedder = await loadTransformersEmbedder(local(modelDir));
const loadMs = Date.now() - loadStarted;
t.teardown(() => embedder.close?.());

const dot = (a: Float32Array, b: Float32Array): number => a.reduce((sum, x, i) => sum + x * (b[i] as number), 0);
const norm = (a: Float32Array): number => Math.sqrt(dot(a, a));
const maxDiff = (a: Float32Array, b: Float32Array): number => a.reduce((m, x, i) => Math.max(m, Math.abs(x - (b[i] as number))), 0);
const one = async (e: Embedder, text: string): Promise<Float32Array> => (await e.embed([text], 'document'))[0] as Float32Array;

/** Rejects, and how long it took. */
async function failure(opts: TransformersEmbedderOptions): Promise<{ message: string; ms: number }> {
  const started = Date.now();
  try {
    const e = await loadTransformersEmbedder(opts);
    await e.close?.();
  } catch (err) {
    return { message: err instanceof Error ? err.message : String(err), ms: Date.now() - started };
  }
  throw new Error('expected the load to fail');
}

/** Every error tells what to do, on one line, without a stack. */
function saysWhatToDo(t: Test, message: string): void {
  t.match(message, /EMBEDDING_MODEL_DIR/);
  t.match(message, /EMBEDDER=remote/);
  t.match(message, /EMBEDDER=none/);
  t.notMatch(message, /\n\s+at /, 'no stack trace in the message');
}

t.test('dimensions and id come from the model', async (t) => {
  t.equal(embedder.dimensions, HIDDEN);
  t.equal(embedder.id, `transformers:tiny-bert:${HIDDEN}`);
  const [v] = await embedder.embed(['red cotton shirt'], 'query');
  t.equal(v?.length, HIDDEN);

  // A second model of another size in the same process, loaded at the same time as a third.
  const otherDir = join(root, 'wider');
  const quantizedDir = join(root, 'quantized');
  await writeTinyModel(otherDir, { dimensions: 40, seed: 7 });
  await writeTinyModel(quantizedDir, { dimensions: 12, quantizedOnly: true });
  const [wider, quantized] = await Promise.all([loadTransformersEmbedder(local(otherDir)), loadTransformersEmbedder(local(quantizedDir))]);
  t.teardown(async () => {
    await wider.close?.();
    await quantized.close?.();
  });
  t.equal(wider.dimensions, 40);
  t.equal(wider.id, 'transformers:wider:40');
  t.equal((await one(wider, 'steel pressure cooker')).length, 40);
  t.equal(quantized.dimensions, 12, 'onnx/model_quantized.onnx alone is found and used');
  t.equal(embedder.dimensions, HIDDEN, 'the first embedder is unaffected');
  t.equal((await one(embedder, 'steel pressure cooker')).length, HIDDEN);
});

t.test('vectors are unit length, also for an empty text and unknown words', async (t) => {
  const vectors = await embedder.embed(['red cotton shirt', 'Basmati RICE 5 kg', '', 'zzz qqq unknown words'], 'document');
  t.equal(vectors.length, 4);
  for (const v of vectors) t.ok(Math.abs(norm(v) - 1) < 1e-5, `norm ${norm(v)}`);
});

t.test('the same text gives the same vector: twice, in a batch or alone, as query or document', async (t) => {
  const text = 'green silk saree for women';
  const a = await one(embedder, text);
  const b = await one(embedder, text);
  t.equal(maxDiff(a, b), 0, 'two calls');
  const batch = await embedder.embed(['steel kitchen knife', text, 'a much longer text about red cotton kurta for men and kids'], 'document');
  t.ok(maxDiff(a, batch[1] as Float32Array) < 1e-6, 'padding in a batch changes nothing');
  const [q] = await embedder.embed([text], 'query');
  t.ok(maxDiff(a, q as Float32Array) < 1e-6, 'queries and documents are embedded alike');
});

t.test('more texts than one batch come back complete and in order', async (t) => {
  const words = ['red', 'blue', 'green', 'black', 'white', 'cotton', 'silk', 'wool', 'shirt', 'saree'];
  const texts = Array.from({ length: 75 }, (_, i) => `${words[i % 10]} ${words[Math.floor(i / 10) % 10]} pack of ${i}`);
  const vectors = await embedder.embed(texts, 'document');
  t.equal(vectors.length, 75);
  for (const i of [0, 31, 32, 33, 63, 64, 74]) {
    t.ok(maxDiff(vectors[i] as Float32Array, await one(embedder, texts[i] as string)) < 1e-6, `text ${i}`);
  }
  t.same(await embedder.embed([], 'document'), []);
});

t.test('different texts give different vectors; shared words make texts similar', async (t) => {
  const a = await one(embedder, 'red cotton shirt');
  const b = await one(embedder, 'steel pressure cooker');
  t.ok(maxDiff(a, b) > 0.05);

  // The same words in another order vs. texts with no word in common (beyond [CLS] and [SEP]).
  const sameWords: Array<[string, string]> = [
    ['red cotton shirt', 'shirt cotton red'],
    ['steel pressure cooker', 'pressure cooker steel'],
    ['basmati rice pack', 'pack basmati rice'],
    ['phone charger cable', 'cable for phone charger'],
  ];
  const noWordsShared: Array<[string, string]> = [
    ['red cotton shirt', 'steel pressure cooker'],
    ['basmati rice pack', 'phone charger cable'],
    ['silk saree', 'laptop mouse battery'],
    ['milk tea sugar', 'black leather shoes'],
  ];
  const similarity = async ([x, y]: [string, string]): Promise<number> => dot(await one(embedder, x), await one(embedder, y));
  const shared = await Promise.all(sameWords.map(similarity));
  const disjoint = await Promise.all(noWordsShared.map(similarity));
  const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
  t.ok(Math.min(...shared) > Math.max(...disjoint), `shared ${shared.map((x) => x.toFixed(2))} vs disjoint ${disjoint.map((x) => x.toFixed(2))}`);
  t.ok(mean(shared) > mean(disjoint) + 0.3, `mean ${mean(shared).toFixed(2)} vs ${mean(disjoint).toFixed(2)}`);

  // Partial overlap sits in between, on average.
  const partial = await Promise.all(
    ([
      ['red cotton shirt', 'red cotton dress'],
      ['steel pressure cooker', 'steel kitchen knife'],
      ['basmati rice pack', 'wheat atta pack'],
    ] as Array<[string, string]>).map(similarity),
  );
  t.ok(mean(partial) > mean(disjoint) && mean(partial) < mean(shared), `partial ${mean(partial).toFixed(2)}`);
});

t.test('long texts are truncated to the model maximum length', async (t) => {
  // Every word is one token; the tiny model's position table has MAX_LENGTH rows and fails on longer inputs.
  const words = Array.from({ length: 200 }, (_, i) => ['red', 'cotton', 'shirt', 'steel', 'knife', 'tea', 'milk'][i % 7]);
  const long = await one(embedder, words.join(' '));
  t.ok(Math.abs(norm(long) - 1) < 1e-5);
  // Only the first MAX_LENGTH tokens count: a different ending changes nothing. (transformers.js truncates after
  // adding [CLS] and [SEP], so the kept sequence ends with a word, not [SEP].)
  const otherEnding = [...words.slice(0, MAX_LENGTH + 5), ...Array.from({ length: 100 }, () => 'laptop')];
  t.ok(maxDiff(long, await one(embedder, otherEnding.join(' '))) < 1e-6, 'only the first tokens count');
  const short = await one(embedder, words.slice(0, 10).join(' '));
  t.ok(maxDiff(long, short) > 1e-3, 'while a text shorter than the limit is a different text');
});

t.test('a local folder that cannot be used is reported with its path', async (t) => {
  const missing = join(root, 'does-not-exist');
  const m1 = await failure(local(missing));
  t.match(m1.message, missing);
  t.match(m1.message, /does not exist/);
  saysWhatToDo(t, m1.message);

  const noOnnx = join(root, 'no-onnx');
  await writeTinyModel(noOnnx);
  rmSync(join(noOnnx, 'onnx', 'model.onnx'));
  const m2 = await failure(local(noOnnx));
  t.match(m2.message, noOnnx);
  t.match(m2.message, /no model file/);
  t.match(m2.message, /onnx\/model\.onnx/);
  saysWhatToDo(t, m2.message);

  const corrupt = join(root, 'corrupt');
  await writeTinyModel(corrupt);
  writeFileSync(join(corrupt, 'onnx', 'model.onnx'), 'this is not an ONNX file at all');
  const m3 = await failure(local(corrupt));
  t.match(m3.message, join(corrupt, 'onnx', 'model.onnx'));
  t.match(m3.message, /could not be loaded/);
  saysWhatToDo(t, m3.message);

  const truncated = join(root, 'truncated');
  await writeTinyModel(truncated);
  const bytes = readFileSync(join(truncated, 'onnx', 'model.onnx'));
  writeFileSync(join(truncated, 'onnx', 'model.onnx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
  const m4 = await failure(local(truncated));
  t.match(m4.message, join(truncated, 'onnx', 'model.onnx'));
  saysWhatToDo(t, m4.message);

  const noTokenizer = join(root, 'no-tokenizer');
  await writeTinyModel(noTokenizer);
  rmSync(join(noTokenizer, 'tokenizer.json'));
  const m5 = await failure(local(noTokenizer));
  t.match(m5.message, noTokenizer);
  t.match(m5.message, /no tokenizer: tokenizer\.json is missing/);
  saysWhatToDo(t, m5.message);

  const badTokenizer = join(root, 'bad-tokenizer');
  await writeTinyModel(badTokenizer);
  writeFileSync(join(badTokenizer, 'tokenizer.json'), '{ not json');
  const m6 = await failure(local(badTokenizer));
  t.match(m6.message, badTokenizer);
  t.match(m6.message, /tokenizer/);
  saysWhatToDo(t, m6.message);

  const aFile = join(root, 'tiny-bert', 'config.json');
  const m7 = await failure(local(aFile));
  t.match(m7.message, /is not a folder/);
});

t.test('hub mode: an unreachable hub fails fast with a clear message', async (t) => {
  const hub = (remoteHost: string, extra: Partial<TransformersEmbedderOptions> = {}): TransformersEmbedderOptions => ({
    model: 'Xenova/all-MiniLM-L6-v2',
    cacheDir: mkdtempSync(join(root, 'cache-')),
    allowRemote: true,
    remoteHost,
    ...extra,
  });

  // A port that nothing listens on (connection refused), and port 9, which fetch refuses outright.
  const closedPort = await new Promise<number>((done) => {
    const s = createTcpServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => done(port));
    });
  });
  for (const host of [`http://127.0.0.1:${closedPort}/`, 'http://127.0.0.1:9/']) {
    const { message, ms } = await failure(hub(host));
    t.ok(ms < 15_000, `${host} failed in ${ms} ms`);
    t.match(message, /"Xenova\/all-MiniLM-L6-v2"/);
    t.match(message, /cannot be reached/);
    t.match(message, host);
    saysWhatToDo(t, message);
  }

  // A host that accepts connections and never answers: bounded by hubTimeoutMs, not undici's five minutes.
  const sockets = new Set<Socket>();
  const silent = createTcpServer((socket) => sockets.add(socket));
  await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
  t.teardown(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise<void>((done) => silent.close(() => done()));
  });
  const silentHost = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
  const hung = await failure(hub(silentHost, { hubTimeoutMs: 1500 }));
  t.ok(hung.ms < 15_000, `silent host failed in ${hung.ms} ms`);
  t.match(hung.message, /no answer within 1\.5 s/);
  saysWhatToDo(t, hung.message);
});

t.test('hub mode without downloads: empty cache fails clearly, a cached copy loads offline', async (t) => {
  const cacheDir = mkdtempSync(join(root, 'offline-cache-'));
  const { message, ms } = await failure({ model: 'Org/tiny-bert', cacheDir, allowRemote: false });
  t.ok(ms < 5_000);
  t.match(message, /"Org\/tiny-bert"/);
  t.match(message, /not in the cache/);
  t.match(message, cacheDir);
  saysWhatToDo(t, message);

  const bad = await failure({ model: '../etc/passwd', cacheDir, allowRemote: true });
  t.match(bad.message, /not a model hub name/);

  await writeTinyModel(join(cacheDir, 'Org', 'tiny-bert'), { dimensions: 16 });
  const cached = await loadTransformersEmbedder({ model: 'Org/tiny-bert', cacheDir, allowRemote: false, remoteHost: 'http://127.0.0.1:9/' });
  t.teardown(() => cached.close?.());
  t.equal(cached.id, 'transformers:Org/tiny-bert:16');
  t.equal((await one(cached, 'red cotton shirt')).length, 16);
});

t.test('hub mode downloads into the cache from the configured host, then works offline', async (t) => {
  const source = join(root, 'served');
  await writeTinyModel(source, { dimensions: 20, seed: 3 });
  const requested: string[] = [];
  const server: Server = createServer((req, res) => {
    requested.push(req.url ?? '');
    const prefix = '/Shop/served-bert/resolve/main/';
    const file = req.url?.startsWith(prefix) ? req.url.slice(prefix.length) : undefined;
    let body: Buffer | undefined;
    try {
      body = file && !file.includes('..') ? readFileSync(join(source, file)) : undefined;
    } catch {
      body = undefined;
    }
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  t.teardown(() => new Promise<void>((done) => server.close(() => done())));
  const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const cacheDir = mkdtempSync(join(root, 'download-cache-'));
  const downloaded = await loadTransformersEmbedder({ model: 'Shop/served-bert', cacheDir, allowRemote: true, remoteHost: host });
  t.teardown(() => downloaded.close?.());
  t.equal(downloaded.id, 'transformers:Shop/served-bert:20');
  t.ok(requested.some((u) => u.endsWith('/onnx/model.onnx')), 'the fp32 file was fetched');
  t.same(readFileSync(join(cacheDir, 'Shop', 'served-bert', 'onnx', 'model.onnx')), readFileSync(join(source, 'onnx', 'model.onnx')));

  const { env } = await import('@huggingface/transformers');
  t.equal(env.remoteHost, 'https://huggingface.co/', 'the global remoteHost is put back after the load');
  t.equal(env.allowRemoteModels, true, 'and so is allowRemoteModels');

  // Offline now: the cached copy is used, the host is not asked again.
  const before = requested.length;
  const again = await loadTransformersEmbedder({ model: 'Shop/served-bert', cacheDir, allowRemote: false, remoteHost: 'http://127.0.0.1:9/' });
  t.teardown(() => again.close?.());
  t.equal(requested.length, before);
  t.ok(maxDiff(await one(again, 'blue wool kurta'), await one(downloaded, 'blue wool kurta')) < 1e-6);

  // A model the host does not have.
  const missing = await failure({ model: 'Shop/nothing-here', cacheDir, allowRemote: true, remoteHost: host });
  t.match(missing.message, /"Shop\/nothing-here"/);
  t.match(missing.message, /no such model \(HTTP 404/);
  saysWhatToDo(t, missing.message);
});

t.test('timings of the tiny model (informational)', async (t) => {
  const texts = Array.from({ length: 64 }, (_, i) => `red cotton shirt pack of ${i} for men and women`);
  const started = performance.now();
  await embedder.embed(texts, 'document');
  const ms = performance.now() - started;
  t.comment(`load ${loadMs} ms; 64 texts embedded in ${ms.toFixed(1)} ms`);
  t.pass();
});
