/**
 * An in-process stand-in for a Qdrant server (REST contract of v1.15-1.16), for testing our Qdrant index
 * adapter through the real `@qdrant/js-client-rest` client where no Qdrant can be installed.
 *
 * Answers come in Qdrant's envelope `{result, status: "ok", time}`; errors in `{status: {error}, time}` with
 * Qdrant's wording and status codes: 400 for "Wrong input:"/"Bad request:"/"Format error in JSON body:",
 * 404 "Not found: ...", 409 for an existing collection, 422 "Validation error in JSON body: [...]", and a
 * plain-text 401 from the api-key check. With `strictIndexes` (the default) it behaves like a collection
 * with `strict_mode_config.unindexed_filtering_retrieve/update = false`, as Qdrant Cloud collections are:
 * a filter on a payload key without a payload index of a fitting type is refused with Qdrant's message.
 *
 * Not covered: multivectors, recommend/discover/formula/sample queries, geo filters, shards,
 * snapshots, search/recommend legacy endpoints. Point ids above 2^53 lose precision (JSON.parse).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface QdrantStandIn {
  url: string;
  /** Every request seen: method, path (without query string), and whether the api-key header matched. */
  requests: Array<{ method: string; path: string; authorized: boolean }>;
  collectionNames(): string[];
  aliases(): Record<string, string>;
  close(): Promise<void>;
}

export interface QdrantStandInOptions {
  /** Key every request (except /, /healthz, /readyz, /livez) must carry as `api-key` or `Authorization: Bearer`. */
  apiKey?: string;
  /** Refuse filters on payload keys without a fitting payload index (default true). */
  strictIndexes?: boolean;
  /** Version reported by `GET /` (default 1.16.0). */
  version?: string;
}

type Obj = Record<string, unknown>;
type PointId = number | string;
type Distance = 'Cosine' | 'Dot' | 'Euclid' | 'Manhattan';
interface Sparse { indices: number[]; values: number[] }
interface Point { id: PointId; vectors: Map<string, number[] | Sparse>; payload: Obj; version: number }
interface IndexSpec { type: string; params: Obj | null }
interface Collection {
  name: string;
  /** Created with a single unnamed vector config `{size, distance}` (the vector is then named ""). */
  unnamed: boolean;
  dense: Map<string, { size: number; distance: Distance }>;
  sparse: Map<string, { modifier: 'idf' | 'none' }>;
  points: Map<string, Point>;
  indexes: Map<string, IndexSpec>;
  opCount: number;
}
interface Scored { p: Point; score: number }
/** How results of a level are ordered: by distance, by sparse dot product, or by a fused score (larger is better). */
type Order = Distance | 'sparse' | 'fused';

class QdrantError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}
const wrongInput = (m: string) => new QdrantError(400, `Wrong input: ${m}`);
const badRequest = (m: string) => new QdrantError(400, `Bad request: ${m}`);
const formatError = (m: string) => new QdrantError(400, `Format error in JSON body: ${m}`);
const validation = (path: string, m: string) => new QdrantError(422, `Validation error in JSON body: [${path}: ${m}]`);
const noCollection = (n: string) => new QdrantError(404, `Not found: Collection \`${n}\` doesn't exist!`);

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = <T>(v: T | T[] | null | undefined): T[] => (v == null ? [] : Array.isArray(v) ? v : [v]);
const DISTANCES: Distance[] = ['Cosine', 'Dot', 'Euclid', 'Manhattan'];
const INDEX_TYPES = ['keyword', 'integer', 'float', 'geo', 'text', 'bool', 'datetime', 'uuid'];
const UUID_RE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

