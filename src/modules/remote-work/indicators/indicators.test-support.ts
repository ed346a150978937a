/**
 * Test support of the indicators: raw rows written directly (the offices, agreements and plans
 * areas have their own use cases and tests; here only the rows matter), and an independent
 * computation of every roll-up from the raw rows, in TypeScript, with the agreements' own rule
 * (`inForceOn` of agreement-rules.ts) — to compare with what the refresh job wrote.
 */
import crypto from 'node:crypto';
import type { Db, Queryable } from '../../../platform/db/index.js';
import { inForceOn, type AgreementStatus } from '../agreements/agreement-rules.js';
import { addMonths, daysOfMonth, monthsBetween, monthOf } from './indicator-rules.js';

export function taxCode(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return Array.from(crypto.randomBytes(16), (b) => chars[b % chars.length]).join('');
}

export async function insertOffice(q: Queryable, organizationId: string, code: string, managerUserId: string | null = null): Promise<string> {
  const r = await q.query<{ id: string }>(
    `insert into rw_offices (organization_id, code, name, manager_user_id) values ($1, $2, $3, $4) returning id`,
    [organizationId, code, `Ufficio ${code}`, managerUserId],
  );
  return r.rows[0].id;
}

export async function insertEmployee(q: Queryable, organizationId: string, officeId: string, active = true): Promise<string> {
  const r = await q.query<{ id: string }>(
    `insert into rw_employees (organization_id, office_id, tax_code, first_name, last_name, active) values ($1, $2, $3, 'Maria', 'Rossi', $4) returning id`,
    [organizationId, officeId, taxCode(), active],
  );
  return r.rows[0].id;
}

export interface AgreementSpec {
  status: AgreementStatus;
  startsOn: string;
  endsOn: string | null;
  withdrawalEffectiveOn: string | null;
  registered: boolean;
}

export async function insertAgreement(q: Queryable, organizationId: string, employeeId: string, a: AgreementSpec): Promise<string> {
  const r = await q.query<{ id: string }>(
    `insert into rw_agreements (organization_id, employee_id, status, starts_on, ends_on, withdrawal_effective_on, registered_at, max_remote_per_week)
     values ($1, $2, $3, $4, $5, $6, case when $7 then now() end, 2) returning id`,
    [organizationId, employeeId, a.status, a.startsOn, a.endsOn, a.withdrawalEffectiveOn, a.registered],
  );
  return r.rows[0].id;
}

export async function insertPlanDays(q: Queryable, rows: { organizationId: string; employeeId: string; officeId: string; day: string; kind: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `insert into rw_plan_days (organization_id, employee_id, office_id, day, kind)
     select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::date[], $5::text[])
     on conflict (employee_id, day) do update set kind = excluded.kind, office_id = excluded.office_id`,
    [rows.map((r) => r.organizationId), rows.map((r) => r.employeeId), rows.map((r) => r.officeId), rows.map((r) => r.day), rows.map((r) => r.kind)],
  );
}

/** Removes every remote-work row of the bodies (the triggers mark what changes). */
export async function clearBodies(db: Db, organizationIds: string[]): Promise<void> {
  await db.ownerTx(async (tx) => {
    await tx.query(`delete from rw_plan_days where organization_id = any($1::uuid[])`, [organizationIds]);
    await tx.query(`delete from rw_agreements where organization_id = any($1::uuid[])`, [organizationIds]);
    await tx.query(`delete from rw_employees where organization_id = any($1::uuid[])`, [organizationIds]);
    await tx.query(`delete from rw_offices where organization_id = any($1::uuid[])`, [organizationIds]);
    await tx.query(`delete from rw_targets where organization_id = any($1::uuid[])`, [organizationIds]);
  });
}

// ------------------------------------------------------------------------------------------ independent computation

interface Raw {
  employees: { id: string; organization_id: string; office_id: string; active: boolean }[];
  agreements: {
    organization_id: string;
    employee_id: string;
    status: AgreementStatus;
    starts_on: string;
    ends_on: string | null;
    withdrawal_effective_on: string | null;
    registered_at: Date | null;
  }[];
  planDays: { organization_id: string; office_id: string; day: string; kind: 'remote' | 'onsite' | 'absent' }[];
  targets: { organization_id: string; target_percent: string }[];
  orgs: Map<string, { region: string | null; province: string | null }>;
  existingMonths: Set<string>;
}

