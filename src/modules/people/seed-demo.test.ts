import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { login } from '../../../test/auth-helpers.js';
import { seedDemo } from '../../app/prepare.js';
import { DEMO_PASSWORD, DEMO_PEOPLE } from './seed-demo.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db);
});
afterAll(async () => t?.close());

describe('demo people', () => {
  it('every demo login works and lands in its body with its roles', async () => {
    for (const p of DEMO_PEOPLE) {
      const s = await login(t.app, p.email, DEMO_PASSWORD);
      const me = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: s.cookie } })).json();
      expect(me.organization, p.email).not.toBeNull();
      expect([...me.roles].sort()).toEqual([...p.roles].sort());
    }
    const aglie = await login(t.app, 'segretaria@aglie.agilepa.demo', DEMO_PASSWORD);
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: aglie.cookie } })).json();
    expect(me.organization.name).toBe('Agliè');
    const anci = await login(t.app, 'operatore@anci-piemonte.agilepa.demo', DEMO_PASSWORD);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: anci.cookie } })).json().organization.name).toBe('ANCI Piemonte');
  });

  it('is idempotent', async () => {
    const { seedPeopleDemo } = await import('./seed-demo.js');
    await seedPeopleDemo(t.db);
    const n = await t.db.query<{ n: number }>(`select count(*)::int as n from users where email like '%agilepa.demo'`);
    expect(n.rows[0].n).toBe(DEMO_PEOPLE.length);
  });
});
