/** Who an audit line is about: the session, the signed-in user when there is one, and what was acted on. */
import type { AuditEvent } from './ports.js';

export function actor(sessionId: string, userId: string | undefined, subject: string): Pick<AuditEvent, 'sessionId' | 'userId' | 'subject'> {
  return { sessionId, ...(userId ? { userId } : {}), subject };
}
