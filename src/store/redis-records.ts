/**
 * Dump and load for the Redis store. Dump walks the prefix with SCAN and reads each batch of keys in one pipeline,
 * so memory stays flat whatever the size; Redis has no snapshot to read from, so writes made while it runs may or
 * may not be in it. SCAN may return a key twice while Redis resizes its table; loading writes by id, so a repeat
 * does no harm. Owner indexes are not copied but rebuilt from each document's owner and score.
 *
 * The adapter hands in its client and key layout rather than this module importing them, so the two files do not
 * import each other.
 */
import type { ChainableCommander, Redis } from 'ioredis';
import type { LoadReport, StoreRecord } from '../core/ports.js';

export interface RedisLayout {
  client: Redis;
  prefix: string;
  keys: {
    session(id: string): string;
    cart(sessionId: string): string;
    document(kind: string, id: string): string;
    documentIndex(kind: string, owner: string): string;
    documentSequence(kind: string): string;
  };
  clock: () => number;
  call<T>(fn: () => Promise<T>): Promise<T>;
  /** The Lua helper `cover(index, ttl, before)` that makes an owner index outlive its documents. */
  coverIndex: string;
  lua(source: string): Script;
}

interface Script {
  source: string;
  sha: string;
}

const SCAN_COUNT = 1_000;
const LOAD_BATCH = 500;

type KeyRef =
  | { type: 'session' | 'cart'; key: string }
  | { type: 'document'; key: string; kind: string; id: string }
  | { type: 'sequence'; key: string; kind: string };

/**
 * What a key under the prefix holds, by its first segment; null for what is not carried: rate limits, owner indexes
 * (rebuilt from the documents) and the callback relay's keys, which coordinate the replicas running right now
 * (claims of in-flight messages, the deployment's catalog subscription) and are made again when servers start.
 */
function classify(prefix: string, key: string): KeyRef | null {
  const rest = key.slice(prefix.length);
  const colon = rest.indexOf(':');
  const head = colon < 0 ? rest : rest.slice(0, colon);
  const tail = rest.slice(colon + 1);
  if (head === 'rl' || head === 'docidx' || head === 'relay') return null;
  if (head === 'session' || head === 'cart') return { type: head, key };
  if (head === 'docseq') return { type: 'sequence', key, kind: tail };
  // Kinds cannot contain ':', so the first one ends the kind.
  const split = tail.indexOf(':');
  if (head === 'doc' && split > 0) return { type: 'document', key, kind: tail.slice(0, split), id: tail.slice(split + 1) };
  // A backup that silently left state behind would be found out only at restore time, when it is too late.
  throw new Error(
    `Redis holds ${key}, which no store of this version writes, so a backup cannot be complete; keep other data out of the ${prefix} keys (another Redis database, for one).`,
  );
}

function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}

export async function* dumpRedis(layout: RedisLayout): AsyncGenerator<StoreRecord> {
  let cursor = '0';
  do {
    const scanned = cursor;
    const [next, keys] = await layout.call(() =>
      layout.client.scan(scanned, 'MATCH', `${globEscape(layout.prefix)}*`, 'COUNT', SCAN_COUNT),
    );
    cursor = next;
    const refs = keys.map((key) => classify(layout.prefix, key)).filter((ref): ref is KeyRef => ref !== null);
    if (refs.length > 0) yield* await readKeys(layout, refs);
  } while (cursor !== '0');
}

async function exec(layout: RedisLayout, pipeline: ChainableCommander): Promise<unknown[]> {
  const replies = (await layout.call(() => pipeline.exec())) ?? [];
  return replies.map(([err, reply]) => {
    if (err) throw err;
    return reply;
  });
}

async function readKeys(layout: RedisLayout, refs: KeyRef[]): Promise<StoreRecord[]> {
  const reads = layout.client.pipeline();
  for (const ref of refs) reads.get(ref.key).pttl(ref.key);
  const replies = await exec(layout, reads);
  const now = layout.clock();
  const records: StoreRecord[] = [];
  refs.forEach((ref, i) => {
    const raw = replies[2 * i] as string | null;
    const ttl = replies[2 * i + 1] as number;
    // Gone since the scan: it expired or was deleted.
    if (raw === null) return;
    const expiresAt = ttl >= 0 ? now + ttl : undefined;
    // Sessions and carts are always written with an expiry; documents and sequences may have none.
    if (ref.type === 'sequence') records.push({ type: 'sequence', kind: ref.kind, value: Number(raw) });
    else if (ref.type === 'document') records.push(documentRecord(ref, raw, expiresAt));
    else if (expiresAt !== undefined) records.push({ type: ref.type, value: JSON.parse(raw), expiresAt } as StoreRecord);
  });
  await addListingPositions(layout, records);
  return records;
}