async function readRaw(db: Db): Promise<Raw> {
  return db.ownerTx(async (tx) => {
    const employees = (await tx.query<Raw['employees'][number]>(`select id, organization_id, office_id, active from rw_employees`)).rows;
    const agreements = (
      await tx.query<Raw['agreements'][number]>(
        `select organization_id, employee_id, status, starts_on::text as starts_on, ends_on::text as ends_on,
                withdrawal_effective_on::text as withdrawal_effective_on, registered_at from rw_agreements`,
      )
    ).rows;
    const planDays = (await tx.query<Raw['planDays'][number]>(`select organization_id, office_id, day::text as day, kind from rw_plan_days`)).rows;
    const targets = (await tx.query<Raw['targets'][number]>(`select organization_id, target_percent::text as target_percent from rw_targets`)).rows;
    const ids = [...new Set([...employees.map((e) => e.organization_id), ...planDays.map((p) => p.organization_id), ...targets.map((t) => t.organization_id)])];
    const o = await tx.query<{ id: string; region_code: string | null; province_code: string | null }>(
      `select id, region_code, province_code from organizations where id = any($1::uuid[])`,
      [ids],
    );
    const existing = await tx.query<{ organization_id: string; month: string }>(`select organization_id, month::text as month from rw_ind_org_months`);
    return {
      employees,
      agreements,
      planDays,
      targets,
      orgs: new Map(o.rows.map((r) => [r.id, { region: r.region_code, province: r.province_code }])),
      existingMonths: new Set(existing.rows.map((r) => `${r.organization_id}|${r.month.slice(0, 7)}`)),
    };
  });
}

type C = [remote: number, onsite: number, absent: number, withAgreement: number];

function add(map: Map<string, C>, key: string, c: C) {
  const x = map.get(key) ?? [0, 0, 0, 0];
  map.set(key, [x[0] + c[0], x[1] + c[1], x[2] + c[2], x[3] + c[3]]);
}

const KIND: Record<string, C> = { remote: [1, 0, 0, 0], onsite: [0, 1, 0, 0], absent: [0, 0, 1, 0] };

export interface Rollups {
  officeDays: Map<string, C>;
  officeMonths: Map<string, C>;
  orgDays: Map<string, C>;
  orgMonths: Map<string, C>;
  officeHeads: Map<string, number>;
  orgHeads: Map<string, string>;
  territoryMonths: Map<string, string>;
  territoryDays: Map<string, C>;
  territoryHeads: Map<string, string>;
}

/**
 * Every roll-up computed from the raw rows. The months tracked for agreements are the 24 before
 * `currentMonth` up to the next one, plus the months with planned days or existing figures.
 */
export async function expectedRollups(db: Db, currentMonth: string): Promise<Rollups> {
  const raw = await readRaw(db);
  const window = new Set(monthsBetween(addMonths(currentMonth, -24), addMonths(currentMonth, 1)));
  const officeDays = new Map<string, C>();
  const officeMonths = new Map<string, C>();
  const planMonths = new Set<string>();
  for (const p of raw.planDays) {
    add(officeDays, `${p.organization_id}|${p.office_id}|${p.day}`, KIND[p.kind]);
    add(officeMonths, `${p.organization_id}|${p.office_id}|${monthOf(p.day)}`, KIND[p.kind]);
    planMonths.add(`${p.organization_id}|${monthOf(p.day)}`);
  }
  const byEmployee = new Map<string, Raw['agreements']>();
  for (const a of raw.agreements) byEmployee.set(a.employee_id, [...(byEmployee.get(a.employee_id) ?? []), a]);
  for (const e of raw.employees) {
    if (!e.active) continue;
    const agreements = (byEmployee.get(e.id) ?? []).map((a) => ({
      status: a.status,
      startsOn: a.starts_on,
      endsOn: a.ends_on,
      withdrawalEffectiveOn: a.withdrawal_effective_on,
      registeredAt: a.registered_at ? String(a.registered_at) : null,
    }));
    if (agreements.length === 0) continue;
    const months = new Set([...window, ...[...planMonths, ...raw.existingMonths].filter((k) => k.startsWith(`${e.organization_id}|`)).map((k) => k.split('|')[1])]);
    for (const m of months) {
      let inMonth = false;
      for (const d of daysOfMonth(m)) {
        if (agreements.some((a) => inForceOn(a, d))) {
          add(officeDays, `${e.organization_id}|${e.office_id}|${d}`, [0, 0, 0, 1]);
          inMonth = true;
        }
      }
      if (inMonth) add(officeMonths, `${e.organization_id}|${e.office_id}|${m}`, [0, 0, 0, 1]);
    }
  }
  const orgDays = new Map<string, C>();
  for (const [k, c] of officeDays) {
    const [org, , day] = k.split('|');
    add(orgDays, `${org}|${day}`, c);
  }
  const orgMonths = new Map<string, C>();
  for (const [k, c] of officeMonths) {
    const [org, , month] = k.split('|');
    add(orgMonths, `${org}|${month}`, c);
  }
  const officeHeads = new Map<string, number>();
  const headcount = new Map<string, number>();
  for (const e of raw.employees) {
    if (!e.active) continue;
    officeHeads.set(`${e.organization_id}|${e.office_id}`, (officeHeads.get(`${e.organization_id}|${e.office_id}`) ?? 0) + 1);
    headcount.set(e.organization_id, (headcount.get(e.organization_id) ?? 0) + 1);
  }
  const orgHeads = new Map<string, string>();
  const targets = new Map(raw.targets.map((t) => [t.organization_id, Number(t.target_percent)]));
  for (const org of new Set([...headcount.keys(), ...targets.keys()])) orgHeads.set(org, `${headcount.get(org) ?? 0}|${targets.get(org) ?? 30}`);

  // territories
  const territoryKeys = (org: string): string[] => {
    const o = raw.orgs.get(org);
    const keys = ['nation|IT'];
    if (o?.region) keys.push(`region|${o.region}`);
    if (o?.region && o.province) keys.push(`province|${o.province}`);
    return keys;
  };
  const tMonths = new Map<string, [number, ...C]>();
  for (const [k, c] of orgMonths) {
    const [org, month] = k.split('|');
    for (const t of territoryKeys(org)) {
      const x = tMonths.get(`${t}|${month}`) ?? [0, 0, 0, 0, 0];
      tMonths.set(`${t}|${month}`, [x[0] + 1, x[1] + c[0], x[2] + c[1], x[3] + c[2], x[4] + c[3]]);
    }
  }
  const territoryDays = new Map<string, C>();
  for (const [k, c] of orgDays) {
    const [org, day] = k.split('|');
    for (const t of territoryKeys(org)) add(territoryDays, `${t}|${day}`, c);
  }
  const tHeads = new Map<string, [number, number]>();
  for (const [org, n] of headcount) {
    for (const t of territoryKeys(org)) {
      const x = tHeads.get(t) ?? [0, 0];
      tHeads.set(t, [x[0] + 1, x[1] + n]);
    }
  }
  return {
    officeDays,
    officeMonths,
    orgDays,
    orgMonths,
    officeHeads,
    orgHeads,
    territoryMonths: new Map([...tMonths].map(([k, v]) => [k, v.join('|')])),
    territoryDays,
    territoryHeads: new Map([...tHeads].map(([k, v]) => [k, v.join('|')])),
  };
}