// ---------- point ids: unsigned integers or UUIDs; numbers order before UUIDs, like Rust's ExtendedPointId ----------
function parseId(v: unknown): PointId {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return v;
  if (typeof v === 'string' && UUID_RE.test(v)) {
    const hex = v.replace(/-/g, '').toLowerCase();
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  throw formatError(`value ${String(v)} is not a valid point ID, valid values are either an unsigned integer or a UUID`);
}
const idKey = (id: PointId) => (typeof id === 'number' ? `n${id}` : `u${id}`);
function compareIds(a: PointId, b: PointId): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------- payload access: dotted keys, `[]` steps, and arrays flattened (a condition matches any element) ----------
function rawAt(payload: unknown, key: string): unknown[] {
  let cur: unknown[] = [payload];
  for (const part of key.split('.')) {
    const name = part.endsWith('[]') ? part.slice(0, -2) : part;
    const next: unknown[] = [];
    for (const v of cur.flatMap((x) => (Array.isArray(x) ? x : [x]))) if (isObj(v) && name in v) next.push(v[name]);
    cur = next;
  }
  return cur;
}
const valuesAt = (payload: unknown, key: string) => rawAt(payload, key).flat().filter((v) => v !== null && v !== undefined);
const tokens = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

// ---------- filters, with Qdrant semantics ----------
function matchesFilter(f: unknown, p: Point, col: Collection, payload: Obj = p.payload): boolean {
  if (f == null) return true;
  if (!isObj(f)) throw formatError('filter must be an object');
  const check = (c: unknown) => matchesCondition(c, p, col, payload);
  if (!asList(f['must'] as unknown).every(check)) return false;
  if (asList(f['must_not'] as unknown).some(check)) return false;
  const should = asList(f['should'] as unknown);
  if (should.length > 0 && !should.some(check)) return false;
  const minShould = f['min_should'];
  if (isObj(minShould)) {
    const hits = asList(minShould['conditions'] as unknown).filter(check).length;
    if (hits < Number(minShould['min_count'] ?? 0)) return false;
  }
  return true;
}

function matchesCondition(c: unknown, p: Point, col: Collection, payload: Obj): boolean {
  if (!isObj(c)) throw formatError('condition must be an object');
  if ('has_id' in c) return asList(c['has_id'] as unknown).some((id) => idKey(parseId(id)) === idKey(p.id));
  if ('has_vector' in c) return p.vectors.has(String(c['has_vector']));
  if ('is_empty' in c && isObj(c['is_empty'])) return valuesAt(payload, String(c['is_empty']['key'])).length === 0;
  if ('is_null' in c && isObj(c['is_null'])) return rawAt(payload, String(c['is_null']['key'])).some((v) => v === null);
  if ('nested' in c && isObj(c['nested'])) {
    const { key, filter } = c['nested'];
    return rawAt(payload, String(key)).flat().some((el) => isObj(el) && matchesFilter(filter, p, col, el));
  }
  if (!('key' in c)) return matchesFilter(c, p, col, payload); // a nested Filter used as a condition
  const key = String(c['key']);
  const values = valuesAt(payload, key);
  if (c['is_empty'] === true) return values.length === 0;
  if (c['is_null'] === true) return rawAt(payload, key).some((v) => v === null);
  if (isObj(c['match'])) return matchValue(c['match'], values, col.indexes.get(key)?.type === 'text');
  if (isObj(c['range'])) return matchRange(c['range'], values);
  if (isObj(c['values_count'])) return inRange(c['values_count'], values.length, (x) => Number(x));
  throw badRequest(`the Qdrant stand-in does not support the condition ${JSON.stringify(c)}`);
}

function matchValue(m: Obj, values: unknown[], textIndexed: boolean): boolean {
  if ('value' in m) return values.some((v) => v === m['value']);
  if ('any' in m) return values.some((v) => asList(m['any'] as unknown).includes(v));
  // `except`: at least one stored value outside the list; a point without the key has nothing to exclude.
  if ('except' in m) return values.length === 0 || values.some((v) => !asList(m['except'] as unknown).includes(v));
  const strings = values.filter((v): v is string => typeof v === 'string');
  if ('text' in m) {
    const want = String(m['text']);
    // With a full-text index every query token must occur; without one Qdrant falls back to a substring check.
    if (!textIndexed) return strings.some((s) => s.includes(want));
    return strings.some((s) => { const have = new Set(tokens(s)); return tokens(want).every((t) => have.has(t)); });
  }
  if ('text_any' in m) return strings.some((s) => { const have = new Set(tokens(s)); return tokens(String(m['text_any'])).some((t) => have.has(t)); });
  if ('phrase' in m) return strings.some((s) => ` ${tokens(s).join(' ')} `.includes(` ${tokens(String(m['phrase'])).join(' ')} `));
  throw badRequest(`the Qdrant stand-in does not support the match ${JSON.stringify(m)}`);
}

function inRange(r: Obj, v: number, conv: (x: unknown) => number): boolean {
  const b = (k: string) => (r[k] == null ? undefined : conv(r[k]));
  const [gt, gte, lt, lte] = [b('gt'), b('gte'), b('lt'), b('lte')];
  return (gt === undefined || v > gt) && (gte === undefined || v >= gte) && (lt === undefined || v < lt) && (lte === undefined || v <= lte);
}
function matchRange(r: Obj, values: unknown[]): boolean {
  const datetime = ['gt', 'gte', 'lt', 'lte'].some((k) => typeof r[k] === 'string');
  if (datetime) {
    const ms = (x: unknown) => Date.parse(String(x));
    return values.some((v) => typeof v === 'string' && !Number.isNaN(ms(v)) && inRange(r, ms(v), ms));
  }
  return values.some((v) => typeof v === 'number' && inRange(r, v, (x) => Number(x)));
}

/**
 * Strict mode: the first condition whose key lacks a payload index able to serve it, with the index types that
 * would (mirrors Qdrant's lib/collection/src/problems/unindexed_field.rs: a string match wants keyword (or uuid for
 * UUID-looking strings), an integer match integer, a bool match bool, a numeric range float or integer, a datetime
 * range datetime, text matches text, and is_empty/is_null/values_count accept any index; has_id needs none).
 */
function unindexedKey(f: unknown, col: Collection, prefix = ''): { key: string; types: string[] } | null {
  if (!isObj(f)) return null;
  const minShould = isObj(f['min_should']) ? asList(f['min_should']['conditions'] as unknown) : [];
  for (const c of [...asList(f['must'] as unknown), ...asList(f['should'] as unknown), ...asList(f['must_not'] as unknown), ...minShould]) {
    if (!isObj(c) || 'has_id' in c || 'has_vector' in c) continue;
    let key: string;
    let need: string[];
    if (isObj(c['is_empty']) || isObj(c['is_null'])) {
      key = String((isObj(c['is_empty']) ? c['is_empty'] : (c['is_null'] as Obj))['key']);
      need = INDEX_TYPES;
    } else if (isObj(c['nested'])) {
      const found = unindexedKey(c['nested']['filter'], col, `${prefix}${String(c['nested']['key'])}[].`);
      if (found) return found;
      continue;
    } else if (!('key' in c)) {
      const found = unindexedKey(c, col, prefix);
      if (found) return found;
      continue;
    } else {
      key = String(c['key']);
      need = requiredIndexTypes(c);
    }
    const full = prefix + key;
    const have = col.indexes.get(full)?.type;
    if (need.length > 0 && (have === undefined || !need.includes(have))) return { key: full, types: need };
  }
  return null;
}
function requiredIndexTypes(c: Obj): string[] {
  const forStrings = (xs: unknown[]) => (xs.every((x) => typeof x === 'string' && UUID_RE.test(x)) ? ['keyword', 'uuid'] : ['keyword']);
  const m = c['match'];
  if (isObj(m)) {
    if ('value' in m) return typeof m['value'] === 'string' ? forStrings([m['value']]) : typeof m['value'] === 'boolean' ? ['bool'] : ['integer'];
    if ('text' in m || 'text_any' in m || 'phrase' in m) return ['text'];
    const list = asList((m['any'] ?? m['except']) as unknown);
    if (list.length === 0) return []; // `any: []` / `except: []` are no-ops and need no index
    return typeof list[0] === 'string' ? forStrings(list) : ['integer'];
  }
  if (isObj(c['range'])) return Object.values(c['range']).some((v) => typeof v === 'string') ? ['datetime'] : ['float', 'integer'];
  if ('geo_radius' in c || 'geo_bounding_box' in c || 'geo_polygon' in c) return ['geo'];
  return INDEX_TYPES; // values_count, is_empty: true, is_null: true
}

// ---------- vectors ----------
const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);
const normalize = (v: number[]) => { const n = Math.sqrt(dot(v, v)); return n === 0 ? v : v.map((x) => x / n); };
const largeBetter = (d: Order) => d !== 'Euclid' && d !== 'Manhattan';

