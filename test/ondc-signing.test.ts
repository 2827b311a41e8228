import t, { type Test } from 'tap';
import { createAuthorizationHeader, isHeaderValid } from 'ondc-crypto-sdk-nodejs';
import { createSigningString } from 'ondc-crypto-sdk-nodejs/lib/utility/index.js';
import {
  authorizationChallenge,
  blake512Digest,
  generateKeyPair,
  KeyFormatError,
  parseSignatureHeader,
  publicKeyFromPrivate,
  SignatureError,
  signAuthorization,
  signingString,
  verifyAuthorization,
  type SignatureFailure,
  type SigningKey,
} from '../src/ondc/signing.js';

// BECKN-006 published test vector (see /work/shared/ondc/PROTOCOL.md).
const VECTOR = {
  body:
    '{"context":{"domain":"nic2004:60212","country":"IND","city":"Kochi","action":"search","core_version":"0.9.1",' +
    '"bap_id":"bap.stayhalo.in","bap_uri":"https://8f9f-49-207-209-131.ngrok.io/protocol/",' +
    '"transaction_id":"e6d9f908-1d26-4ff3-a6d1-3af3d3721054","message_id":"a2fe6d52-9fe4-4d1a-9d0b-dccb8b48522d",' +
    '"timestamp":"2022-01-04T09:17:55.971Z","ttl":"P1M"},"message":{"intent":{"fulfillment":{"start":{"location":' +
    '{"gps":"10.108768, 76.347517"}},"end":{"location":{"gps":"10.102997, 76.353480"}}}}}}',
  digest: 'b6lf6lRgOweajukcvcLsagQ2T60+85kRh/Rd2bdS+TG/5ALebOEgDJfyCrre/1+BMu5nA94o4DT3pTFXuUg7sw==',
  privateKey: 'lP3sHA+9gileOkXYJXh4Jg8tK0gEEMbf9yCPnFpbldhrAY+NErqL9WD+Vav7TE5tyVXGXBle9ONZi2W7o144eQ==',
  publicKey: 'awGPjRK6i/Vg/lWr+0xObclVxlwZXvTjWYtlu6NeOHk=',
  created: 1641287875,
  expires: 1641291475,
  signature: 'cjbhP0PFyrlSCNszJM1F/YmHDVAWsZqJUPzojnE/7TJU3fJ/rmIlgaUHEr5E0/2PIyf0tpSnWtT6cyNNlpmoAQ==',
  insideWindow: 1641289000,
};
const FOX = 'The quick brown fox jumps over the lazy dog';
const FOX_DIGEST = 'qK3Uvd39k+SHfSdG5igXsRY2Sh+nvBSNlQkLxzM7NnP4JAHPeqLkyx7NkCluPxTLVBP47Xe+cwRbE5FM3NapGA==';

const VECTOR_KEY: SigningKey = { subscriberId: 'bap.stayhalo.in', uniqueKeyId: 'k1', privateKey: VECTOR.privateKey };
const VECTOR_HEADER =
  'Signature keyId="bap.stayhalo.in|k1|ed25519",algorithm="ed25519",created="1641287875",expires="1641291475",' +
  `headers="(created) (expires) digest",signature="${VECTOR.signature}"`;
const VECTOR_TTL = VECTOR.expires - VECTOR.created;

type Lookup = (subscriberId: string, uniqueKeyId: string) => Promise<string | null>;

/** A registry of exactly one key, as the sandbox registry would answer. */
function registryOf(subscriberId: string, uniqueKeyId: string, publicKey: string): Lookup {
  return async (s, k) => (s === subscriberId && k === uniqueKeyId ? publicKey : null);
}

const vectorLookup = registryOf('bap.stayhalo.in', 'k1', VECTOR.publicKey);

function signVector(body: Uint8Array | string = VECTOR.body): string {
  return signAuthorization(body, VECTOR_KEY, { created: VECTOR.created, ttlSeconds: VECTOR_TTL });
}

async function rejectsWith(t: Test, promise: Promise<unknown>, reason: SignatureFailure): Promise<void> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  t.ok(err instanceof SignatureError, `rejects with a SignatureError (${reason})`);
  t.equal((err as SignatureError | undefined)?.reason, reason);
}

function throwsWith(t: Test, fn: () => unknown, reason: SignatureFailure): void {
  try {
    fn();
    t.fail(`expected a SignatureError (${reason})`);
  } catch (err) {
    t.ok(err instanceof SignatureError, `throws a SignatureError (${reason})`);
    t.equal((err as SignatureError).reason, reason);
  }
}

