/** The archive's lines: reading them from the gzip stream, and checking the manifest and each record. */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import type { StoreRecord } from '../core/ports.js';

export const FORMAT = 'ondc-shop-backup';
/**
 * Raised when a change would mislead an older reader. Version 2 replaced version 1's plain payload checksum, which
 * anyone editing an archive could recompute, with a signature (`mac`); version 1 archives are still read, but only
 * as unverifiable (restore asks for --trust-unverified).
 */
export const FORMAT_VERSION = 2;
/** A first line longer than this is not a manifest; it stops a wrong file from being read whole into memory. */
const MANIFEST_MAX_CHARS = 1024 * 1024;
const DOCUMENT_KIND = /^[a-z_]{1,40}$/;

/** An archive that cannot be restored, with what is wrong and what to do. */
export class ArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveError';
  }
}

export interface Counts {
  sessions: number;
  carts: number;
  sequences: number;
  /** By document kind. */
  documents: Record<string, number>;
}

export interface Manifest {
  format: typeof FORMAT;
  format_version: number;
  created_at: string;
  /** The store the backup was taken from. */
  store: 'embedded' | 'redis';
  app_version: string;
  records: number;
  counts: Counts;
  /** Version 1 only: the SHA-256 of the payload (every line after the manifest, newlines included, uncompressed). */
  payload_sha256?: string;
  /**
   * Version 2 on: HMAC-SHA256, under a key derived from the session secret, of the payload and then of the JSON of
   * this manifest without `mac`. Only a holder of the secret can make one, so an edited archive cannot pass.
   */
  mac?: string;
  /**
   * A keyed digest of a fixed text under the session secret. Tokens and the phone-number index only work under the
   * secret they were made with, so a restore compares this with its own; the digest reveals nothing of the key. It
   * only tells which secret an archive claims: anyone can copy it, so it proves nothing on its own.
   */
  secret_check: string;
}

export function emptyCounts(): Counts {
  return { sessions: 0, carts: 0, sequences: 0, documents: {} };
}

export function countRecords(counts: Counts, record: StoreRecord): void {
  if (record.type === 'session') counts.sessions++;
  else if (record.type === 'cart') counts.carts++;
  else if (record.type === 'sequence') counts.sequences++;
  else counts.documents[record.kind] = (counts.documents[record.kind] ?? 0) + 1;
}

/** The archive's lines, decompressed as they are read; a damaged or cut-off file fails as an ArchiveError. */
export async function* archiveLines(file: string, shown = file): AsyncGenerator<string> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (err) => gunzip.destroy(err));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let first = true;
  try {
    for await (const chunk of gunzip) {
      pending += decoder.write(chunk as Buffer);
      let start = 0;
      for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n', start)) {
        yield pending.slice(start, end);
        first = false;
        start = end + 1;
      }
      pending = pending.slice(start);
      if (first && pending.length > MANIFEST_MAX_CHARS) throw notABackup(shown);
    }
  } catch (err) {
    throw unreadable(err, shown);
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  if (pending + decoder.end() !== '') {
    throw new ArchiveError(`${shown} ends in the middle of a line: it was cut off; use another backup.`);
  }
}

export function unreadable(err: unknown, file: string): Error {
  if (err instanceof ArchiveError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new ArchiveError(`There is no file ${file}; \`ondc-shop backups\` lists the backups in BACKUP_DIR.`);
  if (code?.startsWith('Z_')) {
    return new ArchiveError(`${file} is damaged or cut off (${(err as Error).message}); use another backup.`);
  }
  return err as Error;
}

function notABackup(file: string): ArchiveError {
  return new ArchiveError(`${file} is not an ondc-shop backup (its first line is not a manifest).`);
}

export function parseManifest(line: string, file: string): Manifest {
  let manifest: Partial<Manifest>;
  try {
    manifest = JSON.parse(line) as Partial<Manifest>;
  } catch {
    throw notABackup(file);
  }
  if (manifest?.format !== FORMAT) throw notABackup(file);
  if (typeof manifest.format_version !== 'number' || manifest.format_version > FORMAT_VERSION) {
    throw new ArchiveError(
      `${file} is in backup format ${manifest.format_version}, newer than this version reads (${FORMAT_VERSION}); restore it with the ondc-shop version that made it (${manifest.app_version}) or a later one.`,
    );
  }
  const complete =
    typeof manifest.created_at === 'string' &&
    (manifest.store === 'embedded' || manifest.store === 'redis') &&
    typeof manifest.records === 'number' &&
    typeof (manifest.format_version === 1 ? manifest.payload_sha256 : manifest.mac) === 'string' &&
    typeof manifest.secret_check === 'string' &&
    typeof manifest.counts === 'object';
  if (!complete) throw new ArchiveError(`${file} has an incomplete manifest, so it was not written by ondc-shop backup; use another backup.`);
  return manifest as Manifest;
}

export function parseRecord(line: string, number: number, file: string): StoreRecord {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    record = undefined;
  }
  if (!isRecord(record)) throw new ArchiveError(`Line ${number} of ${file} is not a store record: the archive is damaged; use another backup.`);
  return record;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalNumber = (v: unknown) => v === undefined || typeof v === 'number';

function isRecord(r: unknown): r is StoreRecord {
  if (!isObject(r)) return false;
  switch (r['type']) {
    case 'session':
      return isObject(r['value']) && typeof r['value']['id'] === 'string' && typeof r['expiresAt'] === 'number';
    case 'cart':
      return isObject(r['value']) && typeof r['value']['sessionId'] === 'string' && typeof r['expiresAt'] === 'number';
    case 'sequence':
      return typeof r['kind'] === 'string' && DOCUMENT_KIND.test(r['kind']) && typeof r['value'] === 'number';
    case 'document':
      return (
        typeof r['kind'] === 'string' &&
        DOCUMENT_KIND.test(r['kind']) &&
        typeof r['id'] === 'string' &&
        r['id'] !== '' &&
        'value' in r &&
        optionalNumber(r['expiresAt']) &&
        optionalNumber(r['seq']) &&
        (r['owner'] === undefined || typeof r['owner'] === 'string')
      );
    default:
      return false;
  }
}
