/**
 * One contract for every Stores adapter, run against the embedded (LMDB) and the Redis adapter, followed by the
 * checks only one adapter can make (sweeping, key layout, Redis going away).
 */
import t, { type Test } from 'tap';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { open } from 'lmdb';
import { isDomainError } from '../src/core/errors.js';
import type { Cart, Session, Stores } from '../src/core/ports.js';
import { openEmbeddedStores } from '../src/store/embedded.js';
import { openStores } from '../src/store/index.js';
import { openRedisStores } from '../src/store/redis.js';

const REDIS_HOST = '127.0.0.1';
const REDIS_PORT = 6379;
const REDIS_DB = 13;
const REDIS_URL = `redis://${REDIS_HOST}:${REDIS_PORT}/${REDIS_DB}`;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHILD = fileURLToPath(new URL('./fixtures/store-child.ts', import.meta.url));

interface Teardown {
  teardown(fn: () => unknown): void;
}

/** An empty backing store prepared for one test. */
interface Target {
  /** Opens stores on the backing store; they are closed when the test ends. */
  open(): Promise<Stores>;
  /** What a child process needs to open the same backing store. */
  child: { adapter: 'embedded' | 'redis'; target: string };
}

interface Backend {
  kind: 'embedded' | 'redis';
  prepare(t: Teardown): Promise<Target>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function closeWith(t: Teardown, stores: Stores): Stores {
  t.teardown(() => stores.close());
  return stores;
}

async function tempDir(t: Teardown): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ondc-store-'));
  t.teardown(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

const embedded: Backend = {
  kind: 'embedded',
  async prepare(t) {
    const dir = await tempDir(t);
    return {
      open: async () => closeWith(t, await openEmbeddedStores({ dir })),
      child: { adapter: 'embedded', target: dir },
    };
  },
};

const admin = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
admin.on('error', () => undefined);
t.teardown(() => admin.disconnect());

const redis: Backend = {
  kind: 'redis',
  async prepare(t) {
    await admin.flushdb();
    return {
      open: async () => closeWith(t, await openRedisStores({ url: REDIS_URL })),
      child: { adapter: 'redis', target: REDIS_URL },
    };
  },
};

function newSession(id: string): Session {
  const now = new Date().toISOString();
  return { id, createdAt: now, lastActiveAt: now };
}

function withLine(cart: Cart, productId: string): Cart {
  const now = new Date().toISOString();
  return { ...cart, lines: [...cart.lines, { productId, quantity: 1, addedAt: now }], updatedAt: now };
}

function productIds(cart: Cart): string[] {
  return cart.lines.map((l) => l.productId);
}

function contract(backend: Backend): void {
  t.test(`${backend.kind} store contract`, async (t) => {
    t.test('reports its kind and answers ping', async (t) => {
      const stores = await (await backend.prepare(t)).open();
      t.equal(stores.kind, backend.kind);
      await t.resolves(stores.ping());
    });

    t.test('creates, reads and deletes a session', async (t) => {
      const stores = await (await backend.prepare(t)).open();
      const session = { ...newSession('s-1'), pincode: '560001' };
      await stores.sessions.create(session, 60);
      t.same(await stores.sessions.get('s-1'), session);
      t.equal(await stores.sessions.get('s-unknown'), null);
      await stores.sessions.delete('s-1');
      t.equal(await stores.sessions.get('s-1'), null);
      await t.resolves(stores.sessions.delete('s-1'), 'deleting twice is harmless');
    });

    t.test('refuses to create a session whose id exists', async (t) => {
      const stores = await (await backend.prepare(t)).open();
      const first = newSession('dup');
      await stores.sessions.create(first, 60);
      await t.rejects(stores.sessions.create({ ...first, pincode: '110001' }, 60), /already exists/);
      t.same(await stores.sessions.get('dup'), first, 'the stored session is untouched');
    });

    t.test('updates a session and pushes its expiry out', async (t) => {
      const stores = await (await backend.prepare(t)).open();
      await stores.sessions.create(newSession('s-up'), 1);
      await sleep(600);
      const updated = await stores.sessions.update('s-up', (s) => ({ ...s, pincode: '400001' }), 1);
      t.equal(updated?.pincode, '400001');
      await sleep(600);
      t.equal((await stores.sessions.get('s-up'))?.pincode, '400001', 'alive past the original expiry');
      await sleep(700);
      t.equal(await stores.sessions.get('s-up'), null, 'gone after the refreshed expiry');
    });

    t.test('update of a missing session returns null without calling change', async (t) => {
      const stores = await (await backend.prepare(t)).open();
      let called = false;
      const change = (s: Session) => {
        called = true;
        return s;
      };
      t.equal(await stores.sessions.update('nobody', change, 60), null);
      await stores.sessions.create(newSession('gone'), 60);
      await stores.sessions.delete('gone');
      t.equal(await stores.sessions.update('gone', change, 60), null);
      t.equal(called, false);
      t.equal(await stores.sessions.get('nobody'), null, 'update did not create the session');
    });

    t.test('sessions and carts expire after their ttl', async (t) => {
      const stores = await (await backend.prepare(t)).open();
      await stores.sessions.create(newSession('short'), 0.3);
      await stores.carts.update('short', (c) => withLine(c, 'p-1'), 0.3);
      t.ok(await stores.sessions.get('short'));
      t.equal((await stores.carts.get('short')).lines.length, 1);
      await sleep(450);
      t.equal(await stores.sessions.get('short'), null);
      t.same((await stores.carts.get('short')).lines, []);
      let called = false;
      const updated = await stores.sessions.update(
        'short',
        (s) => {
          called = true;
          return s;
        },
        60,
      );
      t.equal(updated, null);
      t.equal(called, false, 'an expired session is treated as missing');
      const cart = await stores.carts.update('short', (c) => withLine(c, 'p-2'), 60);
      t.same(productIds(cart), ['p-2'], 'an expired cart starts over empty');
    });

    t.test('an unknown cart reads as empty', async (t) => {
      const stores = await (await backend.prepare(t)).open();
      const cart = await stores.carts.get('no-cart');
      t.equal(cart.sessionId, 'no-cart');
      t.same(cart.lines, []);
      t.ok(Number.isFinite(Date.parse(cart.updatedAt)), 'updatedAt is a date');
    });

    t.test('50 concurrent cart updates keep every line', async (t) => {
      const stores = await (await backend.prepare(t)).open();
      const ids = Array.from({ length: 50 }, (_, i) => `p-${i}`);
      const results = await Promise.all(ids.map((id) => stores.carts.update('busy', (c) => withLine(c, id), 60)));
      const cart = await stores.carts.get('busy');
      t.equal(cart.lines.length, 50);
      t.same([...productIds(cart)].sort(), [...ids].sort());
      const sizes = results.map((c) => c.lines.length).sort((a, b) => a - b);
      t.same(sizes, Array.from({ length: 50 }, (_, i) => i + 1), 'each update saw the previous one');
    });

    t.test('a change that throws leaves the cart as it was', async (t) => {
      const stores = await (await backend.prepare(t)).open();
      await stores.carts.update('c-err', (c) => withLine(c, 'kept'), 60);
      const boom = new Error('cart full');
      await t.rejects(
        stores.carts.update(
          'c-err',
          () => {
            throw boom;
          },
          60,
        ),
        boom,
      );
      t.same(productIds(await stores.carts.get('c-err')), ['kept']);
    });

    t.test('touch extends a stored cart and creates none', async (t) => {
      const stores = await (await backend.prepare(t)).open();
      await stores.carts.update('c-touch', (c) => withLine(c, 'p-1'), 0.4);
      await sleep(250);
      await stores.carts.touch('c-touch', 0.6);
      await sleep(300);
      t.same(productIds(await stores.carts.get('c-touch')), ['p-1'], 'alive past the original expiry');
      await stores.carts.touch('c-none', 60);
      const reopened = await stores.carts.update('c-none', (c) => withLine(c, 'first'), 60);
      t.same(productIds(reopened), ['first'], 'touch did not store a cart');
    });

    t.test('deletes a cart', async (t) => {
      const stores = await (await backend.prepare(t)).open();
      await stores.carts.update('c-del', (c) => withLine(c, 'p-1'), 60);
      await stores.carts.delete('c-del');
      t.same((await stores.carts.get('c-del')).lines, []);
    });

    t.test('rate limit counts hits in the window and resets after it', async (t) => {
      const stores = await (await backend.prepare(t)).open();
      const hits = [];
      for (let i = 0; i < 3; i++) hits.push(await stores.rateLimits.hit('ip:1', 400));
      t.same(
        hits.map((h) => h.count),
        [1, 2, 3],
      );
      for (const h of hits) t.ok(h.resetInMs > 0 && h.resetInMs <= 400, `resetInMs ${h.resetInMs} within window`);
      t.equal((await stores.rateLimits.hit('ip:2', 400)).count, 1, 'keys are independent');
      await sleep(500);
      const after = await stores.rateLimits.hit('ip:1', 400);
      t.equal(after.count, 1, 'a new window starts at 1');
      t.ok(after.resetInMs > 200 && after.resetInMs <= 400, `fresh window resets in ${after.resetInMs} ms`);
    });

    t.test('concurrent rate-limit hits are all counted', async (t) => {
      const stores = await (await backend.prepare(t)).open();
      const hits = await Promise.all(Array.from({ length: 30 }, () => stores.rateLimits.hit('burst', 10_000)));
      t.same(
        hits.map((h) => h.count).sort((a, b) => a - b),
        Array.from({ length: 30 }, (_, i) => i + 1),
      );
    });

    t.test('long client-supplied keys work', async (t) => {
      const stores = await (await backend.prepare(t)).open();
      const long = 'k'.repeat(5_000);
      await stores.sessions.create(newSession(long), 60);
      t.equal((await stores.sessions.get(long))?.id, long);
      const cart = await stores.carts.update(long, (c) => withLine(c, 'p'), 60);
      t.equal(cart.sessionId, long);
      t.same(productIds(await stores.carts.get(long)), ['p']);
      t.equal((await stores.rateLimits.hit(long, 10_000)).count, 1);
      t.equal((await stores.rateLimits.hit(long, 10_000)).count, 2);
      t.equal(await stores.sessions.get('k'.repeat(4_999)), null, 'a different long key is a different record');
      await stores.sessions.delete(long);
      t.equal(await stores.sessions.get(long), null);
    });

    t.test('data survives close and reopen', async (t) => {
      const target = await backend.prepare(t);
      const first = await target.open();
      const session = newSession('persist');
      await first.sessions.create(session, 60);
      await first.carts.update('persist', (c) => withLine(c, 'p-1'), 60);
      await first.rateLimits.hit('persist', 60_000);
      await first.close();
      const second = await target.open();
      t.same(await second.sessions.get('persist'), session);
      t.same(productIds(await second.carts.get('persist')), ['p-1']);
      t.equal((await second.rateLimits.hit('persist', 60_000)).count, 2);
    });

    t.test('two open instances on one backing store lose no updates', async (t) => {
      const target = await backend.prepare(t);
      const [a, b] = [await target.open(), await target.open()];
      const appends = (stores: Stores, tag: string) =>
        Array.from({ length: 25 }, (_, i) => stores.carts.update('shared', (c) => withLine(c, `${tag}-${i}`), 60));
      await Promise.all([...appends(a, 'a'), ...appends(b, 'b')]);
      t.equal((await a.carts.get('shared')).lines.length, 50);
      t.equal((await b.carts.get('shared')).lines.length, 50);
    });

    t.test('acknowledged writes survive SIGKILL of the writer', async (t) => {
      const target = await backend.prepare(t);
      const child = startChild(t, { ...target.child, mode: 'write-and-wait', sessionId: 'killed', count: 3, tag: 'k' });
      await child.waitFor('written');
      const exit = await child.kill();
      t.equal(exit.signal, 'SIGKILL');
      const stores = await target.open();
      t.same(productIds(await stores.carts.get('killed')), ['k-0', 'k-1', 'k-2']);
    });

    t.test('separate processes appending to one cart lose nothing', async (t) => {
      const target = await backend.prepare(t);
      const children = ['x', 'y'].map((tag) =>
        startChild(t, { ...target.child, mode: 'append', sessionId: 'multi', count: 25, tag }),
      );
      await Promise.all(children.map((c) => c.waitFor('ready')));
      for (const c of children) c.send('go');
      await Promise.all(children.map((c) => c.waitFor('done')));
      const stores = await target.open();
      const ids = productIds(await stores.carts.get('multi'));
      t.equal(ids.length, 50);
      t.equal(new Set(ids).size, 50);
    });

    documentContract(t, backend);
  });
}

interface Note {
  id: string;
  count: number;
  tags: string[];
  detail?: { text: string; amounts: number[]; paid: boolean | null };
}

function note(id: string, count = 0): Note {
  return { id, count, tags: ['a', 'ü'], detail: { text: `note ${id} ✓`, amounts: [1, 2.5, -3], paid: null } };
}

function bump(n: Note): Note {
  return { ...n, count: n.count + 1 };
}

function ids(notes: Note[]): string[] {
  return notes.map((n) => n.id);
}

/** A change that records whether it ran, for the "missing document" cases. */
function spyChange(): { change: (n: Note) => Note; called: () => boolean } {
  let called = false;
  return {
    change: (n) => {
      called = true;
      return n;
    },
    called: () => called,
  };
}

/** Part of the one store contract; split out only to keep `contract` readable. */
function documentContract(t: Test, backend: Backend): void {
  t.test('documents: creates and reads a document', async (t) => {
    const stores = await (await backend.prepare(t)).open();
    const notes = stores.documents<Note>('note');
    const first = note('d-1');
    t.equal(await notes.create('d-1', first), true);
    t.same(await notes.get('d-1'), first, 'reads back what was stored');
    t.equal(await notes.get('d-unknown'), null);
    t.equal(stores.documents<Note>('note'), notes, 'the same kind gives the same store');
    t.same(await stores.documents<Note>('note').get('d-1'), first);
  });

  t.test('documents: invalid kinds are refused', async (t) => {
    const stores = await (await backend.prepare(t)).open();
    for (const kind of ['', 'Note', 'flow-log', 'v2', 'a:b', 'a b', 'ü', 'x'.repeat(41)]) {
      t.throws(() => stores.documents(kind), /kind/, `refuses ${JSON.stringify(kind)}`);
    }
    for (const kind of ['x', 'flow_log', '_', 'x'.repeat(40)]) {
      t.doesNotThrow(() => stores.documents(kind), `accepts ${JSON.stringify(kind)}`);
    }
  });

  t.test('documents: create of an existing id returns false and keeps the first', async (t) => {
    const stores = await (await backend.prepare(t)).open();
    const notes = stores.documents<Note>('note');
    const first = note('dup', 1);
    t.equal(await notes.create('dup', first, { owner: 'o-1' }), true);
    t.equal(await notes.create('dup', note('dup', 2), { owner: 'o-2', ttlSeconds: 60 }), false);
    t.same(await notes.get('dup'), first);
    t.same(ids(await notes.listByOwner('o-1', 10)), ['dup'], 'the first owner keeps it');
    t.same(await notes.listByOwner('o-2', 10), [], 'the refused create indexed nothing');
  });

  t.test('documents: concurrent creates of one id let exactly one through', async (t) => {
    const stores = await (await backend.prepare(t)).open();
    const notes = stores.documents<Note>('note');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => notes.create('race', note('race', i), { owner: 'o' })),
    );
    t.equal(results.filter(Boolean).length, 1);
    const winner = results.indexOf(true);
    t.equal((await notes.get('race'))?.count, winner, 'the winner is what is stored');
    t.equal((await notes.listByOwner('o', 10)).length, 1, 'indexed once');
  });

