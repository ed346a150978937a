/**
 * The indicators' routes: a body's dashboard with known figures, target and gap; who may see what
 * (HR, office managers, employees, another body, region officers of this and another region);
 * bad input as problems with stable codes; CSV.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { createUser, login, organizationId } from '../../../../test/auth-helpers.js';
import type { Role } from '../../../platform/auth/context.js';
import { addMonths, currentMonth, daysOfMonth } from './indicator-rules.js';
import { refreshIndicators } from './refresh-indicators.js';
import { insertAgreement, insertEmployee, insertOffice, insertPlanDays } from './indicators.test-support.js';

let t: TestApp;
const CUR = currentMonth();
const PREV = addMonths(CUR, -1);
const H: Record<string, Record<string, string>> = {};
let province: string;
let city: string;
let aglie: string;
let officeA: string;

async function as(name: string, org: string | null, roles: Role[]) {
  const u = await createUser(t.db, { organizationId: org ?? undefined, roles, email: `${name}-${Math.random().toString(36).slice(2, 8)}@test.agilepa.example` });
  H[name] = (await login(t.app, u.email, u.password)).headers;
  return u;
}

const get = (who: string | null, url: string) => t.app.inject({ method: 'GET', url: `/api/v1/remote-work/indicators${url}`, headers: who ? H[who] : {} });

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): { code: string } }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.json().code).toBe(code);
}

beforeAll(async () => {
  t = await createTestApp();
  province = await organizationId(t.db, '046');
  city = await organizationId(t.db, '046017');
  aglie = await organizationId(t.db, '001001');
  await as('hr', province, ['hr_manager']);
  await as('admin', province, ['body_admin']);
  const manager = await as('manager', province, ['office_manager']);
  await as('employee', province, ['employee']);
  await as('cityHr', city, ['hr_manager']);
  await as('tuscany', await organizationId(t.db, '09'), ['region_officer']);
  await as('piedmont', await organizationId(t.db, '01'), ['region_officer']);
  await as('nobody', null, []);

  await t.db.ownerTx(async (tx) => {
    officeA = await insertOffice(tx, province, 'A', manager.id);
    const officeB = await insertOffice(tx, province, 'B');
    const [e1, e2, e3] = [await insertEmployee(tx, province, officeA), await insertEmployee(tx, province, officeA), await insertEmployee(tx, province, officeA)];
    const [e4, e5, e6] = [await insertEmployee(tx, province, officeB), await insertEmployee(tx, province, officeB), await insertEmployee(tx, province, officeB, false)];
    const reg = { status: 'registered' as const, endsOn: null, withdrawalEffectiveOn: null, registered: true };
    await insertAgreement(tx, province, e1, { ...reg, startsOn: `${CUR}-01` });
    await insertAgreement(tx, province, e2, { ...reg, startsOn: `${CUR}-15`, endsOn: `${addMonths(CUR, 2)}-10` });
    await insertAgreement(tx, province, e3, { ...reg, status: 'requested', registered: false, startsOn: `${CUR}-01` });
    await insertAgreement(tx, province, e4, { ...reg, startsOn: `${addMonths(CUR, -2)}-01`, endsOn: daysOfMonth(PREV).at(-1)! });
    await insertAgreement(tx, province, e6, { ...reg, startsOn: `${CUR}-01` });
    const d2 = `${CUR}-02`;
    const d3 = `${CUR}-03`;
    const p = (employeeId: string, officeId: string, day: string, kind: string) => ({ organizationId: province, employeeId, officeId, day, kind });
    await insertPlanDays(tx, [
      p(e1, officeA, d2, 'remote'),
      p(e1, officeA, d3, 'onsite'),
      p(e2, officeA, d2, 'remote'),
      p(e4, officeB, d2, 'onsite'),
      p(e4, officeB, d3, 'absent'),
      p(e5, officeB, d2, 'onsite'),
    ]);
    const cityOffice = await insertOffice(tx, city, 'URP');
    const c1 = await insertEmployee(tx, city, cityOffice);
    await insertAgreement(tx, city, c1, { ...reg, startsOn: `${PREV}-01` });
    const aglieOffice = await insertOffice(tx, aglie, 'SEG');
    await insertEmployee(tx, aglie, aglieOffice);
  });
  const put = await t.app.inject({ method: 'PUT', url: '/api/v1/remote-work/indicators/target', headers: H.hr, payload: { targetPercent: 60 } });
  expect(put.statusCode, put.body).toBe(200);
  await refreshIndicators(t.db);
});
afterAll(async () => t?.close());

describe('a body’s dashboard', () => {
  it('shows the headcount, the share with an agreement, the target of 60% and the gap', async () => {
    const res = await get('hr', `?month=${CUR}`);
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json();
    expect(b).toMatchObject({ organizationId: province, month: CUR, headcount: 5, targetPercent: 60, gapPoints: 20, targetMet: false });
    // e1 and e2 have an agreement in force this month; e3 only asked, e4's ended last month, e6 left
    expect(b.summary).toEqual({ remoteDays: 2, onsiteDays: 3, absentDays: 1, withAgreement: 2, agreementSharePercent: 40, remoteSharePercent: 40 });
    expect(b.months).toHaveLength(12);
    expect(b.months.at(-1).month).toBe(CUR);
    expect(b.months.at(-2)).toMatchObject({ month: PREV, withAgreement: 1, agreementSharePercent: 20, remoteSharePercent: null });
    expect(b.offices.map((o: { code: string }) => o.code)).toEqual(['A', 'B']);
    expect(b.offices[0]).toMatchObject({ headcount: 3, withAgreement: 2, remoteDays: 2, onsiteDays: 1, agreementSharePercent: 66.7, remoteSharePercent: 66.7 });
    expect(b.offices[1]).toMatchObject({ headcount: 2, withAgreement: 0, remoteDays: 0, onsiteDays: 2, absentDays: 1, agreementSharePercent: 0, remoteSharePercent: 0 });
    expect(b.days).toHaveLength(daysOfMonth(CUR).length);
    expect(b.days[1]).toMatchObject({ day: `${CUR}-02`, remoteDays: 2, onsiteDays: 2, withAgreement: 1 });
    expect(b.days[20]).toMatchObject({ withAgreement: 2 }); // from the 15th e2 too
    expect(b.refreshedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('series by month, by day and by office', async () => {
    const m = await get('admin', `/months?from=${addMonths(CUR, -2)}&to=${CUR}`);
    expect(m.statusCode, m.body).toBe(200);
    expect(m.json().items.map((x: { withAgreement: number }) => x.withAgreement)).toEqual([1, 1, 2]);
    const d = await get('admin', `/days?month=${CUR}`);
    expect(d.json()).toMatchObject({ month: CUR, headcount: 5 });
    expect(d.json().items).toHaveLength(daysOfMonth(CUR).length);
    const o = await get('admin', `/offices?month=${CUR}`);
    expect(o.json().items).toHaveLength(2);
  });

  it('an office manager sees the totals and only the offices he manages', async () => {
    const res = await get('manager', `?month=${CUR}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().summary.withAgreement).toBe(2);
    expect(res.json().offices.map((o: { officeId: string }) => o.officeId)).toEqual([officeA]);
    expect((await get('manager', `/offices?month=${CUR}`)).json().items).toHaveLength(1);
  });

  it('refuses employees, callers without a body and anonymous callers', async () => {
    for (const url of ['', '/offices', '/days', '/months', '/target']) {
      expectProblem(await get('employee', url), 403, 'indicator.forbidden');
      expectProblem(await get('nobody', url), 403, 'indicator.no_body');
      expectProblem(await get(null, url), 401, 'auth.unauthenticated');
    }
  });

  it('another body sees only its own figures', async () => {
    const res = await get('cityHr', `?month=${CUR}`);
    expect(res.json()).toMatchObject({ organizationId: city, headcount: 1, targetPercent: 30, gapPoints: -70, targetMet: true });
    expect(res.json().offices.map((o: { code: string }) => o.code)).toEqual(['URP']);
  });

  it('bad months and ranges are problems, not errors', async () => {
    expectProblem(await get('hr', '?month=2026-13'), 400, 'request.invalid');
    expectProblem(await get('hr', '?month=1999-12'), 400, 'request.invalid');
    expectProblem(await get('hr', `/months?from=${CUR}&to=${addMonths(CUR, -1)}`), 422, 'indicator.invalid_range');
    expectProblem(await get('hr', `/months?from=${addMonths(CUR, -36)}&to=${CUR}`), 422, 'indicator.invalid_range');
    expect((await get('hr', `/months?from=${addMonths(CUR, -35)}&to=${CUR}`)).json().items).toHaveLength(36);
  });
});

describe('the target', () => {
  const put = (who: string, payload: Record<string, unknown> | string) => t.app.inject({ method: 'PUT', url: '/api/v1/remote-work/indicators/target', headers: H[who], payload });

  it('HR sets it (audited); the default is 30%', async () => {
    expect((await get('hr', '/target')).json()).toMatchObject({ targetPercent: 60, isDefault: false });
    expect((await get('cityHr', '/target')).json()).toEqual({ targetPercent: 30, isDefault: true, updatedAt: null });
    const audit = await t.db.ownerTx((tx) =>
      tx.query<{ after: { targetPercent: number } }>(`select after from audit_log where organization_id = $1 and action = 'remote_work_target.update'`, [province]),
    );
    expect(audit.rows.map((r) => r.after)).toEqual([{ targetPercent: 60 }]);
    const res = await put('admin', { targetPercent: 62.5 });
    expect(res.json()).toMatchObject({ targetPercent: 62.5, isDefault: false });
    await refreshIndicators(t.db);
    expect((await get('hr', `?month=${CUR}`)).json()).toMatchObject({ targetPercent: 62.5, gapPoints: 22.5 });
    expect((await put('hr', { targetPercent: 60 })).statusCode).toBe(200);
    await refreshIndicators(t.db);
  });

  it('refuses other roles and bad values, and writes nothing then', async () => {
    expectProblem(await put('employee', { targetPercent: 10 }), 403, 'indicator.forbidden');
    expectProblem(await put('manager', { targetPercent: 10 }), 403, 'indicator.forbidden');
    expectProblem(await put('nobody', { targetPercent: 10 }), 403, 'indicator.no_body');
    for (const bad of [{ targetPercent: 100.01 }, { targetPercent: -1 }, { targetPercent: 12.345 }, { targetPercent: '50' }, {}, { targetPercent: 50, extra: 1 }]) {
      expectProblem(await put('hr', bad), 400, 'request.invalid');
    }
    expect((await get('hr', '/target')).json().targetPercent).toBe(60);
  });
});

describe('territories', () => {
  it('Italy, a region and a province for everyone signed in', async () => {
    const n = await get('employee', `/territories/nation?month=${CUR}`);
    expect(n.statusCode, n.body).toBe(200);
    expect(n.json()).toMatchObject({ level: 'nation', code: 'IT', name: 'Italia', headcount: 7, bodies: 3, referencePercent: 30 });
    expect(n.json().summary).toMatchObject({ withAgreement: 3, agreementSharePercent: 42.9, remoteDays: 2, onsiteDays: 3 });
    expect(n.json().children).toHaveLength(20);
    const tuscany = n.json().children.find((c: { code: string }) => c.code === '09');
    expect(tuscany).toMatchObject({ level: 'region', headcount: 6, bodies: 2, withAgreement: 3, agreementSharePercent: 50 });
    const r = await get('employee', `/territories/regions/09?month=${CUR}`);
    expect(r.json()).toMatchObject({ level: 'region', code: '09', headcount: 6, regionCode: '09' });
    expect(r.json().children).toHaveLength(10);
    expect(r.json().children.find((c: { code: string }) => c.code === 'LU')).toMatchObject({ level: 'province', headcount: 6, withAgreement: 3 });
    const p = await get('piedmont', `/territories/provinces/LU?month=${PREV}`);
    expect(p.json()).toMatchObject({ level: 'province', code: 'LU', headcount: 6, children: [] });
    expect(p.json().summary.withAgreement).toBe(2); // e4 and the city's employee last month
    expect(p.json().months.at(-1).month).toBe(PREV);
  });

  it('unknown territories are 404, malformed codes 400, anonymous 401', async () => {
    expectProblem(await get('hr', '/territories/regions/99'), 404, 'indicator.territory_not_found');
    expectProblem(await get('hr', '/territories/provinces/XX'), 404, 'indicator.territory_not_found');
    expectProblem(await get('hr', '/territories/regions/9'), 400, 'request.invalid');
    expectProblem(await get('hr', '/territories/provinces/lu'), 400, 'request.invalid');
    expectProblem(await get(null, '/territories/nation'), 401, 'auth.unauthenticated');
  });

  it('the bodies of a region side by side: for that region’s officers only', async () => {
    const res = await get('tuscany', `/territories/regions/09/bodies?month=${CUR}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 2, month: CUR, regionCode: '09', provinceCode: null });
    // best share first: the city (100% of 1) before the province (40% of 5)
    expect(res.json().items.map((b: { organizationId: string }) => b.organizationId)).toEqual([city, province]);
    expect(res.json().items[1]).toMatchObject({ headcount: 5, targetPercent: 60, gapPoints: 20, targetMet: false, withAgreement: 2, provinceCode: 'LU' });
    const lu = await get('tuscany', `/territories/provinces/LU/bodies?month=${CUR}&pageSize=1&page=2`);
    expect(lu.json()).toMatchObject({ total: 2, page: 2, pageSize: 1, provinceCode: 'LU' });
    expect(lu.json().items.map((b: { organizationId: string }) => b.organizationId)).toEqual([province]);
    // another region's officer, a body's HR, an employee: refused
    expectProblem(await get('piedmont', '/territories/regions/09/bodies'), 403, 'indicator.region_forbidden');
    expectProblem(await get('piedmont', '/territories/provinces/LU/bodies'), 403, 'indicator.region_forbidden');
    expectProblem(await get('hr', '/territories/regions/09/bodies'), 403, 'indicator.region_forbidden');
    expectProblem(await get('employee', '/territories/provinces/LU/bodies'), 403, 'indicator.region_forbidden');
    // the Piedmont officer sees Piedmont: Agliè with no agreement
    const pie = await get('piedmont', `/territories/regions/01/bodies?month=${CUR}`);
    expect(pie.json().items).toMatchObject([{ organizationId: aglie, headcount: 1, withAgreement: 0, gapPoints: 30 }]);
  });
});

describe('CSV', () => {
  it('a body’s months, days and offices; semicolons with decimal commas by default', async () => {
    const res = await get('hr', `/export?table=offices&month=${CUR}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="indicatori-lavoro-agile-body-[0-9a-f-]+-offices-\d{4}-\d{2}\.csv"$/);
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('codice_ufficio;ufficio;dipendenti;giorni_agile;giorni_sede;giorni_assenza;dipendenti_con_accordo;quota_dipendenti_con_accordo_percento;quota_giorni_agile_percento');
    expect(lines[1]).toBe('A;Ufficio A;3;2;1;0;2;66,7;66,7');
    const comma = await get('hr', `/export?table=months&month=${CUR}&separator=comma`);
    const rows = comma.body.trim().split('\r\n');
    expect(rows).toHaveLength(13);
    expect(rows[12]).toBe(`${CUR},2,3,1,2,40,40`);
    expect((await get('hr', `/export?table=days&month=${CUR}`)).body.trim().split('\r\n')).toHaveLength(daysOfMonth(CUR).length + 1);
  });

  it('territories and bodies, with the same rules as the pages', async () => {
    const n = await get('employee', `/export?scope=nation&table=children&month=${CUR}`);
    expect(n.statusCode).toBe(200);
    expect(n.body.trim().split('\r\n')).toHaveLength(21);
    const b = await get('tuscany', `/export?scope=province&code=LU&table=bodies&month=${CUR}`);
    expect(b.body.trim().split('\r\n')[2]).toMatch(/^Provincia di Lucca;province;LU;5;60;20;2;3;1;2;40;40$/);
    expectProblem(await get('piedmont', '/export?scope=region&code=09&table=bodies'), 403, 'indicator.region_forbidden');
    expectProblem(await get('employee', '/export?table=months'), 403, 'indicator.forbidden');
    expectProblem(await get('hr', '/export?scope=nation&table=offices'), 422, 'indicator.table_not_available');
    expectProblem(await get('hr', '/export?scope=region&table=months'), 404, 'indicator.territory_not_found');
    expectProblem(await get('hr', '/export?table=everything'), 400, 'request.invalid');
  });
});
