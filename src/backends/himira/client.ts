/**
 * HTTP to a Himira buyer backend (`/clientApis` of a biap-client-node-js fork, and its IGM service mounted beside it
 * on the same origin). One undici pool bound to the origin of BACKEND_ENDPOINT is the only thing that ever holds
 * WIL_API_KEY, so the key cannot be sent to any other host; a redirect is refused rather than followed, and the key
 * never appears in a log line or an error.
 *
 * Identities at the backend: this service keeps its own sign-in (our OTP, our session tokens), so the backend never
 * sees a phone login. Each of our signed-in users is instead one backend guest user of their own (the fork's
 * `POST /guestUserLogin {deviceId}`, with a random device id stored once per user), so the backend's order records
 * and delivery addresses are kept per person; sessions nobody signed in to share the service's own guest user.
 */
import type { Logger } from 'pino';
import { Pool, errors as undiciErrors } from 'undici';

/** Header names the Himira backend reads: its API key, and the user's bearer token. */
export const API_KEY_HEADER = 'wil-api-key';

export type BackendFailure = 'auth' | 'unreachable' | 'timeout' | 'refused' | 'failed' | 'bad_response';

/** The backend could not be used. Messages name the route, never a header or a credential. */
export class BackendError extends Error {
  constructor(
    readonly failure: BackendFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'BackendError';
  }
}

export interface HimiraClientOptions {
  /** BACKEND_ENDPOINT, with or without the trailing `/clientApis`. */
  endpoint: string;
  apiKey: string;
  timeoutMs: number;
  log: Logger;
  /**
   * The device id a backend identity logs in with: the service's own (`undefined`) or one of our users'. Stable
   * across restarts and replicas, since the backend keeps orders and addresses under the user it maps to.
   */
  deviceOf(user: string | undefined): Promise<string>;
  /** Where the backend's IGM service is mounted on the same origin (biap-igm-node-js serves `/issueApis`). */
  issuePath?: string;
}

export interface RequestOptions {
  query?: Record<string, string>;
  body?: unknown;
  /** Send a backend session's bearer token (every route behind the reference's `authentication()`). */
  auth?: boolean;
  /** Whose backend session (its token is sent, as with `auth`): one of our users' own backend user; absent = the service's. */
  as?: string | undefined;
  /** The client API (`/clientApis`, default) or the IGM service. */
  api?: 'client' | 'issue';
}

export interface HimiraClient {
  /** The backend's origin (scheme, host, port): where the key goes, and nowhere else. */
  readonly origin: string;
  request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, opts?: RequestOptions): Promise<T>;
  close(): Promise<void>;
}

const REDIRECT = (status: number) => status >= 300 && status < 400;
/** Backend sessions kept in memory: plenty for the users active at once; an evicted one just logs in again. */
const MAX_SESSIONS = 1000;

/** `/clientApis` once, whether or not the configured endpoint already ends with it. */
export function apiBase(endpoint: string): { origin: string; basePath: string } {
  const url = new URL(endpoint);
  const path = url.pathname.replace(/\/+$/, '');
  return { origin: url.origin, basePath: path.endsWith('/clientApis') ? path : `${path}/clientApis` };
}

