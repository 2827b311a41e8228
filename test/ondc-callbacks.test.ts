import t from 'tap';
import { CallbackHub, CallbackTimeoutError } from '../src/ondc/callbacks.js';

const cb = (from: string) => ({ from, body: { from }, receivedAt: Date.now() });

t.test('one awaited callback settles the waiter at once', async (t) => {
  const hub = new CallbackHub();
  const started = Date.now();
  const waiting = hub.expect('m1', { count: 1, deadlineMs: 5000 });
  t.equal(hub.deliver('m1', cb('seller-a')), true);
  const got = await waiting;
  t.same(got.map((c) => c.from), ['seller-a']);
  t.ok(Date.now() - started < 1000, 'no waiting for the deadline');
  t.equal(hub.pending, 0);
  t.equal(hub.deliver('m1', cb('seller-a')), false, 'a late duplicate finds nobody');
});

t.test('on_search style: aggregate until all answered', async (t) => {
  const hub = new CallbackHub();
  const waiting = hub.expect('m2', { count: 3, deadlineMs: 5000 });
  hub.deliver('m2', cb('a'));
  hub.deliver('m2', cb('b'));
  t.equal(hub.pending, 1, 'still waiting for the third');
  hub.deliver('m2', cb('c'));
  t.same((await waiting).map((c) => c.from), ['a', 'b', 'c']);
});

t.test('the deadline settles with what arrived', async (t) => {
  const hub = new CallbackHub();
  const waiting = hub.expect('m3', { count: 3, deadlineMs: 100 });
  hub.deliver('m3', cb('a'));
  t.same((await waiting).map((c) => c.from), ['a']);
});

t.test('no callback at all rejects with a timeout', async (t) => {
  const hub = new CallbackHub();
  await t.rejects(hub.expect('m4', { count: 1, deadlineMs: 50 }), CallbackTimeoutError);
  t.equal(hub.pending, 0);
});

t.test('callbacks for other message ids do not settle a waiter', async (t) => {
  const hub = new CallbackHub();
  const waiting = hub.expect('m5', { count: 1, deadlineMs: 100 });
  t.equal(hub.deliver('other', cb('x')), false);
  await t.rejects(waiting, CallbackTimeoutError);
  t.throws(() => {
    void hub.expect('m6', { count: 1, deadlineMs: 10 }).catch(() => undefined);
    void hub.expect('m6', { count: 1, deadlineMs: 10 });
  }, /already awaiting/);
});
