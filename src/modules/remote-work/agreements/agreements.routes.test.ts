/**
 * The agreements through HTTP, on PGlite and PostgreSQL: the workflow (request, decision, safety
 * acknowledgement, registration, withdrawal, renewal, expiry), who may do and see what, bad input
 * refused with stable codes and nothing written, e-mails and audit at every step, the documents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { createUser, login, organizationId } from '../../../../test/auth-helpers.js';
import type { Role } from '../../../platform/auth/context.js';
import { addDays } from './agreement-rules.js';
import { insertEmployee, insertOffice, queuedMails, terms } from './agreements.test-support.js';
import { closeEndedAgreements } from './close-ended-agreements.js';
import { overlapOf } from './agreement-terms.js';
import * as repo from './agreements.repo.js';
import { docxText, pdfText, unzip } from '../../../platform/documents/read-documents.test-support.js';
import { clock } from '../../../platform/clock.js';

type Headers = Record<string, string>;
let t: TestApp;
let lucca: string;
let aglie: string;
let officeA: string;
let officeB: string;
const h: Record<string, Headers> = {};
const users: Record<string, { id: string; email: string }> = {};
const emp: Record<string, string> = {};
const today = clock.today();
const URL = '/api/v1/remote-work/agreements';

async function person(key: string, org: string, roles: Role[], name: string) {
  const u = await createUser(t.db, { organizationId: org, roles, displayName: name, email: `${key}@lucca.test.agilepa.example` });
  users[key] = u;
  h[key] = (await login(t.app, u.email, u.password)).headers;
}

beforeAll(async () => {
  t = await createTestApp();
  lucca = await organizationId(t.db, '046');
  aglie = await organizationId(t.db, '001001');
  await person('hr', lucca, ['hr_manager'], 'Ufficio Personale');
  await person('manager', lucca, ['office_manager', 'employee'], 'Marta Responsabile');
  await person('manager2', lucca, ['office_manager'], 'Bruno Responsabile');
  await person('anna', lucca, ['employee'], 'Anna Bianchi');
  await person('carlo', lucca, ['employee'], 'Carlo Verdi');
  await person('dario', lucca, ['employee'], 'Dario Neri');
  await person('nobody', lucca, ['employee'], 'Senza Scheda');
  await person('otherHr', aglie, ['hr_manager', 'body_admin'], 'Personale Agliè');
  officeA = await insertOffice(t.db, { organizationId: lucca, name: 'Ufficio Tributi', managerUserId: users.manager.id });
  officeB = await insertOffice(t.db, { organizationId: lucca, name: 'Ufficio Protocollo', managerUserId: users.manager2.id });
  emp.anna = await insertEmployee(t.db, { organizationId: lucca, officeId: officeA, firstName: 'Anna', lastName: 'Bianchi', userId: users.anna.id });
  emp.carlo = await insertEmployee(t.db, { organizationId: lucca, officeId: officeB, firstName: 'Carlo', lastName: 'Verdi', userId: users.carlo.id, email: 'carlo.verdi@provincia.lucca.example' });
  emp.dario = await insertEmployee(t.db, { organizationId: lucca, officeId: officeA, firstName: 'Dario', lastName: 'Neri', userId: users.dario.id, disabledWorker: true });
  emp.manager = await insertEmployee(t.db, { organizationId: lucca, officeId: officeA, firstName: 'Marta', lastName: 'Responsabile', userId: users.manager.id });
  emp.elena = await insertEmployee(t.db, { organizationId: lucca, officeId: officeB, firstName: 'Elena', lastName: 'Gialli' }); // no account
  emp.retired = await insertEmployee(t.db, { organizationId: lucca, officeId: officeB, firstName: 'Piero', lastName: 'Pensionato', active: false });
});
afterAll(async () => t?.close());

const post = (who: string, url: string, payload?: unknown) => t.app.inject({ method: 'POST', url, headers: h[who], ...(payload === undefined ? {} : { payload: payload as object }) });
const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: h[who] });
const count = async () => Number((await t.db.ownerTx((tx) => tx.query<{ n: number }>('select count(*)::int as n from rw_agreements'))).rows[0].n);
const audits = async (id: string) =>
  (await t.db.ownerTx((tx) => tx.query<{ action: string }>(`select action from audit_log where entity_id = $1 order by seq`, [id]))).rows.map((r) => r.action);

/** Request → approve → acknowledge → register, returning the registered agreement. */
async function registered(who: string, body: Record<string, unknown>) {
  const r = await post(who, URL, { ...body, safetyInfoAcknowledged: true });
  expect(r.statusCode, r.body).toBe(201);
  const id = r.json().id;
  const ok = await post('hr', `${URL}/${id}/decision`, { decision: 'approved' });
  expect(ok.statusCode, ok.body).toBe(200);
  const reg = await post('hr', `${URL}/${id}/registration`);
  expect(reg.statusCode, reg.body).toBe(200);
  return reg.json();
}

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): { code: string; title: string }; body: string }, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(res.json().code).toBe(code);
  expect(res.json().title).toMatch(/[a-zà-ù]/);
}

