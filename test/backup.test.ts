/**
 * `ondc-shop backup`, `restore` and `backups` through the real command line, on both stores and across them.
 * Shopping state is made over REST (sign-in by phone, an address, a placed two-seller order, carts), backed up,
 * restored into an empty store and checked over REST on a new shop: the token still works, everything is there and
 * still belongs to its user, and another user still sees none of it. Redis database 12, shared with
 * store-records.test.ts: this file uses the service's own `ondc:` keys and removes only those.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Redis } from 'ioredis';
import t, { type Test } from 'tap';
import { writeArchive } from '../src/backup/archive.js';
import { secretCheck, signingKey } from '../src/backup/commands.js';
import { backupRecords } from '../src/backup/scope.js';
import { parseConfig } from '../src/config.js';
import type { StoreRecord, Stores } from '../src/core/ports.js';
import { openEmbeddedStores } from '../src/store/embedded.js';
import { DELIVERY, runCheckoutJourney } from './helpers/checkout.js';
import type { Call } from './helpers/journey.js';
import { restCall } from './helpers/rest.js';
import { openTestShop, testRedisUrl, type TestShop } from './helpers/shop.js';

const REDIS_URL = testRedisUrl(12);
const SECRET = 'backup-test-session-secret-0123456789';
const SHOP_ENV = { SANDBOX_PRODUCTS_PER_PROVIDER: '30', SANDBOX_STATUS_STEP_SECONDS: '3600', SESSION_SECRET: SECRET };
const PHONE_A = '9700000101';
const PHONE_B = '9700000102';
const { city: _city, state: _state, ...fields } = DELIVERY;
const HOME = { label: 'Home', ...fields, pincode: '560034' };
const WORK = { ...HOME, label: 'Work', house: 'Desk 12' };

t.setTimeout(300_000);

const redis = new Redis(REDIS_URL);
/** Empties the service's part of the database, leaving the other test file's keys alone. */
async function emptyRedis(): Promise<void> {
  const keys = await redis.keys('ondc:*');
  if (keys.length > 0) await redis.del(...keys);
}
await emptyRedis();
t.teardown(async () => {
  await emptyRedis();
  await redis.quit();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const backupDir = tempDir('ondc-backups-');

/** Where a store lives: a DATA_DIR for the embedded store, Redis plus a DATA_DIR for everything else. */
type Place = { DATA_DIR: string; REDIS_URL?: string };
const embeddedPlace = (): Place => ({ DATA_DIR: tempDir('ondc-backup-data-') });
const redisPlace = (): Place => ({ DATA_DIR: tempDir('ondc-backup-data-'), REDIS_URL });

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], place: Place, env: Record<string, string> = {}): Promise<CliResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', EMBEDDER: 'none', SESSION_SECRET: SECRET, BACKUP_DIR: backupDir, REDIS_URL: '', ...place, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  child.stderr.on('data', (d) => (stderr += String(d)));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stdout, stderr };
}

async function backupOf(t: Test, place: Place): Promise<{ file: string; store: string; records: number; counts: any }> {
  const done = await cli(['backup'], place);
  t.equal(done.code, 0, `backup exits 0 (${done.stderr})`);
  return JSON.parse(done.stdout);
}

async function restoreInto(t: Test, file: string, place: Place, ...flags: string[]): Promise<Record<string, any>> {
  const done = await cli(['restore', file, ...flags], place);
  t.equal(done.code, 0, `restore exits 0 (${done.stderr})`);
  return JSON.parse(done.stdout);
}

async function openShop(t: Test, place: Place): Promise<TestShop> {
  const shop = await openTestShop({ ...SHOP_ENV, ...place });
  t.teardown(shop.close);
  return shop;
}

interface User {
  session_id: string;
  token: string;
}

/** One REST call as a client would make it; with a user, it carries that user's bearer token. */
async function rest(shop: TestShop, tool: string, args: Record<string, unknown>, user?: User) {
  const headers: Record<string, string> = user ? { authorization: `Bearer ${user.token}` } : {};
  return restCall(shop.app, tool, user ? { session_id: user.session_id, ...args } : args, headers);
}

