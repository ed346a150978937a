/**
 * Bad input, generated: for every operation of the OpenAPI document, fast-check builds requests
 * with mutated path parameters, query strings and bodies (wrong types, unknown fields, nulls, huge
 * numbers, impossible dates, emoji, very long strings, malformed JSON, oversized bodies, wrong
 * content types), anonymous, with a body admin's session and with a body admin's API token.
 * Never a 5xx; every error is application/problem+json with a stable code and an Italian title.
 */
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument, BODY_LIMIT } from '../src/app/build-app.js';
import { createTestApp, type TestApp } from './helpers.js';
import { createUser, login, organizationId, tokenFor, type LoggedIn } from './auth-helpers.js';

type Json = Record<string, any>;
const RUNS_PER_OPERATION = 40;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const FUZZ_IP = '198.51.100.7'; // fuzzed sign-ins are throttled here, not where the test signs in

let t: TestApp;
let doc: Json;
let admin: { email: string; password: string };
let session: LoggedIn;
let token: string;
let knownIds: string[];

beforeAll(async () => {
  t = await createTestApp();
  const torino = await organizationId(t.db, '001272');
  const aglie = await organizationId(t.db, '001001');
  const user = await createUser(t.db, { organizationId: torino, roles: ['body_admin'] });
  const other = await createUser(t.db, { organizationId: aglie, roles: ['body_admin'] });
  admin = user;
  session = await login(t.app, user.email, user.password);
  token = await tokenFor(t.db, user.id);
  knownIds = [torino, aglie, user.id, other.id];
  doc = openApiDocument(t.app);
});
afterAll(async () => t?.close());

/** The session may have been closed by a fuzzed sign-out: sign in again when it has. */
async function ensureSession(): Promise<void> {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: session.cookie } });
  if (res.statusCode === 401) session = await login(t.app, admin.email, admin.password);
}

function resolve(schema: Json | undefined): Json | undefined {
  if (schema?.$ref) return resolve(doc.components.schemas[schema.$ref.split('/').pop()]);
  return schema;
}

// ---------- values ----------

const nasty: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  null,
  '',
  ' ',
  -1,
  0,
  1e308,
  -1e308,
  2 ** 63,
  Number.MAX_SAFE_INTEGER + 2,
  1.5,
  true,
  [],
  {},
  [null],
  { nested: { deep: [1, 'a', null] } },
  '😀'.repeat(300),
  '🇮🇹 Agliè — «virgolette» \u0000 \u202e',
  'x'.repeat(20_000),
  '9999-12-31T25:61:00Z',
  '0000-00-00',
  '2024-02-30',
  '-infinity',
  '1970-01-01T00:00:00+99:00',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  "'; drop table users; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'NaN',
);

function fromSchema(input: Json | undefined, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(input);
  if (!schema || depth > 4) return fc.jsonValue({ maxDepth: 2 });
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alternatives)) return fc.oneof(...alternatives.map((s: Json) => fromSchema(s, depth + 1)));
  if (Array.isArray(schema.allOf)) return fromSchema(schema.allOf[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1e6, -(2 ** 31)), max: Math.min(schema.maximum ?? 1e6, 2 ** 31 - 1) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'array':
      return fc.array(fromSchema(schema.items, depth + 1), { maxLength: Math.min(schema.maxItems ?? 4, 4) });
    case 'object': {
      const props: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, s] of Object.entries<Json>(schema.properties ?? {})) props[k] = fromSchema(s, depth + 1);
      return fc.record(props, { requiredKeys: (schema.required ?? []).filter((k: string) => k in props) });
    }
    case 'string':
      return stringFor(schema);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringFor(schema: Json): fc.Arbitrary<string> {
  const max = Math.min(schema.maxLength ?? 40, 60);
  switch (schema.format) {
    case 'uuid':
      return fc.oneof(fc.uuid(), fc.constantFrom(...knownIds));
    case 'email':
      return fc.emailAddress();
    case 'date':
      return fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'uri':
      return fc.webUrl();
  }
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 200));
    } catch {
      /* a pattern JavaScript cannot compile: plain strings */
    }
  }
  return fc.string({ minLength: Math.min(schema.minLength ?? 0, max), maxLength: max, unit: 'grapheme' });
}

