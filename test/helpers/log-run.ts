/**
 * Where a test run's logs go, so that test/zz-log-scan.test.ts can read every one of them after the last test file:
 * one directory per tap run (tap starts every test file as a child of its runner, so the runner's process id names
 * the run), one file per test shop, server process and audit log, and beside them a manifest of the secrets each
 * service held, which the scan must never find written anywhere.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import type { Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

/** Request logs, errors and warnings: every line the service writes in production at its default level. */
export const TEST_LOG_LEVEL: Config['LOG_LEVEL'] = 'info';

const RUN_DIR_PREFIX = 'ondc-test-logs-';

/** ONDC_TEST_LOG_DIR names the directory outright (a CI job that keeps the logs); otherwise one per tap run. */
export function logRunDir(): string {
  return process.env['ONDC_TEST_LOG_DIR'] ?? join(tmpdir(), `${RUN_DIR_PREFIX}${process.ppid}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A run the scan did not end (a subset of files, a failure) leaves its directory; an hour after its runner ended it goes. */
const STALE_AFTER_MS = 3600_000;

function sweepStaleRuns(): void {
  const cutoff = Date.now() - STALE_AFTER_MS;
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(RUN_DIR_PREFIX))) {
    const runner = Number(name.slice(RUN_DIR_PREFIX.length));
    const path = join(tmpdir(), name);
    const modified = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
    if (runner !== process.ppid && !alive(runner) && modified < cutoff) rmSync(path, { recursive: true, force: true });
  }
}

/** Manifests are named secrets-*.json; the scan reads them for what to look for and never scans them. */
export const SECRETS_PREFIX = 'secrets-';

let sequence = 0;

/** A new file in the run directory, named `<kind>-<pid>-<n>.<ext>`: one per writer, never shared between processes. */
export function runFile(kind: string, ext = 'log'): string {
  const dir = logRunDir();
  if (sequence === 0 && !process.env['ONDC_TEST_LOG_DIR']) sweepStaleRuns();
  mkdirSync(dir, { recursive: true });
  sequence += 1;
  return join(dir, `${kind}-${process.pid}-${sequence}.${ext}`);
}

/**
 * The service's own logger (its redaction and serializers) writing to a new file of the run; synchronously, so a
 * test that ends or is killed loses no line.
 */
export function fileLogger(kind: string, level: Config['LOG_LEVEL'] = TEST_LOG_LEVEL): Logger {
  return createLogger({ LOG_LEVEL: level }, { destination: pino.destination({ dest: runFile(kind), sync: true }) });
}

/** What a service must never write to a log: literal values, and the seed its sandbox keys derive from. */
export interface SecretManifest {
  sandboxSeed?: number;
  values: string[];
}

/** Environment keys that hold secrets; key ids are public (a browser sees RAZORPAY_KEY_ID) and are left out. */
const SECRET_KEY = /(SECRET|TOKEN|PASSWORD|API_KEY|PRIVATE_KEY)$/;

export function envSecrets(env: Record<string, string | undefined>): string[] {
  return Object.entries(env)
    .filter(([k, v]) => SECRET_KEY.test(k) && typeof v === 'string' && v.length >= 8)
    .map(([, v]) => v as string);
}

/** The secrets a service makes for itself under DATA_DIR: the session-token key and the sandbox buyer app's key. */
export function dataDirSecrets(dataDir: string): string[] {
  const found: string[] = [];
  const sessionKey = join(dataDir, 'secrets', 'session-secret');
  if (existsSync(sessionKey)) found.push(readFileSync(sessionKey, 'utf8').trim());
  const buyerKey = join(dataDir, 'ondc', 'buyer-key.json');
  if (existsSync(buyerKey)) found.push((JSON.parse(readFileSync(buyerKey, 'utf8')) as { privateKey: string }).privateKey);
  return found;
}

export function recordSecrets(manifest: SecretManifest): void {
  const values = [...new Set(manifest.values.filter((v) => v.length > 0))];
  writeFileSync(runFile(SECRETS_PREFIX.slice(0, -1), 'json'), JSON.stringify({ ...manifest, values }), { mode: 0o600 });
}

const pendingAudits = new Set<string>();
process.on('exit', () => {
  for (const source of pendingAudits) copyAudit(source);
});

/** Remembers an audit log to copy into the run directory at exit, unless copyAudit takes it first. */
export function keepAudit(source: string): void {
  pendingAudits.add(source);
}

/** Copies an audit log into the run directory now: before its temp DATA_DIR is removed. */
export function copyAudit(source: string): void {
  pendingAudits.delete(source);
  if (existsSync(source)) copyFileSync(source, runFile('audit', 'jsonl'));
}
