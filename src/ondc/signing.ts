/**
 * ONDC / Beckn HTTP message signatures (BECKN-006): BLAKE2b-512 digest of the exact body bytes, an Ed25519
 * signature over a three-line signing string, carried in `Authorization` (and a gateway's
 * `X-Gateway-Authorization`). Keys travel in ONDC's registry formats: the private key is libsodium's 64-byte
 * secret (seed then public key) and the public key the raw 32 bytes, both base64.
 */
import { createHash, createPrivateKey, createPublicKey, randomBytes, sign, verify, type KeyObject } from 'node:crypto';

export interface SigningKey {
  subscriberId: string;
  uniqueKeyId: string;
  /** base64 of the 64-byte libsodium secret key (32-byte seed, then the 32-byte public key) */
  privateKey: string;
}

export interface ParsedSignature {
  subscriberId: string;
  uniqueKeyId: string;
  algorithm: string;
  created: number;
  expires: number;
  headers: string;
  signature: string;
}

export type SignatureFailure =
  | 'malformed'
  | 'unsupported_algorithm'
  | 'expired'
  | 'not_yet_valid'
  | 'unknown_key'
  | 'bad_key'
  | 'bad_signature';

/** Why a signature was refused; every reason means "answer 401", the reason only says what to tell the sender. */
export class SignatureError extends Error {
  readonly reason: SignatureFailure;

  constructor(reason: SignatureFailure, message: string) {
    super(message);
    this.name = 'SignatureError';
    this.reason = reason;
  }
}

/** One of our own keys is unusable: a configuration mistake, not something a peer did. */
export class KeyFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyFormatError';
  }
}

const ALGORITHM = 'ed25519';
const SIGNED_HEADERS = '(created) (expires) digest';
const DEFAULT_TTL_SECONDS = 300;
const DEFAULT_CLOCK_SKEW_SECONDS = 5;
const SEED_BYTES = 32;
const PUBLIC_KEY_BYTES = 32;
const SECRET_KEY_BYTES = SEED_BYTES + PUBLIC_KEY_BYTES;
const SIGNATURE_BYTES = 64;
// node:crypto only takes Ed25519 keys as DER/PEM/JWK; these fixed prefixes turn raw bytes into PKCS#8 and SPKI.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function blake512Digest(body: Uint8Array | string): string {
  return createHash('blake2b512').update(body).digest('base64');
}

export function signingString(created: number, expires: number, digest: string): string {
  return `(created): ${created}\n(expires): ${expires}\ndigest: BLAKE-512=${digest}`;
}

export function signAuthorization(
  body: Uint8Array | string,
  key: SigningKey,
  opts: { created?: number; ttlSeconds?: number } = {},
): string {
  assertHeaderSafe('subscriberId', key.subscriberId);
  assertHeaderSafe('uniqueKeyId', key.uniqueKeyId);
  const created = opts.created ?? nowSeconds();
  const ttl = opts.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  assertWholeSeconds('created', created, 0);
  assertWholeSeconds('ttlSeconds', ttl, 1);
  const expires = created + ttl;
  const text = signingString(created, expires, blake512Digest(body));
  const signature = sign(null, Buffer.from(text, 'utf8'), privateKeyObject(key.privateKey)).toString('base64');
  return (
    `Signature keyId="${key.subscriberId}|${key.uniqueKeyId}|${ALGORITHM}",algorithm="${ALGORITHM}",` +
    `created="${created}",expires="${expires}",headers="${SIGNED_HEADERS}",signature="${signature}"`
  );
}

export function parseSignatureHeader(value: string): ParsedSignature {
  const scheme = /^\s*Signature\s+/i.exec(value);
  if (!scheme) throw malformed('it must start with "Signature "');
  const params = parseParams(value.slice(scheme[0].length).trimEnd());
  const keyId = required(params, 'keyId');
  const algorithm = required(params, 'algorithm');
  const { subscriberId, uniqueKeyId } = parseKeyId(keyId);
  if (algorithm !== ALGORITHM) throw unsupported(`algorithm "${algorithm}"`);
  const created = parseSeconds('created', required(params, 'created'));
  const expires = parseSeconds('expires', required(params, 'expires'));
  if (expires < created) throw malformed(`expires (${expires}) is before created (${created})`);
  const headers = required(params, 'headers');
  if (headers !== SIGNED_HEADERS) throw malformed(`headers must be "${SIGNED_HEADERS}", got "${headers}"`);
  const signature = required(params, 'signature');
  if (decodeBase64(signature)?.length !== SIGNATURE_BYTES) {
    throw malformed(`signature must be ${SIGNATURE_BYTES} bytes in base64`);
  }
  return { subscriberId, uniqueKeyId, algorithm, created, expires, headers, signature };
}