t.test('BECKN-006 vector', async (t) => {
  t.test('BLAKE2b-512 of the fox sentence', async (t) => {
    t.equal(blake512Digest(FOX), FOX_DIGEST);
    t.equal(blake512Digest(Buffer.from(FOX, 'utf8')), FOX_DIGEST);
  });

  t.test('digest of the 496-byte body', async (t) => {
    t.equal(Buffer.byteLength(VECTOR.body, 'utf8'), 496);
    t.equal(blake512Digest(VECTOR.body), VECTOR.digest);
    t.equal(blake512Digest(new TextEncoder().encode(VECTOR.body)), VECTOR.digest);
  });

  t.test('signing string is three lines with no trailing newline', async (t) => {
    t.equal(
      signingString(VECTOR.created, VECTOR.expires, VECTOR.digest),
      `(created): 1641287875\n(expires): 1641291475\ndigest: BLAKE-512=${VECTOR.digest}`,
    );
  });

  t.test('signature and header with the vector key', async (t) => {
    const header = signVector();
    t.equal(header, VECTOR_HEADER);
    t.equal(parseSignatureHeader(header).signature, VECTOR.signature);
  });

  t.test('verifies with the vector public key inside the window', async (t) => {
    const parsed = await verifyAuthorization(VECTOR.body, VECTOR_HEADER, vectorLookup, { now: VECTOR.insideWindow });
    t.same(parsed, {
      subscriberId: 'bap.stayhalo.in',
      uniqueKeyId: 'k1',
      algorithm: 'ed25519',
      created: VECTOR.created,
      expires: VECTOR.expires,
      headers: '(created) (expires) digest',
      signature: VECTOR.signature,
    });
  });

  t.test('public key derived from the vector private key', async (t) => {
    t.equal(publicKeyFromPrivate(VECTOR.privateKey), VECTOR.publicKey);
  });
});

t.test('our own keys and headers', async (t) => {
  t.test('generateKeyPair gives ONDC formats that sign and verify', async (t) => {
    const pair = generateKeyPair();
    t.equal(Buffer.from(pair.privateKey, 'base64').length, 64);
    t.equal(Buffer.from(pair.publicKey, 'base64').length, 32);
    t.equal(Buffer.from(pair.privateKey, 'base64').subarray(32).toString('base64'), pair.publicKey);
    t.equal(publicKeyFromPrivate(pair.privateKey), pair.publicKey);
    t.not(generateKeyPair().privateKey, pair.privateKey);
    const header = signAuthorization('{"a":1}', { subscriberId: 'bap.example.com', uniqueKeyId: 'u1', privateKey: pair.privateKey });
    const parsed = await verifyAuthorization('{"a":1}', header, registryOf('bap.example.com', 'u1', pair.publicKey));
    t.equal(parsed.subscriberId, 'bap.example.com');
  });

  t.test('created defaults to now and the lifetime to 300 seconds', async (t) => {
    const before = Math.floor(Date.now() / 1000);
    const parsed = parseSignatureHeader(signAuthorization('{}', VECTOR_KEY));
    const after = Math.floor(Date.now() / 1000);
    t.ok(parsed.created >= before && parsed.created <= after, 'created is now');
    t.equal(parsed.expires - parsed.created, 300);
  });

  t.test('a string body and its UTF-8 bytes sign alike', async (t) => {
    const body = '{"name":"ठंडा दूध ₹ 30"}';
    t.equal(signVector(body), signVector(Buffer.from(body, 'utf8')));
    t.not(signVector(body), signVector(Buffer.from(body, 'latin1')));
  });

  t.test('the WWW-Authenticate challenge', async (t) => {
    t.equal(authorizationChallenge('bap.example.com'), 'Signature realm="bap.example.com",headers="(created) (expires) digest"');
    t.throws(() => authorizationChallenge('a"b'), TypeError);
  });

  t.test('parsing tolerates whitespace after commas and ignores unknown parameters', async (t) => {
    const spaced = VECTOR_HEADER.replaceAll('",', '", ').replace('",', '",\t');
    t.not(spaced, VECTOR_HEADER);
    t.same(parseSignatureHeader(spaced), parseSignatureHeader(VECTOR_HEADER));
    const extra = `${VECTOR_HEADER},nonce="x"`;
    t.same(parseSignatureHeader(extra), parseSignatureHeader(VECTOR_HEADER));
    await verifyAuthorization(VECTOR.body, spaced, vectorLookup, { now: VECTOR.insideWindow });
  });
});

