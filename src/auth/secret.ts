/**
 * The key session tokens are signed with: SESSION_SECRET when set (required with several replicas), otherwise a
 * random key made once and kept under DATA_DIR (owner-only file), so restarts keep tokens valid. A made key moves to
 * a multi-replica deployment as `SESSION_SECRET=base64url:<the file's text>`, keeping its users' tokens and accounts.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MADE_KEY_PREFIX = 'base64url:';

export function sessionSecret(configured: string | undefined, dataDir: string): { key: Buffer; generated: boolean } {
  if (configured?.startsWith(MADE_KEY_PREFIX)) return { key: Buffer.from(configured.slice(MADE_KEY_PREFIX.length), 'base64url'), generated: false };
  if (configured) return { key: Buffer.from(configured, 'utf8'), generated: false };
  const dir = join(dataDir, 'secrets');
  const file = join(dir, 'session-secret');
  try {
    return { key: Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url'), generated: true };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const made = randomBytes(48).toString('base64url');
  // 'wx' fails when another process made the file first; its key then wins and is read back.
  try {
    writeFileSync(file, made, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return { key: Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url'), generated: true };
  }
  return { key: Buffer.from(made, 'base64url'), generated: true };
}
