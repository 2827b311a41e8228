/**
 * fast-check arbitraries for the fuzz test: junk of every kind a client could send, and, from an operation's TypeBox
 * input schema, valid values and values that break exactly one rule of a field.
 */
import fc from 'fast-check';

type Schema = Record<string, any>;

/** Real ids from the fuzz shop (sessions, checkouts, orders, products...), by input field name. */
export type Pools = Record<string, readonly string[]>;

/** Strings that parse as something else, or as nothing, where numbers and booleans are expected. */
const NAN_ISH = ['NaN', 'Infinity', '-Infinity', '1e309', '-1e309', '-0', '0x1F', '0b11', '1_000', ' 12', '12 ', '1,5', '١٢', '1e-400', '9'.repeat(400), 'null', 'undefined', 'true', '[]', '{}', ''];

/** Keys and strings that have broken parsers, templates, databases and prototypes before. */
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];
const NASTY = [
  ...PROTO_KEYS,
  '\u0000',
  '\u202e\u2066',
  '\ud800',
  '\uffff\ufffe',
  '../../../etc/passwd',
  '..%2f..%2f',
  '%00',
  '%',
  '%zz',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '${7*7}{{7*7}}',
  '\r\nX-Injected: 1',
  '👩‍👩‍👧‍👦'.repeat(50),
  'अ'.repeat(3000),
];

/** Big enough to pass every maxLength, and now and then every body limit (rarely: they cost the most to send). */
const hugeLength = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(300, 1_000, 10_000) }, { weight: 1, arbitrary: fc.constantFrom(70_000, 300_000) });
const hugeString = fc.tuple(hugeLength, fc.constantFrom('x', 'अ', '\u0000', '9')).map(([n, c]) => c.repeat(n));

export const junkString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom(...NAN_ISH) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: hugeString },
);

const junkNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER - 2, 1e308, -1e308, 5e-324, -1, 0, 0.5, 1e21),
);

const junkScalar: fc.Arbitrary<unknown> = fc.oneof(junkString, junkNumber, fc.boolean(), fc.constant(null));

/** Arrays or objects nested so deep that a recursive walker would fall over. */
const deeplyNested: fc.Arbitrary<unknown> = fc.tuple(fc.integer({ min: 50, max: 2000 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value };
  return value;
});

/** A key of a junk object: weird, proto-polluting or plain random. */
export const junkKey: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...PROTO_KEYS, '', ' ', 'session_id ', 'SESSION_ID', 'a.b', 'a[b]'), fc.string({ maxLength: 20 }));

/** Sets a key as an own property even when it is __proto__, so that it reaches the wire. */
export function withKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: junkScalar },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: deeplyNested },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...PROTO_KEYS), fc.constantFrom<unknown>({ polluted: 1 }, { prototype: { polluted: 1 } }, 'x')).map(([k, v]) => withKey({}, k, v)),
  },
);

/** An object of random keys and junk values, proto keys included. */
export const junkObject: fc.Arbitrary<Record<string, unknown>> = fc
  .array(fc.tuple(junkKey, junkValue), { maxLength: 6 })
  .map((pairs) => pairs.reduce<Record<string, unknown>>((o, [k, v]) => withKey(o, k, v), {}));

function stringOf(s: Schema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? Number.POSITIVE_INFINITY;
  if (s.format === 'email') return fc.emailAddress().filter((v) => v.length <= max);
  if (s.format === 'date-time') return fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }).map((d) => d.toISOString());
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= min && v.length <= max);
  return fc.string({ minLength: min, maxLength: Math.min(max, min + 60) });
}

/** A value the schema accepts. */
function validOf(s: Schema): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (Array.isArray(s.anyOf)) return fc.oneof(...s.anyOf.map((x: Schema) => validOf(x)));
  switch (s.type) {
    case 'string':
      return stringOf(s);
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 1000 });
    case 'number':
      return fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1000, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validOf(s.items ?? {}), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) });
    case 'object':
      return validObject(s, {});
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A valid object; fields named like a pool take a real id half of the time, so calls get past "not found". */
export function validObject(s: Schema, pools: Pools): fc.Arbitrary<Record<string, unknown>> {
  const properties = (s.properties ?? {}) as Record<string, Schema>;
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, field] of Object.entries(properties)) {
    const pool = pools[key] ?? [];
    model[key] = pool.length > 0 ? fc.oneof(fc.constantFrom(...pool), validOf(field)) : validOf(field);
  }
  return fc.record(model, { requiredKeys: (s.required ?? []) as string[] }) as fc.Arbitrary<Record<string, unknown>>;
}