describe('request, decision, registration', () => {
  let id: string;

  it('lets the employee ask for himself: requested, audited, mailed to him and his office manager', async () => {
    const before = (await queuedMails(t.db)).length;
    const r = await post('anna', URL, terms(10, 180));
    expect(r.statusCode, r.body).toBe(201);
    const a = r.json();
    id = a.id;
    expect(r.headers.location).toBe(`${URL}/${id}`);
    expect(a).toMatchObject({ status: 'requested', employeeId: emp.anna, employeeName: 'Anna Bianchi', officeName: 'Ufficio Tributi', maxRemotePerWeek: 2, allowedWeekdays: [1, 3, 5] });
    expect(a.safetyInfoAcknowledgedAt).toBe(null);
    expect(a.actions.sort()).toEqual(['acknowledgeSafety', 'withdraw']);
    expect(a.timeline.map((x: { event: string }) => x.event)).toEqual(['requested']);
    expect(await audits(id)).toEqual(['agreement.request']);
    const mails = (await queuedMails(t.db)).slice(before);
    expect(mails.map((m) => m.to).sort()).toEqual([users.anna.email, users.manager.email].sort());
    expect(mails.find((m) => m.to === users.manager.email)?.text).toMatch(/Anna Bianchi \(Ufficio Tributi\) chiede un accordo di lavoro agile[\s\S]*----- English -----/);
  });

  it('shows the office manager the actions he may take, and the HR officer too', async () => {
    expect((await get('manager', `${URL}/${id}`)).json().actions.sort()).toEqual(['approve', 'refuse', 'withdraw']);
    expect((await get('hr', `${URL}/${id}`)).json().actions.sort()).toEqual(['approve', 'refuse', 'withdraw']);
  });

  it('keeps other people’s agreements hidden: another office’s manager, a colleague, another body (404)', async () => {
    for (const who of ['manager2', 'carlo', 'otherHr']) expectProblem(await get(who, `${URL}/${id}`), 404, 'agreement.not_found');
    for (const who of ['manager2', 'carlo', 'otherHr']) expectProblem(await post(who, `${URL}/${id}/decision`, { decision: 'approved' }), 404, 'agreement.not_found');
    expectProblem(await get('carlo', `${URL}/${id}/document.pdf`), 404, 'agreement.not_found');
  });

  it('refuses the employee’s own approval and a refusal without a reason', async () => {
    expectProblem(await post('anna', `${URL}/${id}/decision`, { decision: 'approved' }), 403, 'agreement.forbidden');
    expectProblem(await post('manager', `${URL}/${id}/decision`, { decision: 'refused' }), 422, 'agreement.reason_required');
    expectProblem(await post('manager', `${URL}/${id}/decision`, { decision: 'refused', reason: '   ' }), 422, 'agreement.reason_required');
    expect((await get('hr', `${URL}/${id}`)).json().status).toBe('requested');
  });

  it('registers only approved agreements, only by HR, only after the safety information is acknowledged', async () => {
    expectProblem(await post('hr', `${URL}/${id}/registration`), 409, 'agreement.invalid_transition');
    const before = (await queuedMails(t.db)).length;
    const ok = await post('manager', `${URL}/${id}/decision`, { decision: 'approved' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', decisionReason: null });
    const mails = (await queuedMails(t.db)).slice(before);
    expect(mails.map((m) => m.to).sort()).toEqual([users.anna.email, users.hr.email].sort());
    expectProblem(await post('manager', `${URL}/${id}/decision`, { decision: 'approved' }), 409, 'agreement.invalid_transition');
    expectProblem(await post('manager', `${URL}/${id}/registration`), 403, 'agreement.forbidden');
    expectProblem(await post('hr', `${URL}/${id}/registration`), 409, 'agreement.safety_not_acknowledged');
    expectProblem(await post('hr', `${URL}/${id}/safety-acknowledgement`), 403, 'agreement.forbidden');
    const ack = await post('anna', `${URL}/${id}/safety-acknowledgement`);
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().safetyInfoAcknowledgedAt).toBeTruthy();
    const reg = await post('hr', `${URL}/${id}/registration`);
    expect(reg.statusCode, reg.body).toBe(200);
    expect(reg.json()).toMatchObject({ status: 'registered' });
    expect(reg.json().timeline.map((x: { event: string }) => x.event)).toEqual(['requested', 'approved', 'safety_acknowledged', 'registered']);
    expect(await audits(id)).toEqual(['agreement.request', 'agreement.approve', 'agreement.acknowledge_safety', 'agreement.register']);
    expectProblem(await post('hr', `${URL}/${id}/registration`), 409, 'agreement.invalid_transition');
  });

  it('refuses a second live agreement of the same person over the same days, with the reason', async () => {
    const n = await count();
    const r = await post('anna', URL, terms(100, 30));
    expectProblem(r, 409, 'agreement.overlap');
    expect(r.json().detail).toMatch(/C’è già un accordo registrato dal .* al .*: due accordi della stessa persona non possono sovrapporsi/);
    expect(r.json().overlapping[0].id).toBe(id);
    expectProblem(await post('hr', URL, { ...terms(150, null), employeeId: emp.anna }), 409, 'agreement.overlap');
    expect(await count()).toBe(n);
    // the day after its end is free
    const after = await post('anna', URL, terms(10 + 180, 30));
    expect(after.statusCode, after.body).toBe(201);
    const w = await post('anna', `${URL}/${after.json().id}/withdrawal`, { reason: 'Ci ho ripensato' });
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json()).toMatchObject({ status: 'withdrawn', withdrawnByParty: 'employee', withdrawalEffectiveOn: null, withdrawalNotifiedOn: today });
  });

  it('lets the manager refuse with a reason, told to the employee and to whoever drafted it', async () => {
    const draft = await post('hr', URL, { ...terms(20, 60), employeeId: emp.dario });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json().actions).not.toContain('acknowledgeSafety');
    const before = (await queuedMails(t.db)).length;
    const r = await post('manager', `${URL}/${draft.json().id}/decision`, { decision: 'refused', reason: 'Il presidio dello sportello a marzo non lo consente.' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'refused', decisionReason: 'Il presidio dello sportello a marzo non lo consente.' });
    const mails = (await queuedMails(t.db)).slice(before);
    expect(mails.map((m) => m.to).sort()).toEqual([users.dario.email, users.hr.email].sort());
    expect(mails[0].text).toContain('Il presidio dello sportello a marzo non lo consente.');
    expectProblem(await post('dario', `${URL}/${draft.json().id}/withdrawal`, {}), 409, 'agreement.invalid_transition');
    // a refused agreement does not hold the period
    const again = await post('dario', URL, terms(20, 60));
    expect(again.statusCode, again.body).toBe(201);
    await post('dario', `${URL}/${again.json().id}/withdrawal`, {});
  });

  it('never lets a manager decide on his own agreement', async () => {
    const own = await post('manager', URL, terms(5, 30));
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().actions).not.toContain('approve');
    expectProblem(await post('manager', `${URL}/${own.json().id}/decision`, { decision: 'approved' }), 403, 'agreement.self_decision');
    const hr = await post('hr', `${URL}/${own.json().id}/decision`, { decision: 'approved' });
    expect(hr.statusCode, hr.body).toBe(200);
  });

  it('lets HR draft for an employee, but not declare the employee’s safety acknowledgement; employees only ask for themselves', async () => {
    expectProblem(await post('hr', URL, { ...terms(30, 30), employeeId: emp.elena, safetyInfoAcknowledged: true }), 403, 'agreement.forbidden');
    expectProblem(await post('anna', URL, { ...terms(400, 30), employeeId: emp.elena }), 403, 'agreement.forbidden');
    expectProblem(await post('manager', URL, { ...terms(400, 30), employeeId: emp.anna }), 403, 'agreement.forbidden');
    expectProblem(await post('hr', URL, { ...terms(30, 30), employeeId: emp.retired }), 422, 'agreement.employee_not_found');
    expectProblem(await post('otherHr', URL, { ...terms(30, 30), employeeId: emp.elena }), 422, 'agreement.employee_not_found');
    expectProblem(await post('nobody', URL, terms(30, 30)), 403, 'agreement.no_employee_record');
    const r = await post('hr', URL, { ...terms(30, 30), employeeId: emp.elena });
    expect(r.statusCode, r.body).toBe(201);
    // Elena has no account: the mails go to her office manager only
    expect(r.json().employeeEmail).toBe(null);
  });
});

