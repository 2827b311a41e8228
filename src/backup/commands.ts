/**
 * `ondc-shop backup [--out DIR]`, `ondc-shop restore FILE [--force] [--trust-unverified]` and `ondc-shop backups [--json]`, on whichever
 * store the configuration names (REDIS_URL, else the embedded store in DATA_DIR). Each resolves to the exit code:
 * 0 done, 1 refused (the message says why and what to do), 2 a usage mistake.
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sessionSecret } from '../auth/secret.js';
import { createTokenService } from '../auth/tokens.js';
import type { Config } from '../config.js';
import type { Stores } from '../core/ports.js';
import { SERVER_INFO } from '../mcp/server.js';
import { openEmbeddedStores, openRedisStores } from '../store/index.js';
import {
  ARCHIVE_NAME,
  ArchiveError,
  archiveKey,
  archiveRecords,
  privateCopy,
  readManifest,
  verifyArchive,
  writeArchive,
  type Counts,
  type Manifest,
} from './archive.js';
import { backupRecords, holdsShoppingState } from './scope.js';

export type BackupCommand = 'backup' | 'restore' | 'backups';

const USAGE: Record<BackupCommand, string> = {
  backup: 'ondc-shop backup [--out DIR]',
  restore: 'ondc-shop restore FILE [--force] [--trust-unverified]',
  backups: 'ondc-shop backups [--json]',
};

/** The fixed text whose keyed digest tells whether two stores share a session secret. */
const SECRET_CHECK_TEXT = 'ondc-shop backup secret check';

class UsageError extends Error {}
/** The store or the archive is fine, but restoring now would do harm. */
class Refused extends Error {}

