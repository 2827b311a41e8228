import t from 'tap';
import { buildContext, contextProblems, nextTimestamp } from '../src/ondc/context.js';

const bap = { subscriberId: 'buyer.sandbox.ondc.local', uri: 'http://127.0.0.1:3000/ondc' };
const bpp = { subscriberId: 'kirana.sandbox.ondc.local', uri: 'http://127.0.0.1:4001/kirana.sandbox.ondc.local' };

t.test('a request context has every field ONDC requires', async (t) => {
  const now = new Date('2026-11-23T10:00:00.123Z');
  const ctx = buildContext({ domain: 'ONDC:RET10', city: 'std:080', action: 'select', coreVersion: '1.2.0', bap, bpp, transactionId: 'a5c2b3c8-7f4a-4b0e-9a57-0c1b2d3e4f50', now });
  t.match(ctx, {
    domain: 'ONDC:RET10',
    country: 'IND',
    city: 'std:080',
    action: 'select',
    core_version: '1.2.0',
    bap_id: bap.subscriberId,
    bap_uri: bap.uri,
    bpp_id: bpp.subscriberId,
    bpp_uri: bpp.uri,
    transaction_id: 'a5c2b3c8-7f4a-4b0e-9a57-0c1b2d3e4f50',
    timestamp: '2026-11-23T10:00:00.123Z',
    ttl: 'PT30S',
  });
  t.match(ctx.message_id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  t.same(contextProblems(ctx, { action: 'select', bapId: bap.subscriberId }), []);
  const again = buildContext({ domain: 'ONDC:RET10', city: 'std:080', action: 'select', coreVersion: '1.2.0', bap, bpp, transactionId: ctx.transaction_id, now });
  t.not(again.message_id, ctx.message_id, 'every request gets a fresh message id');
});

t.test('timestamps strictly increase along a transaction even when the clock does not', async (t) => {
  const now = new Date('2026-11-23T10:00:00.000Z');
  t.equal(nextTimestamp(now), '2026-11-23T10:00:00.000Z');
  t.equal(nextTimestamp(now, '2026-11-23T10:00:00.000Z'), '2026-11-23T10:00:00.001Z', 'same millisecond moves on by one');
  t.equal(nextTimestamp(now, '2026-11-23T10:00:05.500Z'), '2026-11-23T10:00:05.501Z', 'a callback from a fast clock is respected');
  t.equal(nextTimestamp(new Date('2026-11-23T10:00:09.000Z'), '2026-11-23T10:00:05.500Z'), '2026-11-23T10:00:09.000Z');
});

t.test('city must be a std: code', async (t) => {
  t.throws(
    () => buildContext({ domain: 'ONDC:RET10', city: 'Bengaluru', action: 'search', coreVersion: '1.2.0', bap, transactionId: 'x', now: new Date() }),
    /std: code/,
  );
});

t.test('incoming contexts are checked field by field', async (t) => {
  t.same(contextProblems(undefined, {}), ['context is missing']);
  const bad = { domain: 'ONDC:RET10', country: 'USA', city: '080', action: 'on_init', core_version: '1.1.0', bap_id: 'someone.else', bap_uri: 'x', transaction_id: 'same', message_id: 'same', timestamp: '2026-11-23 10:00' };
  const problems = contextProblems(bad, { action: 'on_select', bapId: bap.subscriberId });
  t.same(problems, [
    'context.country must be IND',
    'context.city must be a std: code such as std:080',
    'context.timestamp must be RFC 3339 UTC with milliseconds, e.g. 2024-07-24T19:40:07.970Z',
    'context.core_version must be one of 1.2.0, 1.2.5, 1.0.0',
    'context.action must be on_select on this endpoint',
    'context.bap_id someone.else is not this buyer app',
    'context.message_id must differ from transaction_id',
  ]);
});

t.test('the contexts in the real sample flows pass the same checks', async (t) => {
  const { readFileSync } = await import('node:fs');
  const flow = JSON.parse(readFileSync('test/fixtures/ondc-samples/ret10-1.2.0-flow2-delivered.json', 'utf8'));
  const entries = Object.entries(flow.payload) as Array<[string, { context: { action: string } }]>;
  t.ok(entries.length >= 10);
  for (const [name, msg] of entries) {
    t.same(contextProblems(msg.context, {}), [], `${name} context is well formed`);
  }
});
