/**
 * The embedder port: turns product text and queries into dense vectors for the vector side of hybrid search.
 * Adapters: an in-process sentence-embedding model (@huggingface/transformers) and a remote OpenAI-compatible
 * `/v1/embeddings` service. Search works on keywords alone whenever no embedder is available.
 */

/** Queries and documents may be embedded differently (some models want a prefix for each). */
export type EmbedPurpose = 'query' | 'document';

export interface Embedder {
  /** Names the model and its output size; vectors made by one id are never compared with another's. */
  readonly id: string;
  readonly dimensions: number;
  /** One unit-length vector per text, in order. */
  embed(texts: string[], purpose: EmbedPurpose): Promise<Float32Array[]>;
  close?(): Promise<void>;
}

/** Scales a vector to unit length in place (a zero vector stays zero) and returns it. */
export function normalize(v: Float32Array): Float32Array {
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / norm;
  return v;
}
