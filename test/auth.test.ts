import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers.js';
import { createUser, login, organizationId, tokenFor } from './auth-helpers.js';

let t: TestApp;
let aglie: string;
let lucca: string;
beforeAll(async () => {
  t = await createTestApp();
  aglie = await organizationId(t.db, '001001');
  lucca = await organizationId(t.db, '046');
});
afterAll(async () => t?.close());

const json = (headers: Record<string, string>) => ({ ...headers, 'content-type': 'application/json' });

describe('local sign-in', () => {
  it('signs in with the right password and answers the session shape with an httpOnly SameSite cookie', async () => {
    const u = await createUser(t.db, { organizationId: aglie, roles: ['council_secretary', 'body_admin'], displayName: 'Anna Segretaria' });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email.toUpperCase(), password: u.password } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toEqual({ id: u.id, email: u.email, displayName: 'Anna Segretaria' });
    expect(body.organization).toEqual({ id: aglie, name: 'Agliè' });
    expect(body.roles).toEqual(['body_admin', 'council_secretary']);
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/agilepa_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/);

    const s = await login(t.app, u.email, u.password);
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: s.cookie } });
    expect(session.statusCode).toBe(200);
    expect(session.json().memberships).toEqual([{ organizationId: aglie, organizationName: 'Agliè', roles: ['body_admin', 'council_secretary'] }]);
    expect(session.json().csrfToken).toBe(s.csrfToken);
  });

  it('gives the same 401 for a wrong password and an unknown e-mail', async () => {
    const u = await createUser(t.db, {});
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: 'not-the-password' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nobody@nowhere.example', password: 'not-the-password' } });
    for (const r of [wrong, unknown]) {
      expect(r.statusCode).toBe(401);
      expect(r.headers['content-type']).toMatch(/problem\+json/);
      expect(r.headers['set-cookie']).toBeUndefined();
    }
    expect(wrong.json()).toEqual({ ...unknown.json(), instance: wrong.json().instance });
    expect(wrong.json().code).toBe('auth.invalid_credentials');
  });

  it('refuses unknown fields and missing fields with 400', async () => {
    const r1 = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a@b.it', password: 'x', admin: true } });
    expect(r1.statusCode).toBe(400);
    const r2 = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a@b.it' } });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().errors[0].field).toMatch(/password/);
  });

  it('answers 401 to the session route without a cookie or with a forged one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
    const forged = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: 'agilepa_session=forged-value' } });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().code).toBe('auth.unauthenticated');
  });

  it('throttles after 5 failures for the account with 429 and Retry-After, even with the right password', async () => {
    const u = await createUser(t.db, {});
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: `wrong-${i}` }, remoteAddress: `10.0.0.${i + 1}` });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: u.password }, remoteAddress: '10.0.1.1' });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('auth.too_many_attempts');
    const retry = Number(blocked.headers['retry-after']);
    expect(retry).toBeGreaterThan(800);
    expect(retry).toBeLessThanOrEqual(900);
    // another account is not affected
    const other = await createUser(t.db, {});
    await login(t.app, other.email, other.password);
  });

  it('throttles an address that tries many accounts', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < 20; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: `spray${i}@x.example`, password: 'password-guess' }, remoteAddress: ip });
      expect(r.statusCode).toBe(401);
    }
    const u = await createUser(t.db, {});
    const blocked = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: u.password }, remoteAddress: ip });
    expect(blocked.statusCode).toBe(429);
    const elsewhere = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: u.password }, remoteAddress: '10.9.9.10' });
    expect(elsewhere.statusCode).toBe(200);
  });
});

describe('CSRF and sign-out', () => {
  it('refuses a cookie-authenticated write without or with a wrong X-CSRF-Token', async () => {
    const u = await createUser(t.db, { organizationId: aglie, roles: ['employee'] });
    const s = await login(t.app, u.email, u.password);
    const none = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie } });
    expect(none.statusCode).toBe(403);
    expect(none.json().code).toBe('auth.csrf_invalid');
    // the right token with its last character changed (to another one: a token may end in 'x')
    const altered = s.csrfToken.slice(0, -1) + (s.csrfToken.endsWith('x') ? 'y' : 'x');
    expect(altered).not.toBe(s.csrfToken);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie, 'x-csrf-token': altered } });
    expect(wrong.statusCode).toBe(403);
    // still signed in
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: s.cookie } })).statusCode).toBe(200);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it('logout-all ends every session of the user and only theirs', async () => {
    const u = await createUser(t.db, { organizationId: aglie, roles: ['employee'] });
    const other = await createUser(t.db, { organizationId: aglie, roles: ['employee'] });
    const a = await login(t.app, u.email, u.password);
    const b = await login(t.app, u.email, u.password);
    const o = await login(t.app, other.email, other.password);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout-all', headers: a.headers })).statusCode).toBe(204);
    for (const s of [a, b]) expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: o.cookie } })).statusCode).toBe(200);
  });

  it('switches to another body only among the memberships', async () => {
    const u = await createUser(t.db, { organizationId: aglie, roles: ['employee'] });
    const lu = await createUser(t.db, { organizationId: lucca, roles: ['hr_manager'] });
    // give u a role in Lucca through the use case as the system
    const { addMember } = await import('../src/modules/people/add-member.js');
    const { systemActor } = await import('../src/platform/auth/actor.js');
    await addMember(t.db, systemActor('test'), lucca, { email: u.email, displayName: 'x', roles: ['hr_manager'] });
    const s = await login(t.app, u.email, u.password);
    const sw = await t.app.inject({ method: 'POST', url: '/api/v1/auth/switch-organization', headers: json(s.headers), payload: { organizationId: lucca } });
    expect(sw.statusCode).toBe(200);
    expect(sw.json().organization.id).toBe(lucca);
    expect(sw.json().roles).toEqual(['hr_manager']);
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: s.cookie } });
    expect(session.json().organization.name).toMatch(/Lucca/);
    const other = await organizationId(t.db, '001002');
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/auth/switch-organization', headers: json(s.headers), payload: { organizationId: other } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('auth.not_a_member');
    expect(lu.id).toBeTruthy();
  });
});

