/**
 * Hostile requests for one operation of the OpenAPI document, derived from its JSON Schemas: each path
 * parameter, query parameter, header and body property is replaced, one at a time, by values that break
 * its schema (wrong types, boundary lengths, odd ids, huge numbers, unicode), the body is sent whole in
 * wrong shapes and wrong content types, and fast-check adds random values from a printed seed, so a failing
 * run can be replayed with FUZZ_SEED. Everything else in a case stays valid, so each case probes one thing.
 */
import fc from 'fast-check';

/** The parts of JSON Schema 2020-12 the document's request schemas use. */
export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  format?: string;
  pattern?: string;
  default?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}

export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  security?: unknown[];
}

export interface FuzzCase {
  /** What the case breaks, for the report. */
  what: string;
  method: string;
  /** The raw path and query, as sent on the wire. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /**
   * `refused`: the case breaks the schema, so the API must refuse it (a 2xx is a failure). `either`: it may
   * be valid (a boundary value, a random one), so only the answer's shape and the state rules apply.
   */
  expect: 'refused' | 'either';
}

/** Valid values for inputs named after things the fixture created (a real chat id, a real uid…). */
export type KnownValues = Record<string, unknown>;

/** Odd path segments, already as they go on the wire. Raw `/`, `..` and broken escapes are on purpose. */
const ODD_SEGMENTS = [
  'a%2Fb',
  'a/b',
  '..',
  '%2E%2E',
  'a%00b',
  '%ED%A0%80', // a lone surrogate, as UTF-8 bytes
  '%FF%FE',
  '%',
  '__proto__',
  'constructor',
  '%F0%9F%98%80', // an emoji
  '%E2%80%AEabc', // right-to-left override
  '%5C..%5C..', // backslashes
  '1e999',
  'a'.repeat(10_000),
];

/** Values of every JSON type; each property gets those that its schema does not allow. */
const TYPED_VALUES: Array<{ type: string; value: unknown; raw?: string; what: string }> = [
  { type: 'null', value: null, what: 'null' },
  { type: 'boolean', value: true, what: 'true' },
  { type: 'integer', value: -1, what: '-1' },
  { type: 'number', value: 0, raw: '1e999', what: 'a number beyond double (1e999)' },
  { type: 'string', value: 'NaN', what: '"NaN"' },
  { type: 'array', value: ['a', 1, null], what: 'a mixed array' },
  { type: 'object', value: { $gt: '' }, what: 'an operator object' },
];

/** Strings that break a string property's schema whatever its bounds, or stress what stores it. */
const ODD_STRINGS: Array<{ value: string; what: string }> = [
  { value: 'a\u0000b', what: 'a NUL' },
  { value: '\u202Eabc', what: 'a right-to-left override' },
  { value: '\ud800', what: 'a lone high surrogate' },
  { value: 'a\udfffb', what: 'a lone low surrogate' },
  { value: '   ', what: 'only spaces' },
];

/** The JSON types a schema accepts. */
function typesOf(schema: Schema): Set<string> {
  const types = new Set<string>();
  if (schema.const !== undefined) types.add(jsonType(schema.const));
  for (const value of schema.enum ?? []) types.add(jsonType(value));
  for (const t of [schema.type ?? []].flat()) {
    types.add(t);
    if (t === 'number') types.add('integer');
  }
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])])
    for (const t of typesOf(branch)) types.add(t);
  return types;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** A valid value of `schema`, preferring what the fixture knows for `name`. */
export function validValue(schema: Schema, name: string, known: KnownValues): unknown {
  if (name in known) return known[name];
  if (schema.const !== undefined) return schema.const;
  // The last enum value: for roles that is the least powerful one.
  if (schema.enum) return schema.enum[schema.enum.length - 1];
  const branch = schema.anyOf?.find((b) => b.type !== 'null') ?? schema.oneOf?.[0];
  if (branch) return validValue(branch, name, known);
  const type = [schema.type].flat()[0];
  switch (type) {
    case 'string':
      if (schema.format === 'uri') return 'https://example.com/a.png';
      return 'a'.repeat(Math.max(schema.minLength ?? 1, 1));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => validValue(schema.items ?? {}, name, known));
    case 'object':
      return validObject(schema, known);
    default:
      return 'a';
  }
}

function validObject(schema: Schema, known: KnownValues): Record<string, unknown> {
  return Object.fromEntries(
    (schema.required ?? []).map((key) => [key, validValue(schema.properties?.[key] ?? {}, key, known)]),
  );
}

/** Percent-encode a string for a URL, lone surrogates included (as the bytes a careless client sends). */
export function percentEncode(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else {
      out += encodeURIComponent(ch);
    }
  }
  return out;
}

