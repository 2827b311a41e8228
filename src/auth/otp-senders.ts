/**
 * Where one-time login codes go. The development inbox keeps the latest code per phone number in the store (read
 * at GET /dev/otp-inbox/{phone}, mounted only in this mode) and logs that it did, with the number masked; the
 * webhook adapter POSTs it to an SMS gateway. Neither logs the full number or the code.
 */
import { request } from 'undici';
import type { DocumentStore, OtpMessage, OtpSender } from '../core/ports.js';
import { maskPhone } from '../core/identity.js';

export interface DevInboxEntry {
  phone_masked: string;
  code: string;
  sent_at: string;
  expires_at: string;
}

export function devInboxSender(args: {
  inbox: DocumentStore<DevInboxEntry>;
  key: (phone: string) => string;
  log: { info: (obj: object, msg: string) => void };
}): OtpSender {
  return {
    kind: 'dev_inbox',
    async send(message: OtpMessage) {
      const id = args.key(message.phone);
      const entry: DevInboxEntry = {
        phone_masked: maskPhone(message.phone),
        code: message.code,
        sent_at: message.sentAt,
        expires_at: message.expiresAt,
      };
      const ttlSeconds = Math.max(1, Math.ceil((Date.parse(message.expiresAt) - Date.parse(message.sentAt)) / 1000));
      await args.inbox.delete(id);
      await args.inbox.create(id, entry, { ttlSeconds });
      args.log.info({ to: entry.phone_masked }, 'one-time code written to the development inbox (GET /dev/otp-inbox/{phone})');
    },
  };
}

export function webhookSender(args: { url: string; token?: string; timeoutMs?: number }): OtpSender {
  const timeoutMs = args.timeoutMs ?? 10_000;
  return {
    kind: 'webhook',
    async send(message: OtpMessage) {
      const minutes = Math.round((Date.parse(message.expiresAt) - Date.parse(message.sentAt)) / 60_000);
      const res = await request(args.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(args.token ? { authorization: `Bearer ${args.token}` } : {}) },
        body: JSON.stringify({
          to: message.phone,
          code: message.code,
          expires_at: message.expiresAt,
          text: `${message.code} is your ONDC Shop login code. It expires in ${minutes} minutes. Do not share it.`,
        }),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      await res.body.dump();
      if (res.statusCode < 200 || res.statusCode >= 300) {
        throw new Error(`the SMS gateway answered ${res.statusCode}`);
      }
    },
  };
}
