/**
 * Test support of the planner's area: offices, coverage rules, employees, agreements, absences
 * and closures written straight into the module's tables as the owner (db.ownerTx), so the
 * planner's tests do not depend on the other areas' use cases; a generated body of any size;
 * future months in Rome's calendar.
 */
import type { Db } from '../../../platform/db/index.js';
import { addDays, addMonths, monthEnd } from './plan-dates.js';
import { isoWeekday, romeDate } from '../../../platform/calendar/rome.js';
import { workingDays } from '../../../platform/calendar/working-days.js';

export interface TestCoverage {
  weekday: number;
  minOnSite: number;
  skill?: string;
}

export async function insertOffice(
  db: Db,
  organizationId: string,
  o: { code: string; name: string; managerUserId?: string | null; coverage?: TestCoverage[] },
): Promise<string> {
  return db.ownerTx(async (tx) => {
    const r = await tx.query<{ id: string }>(
      `insert into rw_offices (organization_id, code, name, manager_user_id) values ($1, $2, $3, $4) returning id`,
      [organizationId, o.code, o.name, o.managerUserId ?? null],
    );
    const id = r.rows[0].id;
    for (const c of o.coverage ?? []) {
      await tx.query(
        `insert into rw_coverage_rules (office_id, organization_id, weekday, skill, min_on_site) values ($1, $2, $3, $4, $5)`,
        [id, organizationId, c.weekday, c.skill ?? '', c.minOnSite],
      );
    }
    return id;
  });
}

/** Every weekday Monday–Friday with the same minimum (and optional skill minimum). */
export function weekdaysCoverage(minOnSite: number, skill?: { skill: string; minOnSite: number }): TestCoverage[] {
  const out: TestCoverage[] = [];
  for (let w = 1; w <= 5; w++) {
    out.push({ weekday: w, minOnSite });
    if (skill) out.push({ weekday: w, minOnSite: skill.minOnSite, skill: skill.skill });
  }
  return out;
}

let taxCounter = 0;
/** A 16-character code that passes the table's format check (not a real codice fiscale). */
export function testTaxCode(): string {
  taxCounter++;
  return `TST${String(process.pid % 1000).padStart(3, '0')}${String(taxCounter).padStart(10, '0')}`;
}

export interface TestEmployee {
  officeId: string;
  firstName?: string;
  lastName?: string;
  email?: string | null;
  userId?: string | null;
  skills?: string[];
  preferredWeekdays?: number[];
  active?: boolean;
}

