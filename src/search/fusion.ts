/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): each list gives a document 1 / (k + rank),
 * and the sums decide. It needs no score calibration between BM25 and cosine similarity, which live on unrelated
 * scales, and k = 60 is the constant the paper found robust; Qdrant's hybrid queries fuse the same way.
 */
export const RRF_K = 60;

/** Fused scores by id; ranks are 1-based positions in each list. */
export function reciprocalRankFusion(lists: string[][], k = RRF_K): Map<string, number> {
  const fused = new Map<string, number>();
  for (const list of lists) {
    list.forEach((id, i) => fused.set(id, (fused.get(id) ?? 0) + 1 / (k + i + 1)));
  }
  return fused;
}

/** Neighbours less similar than this are noise, not meaning: they never join a result on similarity alone. */
export const MIN_SIMILARITY = 0.3;
/** How many nearest products the vector side offers to a text search. */
export const VECTOR_CANDIDATES = 50;
/** With a first page of products holding every word, partial matches add nothing but cost. */
export const FULL_MATCHES_ENOUGH = 10;
/** Keyword weight of each product field, the same in both indexes: the name says most, the description least. */
export const FIELD_BOOSTS = { name: 3, brand: 2, category: 1.5, tags: 1.5, description: 0.5 } as const;
