/**
 * Accounts: a body admin disables (and enables again) a person of the body; a person changes his
 * own password; the daily cleanup of expired sign-in leftovers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers.js';
import { createUser, login, organizationId, tokenFor, type LoggedIn } from './auth-helpers.js';
import { moduleJobs } from '../src/app/registry.js';
import { SIGN_IN_CLEANUP_JOB } from '../src/modules/people/module.js';

let t: TestApp;
let aglie: string;
let lucca: string;
let admin: LoggedIn;
beforeAll(async () => {
  t = await createTestApp();
  aglie = await organizationId(t.db, '001001');
  lucca = await organizationId(t.db, '046');
  const a = await createUser(t.db, { organizationId: aglie, roles: ['body_admin'] });
  admin = await login(t.app, a.email, a.password);
});
afterAll(async () => t?.close());

const json = (headers: Record<string, string>) => ({ ...headers, 'content-type': 'application/json' });
const patchMember = (headers: Record<string, string>, org: string, userId: string, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'PATCH', url: `/api/v1/organizations/${org}/members/${userId}`, headers: json(headers), payload });
const session = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers });
const signIn = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
const passwordChanges = async (userId: string) =>
  (await t.db.query<{ organization_id: string; actor_user_id: string; actor_label: string }>(
    `select organization_id, actor_user_id, actor_label from audit_log where action = 'user.password_change' and entity_id = $1`,
    [userId],
  )).rows;

describe('disabling an account', () => {
  it('ends the sessions and the tokens at once, refuses sign-in, is audited, and can be undone', async () => {
    const p = await createUser(t.db, { organizationId: aglie, roles: ['employee'] });
    const s = await login(t.app, p.email, p.password);
    const token = { authorization: `Bearer ${await tokenFor(t.db, p.id)}` };
    expect((await session(s.headers)).statusCode).toBe(200);
    expect((await session(token)).statusCode).toBe(200);

    const res = await patchMember(admin.headers, aglie, p.id, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ userId: p.id, disabled: true, roles: ['employee'] });
    expect((await session(s.headers)).statusCode).toBe(401);
    expect((await session(token)).statusCode).toBe(401);
    const denied = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: p.email, password: p.password } });
    expect(denied.statusCode).toBe(401);
    const audit = await t.db.query(`select after from audit_log where entity_id = $1 and action = 'user.disable' and organization_id = $2`, [p.id, aglie]);
    expect(audit.rows).toHaveLength(1);

    expect((await patchMember(admin.headers, aglie, p.id, { disabled: false })).json().disabled).toBe(false);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: p.email, password: p.password } })).statusCode).toBe(200);
  });

  it('changes roles and account state in one transaction: a refused disable leaves the roles as they were', async () => {
    const shared = await createUser(t.db, { organizationId: aglie, roles: ['employee'] });
    await t.db.ownerTx((tx) => tx.query(`insert into memberships (user_id, organization_id, role) values ($1, $2, 'employee')`, [shared.id, lucca]));
    const refused = await patchMember(admin.headers, aglie, shared.id, { roles: ['employee', 'office_manager'], disabled: true });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('member.shared_account');
    const roles = await t.db.query<{ role: string }>(`select role from memberships where user_id = $1 and organization_id = $2 order by role`, [shared.id, aglie]);
    expect(roles.rows.map((r) => r.role)).toEqual(['employee']);
    const audited = await t.db.query(`select 1 from audit_log where entity_id = $1 and action = 'membership.update'`, [shared.id]);
    expect(audited.rows).toHaveLength(0);

    const p = await createUser(t.db, { organizationId: aglie, roles: ['employee'] });
    const both = await patchMember(admin.headers, aglie, p.id, { roles: ['employee', 'office_manager'], disabled: true });
    expect(both.statusCode).toBe(200);
    expect(both.json()).toMatchObject({ userId: p.id, disabled: true, roles: ['office_manager', 'employee'] });
    const actions = await t.db.query<{ action: string }>(`select action from audit_log where entity_id = $1 and organization_id = $2 order by seq`, [p.id, aglie]);
    expect(actions.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['membership.update', 'user.disable']));
  });

  it('refuses a person shared with another body unless a platform admin asks, and refuses oneself', async () => {
    const shared = await createUser(t.db, { organizationId: aglie, roles: ['employee'] });
    await t.db.ownerTx((tx) => tx.query(`insert into memberships (user_id, organization_id, role) values ($1, $2, 'employee')`, [shared.id, lucca]));
    const res = await patchMember(admin.headers, aglie, shared.id, { disabled: true });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('member.shared_account');
    const row = await t.db.query<{ disabled: boolean }>(`select disabled from users where id = $1`, [shared.id]);
    expect(row.rows[0].disabled).toBe(false);

    const pa = await createUser(t.db, { organizationId: lucca, roles: ['platform_admin'] });
    const platform = await login(t.app, pa.email, pa.password);
    expect((await patchMember(platform.headers, aglie, shared.id, { disabled: true })).json().disabled).toBe(true);

    const me = (await session(admin.headers)).json().user.id as string;
    const self = await patchMember(admin.headers, aglie, me, { disabled: true });
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('member.cannot_disable_self');
  });

  it('another body’s admin and an employee cannot disable anyone; an empty change is refused', async () => {
    const p = await createUser(t.db, { organizationId: aglie, roles: ['employee'] });
    const other = await createUser(t.db, { organizationId: lucca, roles: ['body_admin'] });
    const o = await login(t.app, other.email, other.password);
    expect((await patchMember(o.headers, aglie, p.id, { disabled: true })).statusCode).toBe(403);
    expect((await patchMember(o.headers, lucca, p.id, { disabled: true })).statusCode).toBe(404);
    const e = await login(t.app, p.email, p.password);
    expect((await patchMember(e.headers, aglie, p.id, { disabled: true })).statusCode).toBe(403);
    const empty = await patchMember(admin.headers, aglie, p.id, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.headers['content-type']).toContain('application/problem+json');
    expect((await t.db.query<{ disabled: boolean }>(`select disabled from users where id = $1`, [p.id])).rows[0].disabled).toBe(false);
  });
});

describe('changing one’s own password', () => {
  it('needs the current password, keeps this session and ends the others', async () => {
    const p = await createUser(t.db, { organizationId: aglie, roles: ['employee'] });
    const here = await login(t.app, p.email, p.password);
    const elsewhere = await login(t.app, p.email, p.password);
    const put = (payload: Record<string, unknown>) => t.app.inject({ method: 'PUT', url: '/api/v1/auth/password', headers: json(here.headers), payload });

    const wrong = await put({ currentPassword: 'not-the-password-1', newPassword: 'una-password-nuova-2026' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('auth.wrong_current_password');
    const weak = await put({ currentPassword: p.password, newPassword: 'corta' });
    expect(weak.statusCode).toBe(400);
    expect(await passwordChanges(p.id)).toEqual([]);

    expect((await put({ currentPassword: p.password, newPassword: 'una-password-nuova-2026' })).statusCode).toBe(204);
    expect((await session(here.headers)).statusCode).toBe(200);
    expect((await session(elsewhere.headers)).statusCode).toBe(401);
    expect((await signIn(p.email, p.password)).statusCode).toBe(401);
    expect((await signIn(p.email, 'una-password-nuova-2026')).statusCode).toBe(200);
    expect(await passwordChanges(p.id)).toEqual([{ organization_id: aglie, actor_user_id: p.id, actor_label: p.email }]);
  });

  it('keeps the API tokens unless the person asks to sign out everywhere', async () => {
    const p = await createUser(t.db, { organizationId: aglie, roles: ['employee'] });
    const here = await login(t.app, p.email, p.password);
    const bearer = { authorization: `Bearer ${await tokenFor(t.db, p.id)}` };
    const put = (payload: Record<string, unknown>) => t.app.inject({ method: 'PUT', url: '/api/v1/auth/password', headers: json(here.headers), payload });
    expect((await put({ currentPassword: p.password, newPassword: 'una-password-nuova-2026' })).statusCode).toBe(204);
    expect((await session(bearer)).statusCode).toBe(200);
    expect((await put({ currentPassword: 'una-password-nuova-2026', newPassword: 'un-altra-password-2026', signOutEverywhere: true })).statusCode).toBe(204);
    expect((await session(bearer)).statusCode).toBe(401);
    expect((await session(here.headers)).statusCode).toBe(200);
    const last = await t.db.query<{ after: { signOutEverywhere: boolean; tokensEnded: number } }>(
      `select after from audit_log where action = 'user.password_change' and entity_id = $1 order by seq desc limit 1`,
      [p.id],
    );
    expect(last.rows[0].after).toEqual({ signOutEverywhere: true, tokensEnded: 1 });
  });

  it('changes nothing when the audit entry cannot be written: password, sessions and log stay as they were', async () => {
    const p = await createUser(t.db, { organizationId: aglie, roles: ['employee'] });
    const here = await login(t.app, p.email, p.password);
    const elsewhere = await login(t.app, p.email, p.password);
    const put = () =>
      t.app.inject({ method: 'PUT', url: '/api/v1/auth/password', headers: json(here.headers), payload: { currentPassword: p.password, newPassword: 'una-password-nuova-2026' } });
    // A real failure inside the database, for this person's entry only: the log refuses it.
    await t.db.query(`create function refuse_password_change_audit() returns trigger language plpgsql as $$
      begin raise exception 'audit refused for the test'; end $$`);
    await t.db.query(`create trigger refuse_password_change_audit before insert on audit_log for each row
      when (new.action = 'user.password_change' and new.entity_id = '${p.id}') execute function refuse_password_change_audit()`);
    try {
      const failed = await put();
      expect(failed.statusCode).toBe(500);
      expect(failed.headers['content-type']).toContain('application/problem+json');
    } finally {
      await t.db.query(`drop trigger refuse_password_change_audit on audit_log`);
      await t.db.query(`drop function refuse_password_change_audit()`);
    }
    expect(await passwordChanges(p.id)).toEqual([]);
    expect((await session(elsewhere.headers)).statusCode).toBe(200);
    expect((await signIn(p.email, 'una-password-nuova-2026')).statusCode).toBe(401);
    expect((await signIn(p.email, p.password)).statusCode).toBe(200);

    // Once the log accepts it, the same change goes through with its entry.
    expect((await put()).statusCode).toBe(204);
    expect(await passwordChanges(p.id)).toHaveLength(1);
    expect((await session(elsewhere.headers)).statusCode).toBe(401);
  });

  it('refuses without a session, and without the CSRF token', async () => {
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/auth/password', payload: { currentPassword: 'x'.repeat(12), newPassword: 'y'.repeat(12) } })).statusCode).toBe(401);
    const p = await createUser(t.db, { organizationId: aglie, roles: ['employee'] });
    const s = await login(t.app, p.email, p.password);
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/auth/password', headers: { cookie: s.cookie }, payload: { currentPassword: p.password, newPassword: 'y'.repeat(12) } });
    expect(res.statusCode).toBe(403);
  });
});

describe('daily cleanup of sign-in leftovers', () => {
  it('removes expired sessions and keeps live ones', async () => {
    const p = await createUser(t.db, { organizationId: aglie, roles: ['employee'] });
    const live = await login(t.app, p.email, p.password);
    await login(t.app, p.email, p.password);
    await t.db.ownerTx((tx) =>
      tx.query(`update sessions set expires_at = now() - interval '1 minute' where user_id = $1 and id = (select id from sessions where user_id = $1 order by created_at desc limit 1)`, [p.id]),
    );
    const { handlers } = moduleJobs({ config: t.config, db: t.db, mailer: { send: async () => undefined } as never });
    await handlers[SIGN_IN_CLEANUP_JOB]({}, {} as never);
    const left = await t.db.ownerTx((tx) => tx.query(`select count(*)::int as n from sessions where user_id = $1`, [p.id]));
    expect(left.rows[0].n).toBe(1);
    expect((await session(live.headers)).statusCode).toBe(200);
  });
});
