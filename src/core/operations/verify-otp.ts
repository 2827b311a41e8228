import { Type } from '@sinclair/typebox';
import { maskPhone, verifyLoginCode } from '../identity.js';
import { defineOperation } from '../operation.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';
import { PhoneInput } from './phone-login.js';

export const verifyOtp = defineOperation({
  name: 'verify_otp',
  title: 'Verify the login code',
  description:
    'Finish signing the shopper in with the six-digit code phone_login sent. On success the session is replaced: ' +
    'use the NEW session_id from now on (the old one stops working), and the cart comes along. The token is a ' +
    'signed session token for REST and /mcp clients that send Authorization: Bearer. A wrong code says how many ' +
    'tries are left; too many lock the number for a while.',
  http: { method: 'POST', path: '/auth/otp/verify' },
  input: Type.Object({
    session_id: SessionId,
    phone: PhoneInput,
    code: Type.String({ pattern: '^[0-9]{6}$', description: 'The six-digit code from the SMS' }),
  }),
  output: Type.Object({
    session_id: Type.String({ description: 'The signed-in session; replaces the one passed in' }),
    token: Type.String({ description: 'Session token (JWT) for Authorization: Bearer' }),
    token_expires_at: Type.String({ format: 'date-time' }),
    user: Type.Object({ id: Type.String(), phone: Type.String({ description: 'Masked' }), new_user: Type.Boolean() }),
  }),
  hints: { readOnly: false, idempotent: false, destructive: false },
  summarize: (o) => `Signed in as ${o.user.phone}; use session ${o.session_id} from now on.`,
  run: async ({ session_id, phone, code }, { deps }) => {
    const session = await requireSession(deps, session_id);
    const result = await verifyLoginCode(deps, session, phone, code);
    return {
      session_id: result.session.id,
      token: result.token,
      token_expires_at: result.tokenExpiresAt,
      user: { id: result.user.id, phone: maskPhone(result.user.phone), new_user: result.newUser },
    };
  },
});
