/**
 * The one way every surface runs an operation: it authenticates the caller's bearer token (if one came), ties the
 * session to it, and then runs the operation. REST, MCP over HTTP and stdio, and the library all come through here.
 */
import type { Static, TObject } from '@sinclair/typebox';
import { DomainError } from './errors.js';
import type { Caller, CoreDeps, Operation, OperationContext } from './operation.js';
import type { TokenClaims } from './ports.js';
import { checkIdempotencyKey, runOnce, takesIdempotencyKey } from './idempotency.js';

function tokenRefused(reason: string): DomainError {
  return new DomainError('TOKEN_INVALID', `The session token was refused (${reason}); sign in again with phone_login and verify_otp.`);
}

/** Verifies a bearer token against its session: signed by us, unexpired, and the session's current token. */
export async function authenticate(deps: CoreDeps, bearer: string): Promise<TokenClaims> {
  const checked = deps.tokens.verify(bearer, deps.clock.now());
  if (!checked.ok) throw tokenRefused(checked.reason);
  const session = await deps.stores.sessions.get(checked.claims.sid);
  if (!session) throw tokenRefused('its session has ended');
  if (session.userId !== checked.claims.sub || session.tokenId !== checked.claims.jti) throw tokenRefused('a newer sign-in replaced it');
  return checked.claims;
}

export async function runOperation<I extends TObject, O extends TObject>(
  op: Operation<I, O>,
  input: Static<I>,
  deps: CoreDeps,
  caller: Caller,
  options: { idempotencyKey?: string } = {},
): Promise<Static<O>> {
  const started = performance.now();
  let outcome = 'ok';
  try {
    return await dispatch(op, input, deps, caller, options);
  } catch (err) {
    outcome = err instanceof DomainError ? err.code : 'INTERNAL';
    throw err;
  } finally {
    deps.telemetry?.operation(op.name, outcome, (performance.now() - started) / 1000);
  }
}

async function dispatch<I extends TObject, O extends TObject>(
  op: Operation<I, O>,
  input: Static<I>,
  deps: CoreDeps,
  caller: Caller,
  options: { idempotencyKey?: string } = {},
): Promise<Static<O>> {
  const ctx: OperationContext = { deps, caller };
  if (caller.bearer !== undefined) {
    const claims = await authenticate(deps, caller.bearer);
    ctx.claims = claims;
    const args = input as Record<string, unknown>;
    if ('session_id' in op.input.properties) {
      if (args['session_id'] === undefined) args['session_id'] = claims.sid;
      else if (args['session_id'] !== claims.sid) {
        throw new DomainError('SESSION_MISMATCH', 'The session_id is not the session this token was issued for; send the session_id from verify_otp, or no session_id with the token.');
      }
    }
  }
  const key = options.idempotencyKey;
  if (key === undefined || !takesIdempotencyKey(op)) return op.run(input, ctx);
  const scope = ctx.claims?.sub ?? String((input as Record<string, unknown>)['session_id']);
  return runOnce({ deps, op, key: checkIdempotencyKey(key), scope, input, run: () => op.run(input, ctx) });
}