/**
 * Resolves to the parsed header when the signature holds; rejects with a SignatureError otherwise. An error
 * thrown by lookupPublicKey itself (registry down) passes through untouched: that is our outage, not a bad
 * signature, and the caller should not answer it with 401.
 */
export async function verifyAuthorization(
  body: Uint8Array | string,
  header: string,
  lookupPublicKey: (subscriberId: string, uniqueKeyId: string) => Promise<string | null>,
  opts: { now?: number; clockSkewSeconds?: number } = {},
): Promise<ParsedSignature> {
  const parsed = parseSignatureHeader(header);
  // The window is checked before the lookup so that replayed old headers cost us no registry call.
  assertInWindow(parsed, opts.now ?? nowSeconds(), opts.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS);
  const publicKey = await lookupPublicKey(parsed.subscriberId, parsed.uniqueKeyId);
  if (publicKey === null) {
    throw new SignatureError('unknown_key', `no signing key is registered for ${parsed.subscriberId}|${parsed.uniqueKeyId}`);
  }
  const text = signingString(parsed.created, parsed.expires, blake512Digest(body));
  if (!verifySignature(text, parsed.signature, registeredKeyObject(publicKey, parsed))) {
    throw new SignatureError('bad_signature', `signature does not match the body and the key of ${parsed.subscriberId}|${parsed.uniqueKeyId}`);
  }
  return parsed;
}

export function generateKeyPair(): { privateKey: string; publicKey: string } {
  return keyPairFromSeed(randomBytes(SEED_BYTES));
}

/** The key pair for a given 32-byte seed, in ONDC's formats (used for the sandbox's reproducible identities). */
export function keyPairFromSeed(seed: Uint8Array): { privateKey: string; publicKey: string } {
  if (seed.length !== SEED_BYTES) throw new KeyFormatError(`an Ed25519 seed is ${SEED_BYTES} bytes, got ${seed.length}`);
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = rawPublicKey(createPublicKey(key));
  return {
    privateKey: Buffer.concat([seed, publicKey]).toString('base64'),
    publicKey: publicKey.toString('base64'),
  };
}

export function publicKeyFromPrivate(privateKey: string): string {
  return rawPublicKey(createPublicKey(privateKeyObject(privateKey))).toString('base64');
}

export function authorizationChallenge(realm: string): string {
  assertHeaderSafe('realm', realm);
  return `Signature realm="${realm}",headers="${SIGNED_HEADERS}"`;
}

/** name="value" pairs separated by commas; whitespace is allowed after a comma and nowhere else. */
function parseParams(text: string): Map<string, string> {
  const param = /([A-Za-z]+)="([^"]*)"/y;
  const separator = /,[ \t]*/y;
  const params = new Map<string, string>();
  let at = 0;
  for (;;) {
    param.lastIndex = at;
    const match = param.exec(text);
    if (!match) throw malformed(`expected name="value" at offset ${at}`);
    const name = match[1] ?? '';
    if (params.has(name)) throw malformed(`${name} appears twice`);
    params.set(name, match[2] ?? '');
    at = param.lastIndex;
    if (at === text.length) return params;
    separator.lastIndex = at;
    if (!separator.test(text)) throw malformed(`expected a comma at offset ${at}`);
    at = separator.lastIndex;
  }
}

function required(params: Map<string, string>, name: string): string {
  const value = params.get(name);
  if (value === undefined) throw malformed(`${name} is missing`);
  return value;
}

function parseKeyId(keyId: string): { subscriberId: string; uniqueKeyId: string } {
  const parts = keyId.split('|');
  const [subscriberId, uniqueKeyId, algorithm] = parts;
  if (parts.length !== 3 || !subscriberId || !uniqueKeyId || algorithm === undefined) {
    throw malformed(`keyId must be "subscriber_id|unique_key_id|ed25519", got "${keyId}"`);
  }
  if (algorithm !== ALGORITHM) throw unsupported(`keyId algorithm "${algorithm}"`);
  return { subscriberId, uniqueKeyId };
}

function parseSeconds(name: string, value: string): number {
  const seconds = /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(seconds)) throw malformed(`${name} must be whole epoch seconds, got "${value}"`);
  return seconds;
}

