/**
 * Request logs mask what a caller put in a URL: a phone number (the development inbox's path, a search), an email
 * address or a token in a query string never reaches a log line, and a huge URL is logged cut short.
 */
import Fastify, { type FastifyBaseLogger } from 'fastify';
import t from 'tap';
import { createLogger, maskUrl } from '../src/logger.js';
import { Needles, scanLine } from './helpers/log-scan.js';

t.test('Fastify logs requests through the masking serializer', async (t) => {
  const lines: string[] = [];
  const logger = createLogger({ LOG_LEVEL: 'info' }, { destination: { write: (line: string) => void lines.push(line) } });
  const app = Fastify({ loggerInstance: logger as FastifyBaseLogger });
  app.get('/dev/otp-inbox/:phone', async () => ({ ok: true }));
  t.teardown(() => app.close());
  const url = '/dev/otp-inbox/+919876543210?q=call%2098765%2043210&email=asha.rao%40example.in&t=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln';
  t.equal((await app.inject({ method: 'GET', url })).statusCode, 200);
  const incoming = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'incoming request');
  t.equal(incoming?.req?.url, '/dev/otp-inbox/[phone]?q=call [phone]&email=[email]&t=[token]');
  for (const line of lines) t.same(scanLine(line, new Needles()), [], `nothing to find in: ${line.slice(0, 80)}`);
});

t.test('what is not personal stays readable', async (t) => {
  t.equal(maskUrl('/api/v1/products?query=atta%205kg&pincode=560034&limit=5'), '/api/v1/products?query=atta 5kg&pincode=560034&limit=5');
  t.equal(maskUrl('/api/v1/orders/ord_12345678901234ab'), '/api/v1/orders/ord_12345678901234ab');
  t.equal(maskUrl('/x?q=%E0%A4%A'), '/x?q=%E0%A4%A', 'a broken escape is left as it came');
});

t.test('a huge URL is logged cut to 2048 characters, masks applied', async (t) => {
  const masked = maskUrl(`/x/9876543210?q=${'a'.repeat(300_000)}`);
  t.ok(masked.startsWith('/x/[phone]?q=aaa'));
  t.ok(masked.endsWith(`…(${300_016} characters)`));
  t.ok(masked.length < 2100);
});
