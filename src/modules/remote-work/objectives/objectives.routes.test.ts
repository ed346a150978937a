/**
 * Work by objectives through the API: teams; objectives per office, team and person; reports by
 * the responsible people only, inside the period, with values of the right type; progress shown
 * to managers (an office manager his offices, HR all); employees see their own and their teams';
 * every refusal a problem with its code and nothing written; every write audited.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { createUser, login, organizationId } from '../../../../test/auth-helpers.js';
import type { Role } from '../../../platform/auth/context.js';
import { addDays } from '../agreements/agreement-rules.js';
import { insertEmployee, insertOffice } from '../plans/plans.test-support.js';
import { clock } from '../../../platform/clock.js';

let t: TestApp;
const H: Record<string, Record<string, string>> = {};
const U: Record<string, string> = {};
const today = clock.today();
let province: string;
let officeA: string;
let officeB: string;
const emp: Record<string, string> = {};
let teamId: string;
let personObjective: string;
let teamObjective: string;
let officeObjective: string;
let indicatorIds: string[];

async function as(name: string, org: string | null, roles: Role[], displayName?: string) {
  const u = await createUser(t.db, { organizationId: org ?? undefined, roles, displayName: displayName ?? name, email: `${name}-${Math.random().toString(36).slice(2, 8)}@test.agilepa.example` });
  H[name] = (await login(t.app, u.email, u.password)).headers;
  U[name] = u.id;
  return u;
}

const req = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', who: string | null, url: string, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1/remote-work${url}`, headers: who ? H[who] : {}, ...(payload === undefined ? {} : { payload: payload as object }) });

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): { code: string } }, status: number, code: string) {
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.json().code).toBe(code);
}

const counts = () =>
  t.db.ownerTx(async (tx) => {
    const r = await tx.query<{ o: number; r: number; t: number }>(
      `select (select count(*)::int from rw_objectives) as o, (select count(*)::int from rw_objective_reports) as r, (select count(*)::int from rw_teams) as t`,
    );
    return r.rows[0];
  });

const start = addDays(today, -30);
const end = addDays(today, 60);
const indicators = [
  { name: 'Pratiche evase nei termini', unit: '%', valueType: 'percent', baseline: 20, target: 80, direction: 'increase' },
  { name: 'Giorni medi di attesa', unit: 'giorni', valueType: 'integer', baseline: 30, target: 10, direction: 'decrease' },
];

beforeAll(async () => {
  t = await createTestApp();
  province = await organizationId(t.db, '046');
  const city = await organizationId(t.db, '046017');
  await as('hr', province, ['hr_manager'], 'Marta Personale');
  const manager = await as('manager', province, ['office_manager'], 'Rino Responsabile');
  const otherManager = await as('otherManager', province, ['office_manager'], 'Olga Responsabile');
  const anna = await as('anna', province, ['employee'], 'Anna Bianchi');
  const bruno = await as('bruno', province, ['employee'], 'Bruno Neri');
  const carla = await as('carla', province, ['employee'], 'Carla Verdi');
  await as('cityHr', city, ['hr_manager']);
  await as('nobody', null, []);
  officeA = await insertOffice(t.db, province, { code: 'TRIB', name: 'Ufficio Tributi', managerUserId: manager.id });
  officeB = await insertOffice(t.db, province, { code: 'URP', name: 'Sportello URP', managerUserId: otherManager.id });
  emp.anna = await insertEmployee(t.db, province, { officeId: officeA, firstName: 'Anna', lastName: 'Bianchi', userId: anna.id });
  emp.bruno = await insertEmployee(t.db, province, { officeId: officeA, firstName: 'Bruno', lastName: 'Neri', userId: bruno.id });
  emp.carla = await insertEmployee(t.db, province, { officeId: officeB, firstName: 'Carla', lastName: 'Verdi', userId: carla.id });
  emp.gone = await insertEmployee(t.db, province, { officeId: officeA, firstName: 'Gino', lastName: 'Andato', active: false });
});
afterAll(async () => t?.close());

describe('teams', () => {
  it('an office manager makes a team of his office’s people; HR a body-wide one', async () => {
    const r = await req('POST', 'manager', '/teams', { name: 'Squadra accertamenti', officeId: officeA, memberIds: [emp.anna] });
    expect(r.statusCode, r.body).toBe(201);
    teamId = r.json().id;
    expect(r.json()).toMatchObject({ name: 'Squadra accertamenti', officeId: officeA, officeName: 'Ufficio Tributi', members: [{ employeeId: emp.anna, name: 'Anna Bianchi' }] });
    const hr = await req('POST', 'hr', '/teams', { name: 'Progetto PIAO', officeId: null, memberIds: [emp.anna, emp.carla] });
    expect(hr.statusCode, hr.body).toBe(201);
  });

  it('refuses people of other offices, inactive people, body-wide teams for managers, repeated names, employees', async () => {
    const before = await counts();
    expectProblem(await req('POST', 'manager', '/teams', { name: 'Misto', officeId: officeA, memberIds: [emp.anna, emp.carla] }), 422, 'team.invalid');
    expectProblem(await req('POST', 'manager', '/teams', { name: 'Con assente', officeId: officeA, memberIds: [emp.gone] }), 422, 'team.invalid');
    expectProblem(await req('POST', 'manager', '/teams', { name: 'Di tutti', officeId: null, memberIds: [] }), 403, 'objective.forbidden');
    expectProblem(await req('POST', 'manager', '/teams', { name: 'Altrui', officeId: officeB, memberIds: [] }), 403, 'objective.forbidden');
    expectProblem(await req('POST', 'manager', '/teams', { name: 'squadra ACCERTAMENTI', officeId: officeA, memberIds: [] }), 409, 'team.name_taken');
    expectProblem(await req('POST', 'anna', '/teams', { name: 'Mio', officeId: officeA, memberIds: [] }), 403, 'objective.forbidden');
    expectProblem(await req('POST', 'hr', '/teams', { name: 'Fantasma', officeId: randomUUID(), memberIds: [] }), 422, 'team.invalid');
    expect(await counts()).toEqual(before);
  });

  it('lists: HR all, a manager his offices’, an employee his own', async () => {
    const names = async (who: string) => (await req('GET', who, '/teams')).json().items.map((x: { name: string }) => x.name);
    expect(await names('hr')).toEqual(['Progetto PIAO', 'Squadra accertamenti']);
    expect(await names('manager')).toEqual(['Squadra accertamenti']);
    expect(await names('anna')).toEqual(['Progetto PIAO', 'Squadra accertamenti']);
    expect(await names('bruno')).toEqual([]);
    expect(await names('cityHr')).toEqual([]);
    expectProblem(await req('PUT', 'otherManager', `/teams/${teamId}`, { name: 'X', officeId: officeB, memberIds: [] }), 404, 'team.not_found');
    expectProblem(await req('PUT', 'anna', `/teams/${teamId}`, { name: 'X', officeId: officeA, memberIds: [] }), 403, 'objective.forbidden');
  });
});

describe('objectives', () => {
  it('an office manager sets a person’s objective with indicators, period and responsible people', async () => {
    const r = await req('POST', 'manager', '/objectives', {
      title: 'Smaltire l’arretrato degli accertamenti',
      description: 'Entro l’estate',
      scope: 'person',
      ownerId: emp.anna,
      startsOn: start,
      endsOn: end,
      indicators,
      responsibleUserIds: [U.anna],
    });
    expect(r.statusCode, r.body).toBe(201);
    const o = r.json();
    personObjective = o.id;
    indicatorIds = o.indicators.map((i: { id: string }) => i.id);
    expect(o).toMatchObject({ scope: 'person', employeeId: emp.anna, ownerName: 'Anna Bianchi', ownerOfficeId: officeA, canEdit: true, canReport: false });
    expect(o.responsibles).toEqual([{ userId: U.anna, name: 'Anna Bianchi' }]);
    expect(o.progress).toMatchObject({ achievedPercent: 0, expectedPercent: 33.3, status: 'late' });
    expect(r.headers.location).toBe(`/api/v1/remote-work/objectives/${o.id}`);

    const team = await req('POST', 'manager', '/objectives', { title: 'Controlli a campione', scope: 'team', ownerId: teamId, startsOn: start, endsOn: end, indicators: [indicators[0]], responsibleUserIds: [U.manager] });
    expect(team.statusCode, team.body).toBe(201);
    teamObjective = team.json().id;
    const office = await req('POST', 'hr', '/objectives', { title: 'Tempi di risposta allo sportello', scope: 'office', ownerId: officeB, startsOn: start, endsOn: end, indicators: [indicators[1]], responsibleUserIds: [U.carla] });
    expect(office.statusCode, office.body).toBe(201);
    officeObjective = office.json().id;
  });

  it('refuses bad objectives with their codes and writes nothing', async () => {
    const before = await counts();
    const base = { title: 'Prova', scope: 'person', ownerId: emp.anna, startsOn: start, endsOn: end, indicators, responsibleUserIds: [U.anna] };
    expectProblem(await req('POST', 'manager', '/objectives', { ...base, endsOn: addDays(start, -1) }), 422, 'objective.invalid');
    expectProblem(await req('POST', 'manager', '/objectives', { ...base, indicators: [{ ...indicators[0], target: 10 }] }), 422, 'objective.invalid_indicator');
    expectProblem(await req('POST', 'manager', '/objectives', { ...base, indicators: [{ ...indicators[0], baseline: 120 }] }), 422, 'objective.invalid');
    expectProblem(await req('POST', 'manager', '/objectives', { ...base, indicators: [{ ...indicators[1], baseline: 30.5 }] }), 422, 'objective.invalid');
    expectProblem(await req('POST', 'manager', '/objectives', { ...base, indicators: [{ ...indicators[0], valueType: 'money' }] }), 400, 'request.invalid');
    expectProblem(await req('POST', 'manager', '/objectives', { ...base, responsibleUserIds: [U.cityHr] }), 422, 'objective.invalid_responsible');
    expectProblem(await req('POST', 'manager', '/objectives', { ...base, ownerId: randomUUID() }), 422, 'objective.owner_not_found');
    expectProblem(await req('POST', 'manager', '/objectives', { ...base, ownerId: emp.gone }), 422, 'objective.owner_not_found');
    expectProblem(await req('POST', 'manager', '/objectives', { ...base, ownerId: emp.carla }), 403, 'objective.forbidden');
    expectProblem(await req('POST', 'manager', '/objectives', { ...base, scope: 'office', ownerId: officeB }), 403, 'objective.forbidden');
    expectProblem(await req('POST', 'anna', '/objectives', base), 403, 'objective.forbidden');
    expectProblem(await req('POST', 'nobody', '/objectives', base), 403, 'objective.no_body');
    expect(await counts()).toEqual(before);
  });
});

describe('reports', () => {
  it('the responsible person reports; progress follows the latest values', async () => {
    const r = await req('POST', 'anna', `/objectives/${personObjective}/reports`, {
      reportedOn: addDays(today, -10),
      comment: 'Prime pratiche chiuse',
      values: [
        { indicatorId: indicatorIds[0], value: 50 },
        { indicatorId: indicatorIds[1], value: 20 },
      ],
    });
    expect(r.statusCode, r.body).toBe(201);
    const o = r.json();
    expect(o.reports).toHaveLength(1);
    expect(o.reports[0]).toMatchObject({ reportedOn: addDays(today, -10), comment: 'Prime pratiche chiuse', reportedBy: U.anna, reportedByName: 'Anna Bianchi' });
    expect(o.progress).toMatchObject({ achievedPercent: 50, expectedPercent: 33.3, status: 'on_track' });
    expect(o.progress.indicators).toEqual([
      { indicatorId: indicatorIds[0], latestValue: 50, latestOn: addDays(today, -10), achievedPercent: 50 },
      { indicatorId: indicatorIds[1], latestValue: 20, latestOn: addDays(today, -10), achievedPercent: 50 },
    ]);
    expect(o.canReport).toBe(true);
    const later = await req('POST', 'anna', `/objectives/${personObjective}/reports`, {
      reportedOn: today,
      values: [
        { indicatorId: indicatorIds[0], value: 56 },
        { indicatorId: indicatorIds[1], value: 18 },
      ],
    });
    expect(later.statusCode, later.body).toBe(201);
    expect(later.json().progress.indicators.map((i: { latestValue: number }) => i.latestValue)).toEqual([56, 18]);
  });

  it('refuses reports outside the period, in the future, with values of the wrong type or missing, twice on a day — and from anyone not responsible', async () => {
    const before = await counts();
    const v = (a: number, b: number) => [
      { indicatorId: indicatorIds[0], value: a },
      { indicatorId: indicatorIds[1], value: b },
    ];
    const url = `/objectives/${personObjective}/reports`;
    expectProblem(await req('POST', 'anna', url, { reportedOn: addDays(start, -1), values: v(50, 20) }), 422, 'objective.report_outside_period');
    expectProblem(await req('POST', 'anna', url, { reportedOn: addDays(today, 1), values: v(50, 20) }), 422, 'objective.report_in_future');
    expectProblem(await req('POST', 'anna', url, { reportedOn: addDays(today, -2), values: v(50, 20.5) }), 422, 'objective.report_invalid_value');
    expectProblem(await req('POST', 'anna', url, { reportedOn: addDays(today, -2), values: v(101, 20) }), 422, 'objective.report_invalid_value');
    expectProblem(await req('POST', 'anna', url, { reportedOn: addDays(today, -2), values: v(50, 20).slice(0, 1) }), 422, 'objective.report_invalid_value');
    expectProblem(await req('POST', 'anna', url, { reportedOn: addDays(today, -2), values: [...v(50, 20), { indicatorId: randomUUID(), value: 1 }] }), 422, 'objective.report_invalid_value');
    expectProblem(await req('POST', 'anna', url, { reportedOn: 'ieri', values: v(50, 20) }), 400, 'request.invalid');
    expectProblem(await req('POST', 'anna', url, { reportedOn: today, values: v(60, 15) }), 409, 'objective.report_exists');
    expectProblem(await req('POST', 'manager', url, { reportedOn: addDays(today, -2), values: v(50, 20) }), 403, 'objective.not_responsible');
    expectProblem(await req('POST', 'hr', url, { reportedOn: addDays(today, -2), values: v(50, 20) }), 403, 'objective.not_responsible');
    expectProblem(await req('POST', 'bruno', url, { reportedOn: addDays(today, -2), values: v(50, 20) }), 404, 'objective.not_found');
    expectProblem(await req('POST', 'cityHr', url, { reportedOn: addDays(today, -2), values: v(50, 20) }), 404, 'objective.not_found');
    expect(await counts()).toEqual(before);
  });
});

describe('who sees what', () => {
  const titles = async (who: string, query = '') => (await req('GET', who, `/objectives${query}`)).json().items.map((x: { title: string }) => x.title).sort();

  it('HR all; an office manager his offices’; an employee his own, his teams’ and those he reports on', async () => {
    expect(await titles('hr')).toEqual(['Controlli a campione', 'Smaltire l’arretrato degli accertamenti', 'Tempi di risposta allo sportello']);
    expect(await titles('manager')).toEqual(['Controlli a campione', 'Smaltire l’arretrato degli accertamenti']);
    expect(await titles('otherManager')).toEqual(['Tempi di risposta allo sportello']);
    expect(await titles('anna')).toEqual(['Controlli a campione', 'Smaltire l’arretrato degli accertamenti']);
    expect(await titles('carla')).toEqual(['Tempi di risposta allo sportello']);
    expect(await titles('bruno')).toEqual([]);
    expect(await titles('cityHr')).toEqual([]);
  });

  it('one objective: 404 for whoever may not see it', async () => {
    expect((await req('GET', 'anna', `/objectives/${personObjective}`)).statusCode).toBe(200);
    expect((await req('GET', 'manager', `/objectives/${teamObjective}`)).json()).toMatchObject({ canEdit: true, canReport: true });
    expect((await req('GET', 'anna', `/objectives/${teamObjective}`)).json()).toMatchObject({ canEdit: false, canReport: false });
    for (const who of ['bruno', 'otherManager', 'cityHr']) expectProblem(await req('GET', who, `/objectives/${personObjective}`), 404, 'objective.not_found');
    expectProblem(await req('GET', 'manager', `/objectives/${officeObjective}`), 404, 'objective.not_found');
    expectProblem(await req('GET', 'nobody', `/objectives/${personObjective}`), 403, 'objective.no_body');
    expectProblem(await req('GET', null, `/objectives/${personObjective}`), 401, 'auth.unauthenticated');
    expectProblem(await req('GET', 'hr', `/objectives/not-a-uuid`), 400, 'request.invalid');
  });

  it('the list shows progress and filters by office, scope and period', async () => {
    const r = (await req('GET', 'manager', `/objectives?officeId=${officeA}&period=current`)).json();
    expect(r.canCreate).toBe(true);
    const person = r.items.find((x: { id: string }) => x.id === personObjective);
    expect(person).toMatchObject({ indicatorCount: 2, lastReportOn: today, progress: { status: 'on_track' }, canEdit: true });
    expect(person.progress.achievedPercent).toBe(60);
    const team = r.items.find((x: { id: string }) => x.id === teamObjective);
    expect(team.progress).toMatchObject({ achievedPercent: 0, status: 'late' });
    expect(await titles('hr', '?scope=office')).toEqual(['Tempi di risposta allo sportello']);
    expect(await titles('hr', '?period=past')).toEqual([]);
    expect(await titles('hr', '?q=campione')).toEqual(['Controlli a campione']);
    expect((await req('GET', 'anna', '/objectives')).json().canCreate).toBe(false);
  });
});

describe('changes and deletion', () => {
  it('the manager changes title, target and responsible people; reports already filed stay valid', async () => {
    const cur = (await req('GET', 'manager', `/objectives/${personObjective}`)).json();
    const r = await req('PATCH', 'manager', `/objectives/${personObjective}`, {
      title: 'Smaltire l’arretrato (rivisto)',
      indicators: cur.indicators.map((i: Record<string, unknown>, k: number) => (k === 0 ? { ...i, target: 70 } : i)),
      responsibleUserIds: [U.anna, U.bruno],
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ title: 'Smaltire l’arretrato (rivisto)' });
    expect(r.json().indicators[0].target).toBe(70);
    expect(r.json().progress.indicators[0].achievedPercent).toBe(72);
    // Bruno, now responsible, sees it
    expect((await req('GET', 'bruno', `/objectives/${personObjective}`)).statusCode).toBe(200);
  });

  it('refuses changes that would contradict filed reports, and changes by people who do not manage it', async () => {
    const cur = (await req('GET', 'manager', `/objectives/${personObjective}`)).json();
    expectProblem(await req('PATCH', 'manager', `/objectives/${personObjective}`, { startsOn: addDays(today, -5) }), 409, 'objective.reports_outside_period');
    expectProblem(await req('PATCH', 'manager', `/objectives/${personObjective}`, { indicators: [cur.indicators[0]] }), 409, 'objective.indicator_has_values');
    expectProblem(
      await req('PATCH', 'manager', `/objectives/${personObjective}`, { indicators: [cur.indicators[0], { ...cur.indicators[1], valueType: 'number' }] }),
      409,
      'objective.indicator_has_values',
    );
    expectProblem(await req('PATCH', 'manager', `/objectives/${personObjective}`, { indicators: [{ ...cur.indicators[0], id: randomUUID() }, cur.indicators[1]] }), 422, 'objective.invalid');
    expectProblem(await req('PATCH', 'manager', `/objectives/${personObjective}`, { ownerId: emp.bruno }), 400, 'request.invalid');
    expectProblem(await req('PATCH', 'anna', `/objectives/${personObjective}`, { title: 'Mio' }), 403, 'objective.forbidden');
    expectProblem(await req('PATCH', 'otherManager', `/objectives/${personObjective}`, { title: 'Suo' }), 404, 'objective.not_found');
    expect((await req('GET', 'hr', `/objectives/${personObjective}`)).json().title).toBe('Smaltire l’arretrato (rivisto)');
  });

  it('adds an indicator; a team with objectives is not deleted; the objective is, then the team', async () => {
    const cur = (await req('GET', 'manager', `/objectives/${teamObjective}`)).json();
    const added = await req('PATCH', 'manager', `/objectives/${teamObjective}`, {
      indicators: [...cur.indicators, { name: 'Controlli svolti', unit: 'n.', valueType: 'integer', baseline: 0, target: 40, direction: 'increase' }],
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().indicators.map((i: { name: string }) => i.name)).toEqual(['Pratiche evase nei termini', 'Controlli svolti']);
    expectProblem(await req('DELETE', 'manager', `/teams/${teamId}`), 409, 'team.in_use');
    expectProblem(await req('DELETE', 'anna', `/objectives/${teamObjective}`), 403, 'objective.forbidden');
    expect((await req('DELETE', 'manager', `/objectives/${teamObjective}`)).statusCode).toBe(204);
    expectProblem(await req('GET', 'manager', `/objectives/${teamObjective}`), 404, 'objective.not_found');
    expect((await req('DELETE', 'manager', `/teams/${teamId}`)).statusCode).toBe(204);
  });

  it('every write is audited', async () => {
    const actions = (
      await t.db.ownerTx((tx) =>
        tx.query<{ action: string }>(`select action from audit_log where organization_id = $1 and (action like 'remote_work_objective%' or action like 'remote_work_team%') order by seq`, [province]),
      )
    ).rows.map((r) => r.action);
    expect(actions.filter((a) => a === 'remote_work_objective.create')).toHaveLength(3);
    expect(actions.filter((a) => a === 'remote_work_objective_report.create')).toHaveLength(2);
    expect(actions.filter((a) => a === 'remote_work_objective.update')).toHaveLength(2);
    expect(actions).toEqual(expect.arrayContaining(['remote_work_team.create', 'remote_work_objective.delete', 'remote_work_team.delete']));
  });
});