function checkSparse(v: unknown, path: string): Sparse {
  if (!isObj(v) || !Array.isArray(v['indices']) || !Array.isArray(v['values'])) throw formatError(`${path}: expected a sparse vector {indices, values}`);
  const indices = v['indices'].map(Number);
  const values = v['values'].map(Number);
  if (indices.length !== values.length) throw validation(`${path}.values`, 'must be the same length as indices');
  if (new Set(indices).size !== indices.length) throw validation(`${path}.indices`, 'must be unique');
  const order = indices.map((_, i) => i).sort((a, b) => (indices[a] ?? 0) - (indices[b] ?? 0));
  return { indices: order.map((i) => indices[i] ?? 0), values: order.map((i) => values[i] ?? 0) };
}

/** Validates one point's vectors against the collection; Cosine vectors are stored normalized, as Qdrant does. */
function toVectors(col: Collection, raw: unknown, path: string): Map<string, number[] | Sparse> {
  const named: Obj = Array.isArray(raw) ? { '': raw } : isObj(raw) ? raw : {};
  if (!Array.isArray(raw) && !isObj(raw)) throw formatError(`${path}: expected a vector`);
  const out = new Map<string, number[] | Sparse>();
  for (const [name, v] of Object.entries(named)) {
    const dense = col.dense.get(name);
    if (dense) {
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'number')) throw formatError(`${path}.${name}: expected a dense vector`);
      if (v.length !== dense.size) throw wrongInput(`Vector dimension error: expected dim: ${dense.size}, got ${v.length}`);
      out.set(name, dense.distance === 'Cosine' ? normalize(v as number[]) : (v as number[]));
    } else if (col.sparse.has(name)) out.set(name, checkSparse(v, `${path}.${name}`));
    else throw wrongInput(`Not existing vector name error: ${name}`);
  }
  return out;
}

/** IDF as Qdrant computes it (VectorQueryContext::fancy_idf): ln((n - df + 0.5) / (df + 0.5) + 1). */
function idfWeights(col: Collection, name: string, q: Sparse): number[] {
  let n = 0;
  const df = new Map<number, number>(q.indices.map((i) => [i, 0]));
  for (const p of col.points.values()) {
    const v = p.vectors.get(name);
    if (!v || Array.isArray(v)) continue;
    n += 1;
    for (const i of v.indices) if (df.has(i)) df.set(i, (df.get(i) ?? 0) + 1);
  }
  return q.values.map((w, k) => { const d = df.get(q.indices[k] ?? -1) ?? 0; return w * Math.log((n - d + 0.5) / (d + 0.5) + 1); });
}

type Query =
  | { kind: 'dense'; vec: number[] }
  | { kind: 'sparse'; vec: Sparse }
  | { kind: 'rrf'; k: number; weights?: number[] }
  | { kind: 'dbsf' }
  | { kind: 'order_by'; key: string; direction: 'asc' | 'desc' };

function parseQuery(q: unknown): Query | null {
  if (q == null) return null;
  if (Array.isArray(q) && q.every((x) => typeof x === 'number')) return { kind: 'dense', vec: q as number[] };
  if (isObj(q)) {
    if ('nearest' in q) return parseQuery(q['nearest']);
    if ('indices' in q) return { kind: 'sparse', vec: checkSparse(q, 'query') };
    if (q['fusion'] === 'rrf') return { kind: 'rrf', k: 2 }; // DEFAULT_RRF_K = 2
    if (typeof q['order_by'] === 'string') return { kind: 'order_by', key: q['order_by'], direction: 'asc' };
    if (isObj(q['order_by'])) {
      const direction = q['order_by']['direction'] ?? 'asc';
      if (direction !== 'asc' && direction !== 'desc') throw validation('query.order_by.direction', `unknown variant ${String(direction)}`);
      return { kind: 'order_by', key: String(q['order_by']['key']), direction };
    }
    if (q['fusion'] === 'dbsf') return { kind: 'dbsf' };
    if (isObj(q['rrf'])) {
      const k = q['rrf']['k'] == null ? 2 : Number(q['rrf']['k']);
      if (!Number.isInteger(k) || k < 1) throw validation('query.rrf.k', `value ${k} invalid, must be 1 or larger`);
      const weights = q['rrf']['weights'];
      return { kind: 'rrf', k, ...(Array.isArray(weights) ? { weights: weights.map(Number) } : {}) };
    }
  }
  throw badRequest(`the Qdrant stand-in does not support the query ${JSON.stringify(q)}`);
}

