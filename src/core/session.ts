/** Shopping sessions: created by initialize_shopping, kept alive by every operation that names them. */
import { DomainError } from './errors.js';
import type { CoreDeps } from './operation.js';
import type { Session } from './ports.js';
import type { SessionView } from './schemas.js';

/** 18 random bytes = 144 bits, comfortably above the 128 the session id must carry. */
const SESSION_ID_BYTES = 18;

export async function startSession(deps: CoreDeps): Promise<Session> {
  const now = deps.clock.now().toISOString();
  const session: Session = { id: `shop_${deps.ids.random(SESSION_ID_BYTES)}`, createdAt: now, lastActiveAt: now };
  await deps.stores.sessions.create(session, deps.settings.sessionTtlSeconds);
  return session;
}

/**
 * Recording activity costs a durable write (two, with the cart), so a session read within this share of its
 * lifetime since the last recorded activity is not written again. Expiry is then late by at most this share.
 */
const TOUCH_SHARE = 0.05;
const MAX_TOUCH_INTERVAL_MS = 60_000;

function sessionMissing(id: string, ttl: number): DomainError {
  return new DomainError(
    'SESSION_NOT_FOUND',
    `Session ${id} does not exist or expired after ${ttl / 3600} hours without activity; call initialize_shopping to start a new session.`,
  );
}

/**
 * Loads a live session and records the activity, which pushes back its expiry and its cart's.
 * Throws SESSION_NOT_FOUND when the id is unknown or has expired.
 */
export async function requireSession(deps: CoreDeps, id: string): Promise<Session> {
  const ttl = deps.settings.sessionTtlSeconds;
  const now = deps.clock.now();
  const current = await deps.stores.sessions.get(id);
  if (!current) throw sessionMissing(id, ttl);
  const idleMs = now.getTime() - Date.parse(current.lastActiveAt);
  if (idleMs < Math.min(ttl * 1000 * TOUCH_SHARE, MAX_TOUCH_INTERVAL_MS)) return current;

  const touched = await deps.stores.sessions.update(id, (s) => ({ ...s, lastActiveAt: now.toISOString() }), ttl);
  if (!touched) throw sessionMissing(id, ttl);
  await deps.stores.carts.touch(id, ttl);
  return touched;
}

export function sessionView(session: Session, cartItemCount: number, ttlSeconds: number): SessionView {
  return {
    session_id: session.id,
    created_at: session.createdAt,
    last_active_at: session.lastActiveAt,
    expires_at: new Date(Date.parse(session.lastActiveAt) + ttlSeconds * 1000).toISOString(),
    cart_item_count: cartItemCount,
    logged_in: session.userId !== undefined,
  };
}