  t.test('documents: update changes and returns the new document', async (t) => {
    const stores = await (await backend.prepare(t)).open();
    const notes = stores.documents<Note>('note');
    await notes.create('u-1', note('u-1'));
    const updated = await notes.update('u-1', (n) => ({ ...bump(n), tags: [...n.tags, 'new'] }));
    t.same(updated, { ...note('u-1', 1), tags: ['a', 'ü', 'new'] });
    t.same(await notes.get('u-1'), updated);
  });

  t.test('documents: update of a missing id returns null without calling change', async (t) => {
    const stores = await (await backend.prepare(t)).open();
    const notes = stores.documents<Note>('note');
    const spy = spyChange();
    t.equal(await notes.update('nothing', spy.change), null);
    await notes.create('gone', note('gone'));
    await notes.delete('gone');
    t.equal(await notes.update('gone', spy.change, { ttlSeconds: 60 }), null);
    t.equal(spy.called(), false);
    t.equal(await notes.get('nothing'), null, 'update did not create the document');
    await t.resolves(notes.delete('gone'), 'deleting twice is harmless');
  });

  t.test('documents: a change that throws leaves the document untouched', async (t) => {
    const stores = await (await backend.prepare(t)).open();
    const notes = stores.documents<Note>('note');
    await notes.create('e-1', note('e-1', 7), { owner: 'o' });
    const boom = new Error('invalid transition');
    const failing = () => {
      throw boom;
    };
    await t.rejects(notes.update('e-1', failing), boom);
    await t.rejects(notes.update('e-1', failing, { ttlSeconds: 0.2 }), boom);
    await sleep(300);
    t.same(await notes.get('e-1'), note('e-1', 7), 'neither the value nor the expiry changed');
    t.same(ids(await notes.listByOwner('o', 10)), ['e-1']);
  });

