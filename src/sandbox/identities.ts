/**
 * Identities of the sandbox participants. Keys derive from the seed and the subscriber id, so a standalone
 * sandbox keeps the same keys across restarts and buyer apps may cache them. They are public test keys: never
 * use them outside the sandbox.
 */
import { createHash } from 'node:crypto';
import type { RegistryEntry } from '../ondc/registry.js';
import { keyPairFromSeed, type SigningKey } from '../ondc/signing.js';

export const SANDBOX_UNIQUE_KEY_ID = 'sandbox-key-1';

export interface SandboxIdentity {
  key: SigningKey;
  publicKey: string;
  entry: RegistryEntry;
}

export function sandboxIdentity(args: {
  subscriberId: string;
  type: RegistryEntry['type'];
  domain: string;
  city: string;
  url: string;
  seed: number;
}): SandboxIdentity {
  const seed = createHash('sha256').update(`ondc-sandbox:${args.seed}:${args.subscriberId}`).digest();
  const pair = keyPairFromSeed(seed);
  return {
    key: { subscriberId: args.subscriberId, uniqueKeyId: SANDBOX_UNIQUE_KEY_ID, privateKey: pair.privateKey },
    publicKey: pair.publicKey,
    entry: registryEntry({ ...args, ukId: SANDBOX_UNIQUE_KEY_ID, publicKey: pair.publicKey }),
  };
}

export function registryEntry(args: {
  subscriberId: string;
  ukId: string;
  type: RegistryEntry['type'];
  domain: string;
  city: string;
  url: string;
  publicKey: string;
}): RegistryEntry {
  const now = new Date().toISOString();
  return {
    subscriber_id: args.subscriberId,
    ukId: args.ukId,
    subscriber_url: args.url,
    type: args.type,
    domain: args.domain,
    city: args.city,
    country: 'IND',
    signing_public_key: args.publicKey,
    // The sandbox encrypts nothing; ONDC's registry shape still carries the field.
    encr_public_key: args.publicKey,
    valid_from: '2024-01-01T00:00:00.000Z',
    valid_until: '2099-12-31T23:59:59.999Z',
    status: 'SUBSCRIBED',
    created: now,
    updated: now,
  };
}
