/**
 * Who the buyer is: phone login with a one-time code, users, and the session a login opens.
 *
 * - phone_login sends a six-digit code (through the OtpSender port) bound to the asking session; at most one send
 *   per phone every RESEND_SECONDS and SENDS_PER_HOUR an hour.
 * - verify_otp checks it: expired codes and wrong codes are refused, and after `otpMaxAttempts` wrong codes the
 *   phone is locked out for `otpLockSeconds`. Codes and phone numbers are stored only as keyed digests.
 * - A right code signs the buyer in: the guest session is replaced by a new one (a session id known before login
 *   is worth nothing after it), which carries the cart over, inherits what the guest session started (checkouts,
 *   orders), and comes with a signed session token whose id is the only one valid for that session.
 */
import { randomInt } from 'node:crypto';
import { DomainError } from './errors.js';
import type { CoreDeps } from './operation.js';
import type { Session } from './ports.js';

export interface User {
  id: string;
  /** E.164 phone number, kept to contact the buyer; never logged or returned in full. */
  phone: string;
  createdAt: string;
  lastLoginAt: string;
}

interface PendingCode {
  codeDigest: string;
  sessionId: string;
  sentAt: string;
  expiresAt: string;
  attempts: number;
}

interface SendLog {
  sends: string[];
}

interface Lockout {
  until: string;
}

const RESEND_SECONDS = 30;
const SENDS_PER_HOUR = 5;
const CODE_DIGITS = 6;

/** Indian mobile numbers as people type them: 10 digits from 6-9, optionally after +91, 91 or 0. */
export const PHONE_INPUT_PATTERN = '^(\\+91|91|0)?[6-9][0-9]{9}$';

export function normalizePhone(input: string): string {
  return `+91${input.slice(-10)}`;
}

/** `+91 98******10`: enough to recognise one's own number, too little to use someone else's. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '').slice(-10);
  return digits.length === 10 ? `+91 ${digits.slice(0, 2)}******${digits.slice(-2)}` : '***';
}

/** `a***@example.in` */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return at > 0 ? `${email[0]}***${email.slice(at)}` : '***';
}

const stores = (deps: CoreDeps) => ({
  codes: deps.stores.documents<PendingCode>('otp_code'),
  sends: deps.stores.documents<SendLog>('otp_send'),
  locks: deps.stores.documents<Lockout>('otp_lock'),
  users: deps.stores.documents<User>('user'),
  phones: deps.stores.documents<{ userId: string }>('user_phone'),
});

async function refuseIfLocked(deps: CoreDeps, key: string, now: Date): Promise<void> {
  const lock = await stores(deps).locks.get(key);
  if (lock && Date.parse(lock.until) > now.getTime()) {
    const seconds = Math.ceil((Date.parse(lock.until) - now.getTime()) / 1000);
    throw new DomainError('OTP_LOCKED', `Too many wrong codes for this number; try again in ${Math.ceil(seconds / 60)} minutes.`, {
      retry_after_seconds: seconds,
    });
  }
}

export async function sendLoginCode(deps: CoreDeps, session: Session, phoneInput: string): Promise<{ phone: string; expiresAt: string }> {
  const now = deps.clock.now();
  const phone = normalizePhone(phoneInput);
  const key = deps.tokens.digest(phone);
  const audit = (outcome: 'ok' | 'refused' | 'failed', reason: string) =>
    deps.audit.record({ action: 'login.code_sent', outcome, sessionId: session.id, phone, detail: { reason } });
  try {
    await refuseIfLocked(deps, key, now);
  } catch (err) {
    await audit('refused', 'locked');
    throw err;
  }
  const hourAgo = now.getTime() - 3600_000;
  const { sends } = stores(deps);
  const recent = ((await sends.get(key))?.sends ?? []).filter((t) => Date.parse(t) > hourAgo);
  const last = recent.at(-1);
  const wait = last ? RESEND_SECONDS - Math.floor((now.getTime() - Date.parse(last)) / 1000) : 0;
  if (wait > 0 || recent.length >= SENDS_PER_HOUR) {
    await audit('refused', 'rate_limited');
    const retry = wait > 0 ? wait : Math.ceil((Date.parse(recent[0] as string) + 3600_000 - now.getTime()) / 1000);
    throw new DomainError('OTP_RATE_LIMITED', `A code was sent to this number moments ago; wait ${retry} seconds before asking again.`, {
      retry_after_seconds: retry,
    });
  }
  const code = String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
  const expiresAt = new Date(now.getTime() + deps.settings.otpTtlSeconds * 1000).toISOString();
  const pending: PendingCode = { codeDigest: deps.tokens.digest(`${key}:${code}`), sessionId: session.id, sentAt: now.toISOString(), expiresAt, attempts: 0 };
  const { codes } = stores(deps);
  await codes.delete(key);
  await codes.create(key, pending, { ttlSeconds: deps.settings.otpTtlSeconds });
  await sends.delete(key);
  await sends.create(key, { sends: [...recent, now.toISOString()] }, { ttlSeconds: 3600 });
  try {
    await deps.otp.send({ phone, code, sentAt: now.toISOString(), expiresAt });
  } catch (err) {
    await codes.delete(key);
    await audit('failed', 'delivery');
    throw new DomainError('OTP_DELIVERY_FAILED', `The code could not be sent (${(err as Error).message}); try again shortly.`);
  }
  await audit('ok', deps.otp.kind);
  return { phone, expiresAt };
}

