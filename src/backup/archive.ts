/**
 * The backup archive: one gzip file of JSON lines, the manifest first and then one store record per line.
 *
 * JSON lines because records stream through in both directions without ever being held together, and anyone can
 * read an archive with `zcat | head -1` (the manifest) or `zcat | jq`. The manifest needs the payload's signature
 * and counts, known only once the payload is written, so the payload is compressed into a temporary file first;
 * the archive is then a gzip member holding the manifest followed by that file's bytes as they are (a gzip file
 * may hold several members, read as one stream). It is written under a dot-name and renamed into place after an
 * fsync, so a crash leaves at most a hidden temporary file, never an archive that looks complete.
 *
 * The signature is an HMAC under a key derived from the session secret: a restore under the same secret can tell
 * an archive exactly as written from an edited one; under another secret it cannot tell anything.
 */
import { createHash, createHmac, timingSafeEqual, type Hmac } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isDeepStrictEqual } from 'node:util';
import { createGzip, gzipSync } from 'node:zlib';
import type { StoreRecord } from '../core/ports.js';
import { ArchiveError, archiveLines, countRecords, emptyCounts, FORMAT, FORMAT_VERSION, parseManifest, parseRecord, unreadable, type Manifest } from './format.js';
import { backedUp } from './scope.js';

export { ArchiveError, type Counts, type Manifest } from './format.js';

export const ARCHIVE_NAME = /^ondc-backup-[0-9TZ-]+\.jsonl\.gz$/;
/** Lines are gathered into chunks of about this size before compression: one write per record is slow. */
const CHUNK_CHARS = 64 * 1024;

export function archiveName(at: Date): string {
  return `ondc-backup-${at.toISOString().replace(/[:.]/g, '-')}.jsonl.gz`;
}

/** The signing key: derived, so the session secret itself signs nothing but tokens. */
export function archiveKey(sessionKey: Buffer): Buffer {
  return createHmac('sha256', sessionKey).update('ondc-shop backup archive signature').digest();
}

/** Ends a signature begun over the payload: the manifest's other fields go last, as they are known last. */
function seal(mac: Hmac, fields: Omit<Manifest, 'mac'>): Buffer {
  return mac.update(JSON.stringify(fields)).digest();
}

export interface WrittenArchive {
  file: string;
  bytes: number;
  manifest: Manifest;
}

export async function writeArchive(args: {
  records: AsyncIterable<StoreRecord>;
  dir: string;
  /** From archiveKey. */
  key: Buffer;
  manifest: Pick<Manifest, 'store' | 'app_version' | 'secret_check'>;
  now?: Date;
}): Promise<WrittenArchive> {
  const createdAt = args.now ?? new Date();
  // Archives hold phone numbers and addresses: only the owner may read them.
  await mkdir(args.dir, { recursive: true, mode: 0o700 });
  const name = archiveName(createdAt);
  const file = join(args.dir, name);
  const payload = join(args.dir, `.${name}.payload`);
  const partial = join(args.dir, `.${name}.partial`);
  try {
    const mac = createHmac('sha256', args.key);
    const summary = await writePayload(args.records, payload, mac);
    const fields: Omit<Manifest, 'mac'> = { format: FORMAT, format_version: FORMAT_VERSION, created_at: createdAt.toISOString(), ...args.manifest, ...summary };
    const manifest: Manifest = { ...fields, mac: seal(mac, fields).toString('hex') };
    await writeFile(partial, gzipSync(`${JSON.stringify(manifest)}\n`), { flag: 'wx', mode: 0o600 });
    await pipeline(createReadStream(payload), createWriteStream(partial, { flags: 'a' }));
    await syncPath(partial);
    await rename(partial, file);
    await syncPath(args.dir);
    return { file, bytes: (await stat(file)).size, manifest };
  } finally {
    await rm(payload, { force: true });
    await rm(partial, { force: true });
  }
}