/** A query of one kind (dense/sparse) aimed at a vector of the other kind, or at no vector of that name. */
const vectorMismatch = (otherKind: boolean, name: string) =>
  wrongInput(otherKind ? 'Conversion between sparse and regular vectors failed' : `Not existing vector name error: ${name}`);

/** Scores one point against a nearest query on vector `name`; null when the point cannot be scored (Qdrant skips it). */
function scorer(col: Collection, q: Query, using: unknown): { order: Order; score: (p: Point) => number | null } {
  const name = using == null ? '' : String(using);
  if (q.kind === 'dense') {
    const params = col.dense.get(name);
    if (!params) throw vectorMismatch(col.sparse.has(name), name);
    if (q.vec.length !== params.size) throw wrongInput(`Vector dimension error: expected dim: ${params.size}, got ${q.vec.length}`);
    const qv = params.distance === 'Cosine' ? normalize(q.vec) : q.vec;
    return {
      order: params.distance,
      score: (p) => {
        const v = p.vectors.get(name);
        if (!Array.isArray(v)) return null;
        if (params.distance === 'Euclid') return Math.sqrt(v.reduce((s, x, i) => s + (x - (qv[i] ?? 0)) ** 2, 0));
        if (params.distance === 'Manhattan') return v.reduce((s, x, i) => s + Math.abs(x - (qv[i] ?? 0)), 0);
        return dot(v, qv);
      },
    };
  }
  if (q.kind !== 'sparse') throw badRequest('cannot apply Fusion without prefetches');
  const params = col.sparse.get(name);
  if (!params) throw vectorMismatch(col.dense.has(name), name);
  const weights = params.modifier === 'idf' ? idfWeights(col, name, q.vec) : q.vec.values;
  const qmap = new Map(q.vec.indices.map((i, k) => [i, weights[k] ?? 0]));
  return {
    order: 'sparse',
    // Dot product over shared indices; a point sharing no index with the query is not a hit (SparseVector::score -> None).
    score: (p) => {
      const v = p.vectors.get(name);
      if (!v || Array.isArray(v)) return null;
      let s = 0;
      let overlap = false;
      v.indices.forEach((i, k) => { const w = qmap.get(i); if (w !== undefined) { overlap = true; s += w * (v.values[k] ?? 0); } });
      return overlap ? s : null;
    },
  };
}

/**
 * Reciprocal rank fusion as in Qdrant's lib/segment/src/common/reciprocal_rank_fusion.rs: each source adds
 * 1 / ((pos + 1) / weight + k - 1) for a point at 0-based position `pos`, which is 1 / (pos + k) at weight 1.
 */
function rrf(sources: Scored[][], k: number, weights?: number[]): Scored[] {
  if (weights && weights.length !== sources.length) {
    throw badRequest(`Number of weights in RRF should match number of pre-fetches: got ${weights.length}, expected ${sources.length}`);
  }
  const acc = new Map<string, Scored>();
  sources.forEach((list, s) => {
    const w = weights?.[s] ?? 1;
    list.forEach((hit, pos) => {
      const add = w <= 0 ? 0 : 1 / ((pos + 1) / w + k - 1);
      const seen = acc.get(idKey(hit.p.id));
      if (seen) seen.score += add; else acc.set(idKey(hit.p.id), { p: hit.p, score: add });
    });
  });
  return [...acc.values()];
}
/** Distribution-based score fusion (score_fusion.rs): scale each list to mean ± 3 sample std devs, then sum. */
function dbsf(sources: Scored[][]): Scored[] {
  const acc = new Map<string, Scored>();
  for (const list of sources) {
    const n = list.length;
    const mean = list.reduce((s, h) => s + h.score, 0) / Math.max(n, 1);
    const sd = n > 1 ? Math.sqrt(list.reduce((s, h) => s + (h.score - mean) ** 2, 0) / (n - 1)) : 0;
    const [lo, hi] = [mean - 3 * sd, mean + 3 * sd];
    for (const h of list) {
      const norm = n < 2 || hi === lo ? 0.5 : (h.score - lo) / (hi - lo);
      const seen = acc.get(idKey(h.p.id));
      if (seen) seen.score += norm; else acc.set(idKey(h.p.id), { p: h.p, score: norm });
    }
  }
  return [...acc.values()];
}

/** Sorts best first (ties by id, for determinism) and drops results worse than the threshold. */
function rank(hits: Scored[], order: Order, threshold: unknown): Scored[] {
  const large = largeBetter(order);
  const t = threshold == null ? undefined : Number(threshold);
  return hits
    .filter((h) => t === undefined || (large ? h.score >= t : h.score <= t))
    .sort((a, b) => (large ? b.score - a.score : a.score - b.score) || compareIds(a.p.id, b.p.id));
}

const mergeFilters = (a: unknown, b: unknown): unknown => (a == null ? b : b == null ? a : { must: [a, b] });

/**
 * One level of the Query API (planned_query.rs): the request filter is propagated into every prefetch (AND-ed
 * down to the leaves); every level fetches `limit + offset`; a query over prefetches only re-scores or fuses the
 * prefetched candidates. Without prefetch and query, points come in id order (a scroll).
 */
