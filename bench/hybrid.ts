/**
 * Hybrid search at scale: 100k generated products indexed with embeddings (ingestion rate, memory after
 * ingestion), then the same queries keyword-only, hybrid, and hybrid with a filter (p50, p99), and the same
 * products and queries through Orama's hybrid search in the same process as a reference.
 *
 * Embeddings come from the deterministic hash embedder (384 dimensions), because no pretrained model can be had
 * on this machine; its cost per text is far below a sentence model's, so the ingestion rate here is the
 * index's own. `transformersRate` measures the in-process model path (tokenizer + onnxruntime) with the tiny
 * generated model, to show that path's overhead; a real MiniLM costs more per text than either.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import type { Product } from '../src/core/catalog.js';
import { generateCatalog } from '../src/sandbox/catalog/index.js';
import { EmbeddedCatalogIndex } from '../src/search/embedded-index.js';
import { loadTransformersEmbedder } from '../src/search/embedders/transformers.js';
import { embeddingText } from '../src/search/record.js';
import { hashEmbedder, hashEmbedding } from '../test/helpers/hash-embedder.js';
import { writeTinyModel } from '../test/helpers/tiny-model.js';

const DIMENSIONS = 384;

export const HYBRID_QUERIES = [
  'atta', 'basmati rice', 'toor dal', 'ghee', 'organic honey 500g', 'haldi', 'lal mirch', 'garam masala',
  'mustard oil', 'tea', 'biscuits', 'paneer butter masala', 'masala dosa', 'chicken biryani', 'shampoo',
  'toothpaste', 'face wash', 'bsmati rice', 'aashirvaad atta 5 kg', 'doodh', 'pressure cooker', 'power bank',
  'something sweet after dinner', 'charge my phone',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function timed(rounds: number, run: (text: string) => Promise<unknown> | unknown) {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const text of HYBRID_QUERIES) {
      const s = performance.now();
      await run(text);
      samples.push(performance.now() - s);
    }
  }
  samples.sort((a, b) => a - b);
  return { queries: samples.length, p50_ms: +percentile(samples, 50).toFixed(3), p99_ms: +percentile(samples, 99).toFixed(3) };
}

function memoryMb() {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { rss_mb: Math.round(m.rss / 1e6), heap_used_mb: Math.round(m.heapUsed / 1e6), external_mb: Math.round(m.external / 1e6) };
}

export async function hybridBench(totalProducts: number, rounds: number) {
  const catalog = generateCatalog({ totalProducts });
  const before = memoryMb();
  const index = new EmbeddedCatalogIndex();
  const embedder = hashEmbedder(DIMENSIONS);
  const t0 = performance.now();
  await index.attachEmbedder(embedder);
  await index.load(catalog);
  const ingestSeconds = (performance.now() - t0) / 1000;
  const after = memoryMb();

  const keywordIndex = new EmbeddedCatalogIndex();
  await keywordIndex.load(catalog);
  const keyword = await timed(rounds, (text) => keywordIndex.search({ text, limit: 10, page: 1 }));
  const hybrid = await timed(rounds, (text) => index.search({ text, limit: 10, page: 1 }));
  const filtered = await timed(rounds, (text) => index.search({ text, limit: 10, page: 1, veg: true, maxPricePaise: 500_00, inStock: true }));

  return {
    products: catalog.products.length,
    embedder: `${embedder.id} (deterministic; no pretrained model can be had here)`,
    ingest_seconds: +ingestSeconds.toFixed(2),
    ingest_products_per_second: Math.round(catalog.products.length / ingestSeconds),
    memory_before_ingest: before,
    memory_after_ingest: after,
    keyword_only: keyword,
    hybrid,
    hybrid_with_filter: { filter: 'veg, price <= 500, in stock', ...filtered },
    orama_reference: await oramaBench(catalog.products, rounds),
  };
}

/** The same products, vectors and queries through Orama 3's hybrid search (BM25 + vectors, min-max fusion). */
async function oramaBench(products: Product[], rounds: number) {
  const db = create({
    schema: {
      id: 'string',
      name: 'string',
      brand: 'string',
      category: 'string',
      description: 'string',
      veg: 'boolean',
      in_stock: 'boolean',
      price: 'number',
      embedding: `vector[${DIMENSIONS}]`,
    } as const,
  });
  const t0 = performance.now();
  const docs = products.map((p) => ({
    id: p.id,
    name: p.name,
    brand: p.brand,
    category: p.categoryPath.join(' '),
    description: p.shortDesc,
    veg: p.veg === true,
    in_stock: p.stock > 0,
    price: p.pricePaise,
    embedding: Array.from(hashEmbedding(embeddingText(p), DIMENSIONS)),
  }));
  await insertMultiple(db, docs, 1000);
  const ingestSeconds = (performance.now() - t0) / 1000;
  const query = (text: string, where?: Record<string, unknown>) =>
    oramaSearch(db, {
      mode: 'hybrid',
      term: text,
      vector: { value: Array.from(hashEmbedding(text, DIMENSIONS)), property: 'embedding' },
      similarity: 0.3,
      limit: 10,
      ...(where ? { where } : {}),
    });
  const hybrid = await timed(rounds, (text) => query(text));
  const filtered = await timed(rounds, (text) => query(text, { veg: true, in_stock: true, price: { lte: 500_00 } }));
  return {
    ingest_seconds: +ingestSeconds.toFixed(2),
    ingest_products_per_second: Math.round(products.length / ingestSeconds),
    hybrid,
    hybrid_with_filter: filtered,
  };
}

/** Texts per second through the in-process model path (tokenizer + onnxruntime) with the tiny generated model. */
export async function transformersRate(texts: number) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-model-'));
  try {
    await writeTinyModel(dir, { dimensions: DIMENSIONS });
    const embedder = await loadTransformersEmbedder({ modelDir: dir, model: 'tiny', cacheDir: dir, allowRemote: false });
    const sample = generateCatalog({ totalProducts: texts }).products.map(embeddingText);
    const t0 = performance.now();
    for (let i = 0; i < sample.length; i += 64) await embedder.embed(sample.slice(i, i + 64), 'document');
    const seconds = (performance.now() - t0) / 1000;
    return {
      model: 'tiny generated BERT-shaped ONNX graph (random weights), 384 dimensions',
      texts: sample.length,
      texts_per_second: Math.round(sample.length / seconds),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