export async function insertEmployee(db: Db, organizationId: string, e: TestEmployee): Promise<string> {
  const r = await db.ownerTx((tx) =>
    tx.query<{ id: string }>(
      `insert into rw_employees (organization_id, office_id, tax_code, first_name, last_name, email, user_id, skills, preferred_weekdays, active)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
      [organizationId, e.officeId, testTaxCode(), e.firstName ?? 'Maria', e.lastName ?? `Rossi ${taxCounter}`, e.email ?? null, e.userId ?? null,
        e.skills ?? [], e.preferredWeekdays ?? [], e.active ?? true],
    ),
  );
  return r.rows[0].id;
}

export interface TestAgreement {
  employeeId: string;
  startsOn: string;
  endsOn?: string | null;
  status?: 'requested' | 'approved' | 'registered' | 'withdrawn' | 'refused' | 'expired';
  maxRemotePerWeek?: number | null;
  maxRemotePerMonth?: number | null;
  allowedWeekdays?: number[];
  monthlyPlan?: Record<string, 'remote' | 'onsite'> | null;
  withdrawalEffectiveOn?: string | null;
}

export async function insertAgreement(db: Db, organizationId: string, a: TestAgreement): Promise<string> {
  const r = await db.ownerTx((tx) =>
    tx.query<{ id: string }>(
      `insert into rw_agreements (organization_id, employee_id, status, starts_on, ends_on, max_remote_per_week, max_remote_per_month,
         allowed_weekdays, monthly_plan, withdrawal_effective_on, withdrawn_by_party)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, case when $3 = 'withdrawn' then 'employee' end) returning id`,
      [organizationId, a.employeeId, a.status ?? 'registered', a.startsOn, a.endsOn ?? null,
        a.maxRemotePerWeek === undefined ? 2 : a.maxRemotePerWeek, a.maxRemotePerMonth ?? null, a.allowedWeekdays ?? [1, 2, 3, 4, 5],
        a.monthlyPlan ? JSON.stringify(a.monthlyPlan) : null, a.withdrawalEffectiveOn ?? null],
    ),
  );
  return r.rows[0].id;
}

export async function insertAbsence(db: Db, organizationId: string, employeeId: string, day: string, kind = 'leave'): Promise<void> {
  await db.ownerTx((tx) => tx.query(`insert into rw_absences (employee_id, organization_id, day, kind) values ($1, $2, $3, $4)`, [employeeId, organizationId, day, kind]));
}

export async function insertClosure(db: Db, organizationId: string, day: string, reason = 'Chiusura straordinaria'): Promise<void> {
  await db.ownerTx((tx) => tx.query(`insert into rw_closures (organization_id, day, reason) values ($1, $2, $3)`, [organizationId, day, reason]));
}

export async function deleteClosure(db: Db, organizationId: string, day: string): Promise<void> {
  await db.ownerTx((tx) => tx.query(`delete from rw_closures where organization_id = $1 and day = $2`, [organizationId, day]));
}

export async function setEmployeeActive(db: Db, employeeId: string, active: boolean): Promise<void> {
  await db.ownerTx((tx) => tx.query(`update rw_employees set active = $2 where id = $1`, [employeeId, active]));
}

/** The planned days of some employees (as the owner), for assertions. */
export async function plannedDays(db: Db, employeeIds: string[]): Promise<{ employeeId: string; day: string; kind: string; pinned: boolean; pinSource: string | null }[]> {
  const r = await db.ownerTx((tx) =>
    tx.query<{ employeeId: string; day: string; kind: string; pinned: boolean; pinSource: string | null }>(
      `select employee_id as "employeeId", day, kind, pinned, pin_source as "pinSource" from rw_plan_days
        where employee_id = any($1::uuid[]) order by employee_id, day`,
      [employeeIds],
    ),
  );
  return r.rows;
}

/** The first and last day of the k-th month after the current one in Rome (k = 1: next month). */
export function futureMonth(k = 1, now = Date.now()): { from: string; to: string } {
  const from = addMonths(`${romeDate(now).slice(0, 7)}-01`, k);
  return { from, to: monthEnd(from) };
}

/** Deterministic pseudo-random numbers (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedBody {
  officeIds: string[];
  employeeIds: string[];
}

/**
 * A body of `employees` people in offices of `perOffice`: every office keeps about 40% on site
 * each weekday, one in three also two people with the 'sportello' skill; 80% of the people have
 * a registered agreement (2 remote days a week, some 8 a month), half prefer two weekdays; a few
 * absences in `absencesIn`. Written in bulk (unnest), as the owner.
 */
export async function generateBody(
  db: Db,
  organizationId: string,
  opts: { employees: number; perOffice?: number; seed?: number; agreementFrom: string; absencesIn?: string[]; codePrefix?: string },
): Promise<GeneratedBody> {
  const rnd = seeded(opts.seed ?? 7);
  const perOffice = opts.perOffice ?? 20;
  const nOffices = Math.ceil(opts.employees / perOffice);
  const prefix = opts.codePrefix ?? 'GEN';
  return db.ownerTx(async (tx) => {
    const offices = await tx.query<{ id: string }>(
      `insert into rw_offices (organization_id, code, name)
       select $1, $2 || '-' || i, 'Ufficio ' || i from generate_series(1, $3::int) as i returning id`,
      [organizationId, prefix, nOffices],
    );
    const officeIds = offices.rows.map((r) => r.id);
    const cov: { o: string[]; w: number[]; s: string[]; m: number[] } = { o: [], w: [], s: [], m: [] };
    const emp: { o: string[]; t: string[]; f: string[]; l: string[]; sk: string[]; pw: string[] } = { o: [], t: [], f: [], l: [], sk: [], pw: [] };
    for (let k = 0; k < nOffices; k++) {
      const size = Math.min(perOffice, opts.employees - k * perOffice);
      const desk = k % 3 === 0;
      for (let w = 1; w <= 5; w++) {
        cov.o.push(officeIds[k]); cov.w.push(w); cov.s.push(''); cov.m.push(Math.max(1, Math.round(size * 0.4)));
        if (desk) { cov.o.push(officeIds[k]); cov.w.push(w); cov.s.push('sportello'); cov.m.push(2); }
      }
      for (let i = 0; i < size; i++) {
        emp.o.push(officeIds[k]);
        emp.t.push(testTaxCode());
        emp.f.push(['Maria', 'Luca', 'Giulia', 'Marco', 'Anna', 'Paolo'][Math.floor(rnd() * 6)]);
        emp.l.push(`Cognome${k}x${i}`);
        emp.sk.push(desk && i < 4 ? '{sportello}' : '{}');
        const a = 1 + Math.floor(rnd() * 5), b = 1 + Math.floor(rnd() * 5);
        emp.pw.push(rnd() < 0.5 ? `{${Math.min(a, b)}${a !== b ? `,${Math.max(a, b)}` : ''}}` : '{}');
      }
    }
    await tx.query(
      `insert into rw_coverage_rules (office_id, organization_id, weekday, skill, min_on_site)
       select o, $1, w, s, m from unnest($2::uuid[], $3::int[], $4::text[], $5::int[]) as t(o, w, s, m)`,
      [organizationId, cov.o, cov.w, cov.s, cov.m],
    );
    const employees = await tx.query<{ id: string }>(
      `insert into rw_employees (organization_id, office_id, tax_code, first_name, last_name, skills, preferred_weekdays)
       select $1, o, t, f, l, sk::text[], pw::smallint[] from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) as x(o, t, f, l, sk, pw)
       returning id`,
      [organizationId, emp.o, emp.t, emp.f, emp.l, emp.sk, emp.pw],
    );
    const employeeIds = employees.rows.map((r) => r.id);
    const ag: { e: string[]; w: (number | null)[]; m: (number | null)[] } = { e: [], w: [], m: [] };
    const ab: { e: string[]; d: string[] } = { e: [], d: [] };
    for (const id of employeeIds) {
      if (rnd() < 0.8) {
        ag.e.push(id);
        const monthly = rnd() < 0.25;
        ag.w.push(2);
        ag.m.push(monthly ? 8 : null);
      }
      for (const d of opts.absencesIn ?? []) if (rnd() < 0.03) { ab.e.push(id); ab.d.push(d); }
    }
    await tx.query(
      `insert into rw_agreements (organization_id, employee_id, status, starts_on, max_remote_per_week, max_remote_per_month)
       select $1, e, 'registered', $2::date, w, m from unnest($3::uuid[], $4::int[], $5::int[]) as t(e, w, m)`,
      [organizationId, opts.agreementFrom, ag.e, ag.w, ag.m],
    );
    if (ab.e.length) {
      await tx.query(
        `insert into rw_absences (employee_id, organization_id, day) select e, $1, d from unnest($2::uuid[], $3::date[]) as t(e, d)`,
        [organizationId, ab.e, ab.d],
      );
    }
    return { officeIds, employeeIds };
  });
}

/** The first Monday on or after `day` whose week has five working days (no national holiday). */
export function fullWeekFrom(day: string): { from: string; to: string; days: string[] } {
  let d = day;
  for (let i = 0; i < 60; i++, d = addDays(d, 1)) {
    if (isoWeekday(d) !== 1) continue;
    const days = workingDays(d, addDays(d, 4));
    if (days.length === 5) return { from: d, to: addDays(d, 4), days };
  }
  throw new Error(`no full week after ${day}`);
}

/** Sets a body's patron day (the organizations table, as the owner: test data only). */
export async function setPatronDay(db: Db, organizationId: string, patronDay: string | null): Promise<void> {
  await db.ownerTx((tx) => tx.query(`update organizations set patron_day = $2 where id = $1`, [organizationId, patronDay]));
}

/** Mails queued by the transactions so far (the mail.send jobs' payloads). */
export async function queuedMails(db: Db): Promise<{ to: string | string[]; subject: string; text: string }[]> {
  const r = await db.ownerTx((tx) => tx.query<{ payload: unknown }>(`select payload from jobs where type = 'mail.send' order by id`));
  return r.rows.map((x) => (typeof x.payload === 'string' ? JSON.parse(x.payload) : x.payload) as { to: string | string[]; subject: string; text: string });
}