function documentRecord(ref: Extract<KeyRef, { type: 'document' }>, raw: string, expiresAt: number | undefined): StoreRecord {
  const stored = JSON.parse(raw) as { doc: unknown; owner?: string };
  return {
    type: 'document',
    kind: ref.kind,
    id: ref.id,
    value: stored.doc,
    ...(expiresAt === undefined ? {} : { expiresAt }),
    ...(stored.owner === undefined ? {} : { owner: stored.owner }),
  };
}

async function addListingPositions(layout: RedisLayout, records: StoreRecord[]): Promise<void> {
  const owned = records.filter((r) => r.type === 'document' && r.owner !== undefined) as Extract<StoreRecord, { type: 'document' }>[];
  if (owned.length === 0) return;
  const scores = layout.client.pipeline();
  for (const r of owned) scores.zscore(layout.keys.documentIndex(r.kind, r.owner as string), r.id);
  const replies = await exec(layout, scores);
  owned.forEach((r, i) => {
    const score = replies[i] as string | null;
    if (score !== null) r.seq = Number(score);
  });
}

/**
 * KEYS: document, then owner index and sequence when owned. ARGV: stored value, ttl ms (0: none), id, listing
 * position ('': next from the sequence). Replaces whatever the key held.
 */
const LOAD_DOCUMENT = (coverIndex: string) => `${coverIndex}
local ttl = tonumber(ARGV[2])
put(KEYS[1], ARGV[1], ttl)
if KEYS[2] then
  local before = redis.call('PTTL', KEYS[2])
  local seq = ARGV[4]
  if seq == '' then seq = redis.call('INCR', KEYS[3]) end
  redis.call('ZADD', KEYS[2], seq, ARGV[3])
  cover(KEYS[2], ttl, before)
end
return 1
`;

/** KEYS: a sequence. ARGV: a position. Moves the sequence up to the position, never down. */
const RAISE_SEQUENCE = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end
return 1
`;

export async function loadRedis(layout: RedisLayout, records: AsyncIterable<StoreRecord>): Promise<LoadReport> {
  const load = layout.lua(LOAD_DOCUMENT(layout.coverIndex));
  const raiseSequence = layout.lua(RAISE_SEQUENCE);
  for (const s of [load, raiseSequence]) await layout.call(() => layout.client.script('LOAD', s.source));
  const report: LoadReport = { written: 0, expired: 0 };
  const highest = new Map<string, number>();
  const raise = (kind: string, value: number) => highest.set(kind, Math.max(highest.get(kind) ?? 0, value));
  let batch = layout.client.pipeline();
  let queued = 0;
  for await (const record of records) {
    if (record.type === 'sequence') {
      raise(record.kind, record.value);
      report.written++;
      continue;
    }
    const ttl = record.expiresAt === undefined ? 0 : Math.ceil(record.expiresAt - layout.clock());
    if (record.expiresAt !== undefined && ttl <= 0) {
      report.expired++;
      continue;
    }
    if (record.type === 'document') {
      if (record.seq !== undefined) raise(record.kind, record.seq);
      queueDocument(layout, batch, load, record, ttl);
    } else {
      const key = record.type === 'session' ? layout.keys.session(record.value.id) : layout.keys.cart(record.value.sessionId);
      batch.set(key, JSON.stringify(record.value), 'PX', ttl);
    }
    report.written++;
    if (++queued >= LOAD_BATCH) {
      await exec(layout, batch);
      batch = layout.client.pipeline();
      queued = 0;
    }
  }
  if (queued > 0) await exec(layout, batch);
  if (highest.size > 0) {
    const sequences = layout.client.pipeline();
    for (const [kind, value] of highest) sequences.evalsha(raiseSequence.sha, 1, layout.keys.documentSequence(kind), value);
    await exec(layout, sequences);
  }
  return report;
}

function queueDocument(
  layout: RedisLayout,
  batch: ChainableCommander,
  load: Script,
  record: Extract<StoreRecord, { type: 'document' }>,
  ttl: number,
): void {
  const stored = JSON.stringify({ doc: record.value, owner: record.owner });
  const keys =
    record.owner === undefined
      ? [layout.keys.document(record.kind, record.id)]
      : [
          layout.keys.document(record.kind, record.id),
          layout.keys.documentIndex(record.kind, record.owner),
          layout.keys.documentSequence(record.kind),
        ];
  batch.evalsha(load.sha, keys.length, ...keys, stored, ttl, record.id, record.seq ?? '');
}