/** A valid-ish body with one mutation at most, or something that is not a body at all. */
function bodyFor(schema: Json | undefined): fc.Arbitrary<{ raw?: string; json?: unknown; contentType: string }> {
  const valid = fromSchema(schema);
  const json = (a: fc.Arbitrary<unknown>) => a.map((v) => ({ json: v, contentType: 'application/json' }));
  const mutated = fc
    .tuple(valid, fc.string({ maxLength: 12 }), nasty, fc.nat())
    .map(([v, key, bad, pick]) => {
      if (!v || typeof v !== 'object' || Array.isArray(v)) return bad;
      const keys = Object.keys(v);
      const copy: Json = { ...v };
      if (keys.length && pick % 3 !== 0) copy[keys[pick % keys.length]] = bad; // a field of the wrong type or range
      else copy[key || 'unknown'] = bad; // an unknown field
      return copy;
    });
  return fc.oneof(
    { weight: 3, arbitrary: json(valid) },
    { weight: 6, arbitrary: json(mutated) },
    { weight: 1, arbitrary: json(nasty) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom('{', '{"a":', '{"a": 1,}', "{'a': 1}", 'nul', '[1, 2', '\u0000', '{"__proto__": {"x": 1}}', '{"constructor": {"prototype": {}}}', '')
        .map((raw) => ({ raw, contentType: 'application/json' })),
    },
    { weight: 1, arbitrary: fc.constant({ raw: `{"a":"${'x'.repeat(BODY_LIMIT + 10)}"}`, contentType: 'application/json' }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded').map((contentType) => ({ raw: 'a=1&b=<x/>', contentType })),
    },
  );
}

function pathValue(schema: Json | undefined): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fromSchema(schema).map((v) => encodeURIComponent(String(v))) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.constantFrom(...knownIds) },
    { weight: 2, arbitrary: fc.string({ maxLength: 30, unit: 'grapheme' }).filter((s) => s.length > 0).map(encodeURIComponent) },
    { weight: 1, arbitrary: fc.constantFrom('x'.repeat(5000), '0', '-1', '99999999999999999999', 'null', '%25', '%E0%A4%A', '..', '%20', '%F0%9F%98%80') },
  );
}

function queryFor(params: Json[]): fc.Arbitrary<Record<string, string | string[] | undefined>> {
  const entries: Record<string, fc.Arbitrary<string | string[]>> = {};
  for (const p of params.filter((x) => x.in === 'query')) {
    entries[p.name] = fc.oneof(
      fromSchema(p.schema).map((v) => String(v)),
      nasty.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
      fc.array(fc.string({ maxLength: 8 }), { minLength: 2, maxLength: 3 }),
    );
  }
  entries.unexpected = fc.string({ maxLength: 20 });
  return fc.record(entries, { requiredKeys: [] });
}

interface Case {
  auth: 'none' | 'session' | 'token';
  params: Record<string, string>;
  query: Record<string, string | string[] | undefined>;
  body?: { raw?: string; json?: unknown; contentType: string };
}

function describeRequest(o: InjectOptions): string {
  const cut = (s: string) => (s.length > 400 ? `${s.slice(0, 400)}… (${s.length} caratteri)` : s);
  const body = o.payload === undefined ? '' : cut(typeof o.payload === 'string' ? o.payload : JSON.stringify(o.payload));
  return `${o.method} ${cut(String(o.url))}\nquery: ${cut(JSON.stringify(o.query ?? {}))}\nheaders: ${JSON.stringify({ ...o.headers, cookie: o.headers?.cookie ? '…' : undefined, authorization: o.headers?.authorization ? 'Bearer …' : undefined })}\nbody: ${body}`;
}

