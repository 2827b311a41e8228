/**
 * GET /dev/otp-inbox/{phone}: the latest login code sent to a number, for development and tests. Mounted only when
 * OTP_SENDER=dev_inbox; with a real SMS gateway the route does not exist.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { DevInboxEntry } from '../auth/otp-senders.js';
import { DomainError } from '../core/errors.js';
import { normalizePhone, PHONE_INPUT_PATTERN } from '../core/identity.js';
import type { CoreDeps } from '../core/operation.js';
import { ErrorResponse } from './schemas.js';

export function registerDevInbox(app: FastifyInstance, deps: CoreDeps): void {
  const inbox = deps.stores.documents<DevInboxEntry>('otp_inbox');
  app.get(
    '/dev/otp-inbox/:phone',
    {
      schema: {
        tags: ['development'],
        summary: 'Development only: the latest login code sent to a phone number (OTP_SENDER=dev_inbox)',
        params: Type.Object({ phone: Type.String({ pattern: PHONE_INPUT_PATTERN }) }),
        response: {
          200: Type.Object({
            phone: Type.String({ description: 'Masked' }),
            code: Type.String(),
            sent_at: Type.String({ format: 'date-time' }),
            expires_at: Type.String({ format: 'date-time' }),
          }),
          '4xx': ErrorResponse,
        },
      },
    },
    async (request) => {
      const { phone } = request.params as { phone: string };
      const entry = await inbox.get(deps.tokens.digest(normalizePhone(phone)));
      if (!entry) throw new DomainError('NOT_FOUND', 'No code was sent to this number lately; call phone_login first.');
      return { phone: entry.phone_masked, code: entry.code, sent_at: entry.sent_at, expires_at: entry.expires_at };
    },
  );
}
