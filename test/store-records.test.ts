/**
 * Stores.dump and Stores.load, on both adapters and across them: every session, cart and document comes back with
 * its owner, its place in the owner's listing and the life it had left; the sequences go on past what was loaded;
 * what expired before the load stays out. Redis database 12, shared with backup.test.ts: every Redis store here
 * has a key prefix of its own (rec<n>:), and only those keys are removed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import t, { type Test } from 'tap';
import type { StoreRecord, Stores } from '../src/core/ports.js';
import { openEmbeddedStores } from '../src/store/embedded.js';
import { openRedisStores } from '../src/store/redis.js';
import { testRedisUrl } from './helpers/shop.js';

const REDIS_URL = testRedisUrl(12);
const HOUR = 3600;
const DAY = 24 * HOUR;

const admin = new Redis(REDIS_URL);
t.teardown(async () => {
  const keys = await admin.keys('rec*:*');
  if (keys.length > 0) await admin.del(...keys);
  await admin.quit();
});

type Kind = 'embedded' | 'redis';
type Opener = (clock?: () => number) => Promise<Stores>;

let prefixes = 0;

/** A new empty store of that kind; every opening of the returned opener reaches the same data. */
function emptyStore(t: Test, kind: Kind): Opener {
  if (kind === 'embedded') {
    const dir = mkdtempSync(join(tmpdir(), 'ondc-records-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    return async (clock) => closeWith(t, await openEmbeddedStores({ dir, ...(clock ? { clock } : {}) }));
  }
  const keyPrefix = `rec${++prefixes}:`;
  return async (clock) => closeWith(t, await openRedisStores({ url: REDIS_URL, keyPrefix, ...(clock ? { clock } : {}) }));
}

function closeWith(t: Test, stores: Stores): Stores {
  t.teardown(() => stores.close());
  return stores;
}

async function collect(stores: Stores): Promise<StoreRecord[]> {
  const records: StoreRecord[] = [];
  for await (const record of stores.dump()) records.push(record);
  return records;
}

async function* stream(records: StoreRecord[]): AsyncGenerator<StoreRecord> {
  yield* records;
}

const at = new Date().toISOString();

/** Sessions and carts of two lives, owned documents with a gap where one was deleted, unowned ones that never expire. */
async function fill(stores: Stores): Promise<void> {
  await stores.sessions.create({ id: 'shop_short', createdAt: at, lastActiveAt: at }, HOUR);
  await stores.sessions.create({ id: 'shop_long', createdAt: at, lastActiveAt: at, userId: 'usr_a', tokenId: 'jti1', inherits: ['shop_g'] }, 3 * DAY);
  await stores.carts.update('shop_long', (c) => ({ ...c, lines: [{ productId: 'p1', quantity: 2, addedAt: at }], updatedAt: at }), 3 * DAY);
  await stores.rateLimits.hit('127.0.0.1', 60_000);
  const orders = stores.documents<{ n: number }>('order');
  // Ids in another order than creation, so a listing can only come back right by its kept positions.
  for (const [n, id] of ['ord_d', 'ord_b', 'ord_c', 'ord_a'].entries()) await orders.create(id, { n: n + 1 }, { owner: 'usr_a' });
  await orders.delete('ord_c');
  await orders.create('ord_x', { n: 9 }, { owner: 'usr_b', ttlSeconds: 2 * DAY });
  await stores.documents('user').create('usr_a', { phone: '+919700000001' });
  await stores.documents('flow_log').create('txn_1', { entries: [{ action: 'search' }] }, { ttlSeconds: 90 * DAY });
}

function sortable(records: StoreRecord[]): Array<Record<string, unknown>> {
  const name = (r: StoreRecord) =>
    r.type === 'session' ? r.value.id : r.type === 'cart' ? r.value.sessionId : r.type === 'document' ? `${r.kind}:${r.id}` : r.kind;
  return records
    .map((r) => ({ ...r, name: `${r.type}:${name(r)}` }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Expiry read from Redis is now plus the remaining life, so it may move by the time between two reads. */
function sameExpiry(t: Test, got: number | undefined, want: number | undefined, what: string): void {
  if (want === undefined) return void t.equal(got, undefined, `${what} never expires`);
  t.ok(got !== undefined && Math.abs(got - want) < 5_000, `${what} keeps its expiry (${got} vs ${want})`);
}

const kinds: Kind[] = ['embedded', 'redis'];
for (const from of kinds) {
  for (const to of kinds) {
    t.test(`${from} -> ${to}: every record comes back as it was`, async (t) => {
      const source = await emptyStore(t, from)();
      await fill(source);
      const dumped = await collect(source);
      t.notOk(dumped.some((r) => JSON.stringify(r).includes('127.0.0.1')), 'rate-limit counters are not dumped');

      const target = await emptyStore(t, to)();
      const report = await target.load(stream(dumped));
      t.same(report, { written: dumped.length, expired: 0 });

      const again = sortable(await collect(target)).filter((r) => r['type'] !== 'sequence');
      const before = sortable(dumped).filter((r) => r['type'] !== 'sequence');
      t.same(again.map((r) => r['name']), before.map((r) => r['name']), 'the same records');
      before.forEach((want, i) => {
        const got = again[i] as Record<string, unknown>;
        t.same(got['value'], want['value'], `${want['name']}: same value`);
        t.equal(got['owner'], want['owner'], `${want['name']}: same owner`);
        sameExpiry(t, got['expiresAt'] as number | undefined, want['expiresAt'] as number | undefined, String(want['name']));
      });

      const orders = target.documents<{ n: number }>('order');
      t.same((await orders.listByOwner('usr_a', 10)).map((o) => o.n), [4, 2, 1], "the owner's listing, newest first, without the deleted one");
      t.same((await orders.listByOwner('usr_b', 10)).map((o) => o.n), [9]);
      await orders.create('ord_5', { n: 5 }, { owner: 'usr_a' });
      t.same((await orders.listByOwner('usr_a', 10)).map((o) => o.n), [5, 4, 2, 1], 'a document made after the load lists as newest');
      t.same(await target.sessions.get('shop_long'), await source.sessions.get('shop_long'));
      t.same(await target.carts.get('shop_long'), await source.carts.get('shop_long'));
      t.same(await target.documents('user').get('usr_a'), { phone: '+919700000001' });
    });
  }
}

for (const to of kinds) {
  t.test(`${to}: what expired before the load is left out, the rest keeps its expiry`, async (t) => {
    const source = await emptyStore(t, 'embedded')();
    await fill(source);
    const dumped = await collect(source);
    // Two days on: the one-hour session is over, the three-day session and its cart have a day left.
    const later = Date.now() + 2 * DAY * 1000;
    const open = emptyStore(t, to);
    const report = await (await open(() => later)).load(stream(dumped));
    t.equal(report.expired, 2, 'the one-hour session and the two-day order');
    const target = await open(() => later);
    t.equal(await target.sessions.get('shop_short'), null);
    t.equal(await target.documents('order').get('ord_x'), null);
    t.ok(await target.sessions.get('shop_long'));
    const long = (await collect(target)).find((r) => r.type === 'session' && r.value.id === 'shop_long') as { expiresAt: number };
    const original = dumped.find((r) => r.type === 'session' && r.value.id === 'shop_long') as { expiresAt: number };
    sameExpiry(t, long.expiresAt, original.expiresAt, 'the three-day session');
  });
}

t.test('redis: a key under the prefix that no store wrote stops the dump instead of being left behind', async (t) => {
  const stores = await emptyStore(t, 'redis')();
  await fill(stores);
  await admin.set(`rec${prefixes}:stray:thing`, '1');
  await t.rejects(collect(stores), /holds rec\d+:stray:thing, which no store of this version writes, so a backup cannot be complete/);
});

t.test('redis: the sequence survives even when its newest documents were deleted', async (t) => {
  const source = await emptyStore(t, 'redis')();
  const docs = source.documents<{ n: number }>('grievance');
  for (let n = 1; n <= 3; n++) await docs.create(`g${n}`, { n }, { owner: 'usr_a' });
  await docs.delete('g3');
  const dumped = await collect(source);
  t.match(dumped.find((r) => r.type === 'sequence'), { kind: 'grievance', value: 3 });
  const target = await emptyStore(t, 'redis')();
  await target.load(stream(dumped));
  await target.documents('grievance').create('g4', { n: 4 }, { owner: 'usr_b' });
  const seq = (await collect(target)).find((r) => r.type === 'document' && r.id === 'g4') as { seq: number };
  t.equal(seq.seq, 4, 'the next position is past every one handed out before');
});