function check(res: LightMyRequestResponse, request: InjectOptions): void {
  const fail = (why: string) => {
    throw new Error(`${why}\n--- richiesta ---\n${describeRequest(request)}\n--- risposta ${res.statusCode} ---\n${res.body.slice(0, 800)}`);
  };
  if (res.statusCode >= 500) fail(`risposta ${res.statusCode}`);
  if (res.statusCode < 400) return;
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) fail(`errore ${res.statusCode} non in application/problem+json`);
  let body: Json;
  try {
    body = res.json();
  } catch {
    return fail('errore con un corpo che non è JSON');
  }
  if (typeof body.code !== 'string' || !/^[a-z_]+(\.[a-z_]+)+$/.test(body.code)) fail('errore senza un code stabile');
  if (typeof body.title !== 'string' || body.title.length < 3) fail('errore senza title');
  if (/^(Bad Request|Not Found|Unauthorized|Forbidden|Internal Server Error|Payload Too Large|Unsupported Media Type|Too Many Requests|Method Not Allowed)$/i.test(body.title))
    fail('title in inglese');
  if (body.status !== res.statusCode) fail('status del problema diverso da quello della risposta');
}

const operations: { method: (typeof METHODS)[number]; path: string }[] = [];

describe('every route against generated bad input', () => {
  it('finds the operations of the document', () => {
    for (const [path, item] of Object.entries<Json>(doc.paths)) for (const m of METHODS) if (item[m]) operations.push({ method: m, path });
    expect(operations.length).toBeGreaterThan(5);
    expect(operations.some((o) => o.method !== 'get')).toBe(true);
  });

  it('answers every generated request below 500, with problem+json on every error', { timeout: 300_000 }, async () => {
    const started = Date.now();
    let requests = 0;
    const statuses = new Map<number, number>();
    for (const { method, path } of operations) {
      const op = doc.paths[path][method];
      const params: Json[] = op.parameters ?? [];
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const pathArbs: Record<string, fc.Arbitrary<string>> = {};
      for (const n of names) pathArbs[n] = pathValue(params.find((p) => p.in === 'path' && p.name === n)?.schema);
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const caseArb: fc.Arbitrary<Case> = fc.record({
        auth: fc.constantFrom<Case['auth']>('none', 'session', 'token'),
        params: fc.record(pathArbs),
        query: queryFor(params),
        body: op.requestBody || method === 'delete' ? fc.option(bodyFor(bodySchema), { nil: undefined, freq: op.requestBody ? 8 : 2 }) : fc.constant(undefined),
      });
      await fc.assert(
        fc.asyncProperty(caseArb, async (c) => {
          if (c.auth === 'session') await ensureSession();
          const url = path.replace(/\{(\w+)\}/g, (_m, n: string) => c.params[n]);
          const headers: Record<string, string> = {};
          if (c.auth === 'session') Object.assign(headers, session.headers);
          if (c.auth === 'token') headers.authorization = `Bearer ${token}`;
          const query = Object.fromEntries(Object.entries(c.query).filter(([, v]) => v !== undefined)) as Record<string, string | string[]>;
          const request: InjectOptions = { method: method.toUpperCase() as InjectOptions['method'], url, query, headers, remoteAddress: FUZZ_IP };
          if (c.body) {
            headers['content-type'] = c.body.contentType;
            request.payload = c.body.raw !== undefined ? c.body.raw : JSON.stringify(c.body.json);
          }
          const res = await t.app.inject(request);
          requests++;
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          check(res, request);
        }),
        { numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      );
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(`fuzz: ${operations.length} operazioni, ${requests} richieste in ${seconds.toFixed(1)} s; stati: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    expect(requests).toBe(operations.length * RUNS_PER_OPERATION);
    // the generator must reach past validation, not only bounce off it
    expect([...statuses.keys()].some((s) => s >= 200 && s < 300)).toBe(true);
    expect(statuses.get(400)).toBeGreaterThan(0);
  });
});