const literals = (s: Schema): string[] => (Array.isArray(s.anyOf) ? s.anyOf.map((x: Schema) => x.const).filter((c: unknown) => typeof c === 'string') : []);

/** A value the field's schema refuses: the wrong type, out of range, too long or short, off pattern, off the list. */
function invalidOf(s: Schema): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [junkValue, fc.constantFrom<unknown>(null, true, [], {}, [1, 2])];
  const enumerated = literals(s);
  if (enumerated.length > 0) {
    const nearMisses = (v: string): unknown[] => [v.toLowerCase(), ` ${v}`, `${v}x`, v.slice(1), Number(v) || 0];
    options.push(fc.tuple(fc.constantFrom(...enumerated), fc.nat(4)).map(([v, i]) => nearMisses(v)[i]));
  }
  if (s.type === 'string') {
    options.push(junkNumber);
    if (s.maxLength !== undefined) options.push(fc.string({ minLength: s.maxLength + 1, maxLength: s.maxLength + 40 }));
    if ((s.minLength ?? 0) > 0) options.push(fc.string({ maxLength: s.minLength - 1 }));
    if (s.pattern) {
      const re = new RegExp(s.pattern);
      options.push(junkString.filter((v) => !re.test(v)));
      // one character off a valid value
      options.push(
        fc.tuple(stringOf(s), fc.nat(), fc.constantFrom(' ', '!', 'é', '\u0000', '/')).map(([v, n, c]) => {
          const i = n % Math.max(1, v.length);
          return `${v.slice(0, i)}${c}${v.slice(i + 1)}`;
        }),
      );
    }
  }
  if (s.type === 'integer' || s.type === 'number') {
    const edges = [s.minimum === undefined ? undefined : s.minimum - 1, s.maximum === undefined ? undefined : s.maximum + 1].filter((v) => v !== undefined);
    options.push(fc.constantFrom<unknown>(...edges, 1e308, -1e308, 2 ** 53 + 1, ...NAN_ISH));
    if (s.type === 'integer') options.push(fc.double({ noNaN: true }).filter((v) => !Number.isInteger(v)));
    options.push(fc.integer().map(String));
  }
  if (s.type === 'boolean') options.push(fc.constantFrom('true', 'false', 'yes', 1, 0));
  return fc.oneof(...options);
}

type Mutation = { kind: 'break' | 'extra'; key: string; value: unknown } | { kind: 'drop'; key: string };

/** A valid object with one thing wrong: a field broken, a required field left out, or a field no one asked for. */
export function almostValidObject(s: Schema, pools: Pools): fc.Arbitrary<Record<string, unknown>> {
  const properties = (s.properties ?? {}) as Record<string, Schema>;
  const keys = Object.keys(properties);
  const required = (s.required ?? []) as string[];
  const mutations: fc.Arbitrary<Mutation>[] = [fc.tuple(junkKey, junkValue).map(([key, value]) => ({ kind: 'extra' as const, key, value }))];
  if (keys.length > 0) mutations.push(fc.oneof(...keys.map((key) => invalidOf(properties[key] as Schema).map((value) => ({ kind: 'break' as const, key, value })))));
  if (required.length > 0) mutations.push(fc.constantFrom(...required).map((key) => ({ kind: 'drop' as const, key })));
  return fc.tuple(validObject(s, pools), fc.oneof(...mutations)).map(([valid, m]) => {
    if (m.kind !== 'drop') return withKey(valid, m.key, m.value);
    const { [m.key]: _dropped, ...rest } = valid;
    return rest;
  });
}

/** What the fuzzer sends as an operation's input: mostly almost valid, some fully valid, some junk. */
export function inputOf(s: Schema, pools: Pools): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: almostValidObject(s, pools) },
    { weight: 2, arbitrary: validObject(s, pools) },
    { weight: 2, arbitrary: junkObject },
    { weight: 1, arbitrary: fc.oneof(junkScalar, fc.array(junkScalar, { maxLength: 3 })) },
  );
}

/** Header values a client can actually send: printable ASCII, sometimes long. */
export const junkHeader: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary-ascii', maxLength: 60 }).map((v) => v.replace(/[^\x20-\x7e]/g, '')),
  fc.constantFrom('', ' ', 'null', '[object Object]', 'x'.repeat(9000), '%00', '../..', 'undefined'),
);
