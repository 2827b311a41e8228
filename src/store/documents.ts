/** What both store adapters share about document stores: valid kinds, valid limits, one store per kind. */
import type { DocumentStore, Stores } from '../core/ports.js';

const DOCUMENT_KIND = /^[a-z_]{1,40}$/;

export function assertLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError(`limit must be a non-negative integer, got ${limit}.`);
  }
}

/** `Stores.documents` over an adapter's factory: checks the kind and hands out the same store for the same kind. */
export function documentStoresByKind(make: (kind: string) => DocumentStore<unknown>): Stores['documents'] {
  const byKind = new Map<string, DocumentStore<unknown>>();
  return <T>(kind: string): DocumentStore<T> => {
    if (!DOCUMENT_KIND.test(kind)) {
      throw new Error(`Document kind ${JSON.stringify(kind)} is invalid; use 1 to 40 lowercase letters or underscores.`);
    }
    let store = byKind.get(kind);
    if (!store) {
      store = make(kind);
      byKind.set(kind, store);
    }
    return store as DocumentStore<T>;
  };
}