t.test('cross-check with ondc-crypto-sdk-nodejs', async (t) => {
  t.test('its signing string equals ours', async (t) => {
    const body = '{"item":"ಹಾಲು ₹30"}';
    const created = 1700000000;
    const theirs = await createSigningString({ message: body, created: String(created), expires: String(created + 60) });
    t.equal(theirs.signingString, signingString(created, created + 60, blake512Digest(body)));
    const vector = await createSigningString({ message: VECTOR.body, created: String(VECTOR.created), expires: String(VECTOR.expires) });
    t.equal(vector.signingString, signingString(VECTOR.created, VECTOR.expires, VECTOR.digest));
  });

  t.test('its header for the vector is byte-identical to ours', async (t) => {
    const theirs = await createAuthorizationHeader({
      body: VECTOR.body,
      privateKey: VECTOR.privateKey,
      subscriberId: 'bap.stayhalo.in',
      subscriberUniqueKeyId: 'k1',
      created: String(VECTOR.created),
      expires: String(VECTOR.expires),
    });
    t.equal(theirs, VECTOR_HEADER);
    await verifyAuthorization(VECTOR.body, theirs, vectorLookup, { now: VECTOR.insideWindow });
  });

  t.test('it verifies our headers', async (t) => {
    t.equal(await isHeaderValid({ header: signVector(), body: VECTOR.body, publicKey: VECTOR.publicKey }), true);
    const pair = generateKeyPair();
    const body = '{"context":{"action":"on_search"},"message":{"catalog":{"name":"चाय"}}}';
    const header = signAuthorization(body, { subscriberId: 'bpp.example.com', uniqueKeyId: 'u-2', privateKey: pair.privateKey });
    t.equal(await isHeaderValid({ header, body, publicKey: pair.publicKey }), true);
    t.equal(await isHeaderValid({ header, body: body.replace('चाय', 'चाव'), publicKey: pair.publicKey }), false);
    t.equal(await isHeaderValid({ header, body, publicKey: generateKeyPair().publicKey }), false);
  });

  t.test('we verify its headers made with a fresh key pair of ours', async (t) => {
    const pair = generateKeyPair();
    const body = '{"context":{"action":"select"},"message":{"order":{"note":"दूध"}}}';
    const before = Math.floor(Date.now() / 1000);
    // Without created/expires it stamps now and one hour, unlike our 300-second default.
    const header = await createAuthorizationHeader({ body, privateKey: pair.privateKey, subscriberId: 'bap.example.com', subscriberUniqueKeyId: 'u-1' });
    const parsed = await verifyAuthorization(body, header, registryOf('bap.example.com', 'u-1', pair.publicKey));
    t.ok(parsed.created >= before && parsed.created <= before + 2, 'created is now');
    t.equal(parsed.expires - parsed.created, 3600);
    await rejectsWith(t, verifyAuthorization(`${body} `, header, registryOf('bap.example.com', 'u-1', pair.publicKey)), 'bad_signature');
  });

  t.test('its verifier ignores expires, ours does not', async (t) => {
    const stale = signAuthorization(VECTOR.body, VECTOR_KEY, { created: 1_600_000_000, ttlSeconds: 60 });
    t.equal(await isHeaderValid({ header: stale, body: VECTOR.body, publicKey: VECTOR.publicKey }), true);
    await rejectsWith(t, verifyAuthorization(VECTOR.body, stale, vectorLookup), 'expired');
  });
});

