import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { login, organizationId } from '../../../../test/auth-helpers.js';
import { seedDemo } from '../../../app/prepare.js';
import { DEMO_PASSWORD } from '../../people/index.js';
import { validateCodiceFiscale } from './codice-fiscale.js';
import { coverageShortfalls } from './employee-rules.js';
import { DEMO_EMPLOYEE, DEMO_OFFICES, demoPeople, findDemoEmployees, seedRemoteWorkDemo } from './offices.seed-demo.js';
import * as repo from './offices.repo.js';

describe('demo people (pure)', () => {
  it('are about 600, deterministic, with valid and unique codici fiscali and e-mails, and satisfy every coverage rule', () => {
    const a = demoPeople();
    expect(a).toEqual(demoPeople());
    expect(a.length).toBeGreaterThanOrEqual(580);
    expect(a.length).toBeLessThanOrEqual(620);
    for (const p of [...a, DEMO_EMPLOYEE]) expect(validateCodiceFiscale(p.taxCode).valid, p.taxCode).toBe(true);
    expect(new Set(a.map((p) => p.taxCode)).size).toBe(a.length);
    expect(new Set(a.map((p) => p.email)).size).toBe(a.length);
    const rules = DEMO_OFFICES.flatMap((o) =>
      [1, 2, 3, 4, 5].flatMap((w) => [
        { officeId: o.code, weekday: w, skill: '', minOnSite: o.onSite },
        ...Object.entries(o.skillOnSite ?? {}).map(([skill, n]) => ({ officeId: o.code, weekday: w, skill, minOnSite: n })),
      ]),
    );
    expect(coverageShortfalls(rules, a.map((p) => ({ officeId: p.officeCode, skills: p.skills })))).toEqual([]);
  });
});

describe('demo seed', () => {
  let t: TestApp;
  let ms = 0;
  beforeAll(async () => {
    t = await createTestApp();
    const start = performance.now();
    await seedDemo(t.db);
    ms = performance.now() - start;
  });
  afterAll(async () => t?.close());

  it('loads the Provincia di Lucca’s offices, rules and people quickly', async () => {
    const lucca = await organizationId(t.db, '046');
    const offices = await repo.selectOffices(t.db, lucca);
    expect(offices.map((o) => o.code).sort()).toEqual(DEMO_OFFICES.map((o) => o.code).sort());
    const urp = offices.find((o) => o.code === 'URP')!;
    expect(urp.parentId).toBe(offices.find((o) => o.code === 'SEG')!.id);
    const rules = await repo.selectCoverageRules(t.db, lucca, null);
    expect(rules.filter((r) => r.officeId === urp.id && r.skill === 'sportello').map((r) => r.weekday)).toEqual([1, 2, 3, 4, 5]);
    expect(coverageShortfalls(rules, await repo.selectActiveStaff(t.db, lucca, null))).toEqual([]);
    const all = await findDemoEmployees(t.db);
    expect(all.length).toBe(demoPeople().length + 1);
    expect((await findDemoEmployees(t.db, { officeCode: 'urp', limit: 5 })).every((e) => e.officeCode === 'URP')).toBe(true);
    expect(await findDemoEmployees(t.db, { officeCode: 'NONE' })).toEqual([]);
    console.log(`demo seed (all modules) on ${t.db.kind}: ${Math.round(ms)} ms`);
  });

  it('links dipendente@lucca.agilepa.demo to his employee record, and the HR officer manages the Personale office', async () => {
    const s = await login(t.app, 'dipendente@lucca.agilepa.demo', DEMO_PASSWORD);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/remote-work/employees/me', headers: s.headers });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ firstName: 'Luca', lastName: 'Dipendente', officeCode: 'TRIB', taxCode: DEMO_EMPLOYEE.taxCode });
    const hr = await login(t.app, 'hr@lucca.agilepa.demo', DEMO_PASSWORD);
    const offices = (await t.app.inject({ method: 'GET', url: '/api/v1/remote-work/offices', headers: hr.headers })).json().items;
    expect(offices.find((o: { code: string }) => o.code === 'PERS').managerEmail).toBe('hr@lucca.agilepa.demo');
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/remote-work/employees?pageSize=1', headers: hr.headers })).json();
    expect(list.total).toBe(demoPeople().length + 1);
  });

  it('does nothing the second time', async () => {
    await seedRemoteWorkDemo(t.db);
    expect((await findDemoEmployees(t.db)).length).toBe(demoPeople().length + 1);
  });
});
