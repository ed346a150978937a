import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers.js';
import { createUser, login, organizationId, tokenFor, type LoggedIn } from './auth-helpers.js';

let t: TestApp;
let bodyA: string;
let bodyB: string;
let adminA: LoggedIn;
let adminB: LoggedIn;
let employeeA: LoggedIn;
let platform: LoggedIn;
let passwordB: string;

const send = (s: LoggedIn, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { ...s.headers, ...(payload ? { 'content-type': 'application/json' } : {}) }, payload: payload as object });

async function auditOf(org: string, action: string) {
  return t.db.tx({ platform: true }, async (tx) =>
    (await tx.query<{ before: any; after: any; actor_label: string }>(`select before, after, actor_label from audit_log where organization_id = $1 and action = $2 order by seq`, [org, action])).rows,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  bodyA = await organizationId(t.db, '001001');
  bodyB = await organizationId(t.db, '046');
  const a = await createUser(t.db, { email: 'admin@a.example', organizationId: bodyA, roles: ['body_admin'], displayName: 'Admin A' });
  const b = await createUser(t.db, { email: 'admin@b.example', organizationId: bodyB, roles: ['body_admin'], displayName: 'Admin B' });
  const e = await createUser(t.db, { email: 'employee@a.example', organizationId: bodyA, roles: ['employee'], displayName: 'Employee A' });
  const p = await createUser(t.db, { email: 'platform@example.org', organizationId: bodyB, roles: ['platform_admin'], displayName: 'Platform' });
  passwordB = b.password;
  [adminA, adminB, employeeA, platform] = await Promise.all([
    login(t.app, a.email, a.password),
    login(t.app, b.email, b.password),
    login(t.app, e.email, e.password),
    login(t.app, p.email, p.password),
  ]);
});
afterAll(async () => t?.close());

