/**
 * A deterministic embedder for tests and benches: words and their character trigrams hashed into a fixed number
 * of signed dimensions, unit length. It knows spelling, not meaning: texts sharing words or word pieces are near,
 * everything else is far. That is enough to drive fusion, filters and ranking through the real vector path
 * without model weights, and it is fast enough to embed 100k products in a bench.
 */
import { normalize, type Embedder } from '../../src/search/embedder.js';
import { fnv1a } from '../../src/search/hash.js';

export function hashEmbedding(text: string, dimensions: number): Float32Array {
  const v = new Float32Array(dimensions);
  const add = (feature: string, weight: number) => {
    const h = fnv1a(feature);
    v[h % dimensions] = (v[h % dimensions] as number) + (h & 0x80000000 ? -weight : weight);
  };
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)) {
    add(`w:${word}`, 2);
    const padded = `<${word}>`;
    for (let i = 0; i + 3 <= padded.length; i++) add(`t:${padded.slice(i, i + 3)}`, 1);
  }
  return normalize(v);
}

export function hashEmbedder(dimensions = 256): Embedder & { calls: number; texts: number } {
  const embedder = {
    id: `hash:${dimensions}`,
    dimensions,
    calls: 0,
    texts: 0,
    async embed(texts: string[]): Promise<Float32Array[]> {
      embedder.calls += 1;
      embedder.texts += texts.length;
      return texts.map((t) => hashEmbedding(t, dimensions));
    },
  };
  return embedder;
}