async function ok(shop: TestShop, tool: string, args: Record<string, unknown>, user?: User): Promise<Record<string, any>> {
  const res = await rest(shop, tool, args, user);
  if (res.status !== 200) throw new Error(`${tool} -> ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
}

async function signIn(shop: TestShop, phone: string): Promise<User> {
  const { session_id } = await ok(shop, 'initialize_shopping', {});
  await ok(shop, 'phone_login', { session_id, phone });
  const code = (await shop.app.inject({ method: 'GET', url: `/dev/otp-inbox/${phone}` })).json().code;
  const done = await ok(shop, 'verify_otp', { session_id, phone, code });
  return { session_id: done['session_id'], token: done['token'] };
}

/** The checkout journey run as a signed-in user: in that user's session, with the bearer token on every call. */
function asUser(shop: TestShop, user: User): Call {
  return async (tool, args) => (tool === 'initialize_shopping' ? { session_id: user.session_id } : ok(shop, tool, args, user));
}

interface State {
  a: User;
  b: User;
  guest: string;
  checkoutId: string;
  orderIds: string[];
  addressId: string;
}

/** What a user sees of their own state, without what a restore legitimately changes (nothing, here). */
async function viewOf(shop: TestShop, state: State, user: User) {
  const cart = await ok(shop, 'view_cart', {}, user);
  return {
    cart: cart['lines'].map((l: any) => [l.product_id, l.quantity]),
    addresses: (await ok(shop, 'list_addresses', {}, user))['addresses'],
    orders: (await ok(shop, 'list_orders', {}, user))['orders'].map((o: any) => [o.order_id, o.state, o.total.paise]),
    checkout: (await ok(shop, 'get_checkout', { checkout_id: state.checkoutId }, user))['sellers'].map((s: any) => [s.provider.id, s.state]),
  };
}

async function guestCart(shop: TestShop, guest: string) {
  return (await ok(shop, 'view_cart', { session_id: guest }))['lines'].map((l: any) => [l.product_id, l.quantity]);
}

/** Proves the restored shop is the one backed up, for both users and the guest. */
async function checkRestored(t: Test, shop: TestShop, state: State, before: Awaited<ReturnType<typeof viewOf>>, guestLines: unknown) {
  t.same(await viewOf(shop, state, state.a), before, "A's token still works, and A's cart, addresses, orders and checkout are as they were");
  t.same(await guestCart(shop, state.guest), guestLines, "the guest's cart is back under the guest's session id");
  const log = await rest(shop, 'get_order_ondc_log', { order_id: state.orderIds[0] }, state.a);
  t.equal(log.status, 200, "the order's ONDC flow log came back with it");

  t.same((await ok(shop, 'list_orders', {}, state.b))['orders'], [], "B's token works and B has no orders");
  t.same((await ok(shop, 'list_addresses', {}, state.b))['addresses'], []);
  for (const [tool, args] of [
    ['get_checkout', { checkout_id: state.checkoutId }],
    ['get_order_ondc_log', { order_id: state.orderIds[0] }],
    ['update_address', { address_id: state.addressId, locality: 'Somewhere Else' }],
  ] as const) {
    t.equal((await rest(shop, tool, args, state.b)).status, 404, `B still cannot reach A's ${tool.split('_').at(-1)}`);
  }

  // Signing in again finds A's account through the restored phone index: the same orders, not a new empty user.
  const again = await signIn(shop, PHONE_A);
  t.same((await ok(shop, 'list_orders', {}, again))['orders'].map((o: any) => o.order_id), before.orders.map((o: any) => o[0]));
}

async function buildState(shop: TestShop): Promise<State> {
  const a = await signIn(shop, PHONE_A);
  const address = await ok(shop, 'add_address', HOME, a);
  const journey = await runCheckoutJourney(asUser(shop, a), shop.runtime.deps.catalog);
  const [first] = journey.basket.items;
  await ok(shop, 'add_to_cart', { product_id: first!.product.id, quantity: 2 }, a);
  const b = await signIn(shop, PHONE_B);
  const { session_id: guest } = await ok(shop, 'initialize_shopping', {});
  await ok(shop, 'add_to_cart', { session_id: guest, product_id: first!.product.id, quantity: 1 });
  return {
    a,
    b,
    guest,
    checkoutId: journey.checkout_id,
    orderIds: (journey.confirmed['sellers'] as any[]).map((s) => s.order_id),
    addressId: address['address_id'],
  };
}

async function storeRecords(stores: Stores): Promise<StoreRecord[]> {
  const records: StoreRecord[] = [];
  for await (const record of stores.dump()) records.push(record);
  await stores.close();
  return records;
}

const embeddedRecords = async (place: Place) => storeRecords(await openEmbeddedStores({ dir: place.DATA_DIR }));

// The state, made on the embedded store and backed up from it.
const source = embeddedPlace();
const sourceShop = await openTestShop({ ...SHOP_ENV, ...source });
const state = await buildState(sourceShop);
const before = await viewOf(sourceShop, state, state.a);
const guestLines = await guestCart(sourceShop, state.guest);
await sourceShop.close();
let fromEmbedded = '';
let fromRedis = '';