describe('members of a body', () => {
  it('lists the body’s people a page at a time', async () => {
    const r = await send(adminA, 'GET', `/api/v1/organizations/${bodyA}/members?page=1&pageSize=1`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ page: 1, pageSize: 1, total: 2 });
    expect(r.json().items).toHaveLength(1);
    expect(r.json().items[0]).toMatchObject({ displayName: 'Admin A', roles: ['body_admin'] });
    const p2 = await send(adminA, 'GET', `/api/v1/organizations/${bodyA}/members?page=2&pageSize=1`);
    expect(p2.json().items[0].displayName).toBe('Employee A');
    expect((await send(adminA, 'GET', `/api/v1/organizations/${bodyA}/members?pageSize=1000`)).statusCode).toBe(400);
  });

  it('adds a new person, who can then sign in, and audits it', async () => {
    const r = await send(adminA, 'POST', `/api/v1/organizations/${bodyA}/members`, {
      email: 'Nuovo.Dipendente@a.example', displayName: 'Nuovo Dipendente', roles: ['employee', 'office_manager'], password: 'una-password-lunga',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ email: 'nuovo.dipendente@a.example', roles: ['office_manager', 'employee'], created: true });
    await login(t.app, 'nuovo.dipendente@a.example', 'una-password-lunga');
    const audit = await auditOf(bodyA, 'user.create');
    expect(audit.at(-1)).toMatchObject({ before: null, actor_label: 'admin@a.example', after: { email: 'nuovo.dipendente@a.example', roles: ['office_manager', 'employee'] } });
    const dup = await send(adminA, 'POST', `/api/v1/organizations/${bodyA}/members`, { email: 'x@a.example', displayName: 'X', roles: ['employee'], password: 'short' });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().code).toBe('auth.weak_password');
  });

  it('links a person who already belongs to another body without touching their account', async () => {
    const r = await send(adminA, 'POST', `/api/v1/organizations/${bodyA}/members`, { email: 'admin@b.example', displayName: 'Altro Nome', roles: ['employee'], password: 'a-password-ignored' });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ displayName: 'Admin B', roles: ['employee'], created: false });
    const audit = await auditOf(bodyA, 'membership.create');
    expect(audit.at(-1)).toMatchObject({ before: null, after: { email: 'admin@b.example', roles: ['employee'] } });
    // their password is unchanged
    await login(t.app, 'admin@b.example', passwordB);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@b.example', password: 'a-password-ignored' } });
    expect(wrong.statusCode).toBe(401);
  });

  it('changes roles and removes a member with before/after in the audit log; the removed person loses the body at once', async () => {
    const u = await createUser(t.db, { organizationId: bodyA, roles: ['employee'] });
    const s = await login(t.app, u.email, u.password);
    const patched = await send(adminA, 'PATCH', `/api/v1/organizations/${bodyA}/members/${u.id}`, { roles: ['hr_manager'] });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().roles).toEqual(['hr_manager']);
    expect((await auditOf(bodyA, 'membership.update')).at(-1)).toMatchObject({ before: { roles: ['employee'] }, after: { roles: ['hr_manager'] } });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: s.cookie } });
    expect(me.json().roles).toEqual(['hr_manager']);

    expect((await send(adminA, 'DELETE', `/api/v1/organizations/${bodyA}/members/${u.id}`)).statusCode).toBe(204);
    expect((await auditOf(bodyA, 'membership.remove')).at(-1)).toMatchObject({ before: { roles: ['hr_manager'] }, after: null });
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: s.cookie } });
    expect(after.json()).toMatchObject({ organization: null, roles: [], memberships: [] });
    expect((await send(adminA, 'DELETE', `/api/v1/organizations/${bodyA}/members/${u.id}`)).json().code).toBe('member.not_found');
  });

  it('another body’s admin, an employee and an anonymous caller get no data', async () => {
    const target = `/api/v1/organizations/${bodyA}/members`;
    for (const s of [adminB, employeeA]) {
      const list = await send(s, 'GET', target);
      expect(list.statusCode).toBe(403);
      expect(list.json().items).toBeUndefined();
      expect(list.body).not.toContain('admin@a.example');
      expect((await send(s, 'POST', target, { email: 'evil@x.example', displayName: 'Evil', roles: ['body_admin'] })).statusCode).toBe(403);
      const victim = (await send(adminA, 'GET', target)).json().items[0].userId;
      expect((await send(s, 'PATCH', `${target}/${victim}`, { roles: ['employee'] })).statusCode).toBe(403);
      expect((await send(s, 'DELETE', `${target}/${victim}`)).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: target })).statusCode).toBe(401);
    // with a token too
    const b = (await send(adminB, 'GET', `/api/v1/auth/session`)).json().user.id;
    const tok = await tokenFor(t.db, b);
    expect((await t.app.inject({ method: 'GET', url: target, headers: { authorization: `Bearer ${tok}` } })).statusCode).toBe(403);
    expect((await t.db.tx({ platform: true }, (tx) => tx.query(`select 1 from users where email = 'evil@x.example'`))).rows).toHaveLength(0);
  });

  it('only a platform admin grants platform_admin, and may manage any body', async () => {
    const e = (await send(employeeA, 'GET', '/api/v1/auth/session')).json().user.id;
    const refused = await send(adminA, 'PATCH', `/api/v1/organizations/${bodyA}/members/${e}`, { roles: ['employee', 'platform_admin'] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('member.role_not_grantable');
    const list = await send(platform, 'GET', `/api/v1/organizations/${bodyA}/members`);
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBeGreaterThanOrEqual(3);
  });

  it('rejects bad input with 400', async () => {
    const target = `/api/v1/organizations/${bodyA}/members`;
    expect((await send(adminA, 'POST', target, { email: 'a@a.example', displayName: 'A', roles: [] })).statusCode).toBe(400);
    expect((await send(adminA, 'POST', target, { email: 'a@a.example', displayName: 'A', roles: ['emperor'] })).statusCode).toBe(400);
    expect((await send(adminA, 'POST', target, { email: 'a@a.example', displayName: 'A', roles: ['employee'], isAdmin: true })).statusCode).toBe(400);
    expect((await send(adminA, 'POST', target, { email: 'not-an-email', displayName: 'A', roles: ['employee'] })).statusCode).toBe(400);
    expect((await send(adminA, 'GET', `/api/v1/organizations/not-a-uuid/members`)).statusCode).toBe(400);
  });
});
