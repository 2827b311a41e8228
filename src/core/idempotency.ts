/**
 * Idempotency keys for every operation that changes state within a session: REST's `Idempotency-Key` header, the
 * `idempotency_key` argument on MCP and in the library. The first request with a key runs; a repeat with the
 * same key and the same input gets the first result without running again; the same key with other input is
 * refused (409), as is a repeat while the first is still running. Keys are scoped to the signed-in user, else to
 * the session, so one buyer's key never meets another's. A failed request keeps nothing: retrying it runs again.
 */
import { createHash } from 'node:crypto';
import { Type, type TObject } from '@sinclair/typebox';
import { DomainError } from './errors.js';
import type { AnyOperation, CoreDeps } from './operation.js';

export const IDEMPOTENCY_KEY_PATTERN = '^[A-Za-z0-9_.:-]{8,128}$';

export const IdempotencyKey = Type.String({
  pattern: IDEMPOTENCY_KEY_PATTERN,
  description:
    'Any unique string (8-128 of A-Z a-z 0-9 _ . : -), e.g. a UUID, chosen by the caller per intended change. A retry ' +
    'with the same key and input returns the first result instead of acting twice.',
});

interface Record {
  requestHash: string;
  state: 'running' | 'done';
  startedAt: string;
  result?: unknown;
}

/** Kept this long after the first request; a repeat after that runs again. */
const KEPT_SECONDS = 24 * 3600;
/** A request still "running" after this long died with its process: a repeat may take it over. */
const LEASE_MS = 120_000;

/** Operations that change state in a session take keys; initialize_shopping makes a session and has none to scope by. */
export function takesIdempotencyKey(op: AnyOperation): boolean {
  return !op.hints.readOnly && 'session_id' in (op.input as TObject).properties;
}

export function checkIdempotencyKey(key: unknown): string {
  if (typeof key !== 'string' || !new RegExp(IDEMPOTENCY_KEY_PATTERN).test(key)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'idempotency_key must be 8 to 128 characters of A-Z, a-z, 0-9, _ . : or - (a UUID works); send a new one for each intended change.',
    );
  }
  return key;
}

/** Stable JSON: object keys sorted, so equal inputs hash equally whatever order their fields came in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as { [k: string]: unknown }).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export async function runOnce<T>(args: {
  deps: CoreDeps;
  op: AnyOperation;
  key: string;
  /** The signed-in user, or the session. */
  scope: string;
  input: unknown;
  run: () => Promise<T>;
}): Promise<T> {
  const { deps } = args;
  const store = deps.stores.documents<Record>('idempotency');
  const id = deps.tokens.digest(`${args.scope}|${args.op.name}|${args.key}`);
  const requestHash = createHash('sha256').update(canonical(args.input)).digest('base64url');
  const now = deps.clock.now();
  const fresh: Record = { requestHash, state: 'running', startedAt: now.toISOString() };
  if (!(await store.create(id, fresh, { ttlSeconds: KEPT_SECONDS }))) {
    const seen = await store.get(id);
    if (seen) {
      if (seen.requestHash !== requestHash) {
        throw new DomainError(
          'IDEMPOTENCY_MISMATCH',
          `This idempotency key was used for a different ${args.op.name} request; use a new key for a new change.`,
        );
      }
      if (seen.state === 'done') return seen.result as T;
      if (now.getTime() - Date.parse(seen.startedAt) < LEASE_MS) {
        throw new DomainError('IDEMPOTENCY_IN_PROGRESS', `The first ${args.op.name} with this key is still running; retry in a few seconds.`, {
          retry_after_seconds: 2,
        });
      }
      // the first request died with its process: this one takes it over, unless another repeat already has
      const taken = await store.update(id, (r) => {
        if (r.startedAt !== seen.startedAt) throw new DomainError('IDEMPOTENCY_IN_PROGRESS', `Another repeat of this ${args.op.name} is running; retry in a few seconds.`);
        return fresh;
      });
      if (!taken) return runOnce(args);
    } else {
      return runOnce(args);
    }
  }
  let result: T;
  try {
    result = await args.run();
  } catch (err) {
    await store.delete(id);
    throw err;
  }
  await store.update(id, (r) => ({ ...r, state: 'done', result }), { ttlSeconds: KEPT_SECONDS });
  return result;
}
