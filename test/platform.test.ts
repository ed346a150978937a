import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('platform HTTP conventions', () => {
  it('reports its status and database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/status' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: t.db.kind });
    expect(res.headers['x-ratelimit-limit']).toBeDefined();
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers an unknown route with problem+json in Italian', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 404, code: 'route.not_found', title: 'Indirizzo non trovato' });
  });

  it('serves the OpenAPI 3.1 document with problem responses and security on every operation', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.values<Record<string, any>>(doc.paths).flatMap((p) => Object.values<any>(p));
    expect(ops.length).toBeGreaterThan(0);
    for (const op of ops) {
      expect(op.security).toBeDefined();
      expect(op.responses['500']).toBeDefined();
    }
  });

  it('reports the database as down with a 503 problem', async () => {
    const broken = await createTestApp();
    await broken.db.close();
    const res = await broken.app.inject({ method: 'GET', url: '/api/v1/status' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'database.unavailable' });
    await broken.app.close();
  });
});
