/**
 * The log scan can fail: each kind of leak planted in a line is found, lines a clean service writes are not
 * flagged, and a planted line in a run directory fails the scan with its file and line.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { Needles, runNeedles, sandboxPrivateKeys, scanDir, scanLine } from './helpers/log-scan.js';

const kinds = (line: string, needles = new Needles()) => scanLine(line, needles).map((f) => f.kind);

const pkcs8 = (type: 'ed25519' | 'x25519') => generateKeyPairSync(type as 'ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');

t.test('every kind of leak is found', async (t) => {
  const planted: Array<[string, string]> = [
    ['{"msg":"sent","to":"9876543210"}', 'phone number'],
    ['{"url":"/dev/otp-inbox/+919876543210"}', 'phone number'],
    ['call +91 98765 43210 now', 'phone number'],
    ['{"phone":"09876543210"}', 'phone number'],
    ['{"phone":"919876543210"}', 'phone number'],
    ['{"email":"asha.rao@example.in"}', 'email address'],
    ['token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfMSJ9.c2lnbmF0dXJl', 'JWT'],
    ['{"authorization":"Bearer abc.def.ghi-123"}', 'bearer token'],
    ['{"key":"rzp_live_AbCdEf12345678"}', 'Razorpay key'],
    ['{"webhook_secret":"whsec_0123456789"}', 'secret field'],
    ['{"keySecret":"0123456789abcdef"}', 'secret field'],
    ['-----BEGIN PRIVATE KEY-----', 'private key'],
    [`{"key":"${pkcs8('ed25519')}"}`, 'private key'],
    [`{"key":"${pkcs8('x25519')}"}`, 'private key'],
    ['{"to":"+91 98******10","code":"482913"}', 'one-time code'],
    ['otp=654321', 'one-time code'],
    ['OTP: 111222 sent', 'one-time code'],
    ['482913 is your ONDC Shop login code', 'one-time code'],
  ];
  for (const [line, kind] of planted) t.ok(kinds(line).includes(kind), `${kind} in ${line.slice(0, 60)}`);
});

t.test('literal secrets are found as written and in their other encodings', async (t) => {
  const needles = new Needles();
  const sessionKey = randomBytes(48).toString('base64url');
  const [sandboxKey] = sandboxPrivateKeys(1) as [string];
  needles.addSecret('session key', sessionKey);
  needles.addSecret('sandbox key', sandboxKey);
  const seedOnly = Buffer.from(sandboxKey, 'base64').subarray(0, 32);
  t.same(kinds(`{"secret":"${sessionKey}"}`, needles), ['secret field', 'session key']);
  t.same(kinds(`key=${Buffer.from(sessionKey, 'base64url').toString('base64')}`, needles), ['session key'], 'as standard base64');
  t.same(kinds(`key ${Buffer.from(sessionKey, 'base64url').toString('hex')}`, needles), ['session key'], 'as hex');
  t.same(kinds(`{"k":"${sandboxKey}"}`, needles), ['sandbox key'], 'a sandbox signing key');
  t.same(kinds(`seed ${seedOnly.toString('base64')}`, needles), ['sandbox key'], 'its seed alone, in base64');
  t.same(kinds(`seed ${seedOnly.toString('hex')}`, needles), ['sandbox key'], 'its seed alone, in hex');
});

t.test('what a clean service logs is not flagged', async (t) => {
  const clean = [
    '{"level":30,"time":1795486254552,"service":"ondc-shopping-mcp","reqId":"aabe7104-41b6-4401-8243-879cd58aa95e","res":{"statusCode":200},"responseTime":7.6538010000003,"msg":"request completed"}',
    '{"reqId":"123e4567-e89b-12d3-a456-919876543210","req":{"method":"GET","url":"/dev/otp-inbox/[phone]"}}',
    '{"to":"+91 98******10","msg":"one-time code written to the development inbox (GET /dev/otp-inbox/{phone})"}',
    '{"action":"login.verify","phone":"+91 98******44","email":"a***@example.in","subject":"ord_sElgK-zPTx57ny-6"}',
    '{"error":{"type":"POLICY-ERROR","code":"30016","message":"Signature rejected"}}',
    '{"pincode":"560034","gps":"12.9716,77.5946","price_paise":98765,"ms":9876.5432109876}',
    '{"authorization":"[redacted]","note":"The Authorization header must be \\"Bearer <token>\\" with the token verify_otp returned."}',
    '{"key_secret":"[redacted]","keyId":"rzp_test_sandbox"}',
    '{"products":30000,"sellers":"6/6","uptime_seconds":9876543}',
  ];
  for (const line of clean) t.same(kinds(line), [], line.slice(0, 70));
});

t.test('a planted line fails the scan of a run directory with its file and line; manifests are read, not scanned', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'log-scan-test-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(join(dir, 'secrets-1-1.json'), JSON.stringify({ sandboxSeed: 7, values: [secret] }));
  writeFileSync(join(dir, 'shop-1-2.log'), '{"msg":"fine"}\n{"msg":"fine"}\n');
  const needles = runNeedles(dir, 1);
  t.same(scanDir(dir, needles).findings, [], 'a clean directory passes, though its manifest holds a secret');

  writeFileSync(join(dir, 'audit-1-3.jsonl'), `{"ok":true}\n{"leak":"${secret}"}\n`);
  writeFileSync(join(dir, 'server-1-4.log'), `{"k":"${sandboxPrivateKeys(7)[2]}"}\n`);
  const report = scanDir(dir, needles);
  t.same(
    report.findings.map((f) => [f.file, f.line, f.kind]),
    [
      ['audit-1-3.jsonl', 2, 'secret of a test service'],
      ['server-1-4.log', 1, 'sandbox private key'],
    ],
  );
  t.notMatch(JSON.stringify(report.findings), secret.slice(4, 40), 'the report does not repeat the secret');
  t.equal(report.files, 3);
  t.equal(report.lines, 5);
});
