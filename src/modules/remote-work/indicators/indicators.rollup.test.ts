/**
 * The roll-ups against an independent computation from the raw rows (indicators.test-support.ts):
 * random bodies, offices, employees, agreements, planned days and targets, then random inserts,
 * updates and deletes (some through the application role, as the use cases write), and ONE run
 * of the refresh job must bring every roll-up — per office, body, province, region and nation,
 * per day and per month, headcounts and targets — to exactly the figures computed from scratch.
 * Also: row-level security of the roll-ups, and a write that commits while a refresh is running.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import pg from 'pg';
import { backend, createTestDb, testConfig } from '../../../../test/helpers.js';
import { createUser, organizationId } from '../../../../test/auth-helpers.js';
import type { Db, Queryable } from '../../../platform/db/index.js';
import type { AuthContext } from '../../../platform/auth/context.js';
import { createOrganization } from '../../organizations/create-organization.js';
import { moduleJobs } from '../../../app/registry.js';
import { createMailer } from '../../../platform/mail/index.js';
import { AGREEMENT_STATUSES } from '../agreements/agreement-rules.js';
import { addMonths, currentMonth, daysOfMonth, monthsBetween } from './indicator-rules.js';
import { INDICATORS_REFRESH_JOB, INDICATOR_SCHEDULES, indicatorBacklog, markIndicatorHorizon, refreshIndicators } from './refresh-indicators.js';
import * as repo from './indicators.repo.js';
import {
  actualRollups,
  clearBodies,
  entries,
  expectedRollups,
  insertAgreement,
  insertEmployee,
  insertOffice,
  insertPlanDays,
  type Rollups,
} from './indicators.test-support.js';

const onPg = backend() === 'postgresql';
let db: Db;
let bodies: string[] = [];
const CUR = currentMonth();
const DAYS = monthsBetween(addMonths(CUR, -2), addMonths(CUR, 1)).flatMap(daysOfMonth);
const AGREEMENT_DAYS = monthsBetween(addMonths(CUR, -3), addMonths(CUR, 1)).flatMap(daysOfMonth);

/** One run of the refresh job, as the instance's worker would call it. */
async function runJobOnce() {
  const config = testConfig();
  const { handlers } = moduleJobs({ config, db, mailer: createMailer(config) });
  await handlers[INDICATORS_REFRESH_JOB]({}, { jobId: 1, type: INDICATORS_REFRESH_JOB, attempt: 1, maxAttempts: 5, db, signal: new AbortController().signal });
}

function compare(actual: Rollups, expected: Rollups) {
  for (const k of Object.keys(expected) as (keyof Rollups)[]) {
    expect(entries(actual[k] as Map<string, unknown>), k).toEqual(entries(expected[k] as Map<string, unknown>));
  }
}

beforeAll(async () => {
  db = await createTestDb();
  const admin = await createUser(db, { organizationId: await organizationId(db, '001001'), roles: ['platform_admin'] });
  const adminAuth: AuthContext = { userId: admin.id, email: admin.email, displayName: 'admin', organizationId: null, roles: ['platform_admin'], via: 'session' };
  const ministry = await createOrganization(db, adminAuth, { kind: 'ministry', name: 'Ministero della prova degli indicatori' });
  // Provincia di Lucca and Comune di Lucca (Tuscany, LU), Agliè (Piedmont, TO), a ministry (no region)
  bodies = [await organizationId(db, '046'), await organizationId(db, '046017'), await organizationId(db, '001001'), ministry.id];
});
afterAll(async () => db?.close());

const agreementArb = fc.record({
  status: fc.constantFrom(...AGREEMENT_STATUSES),
  start: fc.nat(AGREEMENT_DAYS.length - 1),
  length: fc.option(fc.nat(120), { nil: null }),
  withdrawal: fc.option(fc.nat(90), { nil: null }),
  registered: fc.boolean(),
});

