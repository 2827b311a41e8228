import { Type } from '@sinclair/typebox';
import { maskPhone, PHONE_INPUT_PATTERN, sendLoginCode } from '../identity.js';
import { defineOperation } from '../operation.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';

export const PhoneInput = Type.String({
  pattern: PHONE_INPUT_PATTERN,
  description: 'Indian mobile number: 10 digits starting 6-9, optionally after +91, 91 or 0',
  examples: ['9876543210', '+919876543210'],
});

export const phoneLogin = defineOperation({
  name: 'phone_login',
  title: 'Log in by phone',
  description:
    "Start signing the shopper in: sends a six-digit one-time code by SMS to their Indian mobile number. Ask the " +
    'shopper for the number, call this, then ask them for the code and call verify_otp. Codes expire after a few ' +
    'minutes; asking again too soon, or too many wrong codes, is refused for a while. Browsing and the cart work ' +
    'without logging in; saved addresses and order history need it.',
  http: { method: 'POST', path: '/auth/otp' },
  input: Type.Object({ session_id: SessionId, phone: PhoneInput }),
  output: Type.Object({
    sent_to: Type.String({ description: 'The number, masked' }),
    expires_at: Type.String({ format: 'date-time' }),
    next_step: Type.String(),
  }),
  hints: { readOnly: false, idempotent: false, destructive: false, openWorld: true },
  summarize: (o) => `Code sent to ${o.sent_to}; it expires at ${o.expires_at}.`,
  run: async ({ session_id, phone }, { deps }) => {
    const session = await requireSession(deps, session_id);
    const sent = await sendLoginCode(deps, session, phone);
    return {
      sent_to: maskPhone(sent.phone),
      expires_at: sent.expiresAt,
      next_step: 'Ask the shopper for the six-digit code and call verify_otp with the same phone number.',
    };
  },
});
