/**
 * The buyer app's own signing identity. With a real registry it comes from config; in sandbox mode a key pair is
 * made once and kept under DATA_DIR (owner-only file), so restarts keep the same identity.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { generateKeyPair, publicKeyFromPrivate, type SigningKey } from './signing.js';

export interface BuyerIdentity {
  key: SigningKey;
  publicKey: string;
}

interface StoredKey {
  uniqueKeyId: string;
  privateKey: string;
}

function sandboxKey(dataDir: string): StoredKey {
  const dir = join(dataDir, 'ondc');
  const file = join(dir, 'buyer-key.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StoredKey;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const stored: StoredKey = { uniqueKeyId: `sandbox-${randomUUID()}`, privateKey: generateKeyPair().privateKey };
  mkdirSync(dir, { recursive: true });
  // 'wx' fails when another process created the file first; its key then wins and is read back.
  try {
    writeFileSync(file, JSON.stringify(stored), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return JSON.parse(readFileSync(file, 'utf8')) as StoredKey;
  }
  return stored;
}

export function buyerIdentity(config: Config): BuyerIdentity {
  const stored =
    config.ONDC_SIGNING_PRIVATE_KEY && config.ONDC_UNIQUE_KEY_ID
      ? { uniqueKeyId: config.ONDC_UNIQUE_KEY_ID, privateKey: config.ONDC_SIGNING_PRIVATE_KEY }
      : sandboxKey(config.DATA_DIR);
  return {
    key: { subscriberId: config.ONDC_SUBSCRIBER_ID, uniqueKeyId: stored.uniqueKeyId, privateKey: stored.privateKey },
    publicKey: publicKeyFromPrivate(stored.privateKey),
  };
}
