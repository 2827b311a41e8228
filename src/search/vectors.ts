/**
 * The dense side of the embedded index: product vectors in a usearch HNSW graph (cosine), with the vectors also
 * kept by product id so that a filter too narrow for the graph can be answered exactly, and so a reload can reuse
 * the vector of every product whose text did not change instead of embedding it again.
 */
import usearch from 'usearch';

const { Index, MetricKind, ScalarKind } = usearch;

export interface Neighbour {
  id: string;
  /** Cosine similarity, -1..1. */
  similarity: number;
}

/** How far the graph search widens before a filtered query is answered by an exact scan. */
const MAX_GRAPH_FETCH = 4096;

export class VectorSpace {
  private readonly graph: InstanceType<typeof Index>;
  private readonly keyOf = new Map<string, bigint>();
  private readonly idOf = new Map<bigint, string>();
  private readonly vectors = new Map<string, { vector: Float32Array; textKey: string }>();
  private nextKey = 1n;

  constructor(readonly dimensions: number) {
    this.graph = new Index({
      dimensions,
      metric: MetricKind.Cos,
      // f16 halves the graph's memory against f32 at no measurable loss in ranking for unit vectors
      quantization: ScalarKind.F16,
      connectivity: 16,
      expansion_add: 64,
      expansion_search: 64,
      multi: false,
    });
  }

  get size(): number {
    return this.vectors.size;
  }

  /** Every product id with a vector (a copy: safe to remove while iterating). */
  ids(): string[] {
    return [...this.vectors.keys()];
  }

  /** The vector stored for a product, when its embedded text is still `textKey`. */
  reusable(id: string, textKey: string): Float32Array | undefined {
    const held = this.vectors.get(id);
    return held && held.textKey === textKey ? held.vector : undefined;
  }

  /** Adds or replaces products' vectors, in one batch for the graph. */
  put(entries: Array<{ id: string; vector: Float32Array; textKey: string }>): void {
    if (entries.length === 0) return;
    for (const e of entries) this.remove(e.id);
    const keys = new BigUint64Array(entries.length);
    const matrix = new Float32Array(entries.length * this.dimensions);
    entries.forEach((e, i) => {
      if (e.vector.length !== this.dimensions) {
        throw new Error(`vector for ${e.id} has ${e.vector.length} dimensions; this index holds ${this.dimensions}`);
      }
      const key = this.nextKey++;
      keys[i] = key;
      matrix.set(e.vector, i * this.dimensions);
      this.keyOf.set(e.id, key);
      this.idOf.set(key, e.id);
      this.vectors.set(e.id, { vector: e.vector, textKey: e.textKey });
    });
    this.graph.add(keys, matrix, 0);
  }

  remove(id: string): void {
    const key = this.keyOf.get(id);
    if (key === undefined) return;
    this.graph.remove(key);
    this.keyOf.delete(id);
    this.idOf.delete(key);
    this.vectors.delete(id);
  }

  /**
   * The `k` nearest products that `accept` lets through. The graph is asked for more than `k` and the answer
   * filtered; when a narrow filter leaves too few, the ask widens, and past MAX_GRAPH_FETCH the accepted
   * products are scanned exactly (a narrow filter means few of them).
   */
  nearest(query: Float32Array, k: number, accept: (id: string) => boolean): Neighbour[] {
    const size = this.vectors.size;
    if (size === 0 || k <= 0) return [];
    let fetch = Math.min(size, Math.max(k * 4, 64));
    for (;;) {
      const found = this.graph.search(query, fetch, 1);
      const out: Neighbour[] = [];
      for (let i = 0; i < found.keys.length && out.length < k; i++) {
        const id = this.idOf.get(found.keys[i] as bigint);
        if (id !== undefined && accept(id)) out.push({ id, similarity: 1 - (found.distances[i] as number) });
      }
      if (out.length >= k || fetch >= size) return out;
      if (fetch >= MAX_GRAPH_FETCH) return this.exact(query, k, accept);
      fetch = Math.min(size, fetch * 8);
    }
  }

  private exact(query: Float32Array, k: number, accept: (id: string) => boolean): Neighbour[] {
    const out: Neighbour[] = [];
    for (const [id, { vector }] of this.vectors) {
      if (!accept(id)) continue;
      let dot = 0;
      for (let i = 0; i < vector.length; i++) dot += (vector[i] as number) * (query[i] as number);
      out.push({ id, similarity: dot });
    }
    return out.sort((a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id)).slice(0, k);
  }
}
