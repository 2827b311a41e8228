/**
 * Dump and load for the embedded store: every table read from one LMDB snapshot, so a backup taken while the
 * server runs is a consistent moment; loads written in batches of one write transaction each.
 *
 * The adapter hands in its tables and key layout rather than this module importing them, so the two files do not
 * import each other.
 */
import type { RootDatabase } from 'lmdb';
import type { Cart, LoadReport, Session, StoreRecord } from '../core/ports.js';
import type { DocumentEntry, DocumentTables, Table } from './embedded.js';

export interface EmbeddedLayout {
  root: RootDatabase;
  sessions: Table<Session>;
  carts: Table<Cart>;
  documents: DocumentTables;
  clock: () => number;
  storageKey(key: string): string;
  documentKey(kind: string, id: string): string;
  /** Kind and id of a document key; null when the key was hashed and they are lost. */
  parseDocumentKey(key: string): { kind: string; id: string } | null;
  /** Owner and sequence of an index key; null when the owner was hashed. */
  parseIndexKey(kind: string, indexKey: string): { owner: string; seq: number } | null;
  indexKey(kind: string, owner: string, seq: number): string;
  nextIndexKey(kind: string, owner: string): string;
  removeDocument(key: string, entry: DocumentEntry): void;
}

const LOAD_BATCH = 1_000;

export async function* dumpEmbedded(layout: EmbeddedLayout): AsyncGenerator<StoreRecord> {
  const transaction = layout.root.useReadTransaction();
  try {
    const now = layout.clock();
    for (const { value: entry } of layout.sessions.getRange({ transaction })) {
      if (entry.expiresAt > now) yield { type: 'session', value: entry.value, expiresAt: entry.expiresAt };
    }
    for (const { value: entry } of layout.carts.getRange({ transaction })) {
      if (entry.expiresAt > now) yield { type: 'cart', value: entry.value, expiresAt: entry.expiresAt };
    }
    for (const { key, value: entry } of layout.documents.docs.getRange({ transaction })) {
      if (entry.expiresAt !== undefined && entry.expiresAt <= now) continue;
      yield documentRecord(layout, key, entry);
    }
  } finally {
    transaction.done();
  }
}

function documentRecord(layout: EmbeddedLayout, key: string, entry: DocumentEntry): StoreRecord {
  const named = layout.parseDocumentKey(key);
  if (!named) throw unrecoverable(`document ${key}`);
  const record: StoreRecord = { type: 'document', ...named, value: entry.value };
  if (entry.expiresAt !== undefined) record.expiresAt = entry.expiresAt;
  if (entry.indexKey === undefined) return record;
  const indexed = layout.parseIndexKey(named.kind, entry.indexKey);
  if (!indexed) throw unrecoverable(`the owner of document ${named.kind}:${named.id}`);
  return { ...record, ...indexed };
}

/** Only ids over 250 characters are stored hashed, and the service makes none; this guards against silent loss. */
function unrecoverable(what: string): Error {
  return new Error(`The embedded store keeps ${what} under a hashed key, so it cannot be written to a backup.`);
}

export async function loadEmbedded(layout: EmbeddedLayout, records: AsyncIterable<StoreRecord>): Promise<LoadReport> {
  const report: LoadReport = { written: 0, expired: 0 };
  let batch: StoreRecord[] = [];
  const flush = async () => {
    const written = batch;
    batch = [];
    await layout.root.transaction(() => {
      const now = layout.clock();
      for (const record of written) {
        if (writeRecord(layout, record, now)) report.written++;
        else report.expired++;
      }
    });
  };
  for await (const record of records) {
    batch.push(record);
    if (batch.length >= LOAD_BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return report;
}

/** Synchronous, inside a write transaction. False when the record had expired. */
function writeRecord(layout: EmbeddedLayout, record: StoreRecord, now: number): boolean {
  switch (record.type) {
    case 'session':
      if (record.expiresAt <= now) return false;
      layout.sessions.putSync(layout.storageKey(record.value.id), { value: record.value, expiresAt: record.expiresAt });
      return true;
    case 'cart':
      if (record.expiresAt <= now) return false;
      layout.carts.putSync(layout.storageKey(record.value.sessionId), { value: record.value, expiresAt: record.expiresAt });
      return true;
    case 'document':
      if (record.expiresAt !== undefined && record.expiresAt <= now) return false;
      writeDocument(layout, record);
      return true;
    case 'sequence':
      // Sequences here are per owner, one past the owner's newest index entry, so loaded documents carry them.
      return true;
  }
}

function writeDocument(layout: EmbeddedLayout, record: Extract<StoreRecord, { type: 'document' }>): void {
  const { docs, owners } = layout.documents;
  const key = layout.documentKey(record.kind, record.id);
  const previous = docs.get(key);
  if (previous) layout.removeDocument(key, previous);
  let indexKey: string | undefined;
  if (record.owner !== undefined) {
    indexKey = record.seq === undefined ? undefined : layout.indexKey(record.kind, record.owner, record.seq);
    // A forced load into a store in use may find the position taken; newest keeps both documents listed.
    const holder = indexKey === undefined ? undefined : owners.get(indexKey);
    if (indexKey === undefined || (holder !== undefined && holder !== record.id)) {
      indexKey = layout.nextIndexKey(record.kind, record.owner);
    }
    owners.putSync(indexKey, record.id);
  }
  docs.putSync(key, { value: record.value, expiresAt: record.expiresAt, indexKey });
}
