/**
 * Session tokens: compact JWTs (RFC 7519) signed with HMAC-SHA256 under SESSION_SECRET. A token names the user
 * (`sub`), the session it opens (`sid`) and its own id (`jti`, rotated at every login, so a login invalidates the
 * tokens before it), and expires (`exp`). Also the keyed digest used to index phone numbers and check one-time
 * codes without storing either in the clear.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { TokenClaims, TokenService } from '../core/ports.js';

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

function sign(secret: Buffer, input: string): string {
  return createHmac('sha256', secret).update(input).digest('base64url');
}

export function createTokenService(secret: Buffer, ttlSeconds: number): TokenService {
  if (secret.length < 32) throw new Error('SESSION_SECRET must be at least 32 bytes of key material');
  const digestKey = createHmac('sha256', secret).update('digest').digest();
  return {
    issue(claims, now) {
      const iat = Math.floor(now.getTime() / 1000);
      const exp = iat + ttlSeconds;
      const payload = Buffer.from(JSON.stringify({ ...claims, iat, exp })).toString('base64url');
      const input = `${HEADER}.${payload}`;
      return { token: `${input}.${sign(secret, input)}`, expiresAt: new Date(exp * 1000).toISOString() };
    },
    verify(token, now) {
      const parts = token.split('.');
      if (parts.length !== 3) return { ok: false, reason: 'not a JWT' };
      const [header, payload, signature] = parts as [string, string, string];
      // The header is fixed: an "alg": "none" or RS256 token is refused before anything else is read.
      if (header !== HEADER) return { ok: false, reason: 'unsupported token header' };
      const expected = Buffer.from(sign(secret, `${header}.${payload}`));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad signature' };
      let claims: TokenClaims;
      try {
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
      } catch {
        return { ok: false, reason: 'unreadable claims' };
      }
      const fields = [claims.sub, claims.sid, claims.jti];
      if (!fields.every((f) => typeof f === 'string' && f.length > 0) || typeof claims.exp !== 'number') {
        return { ok: false, reason: 'missing claims' };
      }
      if (claims.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
      return { ok: true, claims };
    },
    digest(value) {
      return createHmac('sha256', digestKey).update(value).digest('base64url');
    },
    newId(bytes = 12) {
      return randomBytes(bytes).toString('base64url');
    },
  };
}
