/**
 * The REST API client: the session on every call (Authorization: Bearer once signed in, else X-Session-Id), one
 * Idempotency-Key per user action, reused when that action is retried, and the API's error as an ApiError
 * whose message is the server's own advice.
 */
import { identity, remember, type Identity } from './session.ts';

const BASE = '/api/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | boolean | undefined>;

const wait = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));

/** 8 to 128 of A-Z a-z 0-9 _ . : - is what the API takes; getRandomValues works outside secure contexts too. */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `sf-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

let starting: Promise<Identity> | undefined;

/** One new session however many calls need one at the same moment (a first page load makes several). */
function startSession(): Promise<Identity> {
  starting ??= send<{ session_id: string }>('POST', '/sessions', {}, null)
    .then((data) => {
      const fresh = { session_id: data.session_id };
      remember(fresh);
      return fresh;
    })
    .finally(() => (starting = undefined));
  return starting;
}

/** A transport failure or a busy server is worth a second try; anything the server decided is not. */
const retryable = (status: number) => status === 0 || status === 502 || status === 503 || status === 504;

async function send<T>(method: Method, path: string, body: unknown, who: Identity | null, key?: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (who?.token) headers['authorization'] = `Bearer ${who.token}`;
  else if (who) headers['x-session-id'] = who.session_id;
  if (key) headers['idempotency-key'] = key;
  const init: RequestInit = { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) };
  for (let attempt = 0; ; attempt += 1) {
    let res: Response | undefined;
    try {
      res = await fetch(`${BASE}${path}`, init);
    } catch {
      res = undefined;
    }
    const status = res?.status ?? 0;
    // a read may always be repeated; a change only with its idempotency key, so it never happens twice
    if (retryable(status) && attempt < 2 && (method === 'GET' || key)) {
      await wait(600 * (attempt + 1));
      continue;
    }
    if (!res) throw new ApiError(0, 'OFFLINE', 'The shop could not be reached. Check your connection and try again.');
    const json = (await res.json().catch(() => null)) as { success?: boolean; data?: T; error?: { code: string; message: string } } | null;
    if (json?.success) return json.data as T;
    throw new ApiError(res.status, json?.error?.code ?? `HTTP_${res.status}`, json?.error?.message ?? `The shop answered ${res.status}; try again.`);
  }
}

/** Calls with the current session, starting one when there is none or the old one expired. */
async function withSession<T>(method: Method, path: string, body: unknown, key?: string): Promise<T> {
  const who = identity() ?? (await startSession());
  try {
    return await send<T>(method, path, body, who, key);
  } catch (err) {
    if (!(err instanceof ApiError) || (err.code !== 'SESSION_NOT_FOUND' && err.code !== 'TOKEN_INVALID')) throw err;
    // another call may have replaced the lapsed session already; only the lapsed one is forgotten
    if (identity()?.session_id === who.session_id) remember(null);
    if (who.token) throw new ApiError(err.status, err.code, 'You were signed out. Sign in again to go on.');
    // a guest whose session lapsed simply gets a new one
    return send<T>(method, path, body, identity() ?? (await startSession()), key);
  }
}

export function get<T>(path: string, query: Query = {}): Promise<T> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return withSession<T>('GET', qs ? `${path}?${qs}` : path, undefined);
}

/** For POSTs the API marks read-only (review_order): no idempotency key is taken. */
export const post = <T>(path: string, body: unknown = {}): Promise<T> => withSession<T>('POST', path, body);

const pending = new Map<string, { body: string; key: string }>();

/**
 * A change the user asked for. `action` names it (e.g. "add:<product id>"): trying the same action with the same
 * input again, after a failure, reuses its key, so a request that did reach the server is not applied twice.
 */
export async function change<T>(action: string, method: Method, path: string, body: unknown = {}): Promise<T> {
  const text = JSON.stringify(body);
  const prior = pending.get(action);
  const key = prior && prior.body === text ? prior.key : newKey();
  pending.set(action, { body: text, key });
  try {
    const result = await withSession<T>(method, path, method === 'DELETE' ? undefined : body, key);
    pending.delete(action);
    return result;
  } catch (err) {
    // the server answered and decided: a new attempt is a new action
    if (err instanceof ApiError && err.status >= 400 && err.status < 500 && err.code !== 'IDEMPOTENCY_IN_PROGRESS') pending.delete(action);
    throw err;
  }
}

/** In development configurations the login code can be read back; elsewhere the route does not exist. */
export async function developmentCode(phone: string): Promise<string | null> {
  try {
    const res = await fetch(`/dev/otp-inbox/${encodeURIComponent(phone)}`, { headers: { accept: 'application/json' } });
    if (!res.ok) return null;
    const body = (await res.json()) as { code?: unknown };
    return typeof body.code === 'string' ? body.code : null;
  } catch {
    return null;
  }
}