  t.test('documents: 20 concurrent updates all count', async (t) => {
    const stores = await (await backend.prepare(t)).open();
    const notes = stores.documents<Note>('note');
    await notes.create('counter', note('counter'));
    const results = await Promise.all(Array.from({ length: 20 }, () => notes.update('counter', bump)));
    t.equal((await notes.get('counter'))?.count, 20);
    t.same(
      results.map((n) => n?.count).sort((a = 0, b = 0) => a - b),
      Array.from({ length: 20 }, (_, i) => i + 1),
      'each update saw the previous one',
    );
  });

  t.test('documents: two open instances updating one document lose nothing', async (t) => {
    const target = await backend.prepare(t);
    const [a, b] = [await target.open(), await target.open()];
    await a.documents<Note>('note').create('shared', note('shared'));
    const bumps = (stores: Stores) =>
      Array.from({ length: 10 }, () => stores.documents<Note>('note').update('shared', bump));
    await Promise.all([...bumps(a), ...bumps(b)]);
    t.equal((await b.documents<Note>('note').get('shared'))?.count, 20);
  });

  t.test('documents: a ttl expires the document; without one it stays', async (t) => {
    const stores = await (await backend.prepare(t)).open();
    const notes = stores.documents<Note>('note');
    await notes.create('short', note('short'), { ttlSeconds: 0.3, owner: 'o' });
    await notes.create('forever', note('forever'), { owner: 'o' });
    t.ok(await notes.get('short'));
    await sleep(450);
    t.equal(await notes.get('short'), null, 'gone after its ttl');
    t.same(await notes.get('forever'), note('forever'), 'no ttl, no expiry');
    const spy = spyChange();
    t.equal(await notes.update('short', spy.change), null);
    t.equal(spy.called(), false, 'an expired document is treated as missing');
    t.equal(await notes.create('short', note('short', 5), { owner: 'p' }), true, 'an expired id can be created again');
    t.same(ids(await notes.listByOwner('o', 10)), ['forever'], 'the old owner no longer lists it');
    t.same(ids(await notes.listByOwner('p', 10)), ['short'], 'the new owner does');
  });