t.test('backup writes one archive of the embedded store with a manifest', async (t) => {
  const made = await backupOf(t, source);
  fromEmbedded = made.file;
  t.match(made, { store: 'embedded', counts: { sessions: 3, carts: 2, documents: { user: 2, user_phone: 2, address: 1, checkout: 1, order: 2 } } });
  t.ok(made.counts.documents.flow_log >= 2, 'the flow logs of both orders');
  for (const kind of ['otp_code', 'otp_inbox', 'otp_send', 'catalog_answer']) t.notOk(made.counts.documents[kind], `no ${kind}`);
  const lines = gunzipSync(readFileSync(fromEmbedded)).toString('utf8').trimEnd().split('\n');
  const manifest = JSON.parse(lines[0]!);
  t.match(manifest, { format: 'ondc-shop-backup', format_version: 2, store: 'embedded', app_version: /^\d+\.\d+\.\d+$/, records: lines.length - 1 });
  t.match(manifest.mac, /^[0-9a-f]{64}$/, 'signed');
  t.notOk('payload_sha256' in manifest, 'no plain checksum anyone could recompute');
  t.notOk(lines.some((l) => l.includes('"rl:') || l.includes('otp_code')), 'no rate-limit counter or login code in the archive');
  t.equal(statSync(fromEmbedded).mode & 0o077, 0, 'readable by its owner only');
});

t.test('embedded -> embedded: everything comes back, and still belongs to its user', async (t) => {
  const target = embeddedPlace();
  // A server that only started here has pulled catalogs into the store, but no shopping state: still empty.
  await (await openTestShop({ ...SHOP_ENV, ...target })).close();
  t.ok((await embeddedRecords(target)).some((r) => r.type === 'document' && r.kind === 'catalog_answer'), 'the started server left catalog answers');
  const summary = await restoreInto(t, fromEmbedded, target);
  t.match(summary, { from: 'embedded', to: 'embedded', expired: 0 });
  await checkRestored(t, await openShop(t, target), state, before, guestLines);
});

t.test('embedded -> Redis: the migration from one box to production', async (t) => {
  await emptyRedis();
  const target = redisPlace();
  t.match(await restoreInto(t, fromEmbedded, target), { from: 'embedded', to: 'redis' });
  const shop = await openShop(t, target);
  await checkRestored(t, shop, state, before, guestLines);
  // Written by the Redis adapter itself, so the Redis backup below carries native Redis records too.
  await ok(shop, 'add_address', WORK, state.a);
  before.addresses = (await ok(shop, 'list_addresses', {}, state.a))['addresses'];
  t.same(before.addresses.map((a: any) => a.label), ['Work', 'Home'], 'a new address lists above the restored one');
  const made = await backupOf(t, target);
  t.equal(made.store, 'redis');
  t.equal(made.counts.documents.address, 2);
  fromRedis = made.file;
});

t.test('Redis -> Redis', async (t) => {
  await emptyRedis();
  const target = redisPlace();
  t.match(await restoreInto(t, fromRedis, target), { from: 'redis', to: 'redis', expired: 0 });
  await checkRestored(t, await openShop(t, target), state, before, guestLines);
});

t.test('Redis -> embedded', async (t) => {
  const target = embeddedPlace();
  t.match(await restoreInto(t, fromRedis, target), { from: 'redis', to: 'embedded' });
  await checkRestored(t, await openShop(t, target), state, before, guestLines);
});

t.test('backups lists the archives with their time, store, counts and size', async (t) => {
  const listed = await cli(['backups', '--json'], embeddedPlace());
  t.equal(listed.code, 0);
  const entries = JSON.parse(listed.stdout);
  t.same(entries.map((e: any) => [e.file, e.store]), [[fromEmbedded, 'embedded'], [fromRedis, 'redis']]);
  t.equal(entries[0].bytes, statSync(fromEmbedded).size);
  t.match(entries[1], { created_at: String, records: Number, counts: { documents: { address: 2 } } });
  const text = await cli(['backups'], embeddedPlace());
  t.match(text.stdout, /oldest first/);
  t.match(text.stdout, /ondc-backup-\S+\.jsonl\.gz {2}\S+ {2}redis {2}\d+\.\d kB {2}\d+ records: sessions \d+, carts \d+, address 2/);
});

