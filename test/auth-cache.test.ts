/**
 * The in-process cache of resolved credentials (docs/decisions/0005-caches.md): changes made
 * through this process take effect at once; a change made elsewhere (another process, here a
 * direct SQL write that bypasses the repository) takes effect within AUTH_CACHE_SECONDS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers.js';
import { createUser, login, organizationId, tokenFor } from './auth-helpers.js';

let t: TestApp;
let aglie: string;
beforeAll(async () => {
  t = await createTestApp({ AUTH_CACHE_SECONDS: '1' });
  aglie = await organizationId(t.db, '001001');
});
afterAll(async () => t?.close());

const session = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers });

describe('cache of resolved sessions and tokens', () => {
  it('a token deleted by another process stops working within the cache lifetime', async () => {
    const u = await createUser(t.db, { organizationId: aglie, roles: ['employee'] });
    const token = await tokenFor(t.db, u.id);
    const auth = { authorization: `Bearer ${token}` };
    expect((await session(auth)).statusCode).toBe(200);
    await t.db.ownerTx((tx) => tx.query('delete from api_tokens where user_id = $1', [u.id]));
    await new Promise((r) => setTimeout(r, 1100));
    const after = await session(auth);
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('auth.invalid_token');
  });

  it('a membership removed through the API is gone at once for a cached session and a cached token', async () => {
    const admin = await createUser(t.db, { organizationId: aglie, roles: ['body_admin'] });
    const member = await createUser(t.db, { organizationId: aglie, roles: ['employee', 'body_admin'] });
    const a = await login(t.app, admin.email, admin.password);
    const m = await login(t.app, member.email, member.password);
    const token = { authorization: `Bearer ${await tokenFor(t.db, member.id)}` };
    const members = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: `/api/v1/organizations/${aglie}/members`, headers });
    // both credentials resolved and cached with the body_admin role
    expect((await members(m.headers)).statusCode).toBe(200);
    expect((await members(token)).statusCode).toBe(200);
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/organizations/${aglie}/members/${member.id}`, headers: a.headers });
    expect(res.statusCode).toBe(204);
    // well inside the 1 s lifetime: the removal must not wait for it
    for (const h of [m.headers, token]) expect((await members(h)).statusCode).toBe(403);
  });
});