  t.test('documents: update keeps the expiry unless given a ttl', async (t) => {
    const stores = await (await backend.prepare(t)).open();
    const notes = stores.documents<Note>('note');
    await notes.create('kept', note('kept'), { ttlSeconds: 0.5 });
    await notes.create('pushed', note('pushed'), { ttlSeconds: 0.5 });
    await notes.create('forever', note('forever'));
    await sleep(250);
    await notes.update('kept', bump);
    await notes.update('pushed', bump, { ttlSeconds: 0.6 });
    await notes.update('forever', bump);
    await sleep(400);
    t.equal(await notes.get('kept'), null, 'an update without ttl kept the original expiry');
    t.equal((await notes.get('pushed'))?.count, 1, 'an update with ttl set a new expiry');
    t.equal((await notes.get('forever'))?.count, 1, 'an update without ttl kept no expiry');
    await sleep(350);
    t.equal(await notes.get('pushed'), null, 'gone after the new expiry');
  });

  t.test('documents: listByOwner lists newest first, per owner, with a limit', async (t) => {
    const stores = await (await backend.prepare(t)).open();
    const notes = stores.documents<Note>('note');
    for (let i = 0; i < 5; i++) await notes.create(`a-${i}`, note(`a-${i}`, i), { owner: 'alice' });
    for (let i = 0; i < 2; i++) await notes.create(`b-${i}`, note(`b-${i}`), { owner: 'bob' });
    await notes.create('x', note('x'), { owner: 'alice:bob' });
    await notes.create('loose', note('loose'));
    await notes.create('a-5', note('a-5', 5), { owner: 'alice', ttlSeconds: 60 });
    t.same(ids(await notes.listByOwner('alice', 3)), ['a-5', 'a-4', 'a-3']);
    t.same(ids(await notes.listByOwner('alice', 100)), ['a-5', 'a-4', 'a-3', 'a-2', 'a-1', 'a-0']);
    t.same(await notes.listByOwner('alice', 100), [5, 4, 3, 2, 1, 0].map((i) => note(`a-${i}`, i)), 'whole documents');
    t.same(ids(await notes.listByOwner('bob', 100)), ['b-1', 'b-0']);
    t.same(ids(await notes.listByOwner('alice:bob', 100)), ['x'], 'an owner that extends another is separate');
    t.same(await notes.listByOwner('alice', 0), []);
    t.same(await notes.listByOwner('nobody', 10), []);
    await notes.update('a-0', bump);
    t.same(ids(await notes.listByOwner('alice', 100)).at(-1), 'a-0', 'an update does not reorder');
  });