export function createHimiraClient(opts: HimiraClientOptions): HimiraClient {
  const { origin, basePath } = apiBase(opts.endpoint);
  const issueBase = (opts.issuePath ?? '/issueApis').replace(/\/+$/, '');
  const pool = new Pool(origin, { connections: 16, headersTimeout: opts.timeoutMs, bodyTimeout: opts.timeoutMs });
  /** Bearer tokens by identity ('' = the service's own), most recently used last. */
  const tokens = new Map<string, Promise<string>>();

  async function send(method: string, path: string, o: RequestOptions, bearer?: string): Promise<{ status: number; body: unknown }> {
    const query = o.query ? `?${new URLSearchParams(o.query).toString()}` : '';
    const headers: Record<string, string> = { accept: 'application/json', [API_KEY_HEADER]: opts.apiKey };
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    if (bearer) headers['authorization'] = `Bearer ${bearer}`;
    const started = performance.now();
    let res;
    try {
      res = await pool.request({
        method: method as 'GET',
        path: `${o.api === 'issue' ? issueBase : basePath}${path}${query}`,
        headers,
        ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
      });
    } catch (err) {
      const timedOut = err instanceof undiciErrors.HeadersTimeoutError || err instanceof undiciErrors.BodyTimeoutError;
      opts.log.debug({ method, path, failure: timedOut ? 'timeout' : 'unreachable' }, 'buyer backend request failed');
      throw timedOut
        ? new BackendError('timeout', `the buyer backend did not answer ${method} ${path} within ${opts.timeoutMs} ms`)
        : new BackendError('unreachable', `the buyer backend could not be reached for ${method} ${path}`);
    }
    const text = await res.body.text().catch(() => '');
    opts.log.debug({ method, path, status: res.statusCode, ms: Math.round(performance.now() - started) }, 'buyer backend');
    if (REDIRECT(res.statusCode)) {
      throw new BackendError('refused', `the buyer backend redirected ${method} ${path} (${res.statusCode}); redirects are refused so the API key stays with BACKEND_ENDPOINT`, res.statusCode);
    }
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        if (res.statusCode < 300) throw new BackendError('bad_response', `the buyer backend answered ${method} ${path} with something that is not JSON`, res.statusCode);
      }
    }
    return { status: res.statusCode, body };
  }

  function checked(method: string, path: string, r: { status: number; body: unknown }): unknown {
    if (r.status === 401 || r.status === 403) {
      throw new BackendError('auth', `the buyer backend refused our credentials for ${method} ${path} (${r.status}); check WIL_API_KEY`, r.status);
    }
    if (r.status >= 500) throw new BackendError('failed', `the buyer backend failed ${method} ${path} (${r.status})`, r.status);
    if (r.status >= 400) {
      const said = (r.body as { message?: unknown; error?: { message?: unknown } } | undefined);
      const reason = typeof said?.message === 'string' ? said.message : typeof said?.error?.message === 'string' ? said.error.message : '';
      throw new BackendError('refused', `the buyer backend refused ${method} ${path} (${r.status})${reason ? `: ${reason.slice(0, 200)}` : ''}`, r.status);
    }
    return r.body;
  }

  /** A backend session: a guest login (reference fork: POST /guestUserLogin {deviceId} → {token}). */
  function session(who: string): Promise<string> {
    const known = tokens.get(who);
    if (known) {
      tokens.delete(who);
      tokens.set(who, known);
      return known;
    }
    const token = opts.deviceOf(who || undefined).then(async (deviceId) => {
      const body = checked('POST', '/guestUserLogin', await send('POST', '/guestUserLogin', { body: { deviceId } })) as { token?: unknown } | undefined;
      if (typeof body?.token !== 'string' || !body.token) throw new BackendError('bad_response', 'the buyer backend\'s guest login returned no token');
      return body.token;
    });
    tokens.set(who, token);
    if (tokens.size > MAX_SESSIONS) tokens.delete(tokens.keys().next().value as string);
    token.catch(() => {
      if (tokens.get(who) === token) tokens.delete(who);
    });
    return token;
  }

  return {
    origin,
    async request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, o: RequestOptions = {}): Promise<T> {
      if (!path.startsWith('/') || path.includes('//') || path.includes('..')) throw new Error(`not a backend route: ${path}`);
      if (!o.auth && o.as === undefined) return checked(method, path, await send(method, path, o)) as T;
      const who = o.as ?? '';
      const first = await session(who);
      const r = await send(method, path, o, first);
      if (r.status !== 401) return checked(method, path, r) as T;
      // the backend's session may have expired: log in again once, then let a second refusal stand
      const held = tokens.get(who);
      if (held && (await held.catch(() => '')) === first) tokens.delete(who);
      return checked(method, path, await send(method, path, o, await session(who))) as T;
    },
    close: () => pool.close(),
  };
}