async function writePayload(
  records: AsyncIterable<StoreRecord>,
  path: string,
  mac: Hmac,
): Promise<Pick<Manifest, 'records' | 'counts'>> {
  const counts = emptyCounts();
  let total = 0;
  async function* chunks(): AsyncGenerator<string> {
    let chunk = '';
    for await (const record of records) {
      const line = `${JSON.stringify(record)}\n`;
      mac.update(line);
      countRecords(counts, record);
      total++;
      chunk += line;
      if (chunk.length >= CHUNK_CHARS) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(chunks()), createGzip(), createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  return { records: total, counts };
}

/** fsync a file or a folder (the rename is only durable once its folder is). */
async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The manifest alone, from the first line: cheap whatever the archive's size. */
export async function readManifest(file: string): Promise<Manifest> {
  const lines = archiveLines(file);
  try {
    const first = await lines.next();
    if (first.done) throw new ArchiveError(`${file} is empty; it is not an ondc-shop backup.`);
    return parseManifest(first.value, file);
  } finally {
    await lines.return(undefined);
  }
}

/**
 * A private copy of an archive, read once: checking a file and then loading it again by name would load whatever
 * was put in its place in between. The copy is checked and loaded, then removed.
 */
export async function privateCopy(file: string): Promise<{ path: string; remove(): Promise<void> }> {
  const source = await open(file, 'r').catch((err: unknown) => {
    throw unreadable(err, file);
  });
  // mkdtemp makes the folder owner-only; the archive holds phone numbers and addresses.
  const dir = await mkdtemp(join(tmpdir(), 'ondc-restore-'));
  const path = join(dir, 'archive.jsonl.gz');
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await pipeline(source.createReadStream(), createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  } catch (err) {
    await remove();
    throw err;
  } finally {
    await source.close().catch(() => undefined);
  }
  return { path, remove };
}

export interface CheckedArchive {
  manifest: Manifest;
  /** Signed under this key, so exactly as written under this session secret; false: not known either way. */
  verified: boolean;
}

/**
 * Reads the whole archive without writing anything: the format version, every record's shape, that it holds no
 * kind a backup leaves out, and the counts must all match the manifest (else ArchiveError, saying what is wrong),
 * and whether its signature holds under `key`. A version 1 archive has no signature: its checksum must match, and
 * it is never verified. `shown` names the file in messages when `file` is a private copy.
 */
export async function verifyArchive(file: string, key: Buffer, shown = file): Promise<CheckedArchive> {
  const mac = createHmac('sha256', key);
  const hash = createHash('sha256');
  const counts = emptyCounts();
  let manifest: Manifest | undefined;
  let number = 0;
  for await (const line of archiveLines(file, shown)) {
    number++;
    if (!manifest) {
      manifest = parseManifest(line, shown);
      continue;
    }
    (manifest.mac === undefined ? hash : mac).update(`${line}\n`);
    const record = parseRecord(line, number, shown);
    if (!backedUp(record)) {
      throw new ArchiveError(
        `Line ${number} of ${shown} holds a record of kind ${(record as { kind: string }).kind}, which ondc-shop backup never writes (login codes and guards stay out of backups): the archive was made or edited by something else; use another backup.`,
      );
    }
    countRecords(counts, record);
  }
  if (!manifest) throw new ArchiveError(`${shown} is empty; it is not an ondc-shop backup.`);
  if (!isDeepStrictEqual(counts, manifest.counts)) {
    throw new ArchiveError(`${shown} holds other records than its manifest counts; use another backup.`);
  }
  if (manifest.mac === undefined) {
    if (hash.digest('hex') !== manifest.payload_sha256) {
      throw new ArchiveError(`${shown} does not match its checksum: it was changed or damaged after it was written; use another backup.`);
    }
    return { manifest, verified: false };
  }
  const { mac: claimed, ...fields } = manifest;
  const expected = seal(mac, fields);
  const given = Buffer.from(claimed, 'hex');
  return { manifest, verified: given.length === expected.length && timingSafeEqual(given, expected) };
}

/** The records of an archive that verifyArchive accepted, streamed. */
export async function* archiveRecords(file: string, shown = file): AsyncGenerator<StoreRecord> {
  let number = 0;
  for await (const line of archiveLines(file, shown)) {
    if (++number > 1) yield parseRecord(line, number, shown);
  }
}