  t.test('documents: two kinds with the same ids do not collide', async (t) => {
    const stores = await (await backend.prepare(t)).open();
    const checkouts = stores.documents<Note>('checkout');
    const orders = stores.documents<Note>('order');
    await checkouts.create('same', note('same', 1), { owner: 'o' });
    t.equal(await orders.create('same', note('same', 2), { owner: 'o' }), true, 'the id is free in another kind');
    await orders.update('same', bump);
    t.equal((await checkouts.get('same'))?.count, 1);
    t.equal((await orders.get('same'))?.count, 3);
    await orders.create('only-order', note('only-order'), { owner: 'o' });
    t.same(ids(await checkouts.listByOwner('o', 10)), ['same'], 'only that kind is listed');
    t.same(ids(await orders.listByOwner('o', 10)), ['only-order', 'same']);
    await checkouts.delete('same');
    t.equal(await checkouts.get('same'), null);
    t.equal((await orders.get('same'))?.count, 3, 'deleting in one kind leaves the other');
    t.same(ids(await orders.listByOwner('o', 10)), ['only-order', 'same']);
  });

  t.test('documents: deleted and expired documents leave the listing', async (t) => {
    const stores = await (await backend.prepare(t)).open();
    const notes = stores.documents<Note>('note');
    await notes.create('l-0', note('l-0'), { owner: 'o' });
    await notes.create('l-1', note('l-1'), { owner: 'o', ttlSeconds: 0.3 });
    await notes.create('l-2', note('l-2'), { owner: 'o' });
    await notes.create('l-3', note('l-3'), { owner: 'o' });
    await notes.delete('l-2');
    t.same(ids(await notes.listByOwner('o', 10)), ['l-3', 'l-1', 'l-0']);
    await sleep(450);
    t.same(ids(await notes.listByOwner('o', 10)), ['l-3', 'l-0']);
    t.same(ids(await notes.listByOwner('o', 1)), ['l-3']);
    t.same(ids(await notes.listByOwner('o', 2)), ['l-3', 'l-0'], 'the limit counts live documents only');
    await notes.create('l-2', note('l-2'), { owner: 'o' });
    t.same(ids(await notes.listByOwner('o', 10)), ['l-2', 'l-3', 'l-0'], 'a re-created id lists as newest');
  });

  t.test('documents: long client-supplied ids and owners work', async (t) => {
    const stores = await (await backend.prepare(t)).open();
    const notes = stores.documents<Note>('note');
    const [id, owner] = ['i'.repeat(5_000), 'o'.repeat(5_000)];
    t.equal(await notes.create(id, note(id), { owner }), true);
    t.equal((await notes.update(id, bump))?.count, 1);
    t.same(ids(await notes.listByOwner(owner, 10)), [id]);
    t.same(await notes.listByOwner('o'.repeat(4_999), 10), [], 'a different long owner is a different listing');
    await notes.delete(id);
    t.equal(await notes.get(id), null);
    t.same(await notes.listByOwner(owner, 10), []);
  });

  t.test('documents: survive close and reopen', async (t) => {
    const target = await backend.prepare(t);
    const first = await target.open();
    await first.documents<Note>('note').create('p-1', note('p-1'), { owner: 'o' });
    await first.documents<Note>('note').create('p-2', note('p-2'), { owner: 'o', ttlSeconds: 60 });
    await first.close();
    const notes = (await target.open()).documents<Note>('note');
    t.same(await notes.get('p-1'), note('p-1'));
    t.same(await notes.listByOwner('o', 10), [note('p-2'), note('p-1')]);
    t.equal(await notes.create('p-1', note('p-1', 9)), false, 'still taken after reopening');
    t.equal((await notes.update('p-2', bump))?.count, 1);
    await notes.create('p-3', note('p-3'), { owner: 'o' });
    t.same(ids(await notes.listByOwner('o', 10)), ['p-3', 'p-2', 'p-1'], 'ordering continues after reopening');
  });
}