describe('bad input: clear reasons, stable codes, nothing written', () => {
  const cases: [string, Record<string, unknown>, number, string][] = [
    ['3 remote days a week on 2 weekdays', { maxRemotePerWeek: 3, allowedWeekdays: [2, 4], reachability: { '2': [['09:00', '12:00']], '4': [['09:00', '12:00']] } }, 422, 'agreement.remote_days_beyond_weekdays'],
    ['more days a month than Mondays in the month', { maxRemotePerWeek: null, maxRemotePerMonth: 6, allowedWeekdays: [1], reachability: { '1': [['09:00', '12:00']] } }, 422, 'agreement.remote_days_beyond_weekdays'],
    ['no remote days', { maxRemotePerWeek: 0 }, 422, 'agreement.no_remote_days'],
    ['an end before the start', { endsOn: addDays(today, 1) }, 422, 'agreement.invalid_term'],
    ['a plan day on a forbidden weekday', { monthlyPlan: { [nextWeekday(2)]: 'remote' } }, 422, 'agreement.plan_forbidden_weekday'],
    ['no disconnection hours', { disconnectionFrom: '19:00', disconnectionTo: '19:00' }, 422, 'agreement.disconnection_missing'],
    ['disconnection of 10 hours', { disconnectionFrom: '21:00', disconnectionTo: '07:00' }, 422, 'agreement.disconnection_too_short'],
    ['reachability in the disconnection hours', { reachability: { '1': [['07:00', '09:00']], '3': [['09:00', '10:00']], '5': [['09:00', '10:00']] } }, 422, 'agreement.reachability_in_disconnection'],
    ['a remote weekday without reachability', { reachability: { '1': [['09:00', '10:00']] } }, 422, 'agreement.reachability_missing'],
    ['an unknown field', { remoteDays: 3 }, 400, 'request.invalid'],
    ['an impossible date', { startsOn: '2027-02-30' }, 400, 'request.invalid'],
    ['a window that is not a pair', { reachability: { '1': [['09:00']] } }, 400, 'request.invalid'],
    ['8 days a week', { maxRemotePerWeek: 8 }, 400, 'request.invalid'],
  ];
  function nextWeekday(w: number): string {
    let d = addDays(today, 14);
    while (new Date(`${d}T12:00:00Z`).getUTCDay() !== w % 7) d = addDays(d, 1);
    return d;
  }
  for (const [name, over, status, code] of cases) {
    it(`refuses ${name} (${code})`, async () => {
      const n = await count();
      const mails = (await queuedMails(t.db)).length;
      const r = await post('carlo', URL, terms(14, 90, over));
      expectProblem(r, status, code);
      if (status === 422) {
        expect(r.json().detail.length).toBeGreaterThan(20);
        expect(r.json().errors[0].field).toMatch(/^body\./);
      }
      expect(await count()).toBe(n);
      expect((await queuedMails(t.db)).length).toBe(mails);
    });
  }

  it('lists every broken rule, not only the first', async () => {
    const r = await post('carlo', URL, terms(14, 90, { maxRemotePerWeek: 4, disconnectionTo: '19:00', reachability: { '1': [['09:00', '10:00']] } }));
    expectProblem(r, 422, 'agreement.remote_days_beyond_weekdays');
    expect(r.json().violations.map((v: { code: string }) => v.code)).toEqual([
      'agreement.remote_days_beyond_weekdays',
      'agreement.disconnection_missing',
      'agreement.reachability_missing',
      'agreement.reachability_missing',
    ]);
    expect(r.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.maxRemotePerWeek', 'body.disconnectionFrom', 'body.reachability.3', 'body.reachability.5']);
  });
});

describe('withdrawal (art. 19)', () => {
  it('needs 30 days’ notice from the employee on an open-ended agreement; at once with a justified reason', async () => {
    const a = await registered('carlo', terms(-60, null));
    const short = await post('carlo', `${URL}/${a.id}/withdrawal`, { effectiveOn: addDays(today, 29) });
    expectProblem(short, 422, 'agreement.withdrawal_notice_too_short');
    expect(short.json().requiredNoticeDays).toBe(30);
    expectProblem(await post('carlo', `${URL}/${a.id}/withdrawal`, { justified: true }), 422, 'agreement.reason_required');
    const before = (await queuedMails(t.db)).length;
    const ok = await post('carlo', `${URL}/${a.id}/withdrawal`, { reason: 'Trasferimento di sede' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'registered', withdrawnByParty: 'employee', withdrawalNotifiedOn: today, withdrawalEffectiveOn: addDays(today, 30), lastDayInForce: addDays(today, 30) });
    expect(ok.json().actions).not.toContain('withdraw');
    const mails = (await queuedMails(t.db)).slice(before);
    expect(mails.map((m) => m.to).sort()).toEqual(['carlo.verdi@provincia.lucca.example', users.manager2.email, users.hr.email].sort());
    expect(mails[0].text).toContain('resta in vigore fino al');
    expectProblem(await post('hr', `${URL}/${a.id}/withdrawal`, { justified: true, reason: 'x' }), 409, 'agreement.invalid_transition');
    expect(await audits(a.id)).toContain('agreement.withdraw');
  });

  it('needs 90 days when the employer withdraws from a disabled worker’s agreement', async () => {
    const a = await registered('dario', terms(-10, null));
    expectProblem(await post('manager', `${URL}/${a.id}/withdrawal`, { effectiveOn: addDays(today, 30) }), 422, 'agreement.withdrawal_notice_too_short');
    const r89 = await post('manager', `${URL}/${a.id}/withdrawal`, { effectiveOn: addDays(today, 89) });
    expectProblem(r89, 422, 'agreement.withdrawal_notice_too_short');
    expect(r89.json().requiredNoticeDays).toBe(90);
    expect(r89.json().detail).toContain('90 giorni');
    const r90 = await post('manager', `${URL}/${a.id}/withdrawal`, { effectiveOn: addDays(today, 90), reason: 'Riorganizzazione dell’ufficio' });
    expect(r90.statusCode, r90.body).toBe(200);
    expect(r90.json()).toMatchObject({ withdrawnByParty: 'employer', withdrawalEffectiveOn: addDays(today, 90) });
  });

  it('ends a fixed-term agreement early only for a justified reason; at once; before its start it is withdrawn at once', async () => {
    const a = await registered('anna', terms(400, 60));
    expectProblem(await post('hr', `${URL}/${a.id}/withdrawal`, { reason: 'Esigenze di servizio' }), 422, 'agreement.withdrawal_needs_justified_reason');
    const ok = await post('hr', `${URL}/${a.id}/withdrawal`, { reason: 'Cessazione delle attività remotizzabili', justified: true });
    expect(ok.statusCode, ok.body).toBe(200);
    // not yet started: never in force, withdrawn now
    expect(ok.json()).toMatchObject({ status: 'withdrawn', withdrawnByParty: 'employer', withdrawalJustified: true, withdrawalEffectiveOn: today });
  });
});

describe('renewal and expiry', () => {
  it('renews a fixed-term agreement after its last day, never over it, never an open-ended one', async () => {
    const a = await registered('carlo', terms(-800, 100));
    expectProblem(await post('carlo', `${URL}/${a.id}/renewal`, { startsOn: a.endsOn }), 409, 'agreement.renewal_invalid');
    expectProblem(await post('manager2', `${URL}/${a.id}/renewal`, {}), 403, 'agreement.forbidden');
    const r = await post('carlo', `${URL}/${a.id}/renewal`, { maxRemotePerWeek: 1 });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ status: 'requested', renewedFrom: a.id, startsOn: addDays(a.endsOn, 1), endsOn: addDays(addDays(a.endsOn, 1), 99), maxRemotePerWeek: 1, allowedWeekdays: [1, 3, 5] });
    expect(await audits(r.json().id)).toEqual(['agreement.renew']);
    // twice: the new request holds the period
    expectProblem(await post('carlo', `${URL}/${a.id}/renewal`, {}), 409, 'agreement.overlap');
    // the renewal's terms are checked like any request's
    await post('carlo', `${URL}/${r.json().id}/withdrawal`, {});
    expectProblem(await post('carlo', `${URL}/${a.id}/renewal`, { maxRemotePerWeek: 4 }), 422, 'agreement.remote_days_beyond_weekdays');
    const open = await registered('manager', terms(200, null));
    expectProblem(await post('manager', `${URL}/${open.id}/renewal`, {}), 409, 'agreement.renewal_invalid');
  });

  it('expires ended agreements and closes run-out withdrawals in the daily job, once, with audit and mail', async () => {
    const ended = (await get('hr', `${URL}?status=registered&employeeId=${emp.carlo}`)).json().items;
    const withdrawing = ended.find((x: { withdrawalEffectiveOn: string | null }) => x.withdrawalEffectiveOn);
    const fixed = ended.find((x: { endsOn: string | null; withdrawalEffectiveOn: string | null }) => x.endsOn && !x.withdrawalEffectiveOn);
    expect(withdrawing && fixed).toBeTruthy();
    const now = Date.parse(`${addDays(today, 31)}T10:00:00+01:00`);
    const before = (await queuedMails(t.db)).length;
    const first = await closeEndedAgreements(t.db, { now, publicUrl: 'https://agilepa.example' });
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect(first.withdrawn).toBeGreaterThanOrEqual(1);
    expect((await get('hr', `${URL}/${withdrawing.id}`)).json()).toMatchObject({ status: 'withdrawn', lastDayInForce: addDays(today, 30) });
    expect((await get('hr', `${URL}/${fixed.id}`)).json().status).toBe('expired');
    expect(await audits(fixed.id)).toContain('agreement.expire');
    expect(await audits(withdrawing.id)).toContain('agreement.close_withdrawal');
    const mails = (await queuedMails(t.db)).slice(before);
    expect(mails.some((m) => m.to === 'carlo.verdi@provincia.lucca.example' && /scaduto/.test(m.subject))).toBe(true);
    expect(mails.some((m) => m.text.includes('https://agilepa.example/lavoro-agile/accordi/'))).toBe(true);
    expect(await closeEndedAgreements(t.db, { now, publicUrl: 'https://agilepa.example' })).toEqual({ expired: 0, withdrawn: 0 });
    // an expired agreement can be renewed
    expect((await get('carlo', `${URL}/${fixed.id}`)).json().actions).toContain('renew');
  });
});

