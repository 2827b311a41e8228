/**
 * The audit log as JSON lines in a file: one line per login attempt, payment and order change, with the time,
 * and phone numbers and emails masked before anything is written.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AuditEvent, AuditLog } from '../core/ports.js';
import { maskEmail, maskPhone } from '../core/identity.js';

export function fileAuditLog(file: string, onError: (err: Error) => void): AuditLog & { flushed(): Promise<void> } {
  let ready: Promise<unknown> | undefined;
  let queue: Promise<void> = Promise.resolve();
  return {
    record(event: AuditEvent) {
      const { phone, email, ...rest } = event;
      const line = JSON.stringify({
        at: new Date().toISOString(),
        ...rest,
        ...(phone ? { phone: maskPhone(phone) } : {}),
        ...(email ? { email: maskEmail(email) } : {}),
      });
      ready ??= mkdir(dirname(file), { recursive: true, mode: 0o700 });
      // lines keep their order; a failed write is reported, and never fails the shopper's request
      queue = queue
        .then(() => ready)
        .then(() => appendFile(file, `${line}\n`, { mode: 0o600 }))
        .catch((err: Error) => onError(err));
      return Promise.resolve();
    },
    flushed: () => queue,
  };
}