export interface LoginResult {
  session: Session;
  user: User;
  token: string;
  tokenExpiresAt: string;
  newUser: boolean;
}

export async function verifyLoginCode(deps: CoreDeps, session: Session, phoneInput: string, code: string): Promise<LoginResult> {
  const now = deps.clock.now();
  const phone = normalizePhone(phoneInput);
  const key = deps.tokens.digest(phone);
  const s = stores(deps);
  const audit = (outcome: 'ok' | 'refused', reason: string, userId?: string) =>
    deps.audit.record({ action: 'login.verify', outcome, sessionId: session.id, phone, ...(userId ? { userId } : {}), detail: { reason } });
  try {
    await refuseIfLocked(deps, key, now);
  } catch (err) {
    await audit('refused', 'locked');
    throw err;
  }
  const pending = await s.codes.get(key);
  if (!pending || Date.parse(pending.expiresAt) <= now.getTime() || pending.sessionId !== session.id) {
    await audit('refused', pending ? 'expired_or_other_session' : 'no_code');
    throw new DomainError('OTP_EXPIRED', 'No live code for this number in this session: codes last a few minutes. Call phone_login for a new one.');
  }
  if (deps.tokens.digest(`${key}:${code}`) !== pending.codeDigest) {
    const after = await s.codes.update(key, (p) => ({ ...p, attempts: p.attempts + 1 }));
    const attempts = after?.attempts ?? pending.attempts + 1;
    if (attempts >= deps.settings.otpMaxAttempts) {
      await s.codes.delete(key);
      await s.locks.delete(key);
      await s.locks.create(key, { until: new Date(now.getTime() + deps.settings.otpLockSeconds * 1000).toISOString() }, {
        ttlSeconds: deps.settings.otpLockSeconds,
      });
      await audit('refused', 'locked_out');
      throw new DomainError('OTP_LOCKED', `Too many wrong codes; this number is locked for ${Math.ceil(deps.settings.otpLockSeconds / 60)} minutes.`, {
        retry_after_seconds: deps.settings.otpLockSeconds,
      });
    }
    await audit('refused', 'wrong_code');
    const left = deps.settings.otpMaxAttempts - attempts;
    throw new DomainError('OTP_INVALID', `That code is not right; ${left} ${left === 1 ? 'try' : 'tries'} left before this number is locked for a while.`, {
      attempts_left: left,
    });
  }
  await s.codes.delete(key);
  const { user, created } = await userFor(deps, phone, now);
  const rotated = await rotateSession(deps, session, user.id);
  const { token, expiresAt } = deps.tokens.issue({ sub: user.id, sid: rotated.id, jti: rotated.tokenId as string }, now);
  await audit('ok', created ? 'new_user' : 'returning_user', user.id);
  return { session: rotated, user, token, tokenExpiresAt: expiresAt, newUser: created };
}

async function userFor(deps: CoreDeps, phone: string, now: Date): Promise<{ user: User; created: boolean }> {
  const s = stores(deps);
  const key = deps.tokens.digest(phone);
  const at = now.toISOString();
  const existing = await s.phones.get(key);
  if (existing) {
    const user = await s.users.update(existing.userId, (u) => ({ ...u, lastLoginAt: at }));
    if (user) return { user, created: false };
  }
  const user: User = { id: `usr_${deps.tokens.newId(12)}`, phone, createdAt: at, lastLoginAt: at };
  await s.users.create(user.id, user);
  // two first logins racing for one number: the first link wins and the other's user is never used
  if (!(await s.phones.create(key, { userId: user.id }))) {
    await s.users.delete(user.id);
    const winner = await s.phones.get(key);
    const found = winner ? await s.users.get(winner.userId) : null;
    if (found) return { user: found, created: false };
  }
  return { user, created: true };
}

/** A new session for the signed-in user, with the guest session's cart; the guest session ends. */
async function rotateSession(deps: CoreDeps, guest: Session, userId: string): Promise<Session> {
  const now = deps.clock.now().toISOString();
  const ttl = deps.settings.sessionTtlSeconds;
  const next: Session = {
    id: `shop_${deps.ids.random(18)}`,
    createdAt: now,
    lastActiveAt: now,
    userId,
    tokenId: deps.tokens.newId(12),
    inherits: [...new Set([...(guest.inherits ?? []), guest.id])],
    ...(guest.pincode ? { pincode: guest.pincode } : {}),
  };
  await deps.stores.sessions.create(next, ttl);
  const cart = await deps.stores.carts.get(guest.id);
  if (cart.lines.length > 0) await deps.stores.carts.update(next.id, (c) => ({ ...c, lines: cart.lines, updatedAt: now }), ttl);
  await deps.stores.carts.delete(guest.id);
  await deps.stores.sessions.delete(guest.id);
  return next;
}

/** The sessions whose checkouts and orders belong to this session's caller. */
export function sessionLineage(session: Session): string[] {
  return [session.id, ...(session.inherits ?? [])];
}

export async function getUser(deps: CoreDeps, userId: string): Promise<User | null> {
  return stores(deps).users.get(userId);
}