describe('lists', () => {
  it('shows each person what is theirs: HR all, the manager his offices, the employee his own', async () => {
    const all = (await get('hr', `${URL}?pageSize=100`)).json();
    const mgr = (await get('manager', `${URL}?pageSize=100`)).json();
    const carlo = (await get('carlo', `${URL}?pageSize=100`)).json();
    expect(all.total).toBe(await count());
    expect(new Set(mgr.items.map((a: { officeId: string }) => a.officeId))).toEqual(new Set([officeA]));
    expect(mgr.total).toBe(all.items.filter((a: { officeId: string }) => a.officeId === officeA).length);
    expect(new Set(carlo.items.map((a: { employeeId: string }) => a.employeeId))).toEqual(new Set([emp.carlo]));
    expect((await get('otherHr', URL)).json().total).toBe(0);
    // the manager's own, only
    const mine = (await get('manager', `${URL}?mine=true&pageSize=100`)).json();
    expect(new Set(mine.items.map((a: { employeeId: string }) => a.employeeId))).toEqual(new Set([emp.manager]));
  });

  it('filters by status, office and expiry, a page at a time', async () => {
    const reg = (await get('hr', `${URL}?status=registered,approved&pageSize=100`)).json();
    expect(reg.items.every((a: { status: string }) => ['registered', 'approved'].includes(a.status))).toBe(true);
    const b = (await get('hr', `${URL}?officeId=${officeB}&pageSize=100`)).json();
    expect(b.items.every((a: { officeId: string }) => a.officeId === officeB)).toBe(true);
    const expiring = (await get('hr', `${URL}?expiringWithinDays=90&pageSize=100`)).json();
    expect(expiring.items.length).toBeGreaterThan(0);
    for (const a of expiring.items) {
      expect(a.status).toBe('registered');
      expect(a.lastDayInForce >= today && a.lastDayInForce <= addDays(today, 90)).toBe(true);
    }
    const p1 = (await get('hr', `${URL}?pageSize=2&page=1`)).json();
    const p2 = (await get('hr', `${URL}?pageSize=2&page=2`)).json();
    expect(p1.items.length).toBe(2);
    expect(p1.total).toBe(p2.total);
    expect(p2.items.map((a: { id: string }) => a.id)).not.toContain(p1.items[0].id);
    expectProblem(await get('hr', `${URL}?status=lost`), 400, 'request.invalid');
    expectProblem(await get('hr', `${URL}?expiringWithinDays=-1`), 400, 'request.invalid');
  });
});