t.test('a store that holds shopping state is refused unless --force', async (t) => {
  const target = embeddedPlace();
  await restoreInto(t, fromEmbedded, target);
  const refused = await cli(['restore', fromRedis], target);
  t.equal(refused.code, 1);
  t.match(refused.stderr, /already holds shopping state; restore into an empty store, or pass --force/);
  t.same(
    (await embeddedRecords(target)).filter((r) => r.type === 'document' && r.kind === 'address').length,
    1,
    'nothing of the second archive was written',
  );
  await restoreInto(t, fromRedis, target, '--force');
  t.equal((await embeddedRecords(target)).filter((r) => r.type === 'document' && r.kind === 'address').length, 2);
});

t.test('a damaged archive is refused before anything is written', async (t) => {
  const archive = readFileSync(fromEmbedded);
  const lines = gunzipSync(archive).toString('utf8').split('\n');
  // One digit of the first record moved on: still valid JSON, still a store record, but not what was backed up.
  const tampered = lines.map((l, i) => (i === 1 ? l.replace(/\d/, (d) => String((Number(d) + 1) % 10)) : l)).join('\n');
  const newer = [JSON.stringify({ ...JSON.parse(lines[0]!), format_version: 3 }), ...lines.slice(1)].join('\n');
  const cases: Array<[string, Buffer, RegExp]> = [
    ['cut off', archive.subarray(0, Math.floor(archive.length / 2)), /is damaged or cut off \(unexpected end of file\)/],
    ['changed after it was written', gzipSync(tampered), /does not match its signature: it was changed or damaged/],
    ['from a newer version', gzipSync(newer), /is in backup format 3, newer than this version reads \(2\)/],
    ['not a backup', gzipSync('hello\n'), /is not an ondc-shop backup/],
  ];
  t.not(tampered, lines.join('\n'), 'the tampered copy differs');
  for (const [what, bytes, message] of cases) {
    const file = join(tempDir('ondc-bad-'), 'ondc-backup-bad.jsonl.gz');
    writeFileSync(file, bytes);
    const target = embeddedPlace();
    const refused = await cli(['restore', file], target);
    t.equal(refused.code, 1, `${what}: exit code 1`);
    t.match(refused.stderr, message, what);
    t.match(refused.stderr, /Nothing was written\./);
    t.same(await embeddedRecords(target), [], `${what}: the store is still empty`);
  }
  const listed = JSON.parse((await cli(['backups', '--json'], embeddedPlace())).stdout);
  t.equal(listed.length, 2, 'the listing only shows archives in BACKUP_DIR');
});

t.test('an archive made under another session secret is refused unless --force', async (t) => {
  const target = embeddedPlace();
  const refused = await cli(['restore', fromEmbedded], target, { SESSION_SECRET: 'another-secret-altogether-0123456789' });
  t.equal(refused.code, 1);
  t.match(refused.stderr, /made under another session secret.*returning buyers would get new, empty accounts/);
  t.same(await embeddedRecords(target), []);
});

/** Writes `bytes` as an archive, restores it into an empty embedded store, and proves it was refused with `message`. */
async function refusedRestore(t: Test, what: string, bytes: Buffer, message: RegExp, ...flags: string[]): Promise<void> {
  const file = join(tempDir('ondc-bad-'), 'ondc-backup-bad.jsonl.gz');
  writeFileSync(file, bytes);
  const target = embeddedPlace();
  const refused = await cli(['restore', file, ...flags], target);
  t.equal(refused.code, 1, `${what}: exit code 1`);
  t.match(refused.stderr, message, what);
  t.match(refused.stderr, /Nothing was written\./);
  t.same(await embeddedRecords(target), [], `${what}: the store is still empty`);
}

t.test('an edited archive is refused even with its plain SHA-256 recomputed', async (t) => {
  const lines = gunzipSync(readFileSync(fromEmbedded)).toString('utf8').trimEnd().split('\n');
  const [head, ...records] = lines;
  // The first address moved to another house, and the checksum made again as anyone could.
  const i = records.findIndex((l) => l.includes('"kind":"address"'));
  t.ok(i >= 0, 'the archive holds an address');
  records[i] = records[i]!.replace(HOME.house, 'Elsewhere 1');
  t.not(records[i], lines[i + 1], 'the address was edited');
  const payload = records.map((l) => `${l}\n`).join('');
  const sha256 = createHash('sha256').update(payload).digest('hex');
  const manifest = JSON.parse(head!);
  const signedButEdited = `${JSON.stringify({ ...manifest, payload_sha256: sha256 })}\n${payload}`;
  await refusedRestore(t, 'edited, checksum added', gzipSync(signedButEdited), /does not match its signature/, '--force', '--trust-unverified');
  // Passed off as an unsigned format 1 archive: its checksum matches, but nothing says who made it.
  const { mac: _mac, ...unsigned } = manifest;
  const downgraded = `${JSON.stringify({ ...unsigned, format_version: 1, payload_sha256: sha256 })}\n${payload}`;
  await refusedRestore(t, 'edited, passed off as format 1', gzipSync(downgraded), /integrity of \S+ cannot be verified \(it is in backup format 1, which carries no signature\)/);
});