const bodyArb = fc.record({
  offices: fc.integer({ min: 1, max: 3 }),
  employees: fc.array(
    fc.record({
      office: fc.nat(2),
      active: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      agreements: fc.array(agreementArb, { maxLength: 2 }),
      plan: fc.array(fc.record({ day: fc.nat(DAYS.length - 1), kind: fc.constantFrom('remote', 'onsite', 'absent') }), { maxLength: 8 }),
    }),
    { maxLength: 5 },
  ),
  target: fc.option(fc.integer({ min: 0, max: 10000 }).map((x) => x / 100), { nil: null }),
});

const opArb = fc.oneof(
  fc.record({ t: fc.constant('kind' as const), i: fc.nat(), kind: fc.constantFrom('remote', 'onsite', 'absent'), app: fc.boolean() }),
  fc.record({ t: fc.constant('delPlan' as const), i: fc.nat(), app: fc.boolean() }),
  fc.record({ t: fc.constant('addPlan' as const), i: fc.nat(), day: fc.nat(DAYS.length - 1), kind: fc.constantFrom('remote', 'onsite', 'absent'), app: fc.boolean() }),
  fc.record({ t: fc.constant('move' as const), i: fc.nat(), j: fc.nat(), app: fc.boolean() }),
  fc.record({ t: fc.constant('active' as const), i: fc.nat(), app: fc.boolean() }),
  fc.record({ t: fc.constant('status' as const), i: fc.nat(), status: fc.constantFrom(...AGREEMENT_STATUSES), registered: fc.boolean(), app: fc.boolean() }),
  fc.record({ t: fc.constant('withdraw' as const), i: fc.nat(), days: fc.nat(60), app: fc.boolean() }),
  fc.record({ t: fc.constant('delAgr' as const), i: fc.nat(), app: fc.boolean() }),
  fc.record({ t: fc.constant('target' as const), i: fc.nat(3), value: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), app: fc.boolean() }),
  fc.record({ t: fc.constant('addEmp' as const), i: fc.nat(3), app: fc.boolean() }),
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function build(spec: (typeof bodyArb extends fc.Arbitrary<infer T> ? T : never)[]) {
  await db.ownerTx(async (tx) => {
    for (let b = 0; b < spec.length; b++) {
      const org = bodies[b];
      const s = spec[b];
      const offices: string[] = [];
      for (let o = 0; o < s.offices; o++) offices.push(await insertOffice(tx, org, `U${o}`));
      const plan: Parameters<typeof insertPlanDays>[1] = [];
      for (const e of s.employees) {
        const office = offices[e.office % offices.length];
        const id = await insertEmployee(tx, org, office, e.active);
        for (let k = 0; k < e.agreements.length; k++) {
          const a = e.agreements[k];
          const startsOn = AGREEMENT_DAYS[a.start];
          // two live agreements of one person never overlap (constraint): the second one is closed
          const status = k === 0 ? a.status : (['withdrawn', 'expired', 'refused'] as const)[a.start % 3];
          await insertAgreement(tx, org, id, {
            status,
            startsOn,
            endsOn: a.length === null ? null : addDays(startsOn, a.length),
            withdrawalEffectiveOn: a.withdrawal === null ? null : addDays(startsOn, a.withdrawal),
            registered: a.registered,
          });
        }
        const days = new Map(e.plan.map((p) => [DAYS[p.day], p.kind]));
        for (const [day, kind] of days) plan.push({ organizationId: org, employeeId: id, officeId: office, day, kind });
      }
      await insertPlanDays(tx, plan);
      if (s.target !== null) await tx.query(`insert into rw_targets (organization_id, target_percent) values ($1, $2)`, [org, s.target]);
    }
  });
}