t.test('verification failures name the reason', async (t) => {
  const { created, expires } = VECTOR;

  t.test('body changed by one byte', async (t) => {
    const body = Buffer.from(VECTOR.body, 'utf8');
    body[100] = (body[100] ?? 0) ^ 0x01;
    t.equal(body.length, 496);
    await rejectsWith(t, verifyAuthorization(body, VECTOR_HEADER, vectorLookup, { now: VECTOR.insideWindow }), 'bad_signature');
  });

  t.test('a signature value from another message', async (t) => {
    const other = parseSignatureHeader(signVector('{}')).signature;
    const swapped = VECTOR_HEADER.replace(VECTOR.signature, other);
    await rejectsWith(t, verifyAuthorization(VECTOR.body, swapped, vectorLookup, { now: VECTOR.insideWindow }), 'bad_signature');
  });

  t.test('expired, with the clock skew allowance at the edge', async (t) => {
    await verifyAuthorization(VECTOR.body, VECTOR_HEADER, vectorLookup, { now: expires + 5 });
    await rejectsWith(t, verifyAuthorization(VECTOR.body, VECTOR_HEADER, vectorLookup, { now: expires + 6 }), 'expired');
    await rejectsWith(t, verifyAuthorization(VECTOR.body, VECTOR_HEADER, vectorLookup, { now: expires + 1, clockSkewSeconds: 0 }), 'expired');
  });

  t.test('created in the future, with the clock skew allowance at the edge', async (t) => {
    await verifyAuthorization(VECTOR.body, VECTOR_HEADER, vectorLookup, { now: created - 5 });
    await rejectsWith(t, verifyAuthorization(VECTOR.body, VECTOR_HEADER, vectorLookup, { now: created - 6 }), 'not_yet_valid');
    await rejectsWith(t, verifyAuthorization(VECTOR.body, VECTOR_HEADER, vectorLookup, { now: created - 1, clockSkewSeconds: 0 }), 'not_yet_valid');
  });

  t.test('an expired header never reaches the registry', async (t) => {
    let lookups = 0;
    const counting: Lookup = async (s, k) => {
      lookups += 1;
      return vectorLookup(s, k);
    };
    await rejectsWith(t, verifyAuthorization(VECTOR.body, VECTOR_HEADER, counting, { now: expires + 60 }), 'expired');
    t.equal(lookups, 0);
  });

  t.test('unknown key', async (t) => {
    const asked: string[] = [];
    const lookup: Lookup = async (s, k) => {
      asked.push(`${s}|${k}`);
      return null;
    };
    await rejectsWith(t, verifyAuthorization(VECTOR.body, VECTOR_HEADER, lookup, { now: VECTOR.insideWindow }), 'unknown_key');
    t.same(asked, ['bap.stayhalo.in|k1']);
  });

  t.test('the registry holds another key for that subscriber', async (t) => {
    const other = generateKeyPair().publicKey;
    const lookup = registryOf('bap.stayhalo.in', 'k1', other);
    await rejectsWith(t, verifyAuthorization(VECTOR.body, VECTOR_HEADER, lookup, { now: VECTOR.insideWindow }), 'bad_signature');
  });

  t.test('keyId rewritten to claim another subscriber', async (t) => {
    const victim = generateKeyPair();
    const claimed = VECTOR_HEADER.replace('keyId="bap.stayhalo.in|k1|', 'keyId="seller.example.com|v1|');
    const lookup: Lookup = async (s, k) => {
      if (s === 'seller.example.com' && k === 'v1') return victim.publicKey;
      return vectorLookup(s, k);
    };
    await rejectsWith(t, verifyAuthorization(VECTOR.body, claimed, lookup, { now: VECTOR.insideWindow }), 'bad_signature');
  });

  t.test('a registered key of the wrong length', async (t) => {
    const short = Buffer.alloc(31, 7).toString('base64');
    const err = await verifyAuthorization(VECTOR.body, VECTOR_HEADER, registryOf('bap.stayhalo.in', 'k1', short), {
      now: VECTOR.insideWindow,
    }).catch((e: unknown) => e);
    t.ok(err instanceof SignatureError);
    t.equal((err as SignatureError).reason, 'bad_key');
    t.match((err as Error).message, /is 31 bytes; expected a raw 32-byte Ed25519 public key/);
    await rejectsWith(
      t,
      verifyAuthorization(VECTOR.body, VECTOR_HEADER, registryOf('bap.stayhalo.in', 'k1', 'not base64!'), { now: VECTOR.insideWindow }),
      'bad_key',
    );
  });

  t.test('a registry outage is not a signature failure', async (t) => {
    const down: Lookup = async () => {
      throw new Error('registry unreachable');
    };
    const err = await verifyAuthorization(VECTOR.body, VECTOR_HEADER, down, { now: VECTOR.insideWindow }).catch((e: unknown) => e);
    t.notOk(err instanceof SignatureError);
    t.equal((err as Error).message, 'registry unreachable');
  });

  t.test('wrong algorithm', async (t) => {
    const rsa = VECTOR_HEADER.replace('algorithm="ed25519"', 'algorithm="rsa-sha256"');
    await rejectsWith(t, verifyAuthorization(VECTOR.body, rsa, vectorLookup, { now: VECTOR.insideWindow }), 'unsupported_algorithm');
    const keyIdAlgorithm = VECTOR_HEADER.replace('|k1|ed25519"', '|k1|hmac-sha256"');
    await rejectsWith(t, verifyAuthorization(VECTOR.body, keyIdAlgorithm, vectorLookup, { now: VECTOR.insideWindow }), 'unsupported_algorithm');
  });

  t.test('malformed headers', async (t) => {
    const shapes: Array<[string, string]> = [
      ['empty', ''],
      ['no scheme', VECTOR_HEADER.replace('Signature ', '')],
      ['another scheme', VECTOR_HEADER.replace('Signature ', 'Bearer ')],
      ['signature missing', VECTOR_HEADER.replace(`,signature="${VECTOR.signature}"`, '')],
      ['created missing', VECTOR_HEADER.replace('created="1641287875",', '')],
      ['unquoted value', VECTOR_HEADER.replace('created="1641287875"', 'created=1641287875')],
      ['duplicate parameter', `${VECTOR_HEADER},created="1641287875"`],
      ['trailing comma', `${VECTOR_HEADER},`],
      ['space before a comma', VECTOR_HEADER.replace('",algorithm', '" ,algorithm')],
      ['semicolon separators', VECTOR_HEADER.replaceAll('",', '";')],
      ['keyId with two parts', VECTOR_HEADER.replace('|k1|ed25519', '|ed25519')],
      ['keyId with four parts', VECTOR_HEADER.replace('|k1|ed25519', '|k1|x|ed25519')],
      ['keyId with an empty subscriber', VECTOR_HEADER.replace('bap.stayhalo.in|', '|')],
      ['created not a number', VECTOR_HEADER.replace('created="1641287875"', 'created="2022-01-04"')],
      ['expires negative', VECTOR_HEADER.replace('expires="1641291475"', 'expires="-1"')],
      ['expires before created', VECTOR_HEADER.replace('expires="1641291475"', 'expires="1641287874"')],
      ['other signed headers', VECTOR_HEADER.replace('(created) (expires) digest', '(created) digest')],
      ['signature not base64', VECTOR_HEADER.replace(VECTOR.signature, 'not*base64')],
      ['signature too short', VECTOR_HEADER.replace(VECTOR.signature, Buffer.alloc(63).toString('base64'))],
    ];
    for (const [name, header] of shapes) {
      t.not(header, VECTOR_HEADER, `${name} differs from the good header`);
      throwsWith(t, () => parseSignatureHeader(header), 'malformed');
      await rejectsWith(t, verifyAuthorization(VECTOR.body, header, vectorLookup, { now: VECTOR.insideWindow }), 'malformed');
    }
  });
});