t.test('an archive holding a kind that backups leave out is refused whole, even when properly signed', async (t) => {
  const config = parseConfig({ SESSION_SECRET: SECRET, DATA_DIR: embeddedPlace().DATA_DIR });
  const now = Date.now();
  async function* records(): AsyncGenerator<StoreRecord> {
    const at = new Date(now).toISOString();
    yield { type: 'session', value: { id: `shop_${'s'.repeat(24)}`, createdAt: at, lastActiveAt: at }, expiresAt: now + 3600_000 } as StoreRecord;
    yield { type: 'document', kind: 'otp_code', id: 'someone', value: { digest: 'x', attempts: 0 }, expiresAt: now + 600_000 };
  }
  const { file } = await writeArchive({
    records: records(),
    dir: tempDir('ondc-otp-backups-'),
    key: signingKey(config),
    manifest: { store: 'embedded', app_version: '0.1.0', secret_check: secretCheck(config) },
  });
  await refusedRestore(t, 'an otp_code record', readFileSync(file), /Line 3 of \S+ holds a record of kind otp_code, which ondc-shop backup never writes/, '--force');
});

t.test('under another session secret, --force alone is refused: only --trust-unverified restores it', async (t) => {
  const other = { SESSION_SECRET: 'another-secret-altogether-0123456789' };
  const target = embeddedPlace();
  const forced = await cli(['restore', fromEmbedded, '--force'], target, other);
  t.equal(forced.code, 1);
  t.match(forced.stderr, /integrity of \S+ cannot be verified \(its signature was made under another session secret\).*Pass --trust-unverified/);
  t.same(await embeddedRecords(target), []);
  const trusted = await cli(['restore', fromEmbedded, '--force', '--trust-unverified'], target, other);
  t.equal(trusted.code, 0, trusted.stderr);
  t.match(trusted.stderr, /warning: The integrity .* cannot be verified/);
  t.match(trusted.stderr, /warning: The backup was made under another session secret/);
  t.ok((await embeddedRecords(target)).some((r) => r.type === 'document' && r.kind === 'order'), 'the orders were restored');
});

t.test('what expired between backup and restore is skipped; the rest keeps the life it had left', async (t) => {
  // A store whose clock is two days behind: an archive made then, restored now.
  const DAY_MS = 24 * 3600_000;
  const then = Date.now() - 2 * DAY_MS;
  const old = embeddedPlace();
  const stores = await openEmbeddedStores({ dir: old.DATA_DIR, clock: () => then });
  const session = (id: string) => ({ id, createdAt: new Date(then).toISOString(), lastActiveAt: new Date(then).toISOString() });
  const gone = `shop_${'g'.repeat(24)}`;
  const kept = `shop_${'k'.repeat(24)}`;
  await stores.sessions.create(session(gone), 24 * 3600);
  await stores.sessions.create(session(kept), 3 * 24 * 3600);
  await stores.carts.update(kept, (c) => ({ ...c, lines: [{ productId: 'sri-lakshmi-kirana:x', quantity: 1, addedAt: c.updatedAt }] }), 3 * 24 * 3600);
  const config = parseConfig({ SESSION_SECRET: SECRET, DATA_DIR: old.DATA_DIR });
  const { file } = await writeArchive({
    records: backupRecords(stores),
    dir: tempDir('ondc-old-backups-'),
    key: signingKey(config),
    manifest: { store: 'embedded', app_version: '0.1.0', secret_check: secretCheck(config) },
    now: new Date(then),
  });
  await stores.close();

  await emptyRedis();
  const target = redisPlace();
  t.match(await restoreInto(t, file, target), { records: 3, written: 2, expired: 1 });
  const left = await redis.pttl(`ondc:session:${kept}`);
  t.ok(Math.abs(left - DAY_MS) < 60_000, `the three-day session has one day left, not a fresh lifetime (${left} ms)`);
  t.equal(await redis.exists(`ondc:session:${gone}`), 0);
  const shop = await openShop(t, target);
  t.equal((await rest(shop, 'get_session_info', { session_id: gone })).status, 404, 'the expired session is not back');
  t.equal((await ok(shop, 'get_session_info', { session_id: kept }))['cart_item_count'], 1, 'the live one is, with its cart');
});