interface ChildHandle {
  waitFor(line: string): Promise<void>;
  send(line: string): void;
  kill(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startChild(t: Teardown, args: Record<string, unknown>): ChildHandle {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(args)], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const seen: string[] = [];
  let stderr = '';
  let pending = '';
  const waiters = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    seen.push(...parts.map((p) => p.trim()));
    for (const wake of waiters) wake();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  t.teardown(() => killIfRunning(child));
  return {
    waitFor: (line) => waitForLine(line, seen, waiters, exited, () => stderr),
    send: (line) => child.stdin.write(`${line}\n`),
    async kill() {
      child.kill('SIGKILL');
      return exited;
    },
  };
}

function waitForLine(
  line: string,
  seen: string[],
  waiters: Set<() => void>,
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
  stderr: () => string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (err?: Error) => {
      waiters.delete(check);
      clearTimeout(timer);
      if (err) reject(err);
      else resolve();
    };
    const check = () => {
      if (seen.includes(line)) finish();
    };
    const timer = setTimeout(() => finish(new Error(`child never printed "${line}"; stderr:\n${stderr()}`)), 30_000);
    void exited.then(({ code, signal }) => {
      check();
      finish(new Error(`child exited (code ${code}, signal ${signal}) before "${line}"; stderr:\n${stderr()}`));
    });
    waiters.add(check);
    check();
  });
}

function killIfRunning(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Forwards TCP to Redis and can drop, stall or swallow traffic, to play a Redis that vanished or hangs. */
interface FlakyProxy {
  port: number;
  url: string;
  /** Closes the listener and every connection: Redis looks down. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  /** Holds back what clients send until turned off, like a paused Redis that later resumes. */
  stall(on: boolean): void;
  /** Drops what clients send on the current connections, like a half-open link; new connections work. */
  swallow(on: boolean): void;
}

async function startProxy(t: Teardown): Promise<FlakyProxy> {
  const sockets = new Set<net.Socket>();
  let stalled: (() => void)[] | undefined;
  let swallowing = new WeakSet<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(REDIS_PORT, REDIS_HOST);
    const forward = (d: Buffer) => {
      if (!swallowing.has(client)) upstream.write(d);
    };
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => {
        sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (d: Buffer) => {
      if (stalled) stalled.push(() => forward(d));
      else forward(d);
    });
    upstream.on('data', (d) => client.write(d));
  });
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, REDIS_HOST, () => {
        server.off('error', reject);
        resolve((server.address() as net.AddressInfo).port);
      });
    });
  const down = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const s of sockets) s.destroy();
    await closed;
  };
  const port = await listen(0);
  t.teardown(() => (server.listening ? down() : undefined));
  return {
    port,
    url: `redis://${REDIS_HOST}:${port}/${REDIS_DB}`,
    down,
    up: async () => {
      await listen(port);
    },
    stall: (on) => {
      const held = stalled;
      stalled = on ? (stalled ?? []) : undefined;
      if (!on) for (const send of held ?? []) send();
    },
    swallow: (on) => {
      swallowing = new WeakSet(on ? [...sockets] : []);
    },
  };
}

async function eventually(check: () => Promise<void>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await sleep(100);
    }
  }
}

async function timed<T>(promise: Promise<T>): Promise<{ ms: number; error: unknown }> {
  const start = Date.now();
  try {
    await promise;
    return { ms: Date.now() - start, error: undefined };
  } catch (error) {
    return { ms: Date.now() - start, error };
  }
}

t.test('redis answers on db 13', async (t) => {
  // Fail loudly: a silently skipped Redis suite would hide a broken adapter.
  await t.resolves(
    admin.ping(),
    `Redis must answer at ${REDIS_URL}; start it with: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no`,
  );
});

contract(embedded);
contract(redis);

t.test('embedded store specifics', async (t) => {
  t.test('expiry follows the injected clock', async (t) => {
    const dir = await tempDir(t);
    let now = 1_000_000;
    const stores = closeWith(t, await openEmbeddedStores({ dir, clock: () => now }));
    await stores.sessions.create(newSession('clocked'), 60);
    const hit = await stores.rateLimits.hit('k', 1_000);
    t.equal(hit.resetInMs, 1_000);
    now += 59_999;
    t.ok(await stores.sessions.get('clocked'), 'alive 1 ms before expiry');
    now += 1;
    t.equal(await stores.sessions.get('clocked'), null, 'gone at expiry');
    t.equal((await stores.rateLimits.hit('k', 1_000)).count, 1, 'window elapsed on the injected clock');
  });

  t.test('the sweep deletes expired records and keeps live ones', async (t) => {
    const dir = await tempDir(t);
    let now = 1_000_000;
    const stores = closeWith(t, await openEmbeddedStores({ dir, clock: () => now, sweepIntervalMs: 20 }));
    await stores.sessions.create(newSession('old'), 1);
    await stores.sessions.create(newSession('young'), 10);
    await stores.carts.update('old', (c) => withLine(c, 'p'), 1);
    now += 5_000;
    await sleep(200);
    // Rewinding the clock would revive a record that was only hidden; a swept one stays gone.
    now -= 5_000;
    t.equal(await stores.sessions.get('old'), null, 'expired session was deleted');
    t.same((await stores.carts.get('old')).lines, [], 'expired cart was deleted');
    t.ok(await stores.sessions.get('young'), 'live session kept');
  });

  t.test('the sweep deletes expired documents with their index entries', async (t) => {
    const dir = await tempDir(t);
    let now = 1_000_000;
    const stores = closeWith(t, await openEmbeddedStores({ dir, clock: () => now, sweepIntervalMs: 20 }));
    const notes = stores.documents<Note>('note');
    await notes.create('old', note('old'), { owner: 'o', ttlSeconds: 1 });
    await notes.create('young', note('young'), { owner: 'o', ttlSeconds: 10 });
    await notes.create('forever', note('forever'), { owner: 'o' });
    now += 999;
    t.ok(await notes.get('old'), 'alive 1 ms before expiry on the injected clock');
    now += 1;
    t.equal(await notes.get('old'), null, 'gone at expiry');
    now += 5_000;
    await sleep(200);
    now -= 6_000;
    t.equal(await notes.get('old'), null, 'swept, so rewinding the clock does not revive it');
    t.same(ids(await notes.listByOwner('o', 10)), ['forever', 'young']);
    await stores.close();
    t.same(await ownerIndexIds(dir), ['young', 'forever'], 'the index entry went with the document');
  });

  t.test('without a sweep, expired records are only hidden', async (t) => {
    const dir = await tempDir(t);
    let now = 1_000_000;
    const stores = closeWith(t, await openEmbeddedStores({ dir, clock: () => now, sweepIntervalMs: 3_600_000 }));
    await stores.sessions.create(newSession('hidden'), 1);
    now += 5_000;
    t.equal(await stores.sessions.get('hidden'), null);
    now -= 5_000;
    t.ok(await stores.sessions.get('hidden'), 'control for the sweep test: rewinding revives an unswept record');
  });

  t.test('keeps its data in state.lmdb under the data dir', async (t) => {
    const dir = await tempDir(t);
    closeWith(t, await openStores({ dataDir: dir }));
    const stat = await fs.stat(path.join(dir, 'state.lmdb'));
    t.ok(stat.isDirectory() || stat.isFile());
  });

  t.test('ping rejects once closed', async (t) => {
    const dir = await tempDir(t);
    const stores = await openEmbeddedStores({ dir });
    t.equal(stores.kind, 'embedded');
    await stores.close();
    await t.rejects(stores.ping());
  });
});

