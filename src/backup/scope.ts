/** What a backup carries: every record of lasting shopping state, and nothing that is only a guard or a cache. */
import type { StoreRecord, Stores } from '../core/ports.js';

/**
 * Document kinds left out, besides rate-limit counters (which the stores never dump):
 * - otp_code and otp_inbox hold one-time login codes that live minutes; an archive gets copied to places a live
 *   way to sign in as someone must not go, and a restore is long past their end anyway.
 * - otp_send and otp_lock count resends and wrong codes over an hour at most: like rate limits they guard the
 *   last minutes of traffic and mean nothing on a store restored later.
 * - catalog_answer keeps each seller's latest catalog (large, and hours old at most) for certification logs; the
 *   server pulls catalogs again as it starts, which writes fresh ones.
 * - himira_follow_lock says which replica follows backend orders for the next few seconds.
 * Relay keys, like rate-limit counters, are never dumped and are no record type an archive can hold. A restore
 * refuses an archive holding any of these: no backup writes them, so such an archive was made or edited elsewhere.
 */
const LEFT_OUT_KINDS = new Set(['otp_code', 'otp_inbox', 'otp_send', 'otp_lock', 'catalog_answer', 'himira_follow_lock']);

export function backedUp(record: StoreRecord): boolean {
  if (record.type === 'session' || record.type === 'cart') return true;
  return !LEFT_OUT_KINDS.has(record.kind);
}

export async function* backupRecords(stores: Stores): AsyncGenerator<StoreRecord> {
  for await (const record of stores.dump()) if (backedUp(record)) yield record;
}

/** Empty as far as a restore is concerned: no record a backup would carry (a started server pulls catalogs). */
export async function holdsShoppingState(stores: Stores): Promise<boolean> {
  for await (const _record of backupRecords(stores)) return true;
  return false;
}
