/**
 * The demo's agreements: written once after the offices' demo, each one valid under the rules,
 * never two live ones of a person overlapping, about 55% of the people with a registered one, and
 * the demo employee able to see, download and renew his.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { login, organizationId } from '../../../../test/auth-helpers.js';
import { seedDemo } from '../../../app/prepare.js';
import { DEMO_PASSWORD } from '../../people/index.js';
import { addDays, agreementViolations, lastDayInForce, periodsOverlap } from './agreement-rules.js';
import { DEMO_EMPLOYEE_EMAIL, DEMO_HR_EMAIL } from '../offices/offices.seed-demo.js';
import { seedAgreementsDemo } from './agreements.seed-demo.js';
import * as repo from './agreements.repo.js';
import { clock } from '../../../platform/clock.js';

let t: TestApp;
let lucca: string;
let rows: repo.AgreementRow[];
let employees: number;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db);
  lucca = await organizationId(t.db, '046');
  rows = await t.db.tx({ platform: true }, async (tx) => (await repo.selectAgreements(tx, { organizationId: lucca, all: true, userId: '' }, { statuses: null, officeId: null, employeeId: null, mine: false, lastDayFrom: null, lastDayTo: null }, 10_000, 0)).items);
  employees = Number((await t.db.ownerTx((tx) => tx.query<{ n: number }>('select count(*)::int as n from rw_employees where organization_id = $1 and active', [lucca]))).rows[0].n);
});
afterAll(async () => t?.close());

describe('demo agreements', () => {
  it('give about 55% of the people a registered agreement, with requests to decide and to register', () => {
    const registered = rows.filter((a) => a.status === 'registered').length;
    expect(employees).toBeGreaterThan(500);
    expect(registered / employees).toBeGreaterThan(0.45);
    expect(registered / employees).toBeLessThan(0.65);
    expect(rows.filter((a) => a.status === 'requested').length).toBeGreaterThan(3);
    expect(rows.filter((a) => a.status === 'approved').length).toBeGreaterThan(0);
    const today = clock.today();
    expect(rows.filter((a) => a.status === 'registered' && a.endsOn && a.endsOn <= addDays(today, 60)).length).toBeGreaterThan(3);
    for (const a of rows.filter((x) => x.status === 'registered')) expect(lastDayInForce(a) === null || lastDayInForce(a)! >= today).toBe(true);
  });

  it('are all valid under the rules, and never overlap for one person', () => {
    for (const a of rows) expect(agreementViolations(a), a.id).toEqual([]);
    const byPerson = new Map<string, repo.AgreementRow[]>();
    for (const a of rows.filter((x) => ['requested', 'approved', 'registered'].includes(x.status))) byPerson.set(a.employeeId, [...(byPerson.get(a.employeeId) ?? []), a]);
    for (const list of byPerson.values()) {
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) expect(periodsOverlap({ startsOn: list[i].startsOn, last: lastDayInForce(list[i]) }, { startsOn: list[j].startsOn, last: lastDayInForce(list[j]) })).toBe(false);
    }
  });

  it('are written once', async () => {
    expect(await seedAgreementsDemo(t.db)).toBe(0);
  });

  it('let the demo employee see his agreement ending in 45 days, download it and ask for its renewal; HR sees the requests', async () => {
    const me = await login(t.app, DEMO_EMPLOYEE_EMAIL, DEMO_PASSWORD);
    const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/remote-work/agreements?mine=true', headers: me.headers })).json();
    expect(mine.total).toBe(1);
    expect(mine.items[0]).toMatchObject({ status: 'registered', endsOn: addDays(clock.today(), 44) });
    expect(mine.items[0].actions).toContain('renew');
    const pdf = await t.app.inject({ method: 'GET', url: `/api/v1/remote-work/agreements/${mine.items[0].id}/document.pdf`, headers: me.headers });
    expect(pdf.statusCode).toBe(200);
    const hr = await login(t.app, DEMO_HR_EMAIL, DEMO_PASSWORD);
    const toDecide = (await t.app.inject({ method: 'GET', url: '/api/v1/remote-work/agreements?status=requested', headers: hr.headers })).json();
    expect(toDecide.total).toBe(rows.filter((a) => a.status === 'requested').length);
  });
});
