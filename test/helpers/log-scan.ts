/**
 * The log scan: what personal data and secrets look like in text, and a walk over a run's log directory. It is
 * written apart from the service's own masking (src/logger.ts, the audit log) on purpose, so that a slip in one is
 * caught by the other. Quantifiers are bounded: a long line must not make the scan quadratic.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SANDBOX_GATEWAY_ID } from '../../src/sandbox/network.js';
import { SANDBOX_SELLERS } from '../../src/sandbox/catalog/index.js';
import { sandboxIdentity } from '../../src/sandbox/identities.js';
import { SECRETS_PREFIX, type SecretManifest } from './log-run.js';

export interface Finding {
  file: string;
  line: number;
  kind: string;
  /** The match with all but its first four characters hidden: the report must not repeat the leak in full. */
  excerpt: string;
}

/** Ids that are long runs of hex digits; taken out before looking for phone numbers, which a run of digits in one could mimic. */
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

interface Pattern {
  kind: string;
  re: RegExp;
  uuidsOut?: boolean;
}

export const PATTERNS: readonly Pattern[] = [
  // 10 digits starting 6-9, optionally after +91, 91 or 0, maybe written 5 + 5; not part of a longer number or a decimal
  { kind: 'phone number', re: /(?<![A-Za-z0-9.])(?:\+91[\s-]?|91[\s-]?|0)?[6-9]\d{4}[\s-]?\d{5}(?![A-Za-z0-9]|\.\d)/, uuidsOut: true },
  { kind: 'email address', re: /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/ },
  { kind: 'JWT', re: /eyJ[A-Za-z0-9_-]{4,2048}\.eyJ[A-Za-z0-9_-]{4,4096}\./ },
  { kind: 'bearer token', re: /\bBearer\s{1,8}(?!\[redacted\])[A-Za-z0-9._~+/-]{8}/i },
  { kind: 'Razorpay key', re: /\brzp_(?:live|test)_[A-Za-z0-9]{14}(?![A-Za-z0-9])/ },
  { kind: 'secret field', re: /"[A-Za-z_]{0,40}(?:secret|password|private_?key|api_?key)"\s{0,4}:\s{0,4}"(?!\[redacted\])[^"]{8}/i },
  // PEM armour, and the base64 of the PKCS#8 header every Ed25519 (K2Vw) and X25519 (K2Vu) private key starts with
  { kind: 'private key', re: /-----BEGIN [A-Z ]*PRIVATE KEY-----|MC4CAQAwBQYDK2V[wu]BCIEI/ },
  {
    kind: 'one-time code',
    re: /\b(?:otp|code)\b[^A-Za-z0-9\n]{0,12}(?<!\d)\d{6}(?!\d)|(?<!\d)\d{6}(?!\d)\s+is\s+your\b[^\n]{0,40}\b(?:otp|code)\b/i,
  },
];

function hide(match: string): string {
  return `${match.slice(0, 4)}${'*'.repeat(Math.max(0, Math.min(match.length, 40) - 4))}`;
}

/** Literal secrets, found by an 8-character anchor so that hundreds of them cost one pass over the text. */
export class Needles {
  static readonly ANCHOR = 8;
  private readonly byAnchor = new Map<string, Array<{ kind: string; value: string }>>();
  size = 0;

  add(kind: string, value: string): void {
    if (value.length < Needles.ANCHOR) return;
    const anchor = value.slice(0, Needles.ANCHOR);
    const list = this.byAnchor.get(anchor) ?? [];
    if (list.some((n) => n.value === value)) return;
    list.push({ kind, value });
    this.byAnchor.set(anchor, list);
    this.size += 1;
  }

  /** A secret as written, and as its first 40 characters, its other base64 alphabet, and hex of its bytes. */
  addSecret(kind: string, value: string): void {
    const forms = [value, value.slice(0, 40)];
    if (/^[A-Za-z0-9+/_-]+=*$/.test(value) && value.length >= 16) {
      forms.push(value.replace(/\+/g, '-').replace(/\//g, '_').slice(0, 40), value.replace(/-/g, '+').replace(/_/g, '/').slice(0, 40));
      forms.push(Buffer.from(value, 'base64').toString('hex').slice(0, 40));
    }
    for (const form of forms) this.add(kind, form);
  }

  find(text: string): { kind: string; value: string } | undefined {
    for (let i = 0; i + Needles.ANCHOR <= text.length; i++) {
      const list = this.byAnchor.get(text.slice(i, i + Needles.ANCHOR));
      if (!list) continue;
      const hit = list.find((n) => text.startsWith(n.value, i));
      if (hit) return hit;
    }
    return undefined;
  }
}

/** What a line gives away, if anything. */
export function scanLine(text: string, needles: Needles): Array<{ kind: string; excerpt: string }> {
  const found: Array<{ kind: string; excerpt: string }> = [];
  for (const { kind, re, uuidsOut } of PATTERNS) {
    const match = re.exec(uuidsOut ? text.replace(UUID, 'uuid') : text);
    if (match) found.push({ kind, excerpt: hide(match[0]) });
  }
  const secret = needles.find(text);
  if (secret) found.push({ kind: secret.kind, excerpt: hide(secret.value) });
  return found;
}

/** The sandbox participants' private keys (gateway and sellers) for one seed, as src/sandbox/identities.ts makes them. */
export function sandboxPrivateKeys(seed: number): string[] {
  const ids = [SANDBOX_GATEWAY_ID, ...SANDBOX_SELLERS.map((s) => s.bppId)];
  return ids.map((subscriberId) => sandboxIdentity({ subscriberId, type: 'BPP', domain: '*', city: '*', url: '/', seed }).key.privateKey);
}

/** The files of a run directory; none when the run wrote nothing. */
const listing = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

/** Every secret the run's services recorded, and the sandbox keys of every seed they ran with. */
export function runNeedles(dir: string, defaultSeed: number): Needles {
  const needles = new Needles();
  const seeds = new Set([defaultSeed]);
  for (const name of listing(dir).filter((n) => n.startsWith(SECRETS_PREFIX))) {
    const manifest = JSON.parse(readFileSync(join(dir, name), 'utf8')) as SecretManifest;
    if (manifest.sandboxSeed !== undefined) seeds.add(manifest.sandboxSeed);
    for (const value of manifest.values) needles.addSecret('secret of a test service', value);
  }
  for (const seed of seeds) for (const key of sandboxPrivateKeys(seed)) needles.addSecret('sandbox private key', key);
  return needles;
}

export interface ScanReport {
  files: number;
  lines: number;
  bytes: number;
  findings: Finding[];
}

/** Scans every log and audit file of a run directory (not the secret manifests). */
export function scanDir(dir: string, needles: Needles): ScanReport {
  const report: ScanReport = { files: 0, lines: 0, bytes: 0, findings: [] };
  for (const name of listing(dir).filter((n) => !n.startsWith(SECRETS_PREFIX)).sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    report.files += 1;
    report.bytes += Buffer.byteLength(text);
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (line.length === 0) return;
      report.lines += 1;
      for (const hit of scanLine(line, needles)) report.findings.push({ file: name, line: i + 1, ...hit });
    });
  }
  return report;
}
