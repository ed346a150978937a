/**
 * The per-process cache of directory search pages (docs/decisions/0005-caches.md): a body created
 * or renamed through this process is found at once, even by a search cached just before; a body
 * added by another process (here a direct SQL write that bypasses the repository) appears within
 * DIRECTORY_CACHE_SECONDS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers.js';
import { createUser, organizationId, tokenFor } from './auth-helpers.js';

let t: TestApp;
let auth: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({ DIRECTORY_CACHE_SECONDS: '1' });
  const aglie = await organizationId(t.db, '001001');
  const admin = await createUser(t.db, { organizationId: aglie, roles: ['platform_admin'] });
  auth = { authorization: `Bearer ${await tokenFor(t.db, admin.id)}` };
});
afterAll(async () => t?.close());

const search = async (q: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/organizations?q=${encodeURIComponent(q)}`, headers: auth });
  expect(res.statusCode).toBe(200);
  return res.json() as { items: { id: string; name: string }[]; total: number };
};

describe('cache of directory searches', () => {
  it('finds a body created and then renamed through the API at once', async () => {
    const names = async (q: string) => (await search(q)).items.map((i) => i.name);
    expect(await names('Unione Zafferano')).not.toContain('Unione Zafferano del Canavese');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: auth,
      payload: { kind: 'union_of_municipalities', name: 'Unione Zafferano del Canavese', ipaCode: 'uc_zaff' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect((await search('Unione Zafferano')).items[0]?.id).toBe(id);
    const renamed = await t.app.inject({ method: 'PATCH', url: `/api/v1/organizations/${id}`, headers: auth, payload: { name: 'Unione Croco del Canavese' } });
    expect(renamed.statusCode).toBe(200);
    expect((await search('Unione Zafferano')).items.map((i) => i.id)).not.toContain(id);
    expect((await search('Unione Croco')).items[0]?.id).toBe(id);
  });

  it('shows a body written by another process within the cache lifetime', async () => {
    expect((await search('Consorzio Girasole')).items.map((i) => i.name)).not.toContain('Consorzio Girasole');
    await t.db.ownerTx((tx) =>
      tx.query(`insert into organizations (kind, name, search_name, source) values ('other_public_body', 'Consorzio Girasole', 'consorzio girasole', 'operator')`),
    );
    await new Promise((r) => setTimeout(r, 1100));
    expect((await search('Consorzio Girasole')).items[0]?.name).toBe('Consorzio Girasole');
  });
});
