/**
 * The backup archive: one gzip file of JSON lines, the manifest first and then one store record per line.
 *
 * JSON lines because records stream through in both directions without ever being held together, and anyone can
 * read an archive with `zcat | head -1` (the manifest) or `zcat | jq`. The manifest needs the payload's checksum
 * and counts, known only once the payload is written, so the payload is compressed into a temporary file first;
 * the archive is then a gzip member holding the manifest followed by that file's bytes as they are (a gzip file
 * may hold several members, read as one stream). It is written under a dot-name and renamed into place after an
 * fsync, so a crash leaves at most a hidden temporary file, never an archive that looks complete.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isDeepStrictEqual } from 'node:util';
import { createGzip, gzipSync } from 'node:zlib';
import type { StoreRecord } from '../core/ports.js';
import { ArchiveError, archiveLines, countRecords, emptyCounts, FORMAT, FORMAT_VERSION, parseManifest, parseRecord, type Manifest } from './format.js';

export { ArchiveError, type Counts, type Manifest } from './format.js';

export const ARCHIVE_NAME = /^ondc-backup-[0-9TZ-]+\.jsonl\.gz$/;
/** Lines are gathered into chunks of about this size before compression: one write per record is slow. */
const CHUNK_CHARS = 64 * 1024;

export function archiveName(at: Date): string {
  return `ondc-backup-${at.toISOString().replace(/[:.]/g, '-')}.jsonl.gz`;
}

export interface WrittenArchive {
  file: string;
  bytes: number;
  manifest: Manifest;
}

export async function writeArchive(args: {
  records: AsyncIterable<StoreRecord>;
  dir: string;
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
    const summary = await writePayload(args.records, payload);
    const manifest: Manifest = {
      format: FORMAT,
      format_version: FORMAT_VERSION,
      created_at: createdAt.toISOString(),
      ...args.manifest,
      ...summary,
    };
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
): Promise<Pick<Manifest, 'records' | 'counts' | 'payload_sha256'>> {
  const hash = createHash('sha256');
  const counts = emptyCounts();
  let total = 0;
  async function* chunks(): AsyncGenerator<string> {
    let chunk = '';
    for await (const record of records) {
      const line = `${JSON.stringify(record)}\n`;
      hash.update(line);
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
  return { records: total, counts, payload_sha256: hash.digest('hex') };
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
 * Reads the whole archive without writing anything: the format version, every record's shape, the payload's
 * SHA-256 and the counts must all match the manifest. Throws ArchiveError saying what is wrong.
 */
export async function verifyArchive(file: string): Promise<Manifest> {
  const hash = createHash('sha256');
  const counts = emptyCounts();
  let manifest: Manifest | undefined;
  let number = 0;
  for await (const line of archiveLines(file)) {
    number++;
    if (!manifest) {
      manifest = parseManifest(line, file);
      continue;
    }
    hash.update(`${line}\n`);
    countRecords(counts, parseRecord(line, number, file));
  }
  if (!manifest) throw new ArchiveError(`${file} is empty; it is not an ondc-shop backup.`);
  if (hash.digest('hex') !== manifest.payload_sha256) {
    throw new ArchiveError(`${file} does not match its checksum: it was changed or damaged after it was written; use another backup.`);
  }
  if (!isDeepStrictEqual(counts, manifest.counts)) {
    throw new ArchiveError(`${file} holds other records than its manifest counts; use another backup.`);
  }
  return manifest;
}

/** The records of an archive that verifyArchive accepted, streamed. */
export async function* archiveRecords(file: string): AsyncGenerator<StoreRecord> {
  let number = 0;
  for await (const line of archiveLines(file)) {
    if (++number > 1) yield parseRecord(line, number, file);
  }
}