/** The ids in the embedded owner index, read straight from LMDB once the stores are closed. */
async function ownerIndexIds(dir: string): Promise<string[]> {
  const root = open({ path: path.join(dir, 'state.lmdb') });
  try {
    const owners = root.openDB<string, string>({ name: 'document_owners', encoding: 'json' });
    return [...owners.getRange()].map((e) => e.value);
  } finally {
    await root.close();
  }
}

t.test('redis store specifics', async (t) => {
  t.test('openStores picks redis when a URL is set', async (t) => {
    await admin.flushdb();
    const dir = await tempDir(t);
    const stores = closeWith(t, await openStores({ redisUrl: REDIS_URL, dataDir: dir }));
    t.equal(stores.kind, 'redis');
  });

  t.test('keys are prefixed and carry a PX expiry', async (t) => {
    await admin.flushdb();
    const stores = closeWith(t, await openRedisStores({ url: REDIS_URL }));
    await stores.sessions.create(newSession('s1'), 60);
    await stores.carts.update('s1', (c) => withLine(c, 'p'), 30);
    await stores.rateLimits.hit('ip:9', 5_000);
    t.same(JSON.parse((await admin.get('ondc:session:s1')) ?? 'null')?.id, 's1');
    const sessionTtl = await admin.pttl('ondc:session:s1');
    t.ok(sessionTtl > 55_000 && sessionTtl <= 60_000, `session pttl ${sessionTtl}`);
    const cartTtl = await admin.pttl('ondc:cart:s1');
    t.ok(cartTtl > 25_000 && cartTtl <= 30_000, `cart pttl ${cartTtl}`);
    t.equal(await admin.get('ondc:rl:ip:9'), '1');
    const rlTtl = await admin.pttl('ondc:rl:ip:9');
    t.ok(rlTtl > 0 && rlTtl <= 5_000, `rate-limit pttl ${rlTtl}`);
  });

  t.test('documents live under doc: with a PX expiry, indexed in a sorted set that outlives them', async (t) => {
    await admin.flushdb();
    const stores = closeWith(t, await openRedisStores({ url: REDIS_URL }));
    const notes = stores.documents<Note>('checkout');
    await notes.create('c1', note('c1'), { owner: 's1', ttlSeconds: 30 });
    await notes.create('c2', note('c2'), { owner: 's1', ttlSeconds: 60 });
    const docTtl = await admin.pttl('ondc:doc:checkout:c1');
    t.ok(docTtl > 25_000 && docTtl <= 30_000, `document pttl ${docTtl}`);
    t.same(await admin.zrevrange('ondc:docidx:checkout:s1', 0, -1), ['c2', 'c1']);
    const indexTtl = await admin.pttl('ondc:docidx:checkout:s1');
    t.ok(indexTtl > 55_000 && indexTtl <= 60_000, `index pttl ${indexTtl} covers the longest-lived document`);
    await notes.update('c1', bump);
    const keptTtl = await admin.pttl('ondc:doc:checkout:c1');
    t.ok(keptTtl > 25_000 && keptTtl <= docTtl, `update without ttl kept pttl ${keptTtl}`);
    await notes.update('c1', bump, { ttlSeconds: 120 });
    const pushedIndexTtl = await admin.pttl('ondc:docidx:checkout:s1');
    t.ok(pushedIndexTtl > 115_000, `index pttl ${pushedIndexTtl} follows a longer document ttl`);
    await notes.create('c3', note('c3'), { owner: 's1' });
    t.equal(await admin.pttl('ondc:doc:checkout:c3'), -1, 'no ttl, no expiry');
    t.equal(await admin.pttl('ondc:docidx:checkout:s1'), -1, 'an index holding a permanent document is permanent');
    await notes.delete('c2');
    t.equal(await admin.exists('ondc:doc:checkout:c2'), 0);
    t.same(await admin.zrevrange('ondc:docidx:checkout:s1', 0, -1), ['c3', 'c1'], 'delete removed the index entry');
  });

  t.test('listing drops ids of expired documents from the index', async (t) => {
    await admin.flushdb();
    const stores = closeWith(t, await openRedisStores({ url: REDIS_URL }));
    const notes = stores.documents<Note>('flow_log');
    await notes.create('keep', note('keep'), { owner: 'o' });
    await notes.create('brief', note('brief'), { owner: 'o', ttlSeconds: 0.2 });
    await sleep(300);
    t.same(await admin.zrange('ondc:docidx:flow_log:o', 0, -1), ['keep', 'brief'], 'Redis expired only the value');
    t.same(ids(await notes.listByOwner('o', 10)), ['keep']);
    t.same(await admin.zrange('ondc:docidx:flow_log:o', 0, -1), ['keep'], 'the listing cleaned the index');
  });

  t.test('document writes survive a flushed script cache', async (t) => {
    await admin.flushdb();
    const stores = closeWith(t, await openRedisStores({ url: REDIS_URL }));
    const notes = stores.documents<Note>('note');
    await admin.script('FLUSH');
    t.equal(await notes.create('f1', note('f1'), { owner: 'o' }), true);
    await admin.script('FLUSH');
    t.equal((await notes.update('f1', bump))?.count, 1);
    await admin.script('FLUSH');
    await notes.delete('f1');
    t.equal(await notes.get('f1'), null);
  });

  t.test('a custom key prefix is used', async (t) => {
    await admin.flushdb();
    const stores = closeWith(t, await openRedisStores({ url: REDIS_URL, keyPrefix: 'other:' }));
    await stores.sessions.create(newSession('s2'), 60);
    t.equal(await admin.exists('other:session:s2'), 1);
    t.equal(await admin.exists('ondc:session:s2'), 0);
  });

  t.test('update survives a flushed script cache', async (t) => {
    await admin.flushdb();
    const stores = closeWith(t, await openRedisStores({ url: REDIS_URL }));
    await stores.carts.update('sc', (c) => withLine(c, 'a'), 60);
    await admin.script('FLUSH');
    await stores.carts.update('sc', (c) => withLine(c, 'b'), 60);
    t.same(productIds(await stores.carts.get('sc')), ['a', 'b']);
    await admin.script('FLUSH');
    t.equal((await stores.rateLimits.hit('sc', 1_000)).count, 1);
  });

  t.test('opening fails quickly and clearly when nothing answers', async (t) => {
    const closedPort = await freePort();
    const result = await timed(openRedisStores({ url: `redis://:secret@127.0.0.1:${closedPort}/13` }));
    t.match(String(result.error), /did not answer/);
    t.notMatch(String(result.error), /secret/, 'the password is not echoed');
    t.ok(result.ms < 3_000, `rejected in ${result.ms} ms`);
  });

  t.test('fails fast while Redis is down and recovers when it returns', async (t) => {
    await admin.flushdb();
    const proxy = await startProxy(t);
    const stores = closeWith(t, await openRedisStores({ url: proxy.url }));
    await stores.sessions.create(newSession('r1'), 60);
    await proxy.down();
    await sleep(100);
    const ping = await timed(stores.ping());
    t.ok(isDomainError(ping.error) && ping.error.code === 'STORE_UNAVAILABLE', 'ping rejects with STORE_UNAVAILABLE');
    t.ok(ping.ms < 1_000, `ping failed in ${ping.ms} ms`);
    const read = await timed(stores.sessions.get('r1'));
    t.ok(isDomainError(read.error) && read.error.code === 'STORE_UNAVAILABLE', 'reads reject too');
    t.ok(read.ms < 1_000, `read failed in ${read.ms} ms`);
    await proxy.up();
    await eventually(() => stores.ping(), 10_000);
    t.ok(await stores.sessions.get('r1'), 'data is readable after reconnecting');
  });

  t.test('a paused Redis makes calls time out instead of hang, then recovers', async (t) => {
    await admin.flushdb();
    const proxy = await startProxy(t);
    const stores = closeWith(t, await openRedisStores({ url: proxy.url }));
    await stores.carts.update('p1', (c) => withLine(c, 'a'), 60);
    proxy.stall(true);
    const ping = await timed(stores.ping());
    t.ok(isDomainError(ping.error) && ping.error.code === 'STORE_UNAVAILABLE', 'ping rejects with STORE_UNAVAILABLE');
    t.ok(ping.ms < 5_000, `gave up after ${ping.ms} ms`);
    proxy.stall(false);
    await eventually(() => stores.ping(), 10_000);
    t.same(productIds(await stores.carts.get('p1')), ['a'], 'replies line up with requests again');
  });

  t.test('a half-open connection is replaced after a timeout', async (t) => {
    await admin.flushdb();
    const proxy = await startProxy(t);
    const stores = closeWith(t, await openRedisStores({ url: proxy.url }));
    await stores.carts.update('h1', (c) => withLine(c, 'a'), 60);
    proxy.swallow(true);
    const ping = await timed(stores.ping());
    t.ok(isDomainError(ping.error), 'ping rejects');
    t.ok(ping.ms < 5_000, `gave up after ${ping.ms} ms`);
    await eventually(() => stores.ping(), 10_000);
    t.same(productIds(await stores.carts.get('h1')), ['a'], 'a fresh connection serves reads');
  });
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