async function apply(op: Op) {
  const pick = async <T>(q: Queryable, sql: string, i: number): Promise<T | undefined> => {
    const r = await q.query<T>(sql, [bodies]);
    return r.rows.length ? r.rows[i % r.rows.length] : undefined;
  };
  // The application role acts for one body (RLS); the owner for the platform.
  const run = async (org: string | null, fn: (q: Queryable) => Promise<unknown>) => {
    try {
      if (op.app && org) await db.tx({ organizationId: org }, fn);
      else await db.ownerTx(fn);
    } catch (err) {
      // a random change may break a rule of the tables (overlapping live agreements): nothing is written
      if (!/rw_agreements_employee_id|exclu|conflicting key|overlap/i.test(String(err))) throw err;
    }
  };
  const probe = (sql: string, i: number) => db.ownerTx((q) => pick<{ id: string; organization_id: string; office_id?: string; starts_on?: string; day?: string }>(q, sql, i));
  switch (op.t) {
    case 'kind':
    case 'delPlan': {
      const p = await probe(`select employee_id as id, organization_id, day::text as day from rw_plan_days where organization_id = any($1::uuid[]) order by employee_id, day`, op.i);
      if (!p) return;
      if (op.t === 'kind') await run(p.organization_id, (q) => q.query(`update rw_plan_days set kind = $3 where employee_id = $1 and day = $2`, [p.id, p.day, op.kind]));
      else await run(p.organization_id, (q) => q.query(`delete from rw_plan_days where employee_id = $1 and day = $2`, [p.id, p.day]));
      return;
    }
    case 'addPlan': {
      const e = await probe(`select id, organization_id, office_id from rw_employees where organization_id = any($1::uuid[]) order by id`, op.i);
      if (!e) return;
      await run(e.organization_id, (q) => insertPlanDays(q, [{ organizationId: e.organization_id, employeeId: e.id, officeId: e.office_id!, day: DAYS[op.day], kind: op.kind }]));
      return;
    }
    case 'move':
    case 'active': {
      const e = await probe(`select id, organization_id, office_id from rw_employees where organization_id = any($1::uuid[]) order by id`, op.i);
      if (!e) return;
      if (op.t === 'active') {
        await run(e.organization_id, (q) => q.query(`update rw_employees set active = not active where id = $1`, [e.id]));
        return;
      }
      const o = await db.ownerTx((q) => q.query<{ id: string }>(`select id from rw_offices where organization_id = $1 order by id`, [e.organization_id]));
      const to = o.rows[op.j % o.rows.length].id;
      await run(e.organization_id, (q) => q.query(`update rw_employees set office_id = $2 where id = $1`, [e.id, to]));
      return;
    }
    case 'status':
    case 'withdraw':
    case 'delAgr': {
      const a = await probe(`select id, organization_id, starts_on::text as starts_on from rw_agreements where organization_id = any($1::uuid[]) order by id`, op.i);
      if (!a) return;
      if (op.t === 'status')
        await run(a.organization_id, (q) =>
          q.query(`update rw_agreements set status = $2, registered_at = case when $3 then coalesce(registered_at, now()) end where id = $1`, [a.id, op.status, op.registered]),
        );
      else if (op.t === 'withdraw')
        await run(a.organization_id, (q) => q.query(`update rw_agreements set withdrawal_effective_on = $2 where id = $1`, [a.id, addDays(a.starts_on!, op.days)]));
      else await run(a.organization_id, (q) => q.query(`delete from rw_agreements where id = $1`, [a.id]));
      return;
    }
    case 'target': {
      const org = bodies[op.i];
      if (op.value === null) await run(org, (q) => q.query(`delete from rw_targets where organization_id = $1`, [org]));
      else
        await run(org, (q) =>
          q.query(`insert into rw_targets (organization_id, target_percent) values ($1, $2) on conflict (organization_id) do update set target_percent = excluded.target_percent`, [
            org,
            op.value,
          ]),
        );
      return;
    }
    case 'addEmp': {
      const org = bodies[op.i];
      const o = await db.ownerTx((q) => q.query<{ id: string }>(`select id from rw_offices where organization_id = $1 limit 1`, [org]));
      if (!o.rows[0]) return;
      await run(org, (q) => insertEmployee(q, org, o.rows[0].id));
      return;
    }
  }
}

