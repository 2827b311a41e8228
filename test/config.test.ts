import { readFileSync } from 'node:fs';
import t from 'tap';
import { ConfigError, ConfigSchema, parseConfig } from '../src/config.js';

t.test('defaults need no keys', async (t) => {
  const config = parseConfig({});
  t.equal(config.PORT, 3000);
  t.equal(config.DATA_DIR, './data');
  t.equal(config.REDIS_URL, undefined);
  t.equal(config.SESSION_CLEANUP_HOURS, 24);
  t.equal(config.VECTOR_SEARCH_ENABLED, true);
});

t.test('values are converted from strings', async (t) => {
  const config = parseConfig({ PORT: '8080', DEBUG_MODE: 'true', SESSION_CLEANUP_HOURS: '0.5', REDIS_URL: 'redis://127.0.0.1:6379/2' });
  t.equal(config.PORT, 8080);
  t.equal(config.DEBUG_MODE, true);
  t.equal(config.SESSION_CLEANUP_HOURS, 0.5);
  t.equal(config.REDIS_URL, 'redis://127.0.0.1:6379/2');
});

t.test('an invalid value names the key and what is allowed', async (t) => {
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{ PORT: 'eighty' }, /PORT="eighty".*whole number from 0 to 65535/],
    [{ PORT: '70000' }, /PORT="70000".*whole number from 0 to 65535/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL="loud".*one of fatal, error, warn, info, debug, trace, silent/],
    [{ DEBUG_MODE: 'maybe' }, /DEBUG_MODE="maybe".*true or false/],
    [{ REDIS_URL: 'localhost:6379' }, /REDIS_URL="localhost:6379".*URL/],
    [{ SESSION_CLEANUP_HOURS: '0' }, /SESSION_CLEANUP_HOURS="0".*a number above 0 to 2160/],
    [{ BACKEND_ENDPOINT: 'https://backend.example.com' }, /WIL_API_KEY is not/],
    [{ SESSION_SECRET: `base64url:${'!'.repeat(40)}` }, /base64url characters only/],
    [{ SESSION_SECRET: `base64url:${'A'.repeat(40)}` }, /decoding to 32 bytes or more/],
    [{ HOST: '0.0.0.0' }, /OTP_SENDER=dev_inbox lets anyone read any phone number's login code.*HOST=0\.0\.0\.0 is reachable.*OTP_SENDER=webhook/],
    [{ TRUST_PROXY: 'true' }, /dev_inbox.*TRUST_PROXY is set.*OTP_DEV_INBOX_ANYWHERE=true for a throw-away demo/],
  ];
  for (const [env, message] of cases) {
    const err = t.throws(() => parseConfig(env)) as ConfigError;
    t.type(err, ConfigError);
    t.match(err.message, message, JSON.stringify(env));
  }
});

t.test('the development inbox only where nobody else can reach it, unless asked for explicitly', async (t) => {
  t.equal(parseConfig({ HOST: '127.0.0.1' }).OTP_SENDER, 'dev_inbox', 'loopback: the default');
  t.equal(parseConfig({ HOST: 'localhost' }).OTP_SENDER, 'dev_inbox');
  t.equal(parseConfig({ HOST: '0.0.0.0', OTP_DEV_INBOX_ANYWHERE: 'true' }).OTP_SENDER, 'dev_inbox', 'a demo that says so');
  const sms = parseConfig({ HOST: '0.0.0.0', TRUST_PROXY: 'true', OTP_SENDER: 'webhook', OTP_WEBHOOK_URL: 'https://sms.example.in/send' });
  t.equal(sms.OTP_SENDER, 'webhook', 'production: an SMS gateway');
});

t.test('.env.example documents every key, each with a comment', async (t) => {
  const text = readFileSync('.env.example', 'utf8');
  const lines = text.split('\n');
  const documented = lines.filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.split('=')[0]);
  t.same([...documented].sort(), Object.keys(ConfigSchema.properties).sort(), 'same keys as the schema');
  for (const key of documented) {
    const at = lines.findIndex((l) => l.startsWith(`${key}=`));
    let i = at - 1;
    while (i >= 0 && /^[A-Z_]+=/.test(lines[i]!)) i--;
    t.match(lines[i] ?? '', /^#/, `${key} has a comment above it`);
  }
});
