/** Every log line written while a request is served names that request, whichever logger wrote it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { parseConfig } from '../src/config.js';
import { createRuntime } from '../src/deps.js';
import { buildApp } from '../src/http/app.js';
import { createLogger } from '../src/logger.js';
import { connectMcp } from './helpers/mcp.js';
import { restCall } from './helpers/rest.js';

const lines: Array<Record<string, any>> = [];
const dataDir = mkdtempSync(join(tmpdir(), 'ondc-reqid-'));
const config = parseConfig({ LOG_LEVEL: 'debug', DATA_DIR: dataDir, EMBEDDER: 'none' });
const logger = createLogger(config, { destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
const runtime = await createRuntime(config, logger);
const app = await buildApp({ runtime, logger });
await runtime.connect(await app.listen({ host: '127.0.0.1', port: 0 }));
t.teardown(async () => {
  await app.close();
  await runtime.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const session_id = (await restCall(app, 'initialize_shopping', {})).body.data.session_id as string;

/** The lines written by the core through the root logger, not Fastify's own request lines. */
const coreLines = (from: number) => lines.slice(from).filter((l) => !('req' in l) && !('res' in l) && l.msg !== 'incoming request');

t.test('a line the core writes through the root logger carries the id sent back in X-Request-Id', async (t) => {
  const from = lines.length;
  const sent = await restCall(app, 'phone_login', { session_id, phone: '9876501234' });
  t.equal(sent.status, 200);
  const id = sent.headers['x-request-id'];
  t.type(id, 'string');
  const written = coreLines(from).filter((l) => /one-time code/.test(l.msg ?? ''));
  t.equal(written.length, 1, 'the OTP sender wrote its line');
  t.equal(written[0]!.reqId, id);
  const during = lines.slice(from);
  t.ok(during.length >= 3, 'incoming, the core line and completed');
  t.same(during.filter((l) => l.reqId !== id), [], 'every line written during the request names it, once');
});

t.test("a caller's X-Request-Id follows the request into the core's lines", async (t) => {
  const from = lines.length;
  const res = await restCall(app, 'phone_login', { session_id, phone: '9876505678' }, { 'x-request-id': 'edge-7f3a.trace_01' });
  t.equal(res.headers['x-request-id'], 'edge-7f3a.trace_01');
  t.ok(coreLines(from).length > 0);
  t.same(lines.slice(from).filter((l) => l.reqId !== 'edge-7f3a.trace_01'), []);
});

t.test('an unsafe X-Request-Id is replaced, not logged', async (t) => {
  const from = lines.length;
  const res = await restCall(app, 'get_session_info', { session_id }, { 'x-request-id': 'bad id\nforged: line' });
  const id = res.headers['x-request-id'] as string;
  t.not(id, 'bad id\nforged: line');
  t.match(id, /^[0-9a-f-]{36}$/);
  t.same(lines.slice(from).filter((l) => l.reqId !== id), []);
});

t.test('concurrent requests keep their own ids through awaits', async (t) => {
  const from = lines.length;
  const replies = await Promise.all(
    ['9876500001', '9876500002', '9876500003', '9876500004'].map(async (phone) => {
      const session = (await restCall(app, 'initialize_shopping', {})).body.data.session_id as string;
      return restCall(app, 'phone_login', { session_id: session, phone }, { 'x-request-id': `otp-${phone.slice(-1)}` });
    }),
  );
  const written = coreLines(from).filter((l) => /one-time code/.test(l.msg ?? ''));
  t.equal(written.length, 4);
  t.same(written.map((l) => l.reqId).sort(), replies.map((r) => r.headers['x-request-id']).sort());
  const byId = new Map(written.map((l) => [l.reqId, l.to as string]));
  for (const digit of ['1', '2', '3', '4']) t.match(byId.get(`otp-${digit}`), new RegExp(`^\\+91 98\\*+0${digit}$`), 'its own number, masked');
});

t.test('an MCP tool call over /mcp names its HTTP request in the lines it causes', async (t) => {
  const mcp = await connectMcp(app, { 'x-request-id': 'mcp-call-42' });
  t.teardown(() => mcp.close());
  const from = lines.length;
  const res = await mcp.client.callTool({ name: 'phone_login', arguments: { session_id, phone: '9876509999' } });
  t.notOk(res.isError);
  const written = coreLines(from).filter((l) => /one-time code/.test(l.msg ?? ''));
  t.equal(written.length, 1);
  t.equal(written[0]!.reqId, 'mcp-call-42');
});

t.test('lines written outside any request carry no request id', async (t) => {
  const from = lines.length;
  logger.info('background work');
  t.notOk('reqId' in lines[from]!);
});

t.test('a caller id that carries a phone number or a token is replaced, never stamped on every line', async (t) => {
  for (const given of ['9876543210', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.abc']) {
    const res = await restCall(app, 'get_session_info', { session_id }, { 'x-request-id': given });
    t.not(res.headers['x-request-id'], given);
    t.match(res.headers['x-request-id'], /^[0-9a-f-]{36}$/);
  }
});
