import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { createTestDb } from '../../../test/helpers.js';
import type { Db } from '../db/index.js';
import { registerIdempotency } from './idempotency.js';
import { registerProblemHandling } from './problem.js';

let db: Db;
let app: FastifyInstance;
let created = 0;

beforeAll(async () => {
  db = await createTestDb();
  app = Fastify();
  app.decorateRequest('auth', null);
  // a caller for the scope tests: x-test-user and x-test-org stand for a resolved session
  app.addHook('onRequest', async (req) => {
    const user = req.headers['x-test-user'];
    if (typeof user === 'string') (req as unknown as { auth: unknown }).auth = { userId: user, organizationId: req.headers['x-test-org'] ?? null };
  });
  registerProblemHandling(app);
  registerIdempotency(app, db);
  app.post('/api/v1/things', async (req, reply) => {
    created++;
    await new Promise((r) => setTimeout(r, 30));
    return reply.code(201).send({ id: created, body: req.body });
  });
  app.post('/api/v1/broken', async () => {
    created++;
    throw new Error('boom');
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const post = (url: string, key: string | undefined, payload: unknown) =>
  app.inject({ method: 'POST', url, payload: payload as object, headers: key ? { 'idempotency-key': key } : {} });

describe('Idempotency-Key', () => {
  it('replays the first answer and writes once', async () => {
    const before = created;
    const a = await post('/api/v1/things', 'key-00000001', { n: 1 });
    const b = await post('/api/v1/things', 'key-00000001', { n: 1 });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json()).toEqual(a.json());
    expect(b.headers['idempotency-replayed']).toBe('true');
    expect(created - before).toBe(1);
  });

  it('creates again without a key', async () => {
    const before = created;
    await post('/api/v1/things', undefined, { n: 2 });
    await post('/api/v1/things', undefined, { n: 2 });
    expect(created - before).toBe(2);
  });

  it('refuses the same key with a different request', async () => {
    await post('/api/v1/things', 'key-00000002', { n: 1 });
    const r = await post('/api/v1/things', 'key-00000002', { n: 99 });
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe('request.idempotency_key_reused');
  });

  it('lets only one of two simultaneous requests with the same key run', async () => {
    const before = created;
    const [a, b] = await Promise.all([post('/api/v1/things', 'key-00000003', { n: 3 }), post('/api/v1/things', 'key-00000003', { n: 3 })]);
    expect(created - before).toBe(1);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
  });

  it('does not keep server errors, so the client can retry', async () => {
    const before = created;
    const a = await post('/api/v1/broken', 'key-00000004', {});
    const b = await post('/api/v1/broken', 'key-00000004', {});
    expect(a.statusCode).toBe(500);
    expect(b.statusCode).toBe(500);
    expect(created - before).toBe(2);
  });

  it('scopes a key by person and body: the same key elsewhere is another request', async () => {
    const before = created;
    const as = (user: string, org: string) => app.inject({ method: 'POST', url: '/api/v1/things', payload: { n: 7 }, headers: { 'idempotency-key': 'key-scope-0001', 'x-test-user': user, 'x-test-org': org } });
    const first = await as('anna', 'lucca');
    expect((await as('anna', 'lucca')).headers['idempotency-replayed']).toBe('true');
    const otherBody = await as('anna', 'aglie');
    const otherPerson = await as('bruno', 'lucca');
    expect(otherBody.headers['idempotency-replayed']).toBeUndefined();
    expect(otherPerson.headers['idempotency-replayed']).toBeUndefined();
    expect(new Set([first.json().id, otherBody.json().id, otherPerson.json().id]).size).toBe(3);
    expect(created - before).toBe(3);
  });

  it('rejects a malformed key with a problem', async () => {
    const r = await post('/api/v1/things', 'x', {});
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
  });
});