function runQuery(col: Collection, node: Obj, inherited: unknown, offset: number): Scored[] {
  const filter = mergeFilters(inherited, node['filter']);
  const limit = (node['limit'] == null ? 10 : Number(node['limit'])) + offset;
  const prefetches = asList(node['prefetch'] as unknown).filter(isObj);
  const q = parseQuery(node['query']);
  if (prefetches.length > 0) {
    if (!q) throw badRequest('cannot have prefetches without a query');
    const sources = prefetches.map((pf) => runQuery(col, pf, filter, offset));
    if (q.kind === 'rrf') return rank(rrf(sources, q.k, q.weights), 'fused', node['score_threshold']).slice(0, limit);
    if (q.kind === 'dbsf') return rank(dbsf(sources), 'fused', node['score_threshold']).slice(0, limit);
    const s = scorer(col, q, node['using']);
    const candidates = new Map(sources.flat().map((h) => [idKey(h.p.id), h.p]));
    const hits = [...candidates.values()].flatMap((p) => { const score = s.score(p); return score === null ? [] : [{ p, score }]; });
    return rank(hits, s.order, node['score_threshold']).slice(0, limit);
  }
  const eligible = [...col.points.values()].filter((p) => matchesFilter(filter, p, col));
  if (!q) return eligible.sort((a, b) => compareIds(a.id, b.id)).slice(0, limit).map((p) => ({ p, score: 0 }));
  if (q.kind === 'order_by') return orderedBy(col, eligible, q.key, q.direction).slice(0, limit);
  const s = scorer(col, q, node['using']);
  const hits = eligible.flatMap((p) => { const score = s.score(p); return score === null ? [] : [{ p, score }]; });
  return rank(hits, s.order, node['score_threshold']).slice(0, limit);
}

/**
 * `query: {order_by}`: points carrying a number at `key`, by that value (the score), ties by id. Qdrant needs a
 * range-capable payload index on the key, strict mode or not.
 */
function orderedBy(col: Collection, points: Point[], key: string, direction: 'asc' | 'desc'): Scored[] {
  const index = col.indexes.get(key);
  if (!index || !['integer', 'float', 'datetime'].includes(index.type)) {
    throw badRequest(`No range index for \`order_by\` key: \`${key}\`. Please create one to use \`order_by\`.`);
  }
  const sign = direction === 'asc' ? 1 : -1;
  return points
    .flatMap((p) => (typeof p.payload[key] === 'number' ? [{ p, score: p.payload[key] as number }] : []))
    .sort((a, b) => sign * (a.score - b.score) || compareIds(a.p.id, b.p.id));
}

// ---------- output shaping ----------
function selectPayload(payload: Obj, sel: unknown): Obj | undefined {
  if (sel === true) return payload;
  if (sel == null || sel === false) return undefined;
  const pick = (keys: string[]) => Object.fromEntries(Object.entries(payload).filter(([k]) => keys.includes(k)));
  if (Array.isArray(sel)) return pick(sel.map(String));
  if (isObj(sel) && Array.isArray(sel['include'])) return pick(sel['include'].map(String));
  if (isObj(sel) && Array.isArray(sel['exclude'])) {
    const ex = sel['exclude'].map(String);
    return Object.fromEntries(Object.entries(payload).filter(([k]) => !ex.includes(k)));
  }
  throw formatError('with_payload must be a bool, a list of keys, or {include}/{exclude}');
}
function selectVectors(col: Collection, p: Point, sel: unknown): unknown {
  if (sel == null || sel === false) return undefined;
  const names = sel === true ? [...p.vectors.keys()] : asList(sel as unknown).map(String);
  if (col.unnamed && sel === true) return p.vectors.get('');
  return Object.fromEntries(names.filter((n) => p.vectors.has(n)).map((n) => [n, p.vectors.get(n)]));
}
function record(col: Collection, p: Point, withPayload: unknown, withVector: unknown): Obj {
  const payload = selectPayload(p.payload, withPayload);
  const vector = selectVectors(col, p, withVector);
  return { id: p.id, ...(payload !== undefined ? { payload } : {}), ...(vector !== undefined ? { vector } : {}) };
}