describe('documents', () => {
  let id: string;
  beforeAll(async () => {
    const a = (await get('hr', `${URL}?employeeId=${emp.anna}&status=registered`)).json().items[0];
    id = a.id;
  });

  it('gives the agreement as a PDF with the employee’s name and the clauses', async () => {
    const r = await get('anna', `${URL}/${id}/document.pdf`);
    expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename="accordo-lavoro-agile-anna-bianchi-\d{4}-\d\d-\d\d\.pdf"$/);
    const pdf = r.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const s of ['Accordo individuale di lavoro agile', 'Anna Bianchi', 'Ufficio Tributi', 'Diritto alla disconnessione', 'Recesso', 'Salute e sicurezza', 'Per l’Amministrazione', 'Il lavoratore', 'lunedì, mercoledì e venerdì', 'dalle 09:30 alle 12:30']) {
      expect(text, s).toContain(s);
    }
  });

  it('gives the agreement as an editable DOCX (a zip with word/document.xml holding the clauses)', async () => {
    const r = await get('manager', `${URL}/${id}/document.docx`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const files = unzip(r.rawPayload);
    expect(Object.keys(files)).toContain('word/document.xml');
    expect(Object.keys(files)).toContain('[Content_Types].xml');
    const text = docxText(r.rawPayload);
    for (const s of ['Accordo individuale di lavoro agile', 'Anna Bianchi', 'Art. 5 – Diritto alla disconnessione', 'Notifiche disattivate su posta e chat', 'Computer portatile e cuffie', 'Art. 11 – Recesso', 'Il lavoratore', 'lunedì: dalle 09:30 alle 12:30']) {
      expect(text, s).toContain(s);
    }
    // Word's headings: the articles are real Heading 2 paragraphs
    expect(files['word/document.xml'].toString('utf8')).toMatch(/<w:pStyle w:val="Heading2"\/>/);
  });
});