t.test('key configuration errors say what is wrong', async (t) => {
  const seedOnly = Buffer.from(VECTOR.privateKey, 'base64').subarray(0, 32).toString('base64');
  const mismatched = Buffer.concat([
    Buffer.from(VECTOR.privateKey, 'base64').subarray(0, 32),
    Buffer.from(generateKeyPair().publicKey, 'base64'),
  ]).toString('base64');
  const cases: Array<[string, RegExp]> = [
    [seedOnly, /private key is 32 bytes; expected 64 bytes in base64 \(libsodium secret key/],
    ['lP3sHA-9gileOkXY', /private key is not valid base64; expected 64 bytes/],
    [mismatched, /inconsistent: its last 32 bytes are not the public key of its first 32 bytes/],
  ];
  for (const [privateKey, message] of cases) {
    t.throws(() => signAuthorization('{}', { ...VECTOR_KEY, privateKey }), { name: 'KeyFormatError', message });
    t.throws(() => publicKeyFromPrivate(privateKey), KeyFormatError);
  }
  t.throws(() => signAuthorization('{}', { ...VECTOR_KEY, subscriberId: 'a|b' }), { name: 'TypeError', message: /subscriberId "a\|b"/ });
  t.throws(() => signAuthorization('{}', { ...VECTOR_KEY, uniqueKeyId: '' }), TypeError);
  t.throws(() => signAuthorization('{}', VECTOR_KEY, { ttlSeconds: 0 }), { name: 'RangeError', message: /ttlSeconds/ });
  t.throws(() => signAuthorization('{}', VECTOR_KEY, { created: 1.5 }), { name: 'RangeError', message: /created/ });
});