function assertInWindow(parsed: ParsedSignature, now: number, skew: number): void {
  if (parsed.created > now + skew) {
    throw new SignatureError('not_yet_valid', `signature created at ${parsed.created} is in the future (now ${now}); check the sender's clock`);
  }
  if (parsed.expires < now - skew) {
    throw new SignatureError('expired', `signature expired at ${parsed.expires} (now ${now}); sign the request again`);
  }
}

function verifySignature(text: string, signature: string, key: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** A registered key that is not 32 bytes can never verify; the sender learns its registry entry is broken. */
function registeredKeyObject(publicKey: string, parsed: ParsedSignature): KeyObject {
  const raw = decodeBase64(publicKey);
  const keyId = `${parsed.subscriberId}|${parsed.uniqueKeyId}`;
  if (raw?.length !== PUBLIC_KEY_BYTES) {
    throw new SignatureError('bad_key', `the registered signing key of ${keyId} is ${describeLength(raw)}; expected a raw ${PUBLIC_KEY_BYTES}-byte Ed25519 public key in base64`);
  }
  try {
    return cachedKey(`public:${publicKey}`, () => publicKeyObject(raw));
  } catch {
    throw new SignatureError('bad_key', `the registered signing key of ${keyId} is not a valid Ed25519 public key`);
  }
}

/**
 * Parsed keys by their base64 text. Importing an Ed25519 key (DER wrapping, and for a secret the consistency
 * check) costs several times the signature itself, and nearly every message is signed or verified with one of a
 * handful of keys: under load, parsing them afresh each time was a quarter of the server's CPU.
 */
const KEY_CACHE_LIMIT = 1024;
const keyObjects = new Map<string, KeyObject>();

function cachedKey(id: string, parse: () => KeyObject): KeyObject {
  const known = keyObjects.get(id);
  if (known) return known;
  const key = parse();
  // a registry may name many keys over time: starting afresh now and then is cheaper than tracking use
  if (keyObjects.size >= KEY_CACHE_LIMIT) keyObjects.clear();
  keyObjects.set(id, key);
  return key;
}

function privateKeyObject(privateKey: string): KeyObject {
  return cachedKey(`secret:${privateKey}`, () => parsePrivateKey(privateKey));
}

function parsePrivateKey(privateKey: string): KeyObject {
  const secret = decodeBase64(privateKey);
  if (secret?.length !== SECRET_KEY_BYTES) {
    throw new KeyFormatError(
      `ONDC signing private key is ${describeLength(secret)}; expected ${SECRET_KEY_BYTES} bytes in base64 ` +
        `(libsodium secret key: ${SEED_BYTES}-byte seed followed by the ${PUBLIC_KEY_BYTES}-byte public key)`,
    );
  }
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, secret.subarray(0, SEED_BYTES)]), format: 'der', type: 'pkcs8' });
  // libsodium hashes the stored public half into every signature, so a secret whose halves disagree signs
  // with a key nobody can verify; refuse it here rather than be rejected by every peer.
  if (!rawPublicKey(createPublicKey(key)).equals(secret.subarray(SEED_BYTES))) {
    throw new KeyFormatError('ONDC signing private key is inconsistent: its last 32 bytes are not the public key of its first 32 bytes (the seed)');
  }
  return key;
}

function publicKeyObject(raw: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519_PREFIX.length);
}

/** Standard base64 with padding only; Buffer.from would silently skip stray characters and accept base64url. */
function decodeBase64(value: string): Buffer | undefined {
  if (value.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return undefined;
  return Buffer.from(value, 'base64');
}

function describeLength(decoded: Buffer | undefined): string {
  return decoded === undefined ? 'not valid base64' : `${decoded.length} bytes`;
}

/** Values go inside quotes and keyId is split on "|", so those characters would corrupt the header. */
function assertHeaderSafe(name: string, value: string): void {
  if (!/^[\x21-\x7e]+$/.test(value) || /["\\|,]/.test(value)) {
    throw new TypeError(`${name} "${value}" must be non-empty printable ASCII without spaces, quotes, backslashes, commas or "|"`);
  }
}

function assertWholeSeconds(name: string, value: number, minimum: number): void {
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new RangeError(`${name} must be a whole number of seconds of at least ${minimum}, got ${value}`);
  }
}

function malformed(detail: string): SignatureError {
  return new SignatureError('malformed', `malformed signature header: ${detail}`);
}

function unsupported(detail: string): SignatureError {
  return new SignatureError('unsupported_algorithm', `unsupported ${detail}; only ${ALGORITHM} is accepted`);
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
