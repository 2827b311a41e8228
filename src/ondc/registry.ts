/**
 * Registry lookup: who a subscriber is, where it listens and which key signs its messages. Answers are cached
 * per (subscriber, key id) so a busy callback endpoint does not ask the registry for every message.
 */
import { request } from 'undici';

/** One entry of a registry lookup answer, as ONDC's registry writes it. */
export interface RegistryEntry {
  subscriber_id: string;
  ukId: string;
  subscriber_url: string;
  type: 'BAP' | 'BPP' | 'BG';
  domain: string;
  city: string;
  country: string;
  signing_public_key: string;
  encr_public_key: string;
  valid_from: string;
  valid_until: string;
  status: 'SUBSCRIBED' | 'INITIATED' | 'UNSUBSCRIBED';
  created: string;
  updated: string;
}

export interface LookupQuery {
  subscriber_id?: string;
  ukId?: string;
  type?: RegistryEntry['type'];
  domain?: string;
  city?: string;
  country?: string;
}

export interface RegistryClient {
  lookup(query: LookupQuery): Promise<RegistryEntry[]>;
  /** The signing public key for a key id, or null when the registry does not know it as a live subscriber. */
  publicKey(subscriberId: string, uniqueKeyId: string): Promise<string | null>;
}

export interface RegistryClientOptions {
  /** Base URL; `/v2.0/lookup` is appended. */
  url: string;
  /** Signs the lookup body: ONDC's registry only answers subscribers. */
  authorize?: (body: string) => string;
  cacheTtlMs?: number;
  now?: () => number;
  timeoutMs?: number;
}

export function entryIsLive(entry: RegistryEntry, now: number): boolean {
  return (
    entry.status === 'SUBSCRIBED' && Date.parse(entry.valid_from) <= now && now <= Date.parse(entry.valid_until)
  );
}

export function createRegistryClient(opts: RegistryClientOptions): RegistryClient {
  const ttl = opts.cacheTtlMs ?? 5 * 60_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { at: number; entries: Promise<RegistryEntry[]> }>();
  const endpoint = `${opts.url.replace(/\/$/, '')}/v2.0/lookup`;

  async function fetchEntries(query: LookupQuery): Promise<RegistryEntry[]> {
    const body = JSON.stringify(query);
    const res = await request(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(opts.authorize ? { authorization: opts.authorize(body) } : {}) },
      body,
      headersTimeout: opts.timeoutMs ?? 5000,
      bodyTimeout: opts.timeoutMs ?? 5000,
    });
    const answer = (await res.body.json()) as unknown;
    if (res.statusCode !== 200 || !Array.isArray(answer)) {
      throw new Error(`registry lookup at ${endpoint} answered ${res.statusCode}`);
    }
    return answer as RegistryEntry[];
  }

  async function lookup(query: LookupQuery): Promise<RegistryEntry[]> {
    const key = JSON.stringify(query);
    const hit = cache.get(key);
    if (hit && now() - hit.at < ttl) return hit.entries;
    const entries = fetchEntries(query);
    cache.set(key, { at: now(), entries });
    // A failed lookup must not be remembered: the next message asks again.
    entries.catch(() => cache.delete(key));
    return entries;
  }

  return {
    lookup,
    async publicKey(subscriberId, uniqueKeyId) {
      const entries = await lookup({ subscriber_id: subscriberId, ukId: uniqueKeyId });
      const live = entries.find((e) => e.subscriber_id === subscriberId && e.ukId === uniqueKeyId && entryIsLive(e, now()));
      return live?.signing_public_key ?? null;
    },
  };
}