// ---------- the server ----------
export async function startQdrantStandIn(opts: QdrantStandInOptions = {}): Promise<QdrantStandIn> {
  const strict = opts.strictIndexes ?? true;
  const collections = new Map<string, Collection>();
  const aliasMap = new Map<string, string>(); // alias -> collection
  const requests: QdrantStandIn['requests'] = [];

  const resolve = (name: string): Collection => {
    const col = collections.get(aliasMap.get(name) ?? name);
    if (!col) throw noCollection(name);
    return col;
  };
  const strictCheck = (col: Collection, filter: unknown) => {
    if (!strict) return;
    const found = unindexedKey(filter, col);
    if (found) {
      const types = [...new Set(found.types)].sort().join(', ');
      throw badRequest(
        `Index required but not found for "${found.key}" of one of the following types: [${types}]. ` +
          'Help: Create an index for this key or use a different filter.',
      );
    }
  };
  const strictQuery = (col: Collection, node: Obj) => {
    strictCheck(col, node['filter']);
    for (const pf of asList(node['prefetch'] as unknown)) if (isObj(pf)) strictQuery(col, pf);
  };
  const positiveLimit = (v: unknown, path: string, dflt: number) => {
    const n = v == null ? dflt : Number(v);
    if (!Number.isInteger(n) || n < 1) throw validation(path, `value ${String(v)} invalid, must be 1 or larger`);
    return n;
  };
  const updated = (col: Collection, wait: boolean) => ({ operation_id: col.opCount, status: wait ? 'completed' : 'acknowledged' });
  /** Points named by `points` (404 on an unknown id when `mustExist`) or matching `filter`. */
  const selectPoints = (col: Collection, body: Obj, mustExist: boolean): Point[] => {
    if (Array.isArray(body['points'])) {
      return body['points'].flatMap((raw) => {
        const id = parseId(raw);
        const p = col.points.get(idKey(id));
        if (!p && mustExist) throw new QdrantError(404, `Not found: No point with id ${id} found`);
        return p ? [p] : [];
      });
    }
    if (body['filter'] == null) throw badRequest('either `points` or `filter` must be given');
    strictCheck(col, body['filter']);
    return [...col.points.values()].filter((p) => matchesFilter(body['filter'], p, col));
  };

  function createCollection(name: string, body: Obj): boolean {
    if (collections.has(name)) throw new QdrantError(409, `Wrong input: Collection \`${name}\` already exists!`);
    if (aliasMap.has(name)) throw wrongInput(`Alias with the same name \`${name}\` already exists`);
    const col: Collection = { name, unnamed: false, dense: new Map(), sparse: new Map(), points: new Map(), indexes: new Map(), opCount: 0 };
    const vectors = body['vectors'] ?? {};
    if (!isObj(vectors)) throw formatError('vectors: expected an object');
    const addDense = (vname: string, v: unknown) => {
      if (!isObj(v)) throw formatError(`vectors.${vname}: expected {size, distance}`);
      if (!DISTANCES.includes(v['distance'] as Distance)) {
        throw formatError(`unknown variant \`${String(v['distance'])}\`, expected one of \`Cosine\`, \`Euclid\`, \`Dot\`, \`Manhattan\``);
      }
      const size = Number(v['size']);
      if (!Number.isInteger(size) || size < 1) throw validation(`vectors.${vname}.size`, `value ${String(v['size'])} invalid, must be 1 or larger`);
      col.dense.set(vname, { size, distance: v['distance'] as Distance });
    };
    if ('size' in vectors) { col.unnamed = true; addDense('', vectors); } else for (const [n, v] of Object.entries(vectors)) addDense(n, v);
    const sparse = body['sparse_vectors'] ?? {};
    if (!isObj(sparse)) throw formatError('sparse_vectors: expected an object');
    for (const [n, v] of Object.entries(sparse)) {
      const modifier = isObj(v) && v['modifier'] != null ? v['modifier'] : 'none';
      if (modifier !== 'idf' && modifier !== 'none') throw formatError(`unknown variant \`${String(modifier)}\`, expected \`none\` or \`idf\``);
      col.sparse.set(n, { modifier });
    }
    collections.set(name, col);
    return true;
  }

  function collectionInfo(col: Collection): Obj {
    const dense = (n: string) => { const d = col.dense.get(n); return d ? { size: d.size, distance: d.distance } : undefined; };
    const vectors = col.unnamed ? dense('') : Object.fromEntries([...col.dense.keys()].map((n) => [n, dense(n)]));
    const sparse = Object.fromEntries([...col.sparse].map(([n, s]) => [n, { modifier: s.modifier }]));
    const payloadSchema = Object.fromEntries([...col.indexes].map(([key, spec]) => [key, {
      data_type: spec.type,
      ...(spec.params ? { params: spec.params } : {}),
      points: [...col.points.values()].filter((p) => valuesAt(p.payload, key).length > 0).length,
    }]));
    return {
      status: 'green', optimizer_status: 'ok', indexed_vectors_count: 0, points_count: col.points.size, segments_count: 1,
      config: {
        params: {
          vectors, shard_number: 1, replication_factor: 1, write_consistency_factor: 1, on_disk_payload: true,
          ...(col.sparse.size ? { sparse_vectors: sparse } : {}),
        },
        hnsw_config: { m: 16, ef_construct: 100, full_scan_threshold: 10000, max_indexing_threads: 0, on_disk: false },
        optimizer_config: {
          deleted_threshold: 0.2, vacuum_min_vector_number: 1000, default_segment_number: 0, max_segment_size: null,
          memmap_threshold: null, indexing_threshold: 10000, flush_interval_sec: 5, max_optimization_threads: null,
        },
        wal_config: { wal_capacity_mb: 32, wal_segments_ahead: 0 },
        quantization_config: null,
        strict_mode_config: { enabled: strict, ...(strict ? { unindexed_filtering_retrieve: false, unindexed_filtering_update: false } : {}) },
      },
      payload_schema: payloadSchema,
    };
  }

  function upsert(col: Collection, body: Obj): void {
    let items: Array<{ id: unknown; vector: unknown; payload: unknown }>;
    if (Array.isArray(body['points'])) {
      items = body['points'].map((p) => (isObj(p) ? { id: p['id'], vector: p['vector'], payload: p['payload'] } : { id: p, vector: undefined, payload: undefined }));
    } else if (isObj(body['batch'])) {
      // The batch form: parallel lists; named vectors come as {name: [one per point]}.
      const { ids, vectors, payloads } = body['batch'];
      if (!Array.isArray(ids)) throw formatError('batch.ids: expected a list');
      items = ids.map((id, i) => ({
        id,
        vector: Array.isArray(vectors)
          ? vectors[i]
          : isObj(vectors) ? Object.fromEntries(Object.entries(vectors).map(([n, vs]) => [n, asList(vs as unknown)[i]])) : undefined,
        payload: Array.isArray(payloads) ? payloads[i] : undefined,
      }));
    } else throw formatError('expected `points` or `batch`');
    // Validate everything first so a bad point leaves the collection untouched.
    const ready = items.map((it, i) => {
      const id = parseId(it.id);
      if (it.payload != null && !isObj(it.payload)) throw formatError(`points[${i}].payload: expected an object`);
      return { id, vectors: toVectors(col, it.vector ?? {}, `points[${i}].vector`), payload: (it.payload ?? {}) as Obj };
    });
    col.opCount += 1;
    for (const r of ready) col.points.set(idKey(r.id), { ...r, payload: structuredClone(r.payload), version: col.opCount });
  }

  function aliasActions(body: Obj): boolean {
    if (!Array.isArray(body['actions'])) throw formatError('missing field `actions`');
    const next = new Map(aliasMap); // applied to a copy and committed only if every action succeeds
    for (const a of body['actions']) {
      if (isObj(a) && isObj(a['create_alias'])) {
        const { collection_name: c, alias_name: al } = a['create_alias'];
        if (!collections.has(String(c))) throw noCollection(String(c));
        if (collections.has(String(al))) throw wrongInput(`Collection with name \`${String(al)}\` already exists`);
        next.set(String(al), String(c)); // an existing alias of that name is moved
      } else if (isObj(a) && isObj(a['delete_alias'])) {
        const al = String(a['delete_alias']['alias_name']);
        if (!next.delete(al)) throw new QdrantError(404, `Not found: Alias ${al} does not exists!`);
      } else if (isObj(a) && isObj(a['rename_alias'])) {
        const from = String(a['rename_alias']['old_alias_name']);
        const to = String(a['rename_alias']['new_alias_name']);
        const target = next.get(from);
        if (target === undefined) throw new QdrantError(404, `Not found: Alias ${from} does not exists!`);
        next.delete(from);
        next.set(to, target);
      } else throw formatError(`unknown alias action ${JSON.stringify(a)}`);
    }
    aliasMap.clear();
    for (const [k, v] of next) aliasMap.set(k, v);
    return true;
  }

  function facet(col: Collection, body: Obj): Obj {
    const key = String(body['key']);
    const type = col.indexes.get(key)?.type;
    if (!type || !['keyword', 'integer', 'bool', 'uuid'].includes(type)) {
      throw wrongInput(
        `No appropriate index for faceting: \`${key}\`. Please create one to facet on this field. Check ` +
          'https://qdrant.tech/documentation/concepts/indexing/#payload-index to see which payload schemas support Match conditions',
      );
    }
    strictCheck(col, body['filter']);
    const limit = positiveLimit(body['limit'], 'limit', 10);
    const fits = (v: unknown) => (type === 'integer' ? Number.isInteger(v) : type === 'bool' ? typeof v === 'boolean' : typeof v === 'string');
    const counts = new Map<string | number | boolean, number>();
    for (const p of col.points.values()) {
      if (!matchesFilter(body['filter'], p, col)) continue;
      for (const v of new Set(valuesAt(p.payload, key).filter(fits) as Array<string | number | boolean>)) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    // Count descending, then value ascending (FacetHit's Ord in lib/segment/src/data_types/facets.rs).
    const hits = [...counts].map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    return { hits: hits.slice(0, limit) };
  }

  function query(col: Collection, body: Obj): Obj {
    strictQuery(col, body);
    positiveLimit(body['limit'], 'limit', 10);
    const offset = body['offset'] == null ? 0 : Number(body['offset']);
    const hits = runQuery(col, body, undefined, offset).slice(offset);
    return {
      points: hits.map((h) => ({
        id: h.p.id, version: h.p.version, score: h.score,
        ...record(col, h.p, body['with_payload'] ?? false, body['with_vector'] ?? false),
      })),
    };
  }

  /** Routes one request; returns the `result` to wrap, or throws a QdrantError. */
  function route(method: string, parts: string[], body: Obj, wait: boolean): unknown {
    const [first, name, sub, ...rest] = parts;
    if (first === 'aliases' && parts.length === 1 && method === 'GET') {
      return { aliases: [...aliasMap].map(([alias_name, collection_name]) => ({ alias_name, collection_name })) };
    }
    if (first !== 'collections') throw new QdrantError(404, '');
    if (name === undefined) {
      if (method === 'GET') return { collections: [...collections.keys()].map((n) => ({ name: n })) };
      throw new QdrantError(405, '');
    }
    if (name === 'aliases' && sub === undefined && method === 'POST') return aliasActions(body);
    if (sub === undefined) {
      if (method === 'PUT') return createCollection(name, body);
      if (method === 'DELETE') {
        const col = collections.get(name);
        if (!col) return false;
        collections.delete(name);
        for (const [al, c] of aliasMap) if (c === name) aliasMap.delete(al);
        return true;
      }
      if (method === 'GET') return collectionInfo(resolve(name));
    }
    if (sub === 'exists' && method === 'GET') return { exists: collections.has(aliasMap.get(name) ?? name) };
    const col = resolve(name);
    const path = `${method} ${[sub, ...rest].join('/')}`;
    switch (path) {
      case 'GET aliases':
        return { aliases: [...aliasMap].filter(([, c]) => c === col.name).map(([alias_name, collection_name]) => ({ alias_name, collection_name })) };
      case 'PUT index': {
        const schema = body['field_schema'];
        const type = typeof schema === 'string' ? schema : isObj(schema) ? schema['type'] : undefined;
        if (typeof body['field_name'] !== 'string') throw formatError('missing field `field_name`');
        if (typeof type !== 'string' || !INDEX_TYPES.includes(type)) throw formatError(`unknown payload schema ${JSON.stringify(schema)}`);
        col.opCount += 1;
        col.indexes.set(body['field_name'], { type, params: isObj(schema) ? schema : null });
        return updated(col, wait);
      }
      case 'PUT points':
        upsert(col, body);
        return updated(col, wait);
      case 'POST points': {
        const ids = Array.isArray(body['ids']) ? body['ids'].map(parseId) : [];
        const seen = new Set<string>();
        return ids.flatMap((id) => {
          const p = col.points.get(idKey(id));
          if (!p || seen.has(idKey(id))) return [];
          seen.add(idKey(id));
          return [record(col, p, body['with_payload'] ?? true, body['with_vector'] ?? false)];
        });
      }
      case 'POST points/delete': {
        const doomed = selectPoints(col, body, false);
        col.opCount += 1;
        for (const p of doomed) col.points.delete(idKey(p.id));
        return updated(col, wait);
      }
      case 'POST points/payload':
      case 'PUT points/payload': {
        if (!isObj(body['payload'])) throw formatError('missing field `payload`');
        const targets = selectPoints(col, body, true);
        col.opCount += 1;
        for (const p of targets) {
          const patch = structuredClone(body['payload']);
          if (method === 'PUT') p.payload = patch;
          else if (typeof body['key'] === 'string') {
            let at: Obj = p.payload;
            for (const part of body['key'].split('.')) { if (!isObj(at[part])) at[part] = {}; at = at[part] as Obj; }
            Object.assign(at, patch);
          } else Object.assign(p.payload, patch);
          p.version = col.opCount;
        }
        return updated(col, wait);
      }
      case 'POST points/count':
        strictCheck(col, body['filter']);
        return { count: [...col.points.values()].filter((p) => matchesFilter(body['filter'], p, col)).length };
      case 'POST points/scroll': {
        strictCheck(col, body['filter']);
        const limit = positiveLimit(body['limit'], 'limit', 10);
        const from = body['offset'] == null ? undefined : parseId(body['offset']);
        const page = [...col.points.values()]
          .filter((p) => (from === undefined || compareIds(p.id, from) >= 0) && matchesFilter(body['filter'], p, col))
          .sort((a, b) => compareIds(a.id, b.id));
        return {
          points: page.slice(0, limit).map((p) => record(col, p, body['with_payload'] ?? true, body['with_vector'] ?? false)),
          next_page_offset: page[limit]?.id ?? null,
        };
      }
      case 'POST facet':
        return facet(col, body);
      case 'POST points/query':
        return query(col, body);
      case 'POST points/query/batch':
        if (!Array.isArray(body['searches'])) throw formatError('missing field `searches`');
        return body['searches'].map((s) => query(col, isObj(s) ? s : {}));
    }
    if (method === 'DELETE' && sub === 'index' && rest.length === 1) {
      col.opCount += 1;
      col.indexes.delete(rest[0] ?? '');
      return updated(col, wait);
    }
    if (method === 'GET' && sub === 'points' && rest.length === 1) {
      const id = parseId(/^\d+$/.test(rest[0] ?? '') ? Number(rest[0]) : rest[0]);
      const p = col.points.get(idKey(id));
      if (!p) throw new QdrantError(404, `Not found: Point with id ${id} does not exists!`);
      return record(col, p, true, true);
    }
    throw new QdrantError(404, '');
  }

  const send = (res: ServerResponse, status: number, body: unknown, type = 'application/json') => {
    res.writeHead(status, { 'content-type': type });
    res.end(type === 'application/json' ? JSON.stringify(body) : String(body));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const time = () => Number(process.hrtime.bigint() - started) / 1e9;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const bearer = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7) : undefined;
    const presented = (req.headers['api-key'] as string | undefined) ?? bearer;
    const authorized = opts.apiKey === undefined || presented === opts.apiKey;
    requests.push({ method, path: url.pathname, authorized });
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');

    // Qdrant's whitelist: `/`, `/healthz`, `/readyz*`, `/livez*` need no key; the rest answer a plain-text 401.
    if (method === 'GET' && url.pathname === '/') return send(res, 200, { title: 'qdrant - vector search engine', version: opts.version ?? '1.16.0', commit: 'standin' });
    if (method === 'GET' && url.pathname === '/healthz') return send(res, 200, 'healthz check passed', 'text/plain');
    if (method === 'GET' && url.pathname === '/livez') return send(res, 200, 'healthz check passed', 'text/plain');
    if (method === 'GET' && url.pathname === '/readyz') return send(res, 200, 'all shards are ready', 'text/plain');
    if (!authorized) return send(res, 401, presented === undefined ? 'Must provide an API key or an Authorization bearer token' : 'Invalid API key or JWT', 'text/plain');

    try {
      let body: Obj = {};
      if (text.trim() !== '') {
        let parsed: unknown;
        try { parsed = JSON.parse(text); } catch (e) { throw formatError((e as Error).message); }
        if (!isObj(parsed)) throw formatError('expected a JSON object');
        body = parsed;
      }
      const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      const result = route(method, parts, body, url.searchParams.get('wait') === 'true');
      send(res, 200, { result, status: 'ok', time: time() });
    } catch (e) {
      if (!(e instanceof QdrantError)) return send(res, 500, { status: { error: `Service internal error: ${(e as Error).message}` }, time: time() });
      if (e.message === '') return send(res, e.status, '', 'text/plain'); // unknown route, as actix answers
      send(res, e.status, { ...(e.status === 422 ? { result: null } : {}), status: { error: e.message }, time: time() });
    }
  }

  const server = createServer((req, res) => { void handle(req, res); });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    collectionNames: () => [...collections.keys()].sort(),
    aliases: () => Object.fromEntries([...aliasMap].sort(([a], [b]) => (a < b ? -1 : 1))),
    close: () => new Promise<void>((ok, fail) => { server.close((err) => (err ? fail(err) : ok())); server.closeAllConnections(); }),
  };
}