describe('personal API tokens', () => {
  it('creates a token shown once, authenticates Bearer calls without CSRF, lists and revokes it', async () => {
    const u = await createUser(t.db, { organizationId: aglie, roles: ['employee'] });
    const s = await login(t.app, u.email, u.password);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: json(s.headers), payload: { name: 'Protocollo' } });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^apa_[\w-]{40,}$/);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().organization.id).toBe(aglie);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/auth/tokens', headers: { authorization: `Bearer ${token}` } });
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({ id, name: 'Protocollo' });
    expect(list.json().items[0].lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list.json())).not.toContain(token);
    // a Bearer write needs no CSRF token
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/auth/tokens/${id}`, headers: { authorization: `Bearer ${token}` } });
    expect(del.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('auth.invalid_token');
  });

  it('expires in 90 days unless chosen, never after a year, shown at creation', async () => {
    const u = await createUser(t.db, { organizationId: aglie, roles: ['employee'] });
    const s = await login(t.app, u.email, u.password);
    const create = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: json(s.headers), payload });
    const days = (iso: string) => Math.round((Date.parse(iso) - Date.now()) / 86_400_000);
    const plain = await create({ name: 'Predefinito' });
    expect(plain.statusCode).toBe(201);
    expect(days(plain.json().expiresAt)).toBe(90);
    const year = await create({ name: 'Un anno', expiresInDays: 365 });
    expect(days(year.json().expiresAt)).toBe(365);
    for (const bad of [0, 366, 3650, 1.5]) {
      const r = await create({ name: 'Troppo', expiresInDays: bad });
      expect(r.statusCode, String(bad)).toBe(400);
    }
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/auth/tokens', headers: s.headers });
    expect(listed.json().items.map((x: { expiresAt: string | null }) => x.expiresAt !== null)).toEqual([true, true]);
  });

  it('re-checks the session in the database before creating a token, not the 5-second cache', async () => {
    const u = await createUser(t.db, { organizationId: aglie, roles: ['employee'] });
    const s = await login(t.app, u.email, u.password);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: s.headers })).statusCode).toBe(200);
    // the session ends behind the cache's back (no authChanged): the cached context still answers
    await t.db.ownerTx((tx) => tx.query('delete from sessions where user_id = $1', [u.id]));
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: json(s.headers), payload: { name: 'Dopo la fine' } });
    expect(r.statusCode).toBe(401);
    const stored = await t.db.ownerTx((tx) => tx.query('select 1 from api_tokens where user_id = $1', [u.id]));
    expect(stored.rows).toHaveLength(0);
  });

  it('cannot revoke another user’s token and honours X-Organization-Id only among memberships', async () => {
    const a = await createUser(t.db, { organizationId: aglie, roles: ['employee'] });
    const b = await createUser(t.db, { organizationId: lucca, roles: ['employee'] });
    const ta = await tokenFor(t.db, a.id);
    const tb = await tokenFor(t.db, b.id);
    const listB = await t.app.inject({ method: 'GET', url: '/api/v1/auth/tokens', headers: { authorization: `Bearer ${tb}` } });
    const idB = listB.json().items[0].id;
    const refused = await t.app.inject({ method: 'DELETE', url: `/api/v1/auth/tokens/${idB}`, headers: { authorization: `Bearer ${ta}` } });
    expect(refused.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { authorization: `Bearer ${tb}` } })).statusCode).toBe(200);
    const wrongBody = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { authorization: `Bearer ${ta}`, 'x-organization-id': lucca } });
    expect(wrongBody.statusCode).toBe(403);
    const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { authorization: 'Basic abc' } });
    expect(malformed.statusCode).toBe(401);
  });
});