describe('the exclusion constraint', () => {
  it('reports SQLSTATE 23P01 on both databases, which becomes agreement.overlap', async () => {
    const startsOn = addDays(today, 2000);
    const base = { organizationId: lucca, employeeId: emp.elena, startsOn, endsOn: null, maxRemotePerWeek: 1, maxRemotePerMonth: null, allowedWeekdays: [1], monthlyPlan: null, reachability: { '1': [['09:00', '10:00'] as [string, string]] }, workingFrom: '08:00', workingTo: '19:00', disconnectionFrom: '19:00', disconnectionTo: '08:00', disconnectionMeasures: '', placeRules: '', equipment: '', activities: '', safetyInfoAcknowledged: false, requestedBy: users.hr.id, renewedFrom: null };
    const ctx = { organizationId: lucca, userId: users.hr.id };
    await t.db.tx(ctx, (tx) => repo.insertAgreement(tx, { ...base, id: crypto.randomUUID() }));
    const err = await t.db.tx(ctx, (tx) => repo.insertAgreement(tx, { ...base, id: crypto.randomUUID(), startsOn: addDays(startsOn, 5) })).catch((e) => e);
    expect(err.code).toBe('23P01');
    expect((overlapOf(err) as { code: string }).code).toBe('agreement.overlap');
  });
});