/** Draws `numRuns` values of an arbitrary, seeded by the run's seed and `salt`. */
export type Sampler = <T>(arbitrary: fc.Arbitrary<T>, numRuns: number, salt: string) => T[];

export interface BodyVariant {
  what: string;
  /** JSON text, possibly beyond what JSON.stringify writes (1e999, duplicate keys, deep nesting). */
  text: string;
  expect: FuzzCase['expect'];
}

/** A seeded sampler: the same seed and salt give the same values. */
export function sampler(seed: number, scope: string): Sampler {
  return (arbitrary, numRuns, salt) =>
    fc.sample(arbitrary, { seed: (seed ^ hash(`${scope} ${salt}`)) | 0, numRuns });
}

/**
 * JSON bodies that break `schema` (an object schema, or a oneOf of them): whole-body shapes, unknown and
 * privileged fields, then each property missing, of the wrong type, past its bounds, odd unicode, random.
 */
export function bodyVariants(schema: Schema, known: KnownValues, random: Sampler): BodyVariant[] {
  const variants: BodyVariant[] = [];
  const json = (text: string, what: string, expect: FuzzCase['expect'] = 'refused') =>
    variants.push({ what, text, expect });
  const validBody = JSON.stringify(validValue(schema, '', known));
  const bodySchema = schema;
  const valid = JSON.parse(validBody) as Record<string, unknown>;
  const withRaw = (key: string, raw: string) =>
    JSON.stringify({ ...valid, [key]: '\u0001RAW\u0001' }).replace('"\\u0001RAW\\u0001"', raw);
  if ((bodySchema.required ?? []).length > 0 || bodySchema.oneOf) json('{}', '{}');
  for (const raw of ['[]', 'null', '"text"', '0', 'true', '['.repeat(5000) + ']'.repeat(5000)])
    json(raw, label(raw));
  json(withRaw('unexpected', '1'), 'with an unknown field');
  // Privileged fields a client must not set, where the body does not declare them (the admin-claim
  // route's body is `{ admin }`).
  const declared = new Set(Object.keys((bodySchema.oneOf?.[0] ?? bodySchema).properties ?? {}));
  if (!declared.has('admin')) json(withRaw('admin', 'true'), 'with admin: true');
  if (!declared.has('uid')) json(withRaw('uid', '"someone-else"'), 'with uid');
  if (!declared.has('createdAt')) json(withRaw('createdAt', '"2000-01-01T00:00:00Z"'), 'with createdAt');
  json(`{"__proto__":{"admin":true},${validBody.slice(1)}`.replace(',}', '}'), 'with __proto__');
  json(withRaw('constructor', '{"prototype":{"admin":true}}'), 'with constructor.prototype');
  json(
    `${validBody.slice(0, -1)}${validBody.length > 2 ? ',' : ''}${validBody.slice(1)}`,
    'with every key twice',
    'either',
  );
  json(JSON.stringify({ ...valid, filler: 'x'.repeat(70_000) }), 'over the size limit');

  const object = bodySchema.oneOf?.[0] ?? bodySchema;
  for (const [key, schema] of Object.entries(object.properties ?? {})) {
    const types = typesOf(schema);
    if (object.required?.includes(key)) {
      const { [key]: _dropped, ...rest } = valid;
      json(JSON.stringify(rest), `without ${key}`);
    }
    for (const typed of TYPED_VALUES) {
      if (types.has(typed.type) || (typed.type === 'integer' && types.has('number'))) continue;
      json(
        typed.raw ? withRaw(key, typed.raw) : JSON.stringify({ ...valid, [key]: typed.value }),
        `${key} = ${typed.what}`,
      );
    }
    if (types.has('string') && !schema.enum && schema.const === undefined) {
      const max = schema.maxLength ?? schema.anyOf?.find((b) => b.maxLength)?.maxLength ?? 1000;
      const min = schema.minLength ?? 0;
      const set = (value: string, what: string, expect: FuzzCase['expect']) =>
        json(JSON.stringify({ ...valid, [key]: value }), `${key} ${what}`, expect);
      set('a'.repeat(max + 1), `of ${max + 1} characters`, 'refused');
      // Lengths are code points, in JSON Schema as in zod: max + 1 emoji is too long, half as many
      // (over max in UTF-16 units) is not.
      set('😀'.repeat(max + 1), `of ${max + 1} emoji`, 'refused');
      set('😀'.repeat(Math.ceil((max + 1) / 2)), `of ${max + 1}+ UTF-16 units of emoji`, 'either');
      set('a'.repeat(max), `of ${max} characters`, 'either');
      set('', 'empty', min > 0 ? 'refused' : 'either');
      for (const odd of ODD_STRINGS) set(odd.value, `with ${odd.what}`, 'either');
    }
    if (schema.enum || schema.const !== undefined) {
      const allowed = schema.enum ?? [schema.const];
      for (const value of [String(allowed[0]).toUpperCase(), `${String(allowed[0])} `, 'superadmin', ''])
        if (!allowed.includes(value))
          json(JSON.stringify({ ...valid, [key]: value }), `${key} = ${JSON.stringify(value)}`);
    }
    if (types.has('integer') || types.has('number')) {
      if (schema.minimum !== undefined)
        json(JSON.stringify({ ...valid, [key]: schema.minimum - 1 }), `${key} below minimum`);
      if (schema.maximum !== undefined)
        json(JSON.stringify({ ...valid, [key]: schema.maximum + 1 }), `${key} above maximum`);
    }
    if (types.has('array')) {
      json(JSON.stringify({ ...valid, [key]: [null] }), `${key} = [null]`);
      json(JSON.stringify({ ...valid, [key]: [{}] }), `${key} = [{}]`);
      json(
        JSON.stringify({
          ...valid,
          [key]: Array.from({ length: (schema.maxItems ?? 1000) + 1 }, (_, i) => `u${i}`),
        }),
        `${key} over maxItems`,
      );
    }
    for (const value of random(fc.jsonValue({ maxDepth: 3 }), 2, `body ${key}`))
      json(
        JSON.stringify({ ...valid, [key]: value }),
        `${key} = random ${short(JSON.stringify(value))}`,
        'either',
      );
    if (types.has('string'))
      for (const value of random(fc.string({ unit: 'binary', maxLength: 60 }), 2, `body ${key} s`))
        json(
          JSON.stringify({ ...valid, [key]: value }),
          `${key} = random ${JSON.stringify(value)}`,
          'either',
        );
  }
  return variants;
}