export async function runBackupCommand(command: BackupCommand, config: Config, args: string[]): Promise<number> {
  try {
    if (command === 'backup') await backup(config, args);
    else if (command === 'restore') await restore(config, args);
    else await list(config, args);
    return 0;
  } catch (err) {
    if (err instanceof UsageError || (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(err as Error).message}\nUsage: ${USAGE[command]}\n`);
      return 2;
    }
    if (err instanceof ArchiveError || err instanceof Refused) {
      process.stderr.write(`ondc-shop ${command}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

function backupDir(config: Config): string {
  return config.BACKUP_DIR ?? join(config.DATA_DIR, 'backups');
}

/** Redis must answer now: a command line has no readiness probe to wait on. */
function openConfiguredStores(config: Config): Promise<Stores> {
  return config.REDIS_URL ? openRedisStores({ url: config.REDIS_URL, connect: 'wait' }) : openEmbeddedStores({ dir: config.DATA_DIR });
}

export function secretCheck(config: Config): string {
  return createTokenService(sessionSecret(config.SESSION_SECRET, config.DATA_DIR).key, 60).digest(SECRET_CHECK_TEXT);
}

/** The key archives are signed with under this configuration's session secret. */
export function signingKey(config: Config): Buffer {
  return archiveKey(sessionSecret(config.SESSION_SECRET, config.DATA_DIR).key);
}

function describeStore(config: Config, stores: Stores): string {
  return stores.kind === 'redis' ? 'Redis store at REDIS_URL' : `embedded store in ${config.DATA_DIR}`;
}

async function backup(config: Config, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  const stores = await openConfiguredStores(config);
  try {
    const written = await writeArchive({
      records: backupRecords(stores),
      dir: values.out ?? backupDir(config),
      key: signingKey(config),
      manifest: { store: stores.kind, app_version: SERVER_INFO.version, secret_check: secretCheck(config) },
    });
    const { records, counts } = written.manifest;
    process.stdout.write(`${JSON.stringify({ file: written.file, bytes: written.bytes, store: stores.kind, records, counts })}\n`);
  } finally {
    await stores.close();
  }
}

/** A bare file name that is not in the working folder is looked for in BACKUP_DIR, where `backups` lists it. */
function locate(file: string, dir: string): string {
  return existsSync(file) || file.includes('/') ? file : join(dir, file);
}

async function restore(config: Config, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { force: { type: 'boolean', default: false }, 'trust-unverified': { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const [named, ...extra] = positionals;
  if (!named || extra.length > 0) throw new UsageError('Name the one archive to restore.');
  const file = locate(named, backupDir(config));
  const copy = await privateCopy(file).catch(nothingWritten);
  try {
    const { manifest, verified } = await verifyArchive(copy.path, signingKey(config), file).catch(nothingWritten);
    if (!verified) acceptUnverified(file, manifest, secretCheck(config), values.force, values['trust-unverified']);
    const stores = await openConfiguredStores(config);
    try {
      if (!values.force && (await holdsShoppingState(stores))) {
        throw new Refused(
          `The ${describeStore(config, stores)} already holds shopping state; restore into an empty store, or pass --force to write the backup over it (records with the same ids are replaced, the rest stay).`,
        );
      }
      const report = await stores.load(archiveRecords(copy.path, file));
      const summary = { file, from: manifest.store, to: stores.kind, created_at: manifest.created_at, records: manifest.records, ...report };
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    } finally {
      await stores.close();
    }
  } finally {
    await copy.remove();
  }
}

function nothingWritten(err: unknown): never {
  throw err instanceof ArchiveError ? new ArchiveError(`${err.message} Nothing was written.`) : err;
}

/**
 * An archive whose signature does not hold under this secret. Under this very secret that means it was edited or
 * damaged: always refused. Made under another secret (or in format 1, unsigned), nobody here can tell an intact
 * archive from an edited one, so it is restored only when the operator says they trust the file itself.
 */
function acceptUnverified(file: string, manifest: Manifest, ownCheck: string, force: boolean, trust: boolean): void {
  const otherSecret = manifest.secret_check !== ownCheck;
  if (manifest.mac !== undefined && !otherSecret) {
    throw new ArchiveError(`${file} does not match its signature: it was changed or damaged after it was written; use another backup. Nothing was written.`);
  }
  const secretProblem =
    'The backup was made under another session secret than this one (SESSION_SECRET, or DATA_DIR/secrets/session-secret ' +
    'when that is unset): restored buyers would have to sign in again, and returning buyers would get new, empty accounts.';
  if (otherSecret && !force) {
    throw new Refused(
      `${secretProblem} Use the secret of the store the backup came from (set SESSION_SECRET, or copy its secrets file), or pass --force --trust-unverified to restore anyway.`,
    );
  }
  const why = manifest.mac === undefined ? 'it is in backup format 1, which carries no signature' : 'its signature was made under another session secret';
  const unverifiable = `The integrity of ${file} cannot be verified (${why}): an edited or forged archive would look the same.`;
  if (!trust) {
    throw new Refused(`${unverifiable} Pass --trust-unverified as well only if you know where this file has been since it was made. Nothing was written.`);
  }
  process.stderr.write(`ondc-shop restore: warning: ${unverifiable} Restoring it because of --trust-unverified.\n`);
  if (otherSecret) process.stderr.write(`ondc-shop restore: warning: ${secretProblem}\n`);
}

interface Listed {
  file: string;
  bytes: number;
  created_at?: string;
  store?: string;
  app_version?: string;
  records?: number;
  counts?: Counts;
  /** Why the manifest could not be read. */
  problem?: string;
}

async function list(config: Config, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
  const dir = backupDir(config);
  const names = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
  const listed: Listed[] = [];
  for (const name of names.filter((n) => ARCHIVE_NAME.test(n)).sort()) {
    const file = join(dir, name);
    const { size: bytes } = await stat(file);
    try {
      const { created_at, store, app_version, records, counts } = await readManifest(file);
      listed.push({ file, bytes, created_at, store, app_version, records, counts });
    } catch (err) {
      if (!(err instanceof ArchiveError)) throw err;
      listed.push({ file, bytes, problem: err.message });
    }
  }
  if (values.json) process.stdout.write(`${JSON.stringify(listed, null, 2)}\n`);
  else process.stdout.write(listing(dir, listed));
}

function listing(dir: string, listed: Listed[]): string {
  if (listed.length === 0) return `No backups in ${dir}; \`ondc-shop backup\` makes one.\n`;
  const lines = listed.map((l) => {
    const name = l.file.slice(dir.length + 1);
    if (l.problem) return `${name}  ${size(l.bytes)}  unreadable: ${l.problem}`;
    return `${name}  ${l.created_at}  ${l.store}  ${size(l.bytes)}  ${l.records} records: ${describeCounts(l.counts as Counts)}`;
  });
  return `Backups in ${dir}, oldest first (restore checks each one in full):\n${lines.join('\n')}\n`;
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function describeCounts(counts: Counts): string {
  const documents = Object.entries(counts.documents)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([kind, n]) => `${kind} ${n}`);
  return [`sessions ${counts.sessions}`, `carts ${counts.carts}`, ...documents].join(', ');
}