describe('indicator roll-ups', () => {
  it('after random writes, one job run matches the figures computed from the raw rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(bodyArb, { minLength: 4, maxLength: 4 }), fc.array(opArb, { maxLength: 10 }), async (spec, ops) => {
        await clearBodies(db, bodies);
        await build(spec);
        await runJobOnce();
        compare(await actualRollups(db), await expectedRollups(db, CUR));
        for (const op of ops) await apply(op);
        await runJobOnce();
        compare(await actualRollups(db), await expectedRollups(db, CUR));
        expect((await indicatorBacklog(db)).slices).toBe(0);
      }),
      { numRuns: onPg ? 15 : 12 },
    );
  });

  it('the application role cannot write the roll-ups nor read the marks; writes through it leave marks', async () => {
    const [province] = bodies;
    await clearBodies(db, bodies);
    await refreshIndicators(db);
    const office = await db.ownerTx((tx) => insertOffice(tx, province, 'RLS'));
    await db.tx({ organizationId: province }, (tx) => insertEmployee(tx, province, office));
    const marks = await db.ownerTx((tx) => tx.query<{ n: number }>(`select count(*)::int as n from rw_ind_dirty where organization_id = $1`, [province]));
    expect(marks.rows[0].n).toBeGreaterThan(0);
    await expect(db.tx({ organizationId: province }, (tx) => tx.query(`select * from rw_ind_dirty`))).rejects.toThrow(/permission denied/);
    await expect(
      db.tx({ organizationId: province }, (tx) => tx.query(`insert into rw_ind_org_heads (organization_id, headcount, target_percent) values ($1, 1, 10)`, [province])),
    ).rejects.toThrow(/permission denied/);
    await expect(db.tx({ organizationId: province }, (tx) => tx.query(`update rw_ind_territory_heads set headcount = 0`))).rejects.toThrow(/permission denied/);
  });

  it('row-level security: offices and days to the body only, bodies to their region’s officers, territories to everyone', async () => {
    await clearBodies(db, bodies);
    const [province, city, aglie] = bodies;
    const day = `${CUR}-02`;
    await db.ownerTx(async (tx) => {
      for (const org of [province, city, aglie]) {
        const office = await insertOffice(tx, org, 'SEC');
        const e = await insertEmployee(tx, org, office);
        await insertPlanDays(tx, [{ organizationId: org, employeeId: e, officeId: office, day, kind: 'remote' }]);
      }
    });
    await refreshIndicators(db);
    const tuscany = await organizationId(db, '09');
    const officer = await createUser(db, { organizationId: tuscany, roles: ['region_officer'] });
    const notOfficer = await createUser(db, { organizationId: tuscany, roles: ['employee'] });
    const count = (ctx: { organizationId: string; userId?: string }, table: string) =>
      db.tx(ctx, async (tx) => (await tx.query<{ o: string }>(`select distinct organization_id::text as o from ${table}`)).rows.map((r) => r.o).sort());
    // a body sees only itself
    for (const t of ['rw_ind_office_days', 'rw_ind_office_months', 'rw_ind_office_heads', 'rw_ind_org_days', 'rw_ind_org_months', 'rw_ind_org_heads']) {
      expect(await count({ organizationId: city }, t), t).toEqual([city]);
    }
    // the Tuscany officer: the Tuscan bodies' monthly rows and heads, no office or day detail
    expect(await count({ organizationId: tuscany, userId: officer.id }, 'rw_ind_org_months')).toEqual([province, city].sort());
    expect(await count({ organizationId: tuscany, userId: officer.id }, 'rw_ind_org_heads')).toEqual([province, city].sort());
    expect(await count({ organizationId: tuscany, userId: officer.id }, 'rw_ind_office_months')).toEqual([]);
    expect(await count({ organizationId: tuscany, userId: officer.id }, 'rw_ind_org_days')).toEqual([]);
    // the same Region body without the role: nothing of the others
    expect(await count({ organizationId: tuscany, userId: notOfficer.id }, 'rw_ind_org_months')).toEqual([]);
    // a municipality's user (even with a region_officer role in a body that is not a Region) sees no other body
    const fake = await createUser(db, { organizationId: aglie, roles: ['region_officer'] });
    expect(await count({ organizationId: aglie, userId: fake.id }, 'rw_ind_org_months')).toEqual([aglie]);
    // territories: everyone
    const t = await db.tx({ organizationId: aglie }, (tx) => tx.query<{ k: string }>(`select level || ':' || code as k from rw_ind_territory_heads order by 1`));
    expect(t.rows.map((r) => r.k)).toEqual(['nation:IT', 'province:LU', 'province:TO', 'region:01', 'region:09']);
  });

  it('a write that commits while a slice is being recomputed is picked up by the next run', async () => {
    await clearBodies(db, bodies);
    const [province] = bodies;
    const ids = await db.ownerTx(async (tx) => {
      const office = await insertOffice(tx, province, 'RACE');
      return { office, e1: await insertEmployee(tx, province, office), e2: await insertEmployee(tx, province, office) };
    });
    await refreshIndicators(db);
    const day = `${CUR}-03`;
    const write = (q: Queryable, employeeId: string) => insertPlanDays(q, [{ organizationId: province, employeeId, officeId: ids.office, day, kind: 'remote' }]);
    await db.ownerTx((tx) => write(tx, ids.e1));
    const slice = { organizationId: province, month: `${CUR}-01` };
    if (onPg) {
      // the refresher takes the marks; another connection writes and commits before it recomputes
      const other = new pg.Client({ connectionString: (db as Db & { url: string }).url });
      await other.connect();
      try {
        await db.ownerTx(async (tx) => {
          await repo.lockSlice(tx, slice);
          expect(await repo.takeSliceMarks(tx, slice)).toBeGreaterThan(0);
          await other.query(
            `insert into rw_plan_days (organization_id, employee_id, office_id, day, kind) values ($1, $2, $3, $4, 'remote')`,
            [province, ids.e2, ids.office, day],
          );
          await repo.recomputeSlice(tx, slice);
          await repo.recomputeHeads(tx, province);
          await repo.markTerritory(tx, slice);
        });
      } finally {
        await other.end();
      }
    } else {
      // one connection: the write can only come after the refresher's transaction
      await refreshIndicators(db);
      await db.ownerTx((tx) => write(tx, ids.e2));
    }
    expect((await indicatorBacklog(db)).slices).toBe(1);
    await refreshIndicators(db);
    const r = await db.ownerTx((tx) => tx.query<{ remote: number }>(`select remote from rw_ind_org_days where organization_id = $1 and day = $2`, [province, day]));
    expect(r.rows[0].remote).toBe(2);
    compare(await actualRollups(db), await expectedRollups(db, CUR));
  });

  it('the horizon job marks the next month of bodies with open-ended agreements; the schedules are registered', async () => {
    await clearBodies(db, bodies);
    const [, city] = bodies;
    await db.ownerTx(async (tx) => {
      const office = await insertOffice(tx, city, 'HOR');
      const e = await insertEmployee(tx, city, office);
      await insertAgreement(tx, city, e, { status: 'registered', startsOn: `${addMonths(CUR, -1)}-10`, endsOn: null, withdrawalEffectiveOn: null, registered: true });
    });
    await refreshIndicators(db);
    // the month after next has no figures: a month later (in a month's time) the job marks it
    const inAMonth = new Date(Date.parse(`${addMonths(CUR, 1)}-15T12:00:00Z`));
    expect(await markIndicatorHorizon(db, inAMonth)).toBe(1);
    await refreshIndicators(db);
    const m = await db.ownerTx((tx) => tx.query<{ month: string; with_agreement: number }>(`select month::text as month, with_agreement from rw_ind_org_months where organization_id = $1 order by month`, [city]));
    expect(m.rows.map((r) => r.month.slice(0, 7))).toEqual([addMonths(CUR, -1), CUR, addMonths(CUR, 1), addMonths(CUR, 2)]);
    expect(m.rows.every((r) => r.with_agreement === 1)).toBe(true);
    expect(await markIndicatorHorizon(db, inAMonth)).toBe(0);
    expect(INDICATOR_SCHEDULES.map((s) => s.spec)).toEqual(['every 1 minutes', 'daily 00:20']);
  });
});