/** Generates the cases of one operation. `seed` drives fast-check; the rest is deterministic. */
export function fuzzCases(input: {
  method: string;
  /** OpenAPI form: `/chats/{chatId}`. */
  path: string;
  operation: Operation;
  known: KnownValues;
  headers: Record<string, string>;
  seed: number;
}): FuzzCase[] {
  const { method, operation, known, seed } = input;
  const METHOD = method.toUpperCase();
  const params = operation.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const headerParams = params.filter((p) => p.in === 'header');
  const bodySchema = operation.requestBody?.content['application/json']?.schema;
  const mutating = METHOD !== 'GET';
  const random = sampler(seed, `${METHOD} ${input.path}`);

  const validSegments = Object.fromEntries(
    pathParams.map((p) => [p.name, percentEncode(String(validValue(p.schema, p.name, known)))]),
  );
  const pathWith = (overrides: Record<string, string>) =>
    input.path.replace(/\{(\w+)\}/g, (_m, name: string) => overrides[name] ?? validSegments[name]);
  const validBody = bodySchema ? JSON.stringify(validValue(bodySchema, '', known)) : undefined;
  const base = (what: string, expect: FuzzCase['expect'], part: Partial<FuzzCase> = {}): FuzzCase => ({
    what,
    expect,
    method: METHOD,
    path: pathWith({}),
    headers: {
      ...input.headers,
      ...(validBody !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...Object.fromEntries(headerParams.map((h) => [h.name, String(validValue(h.schema, h.name, known))])),
    },
    body: validBody,
    ...part,
  });
  const cases: FuzzCase[] = [];

  // ---- path parameters, one at a time
  for (const param of pathParams) {
    const max = param.schema.maxLength ?? 300;
    for (const segment of ODD_SEGMENTS)
      cases.push(
        base(`path ${param.name} = ${label(segment)}`, 'refused', {
          path: pathWith({ [param.name]: segment }),
        }),
      );
    cases.push(
      base(`path ${param.name} of ${max + 1} characters`, 'refused', {
        path: pathWith({ [param.name]: 'a'.repeat(max + 1) }),
      }),
      base(`path ${param.name} of ${max} characters`, 'either', {
        path: pathWith({ [param.name]: 'a'.repeat(max) }),
      }),
    );
    const strings = [
      ...random(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), 2, `path ${param.name}`),
      ...random(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), 1, `path ${param.name} g`),
    ];
    for (const value of strings)
      cases.push(
        base(`path ${param.name} = random ${JSON.stringify(value)}`, 'either', {
          path: pathWith({ [param.name]: percentEncode(value) }),
        }),
      );
  }

  // ---- query parameters, one at a time; and stray ones where they cannot change what a write does
  const withQuery = (query: string) => pathWith({}) + '?' + query;
  for (const param of queryParams) {
    const s = param.schema;
    const values: Array<[string, FuzzCase['expect']]> = [];
    if (typesOf(s).has('integer')) {
      const min = s.minimum ?? 0;
      const max = s.maximum ?? 1000;
      values.push(
        ...['abc', String(min - 1), String(max + 1), '1e999', 'NaN', '1.5', '%00', ''].map(
          (v): [string, FuzzCase['expect']] => [v, 'refused'],
        ),
        // Query numbers are read as JavaScript reads a number: 0x10 is 16.
        ['0x10', 'either'],
        [String(min), 'either'],
        [String(max), 'either'],
        ['%201', 'either'],
      );
    } else if (s.enum) {
      values.push(
        ['TRUE', 'refused'],
        ['%00', 'refused'],
        ...s.enum.map((v): [string, 'either'] => [String(v), 'either']),
      );
    } else {
      const max = s.maxLength ?? 200;
      values.push(
        ['a'.repeat(max + 1), 'refused'],
        ['a'.repeat(max), 'either'],
        ['', s.minLength ? 'refused' : 'either'],
        ...['%00', '%ED%A0%80', '%F0%9F%98%80', '__proto__', '%'].map((v): [string, FuzzCase['expect']] => [
          v,
          'either',
        ]),
      );
    }
    for (const [value, expect] of values)
      cases.push(
        base(`query ${param.name}=${label(value)}`, expect, { path: withQuery(`${param.name}=${value}`) }),
      );
    cases.push(
      base(`query ${param.name} twice`, 'either', { path: withQuery(`${param.name}=1&${param.name}=2`) }),
      base(`query ${param.name}[x]`, 'either', { path: withQuery(`${param.name}[x]=1`) }),
    );
    for (const value of random(fc.string({ unit: 'binary', maxLength: 30 }), 1, `query ${param.name}`))
      cases.push(
        base(`query ${param.name} = random ${JSON.stringify(value)}`, 'either', {
          path: withQuery(`${encodeURIComponent(param.name)}=${percentEncode(value)}`),
        }),
      );
  }
  if (!mutating) {
    for (const query of [
      'extra=1',
      '__proto__[admin]=true',
      'constructor[prototype][admin]=1',
      '&&&=',
      'a=%',
      `x=${'a'.repeat(4000)}`,
    ])
      cases.push(base(`query ${label(query)}`, 'either', { path: withQuery(query) }));
  }

  // ---- header parameters
  for (const header of headerParams) {
    for (const [value, expect] of [
      ['', 'either'],
      [' ', 'either'],
      ['a b', 'refused'],
      ['a'.repeat(129), 'refused'],
      ['\u00ff\u00fe', 'refused'],
      ['a\tb', 'refused'],
    ] as const)
      cases.push(
        base(`header ${header.name}=${label(value)}`, expect, {
          headers: { ...base('', 'either').headers, [header.name]: value },
        }),
      );
  }

  // ---- the body: whole, then each property
  if (bodySchema && validBody !== undefined)
    for (const variant of bodyVariants(bodySchema, known, random))
      cases.push(base(`body ${variant.what}`, variant.expect, { body: variant.text }));

  // ---- content types. Routes without a body get bodies that are not JSON only: a JSON object could be a
  // valid request to a route that ignores its body, and these routes' effects are not the point here.
  const payload = validBody ?? '{}';
  const typed = (type: string | null, body: string, what: string, expect: FuzzCase['expect'] = 'refused') => {
    const headers: Record<string, string> = { ...base('', 'either').headers };
    delete headers['Content-Type'];
    if (type !== null) headers['Content-Type'] = type;
    cases.push(base(`content type ${what}`, expect, { headers, body }));
  };
  if (mutating) {
    typed('text/plain', payload, 'text/plain');
    typed('application/x-www-form-urlencoded', 'displayName=x&admin=true', 'a form');
    typed('application/octet-stream', payload, 'bytes');
    typed(
      'multipart/form-data; boundary=x',
      `--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--`,
      'multipart',
    );
    typed('application/xml', '<a>1</a>', 'XML');
    typed(null, payload, 'missing, with a body');
    typed('application/json', '{"a":', 'JSON, invalid');
    typed('application/json', '\uFEFF' + payload, 'JSON with a byte-order mark', 'either');
    if (validBody !== undefined)
      typed('application/json; charset=utf-16', payload, 'JSON in a charset it is not', 'either');
  }
  return cases;
}

function label(value: string): string {
  return value.length > 40
    ? `${JSON.stringify(value.slice(0, 20))}… (${value.length} characters)`
    : JSON.stringify(value);
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