/** What the refresh job wrote, in the same shape (rows with nothing in them left out). */
export async function actualRollups(db: Db): Promise<Rollups> {
  return db.ownerTx(async (tx) => {
    const counts = async (sql: string) => {
      const r = await tx.query<{ k: string; remote: number; onsite: number; absent: number; with_agreement: number }>(sql);
      return new Map(
        r.rows.filter((x) => x.remote + x.onsite + x.absent + x.with_agreement > 0).map((x) => [x.k, [x.remote, x.onsite, x.absent, x.with_agreement] as C]),
      );
    };
    const cols = 'remote, onsite, absent, with_agreement';
    const officeHeads = new Map(
      (await tx.query<{ k: string; headcount: number }>(`select organization_id || '|' || office_id as k, headcount from rw_ind_office_heads`)).rows
        .filter((r) => r.headcount > 0)
        .map((r) => [r.k, r.headcount]),
    );
    const orgHeads = new Map(
      (await tx.query<{ k: string; v: string }>(`select organization_id::text as k, headcount || '|' || (target_percent::float8)::text as v from rw_ind_org_heads`)).rows.map(
        (r) => [r.k, r.v],
      ),
    );
    const territoryMonths = new Map(
      (
        await tx.query<{ k: string; v: string }>(
          `select level || '|' || code || '|' || to_char(month, 'YYYY-MM') as k,
                  concat_ws('|', bodies, remote, onsite, absent, with_agreement) as v from rw_ind_territory_months`,
        )
      ).rows.map((r) => [r.k, r.v]),
    );
    const territoryHeads = new Map(
      (await tx.query<{ k: string; v: string }>(`select level || '|' || code as k, bodies || '|' || headcount as v from rw_ind_territory_heads where headcount > 0`)).rows.map(
        (r) => [r.k, r.v],
      ),
    );
    return {
      officeDays: await counts(`select organization_id || '|' || office_id || '|' || day as k, ${cols} from rw_ind_office_days`),
      officeMonths: await counts(`select organization_id || '|' || office_id || '|' || to_char(month, 'YYYY-MM') as k, ${cols} from rw_ind_office_months`),
      orgDays: await counts(`select organization_id || '|' || day as k, ${cols} from rw_ind_org_days`),
      orgMonths: await counts(`select organization_id || '|' || to_char(month, 'YYYY-MM') as k, ${cols} from rw_ind_org_months`),
      officeHeads,
      orgHeads,
      territoryMonths,
      territoryDays: await counts(`select level || '|' || code || '|' || day as k, ${cols} from rw_ind_territory_days`),
      territoryHeads,
    };
  });
}

/** Sorted entries, for readable diffs in assertions. */
export function entries<V>(m: Map<string, V>): [string, V][] {
  return [...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
