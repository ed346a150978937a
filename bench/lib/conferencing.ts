/**
 * Set-up and load of the conferencing benchmarks: an association of municipalities operating
 * platforms, member bodies each with an employee and a personal API token, and random bookings
 * within the booking rules (working days a few days ahead, quarter hours between 08:00 and 20:00
 * Europe/Rome, up to 4 hours, 1–80 connections).
 */
import type { Db } from '../../src/platform/db/index.js';
import type { AuthContext } from '../../src/platform/auth/context.js';
import { systemActor } from '../../src/platform/auth/actor.js';
import { createUser } from '../../src/modules/people/index.js';
import { createApiToken } from '../../src/modules/people/index.js';
import { findOrganizationByCode } from '../../src/modules/organizations/index.js';
import { createOrganization } from '../../src/modules/organizations/create-organization.js';
import { createPlatform } from '../../src/modules/conferencing/platforms/create-platform.js';
import { addDays, romeParts } from '../../src/platform/calendar/rome.js';
import { isItalianHoliday } from '../../src/platform/calendar/working-days.js';
import { rome } from '../../src/modules/conferencing/conferencing.test-support.js';

/** Municipalities of the official list (Piedmont) that book. */
export const MEMBER_CODES = ['001001', '001002', '001003', '001004', '001006', '001007', '001008', '001009'];

export interface Member {
  organizationId: string;
  auth: AuthContext;
  token: string;
}

export interface Setup {
  admin: AuthContext;
  operatorId: string;
  members: Member[];
}

export async function setUpBodies(db: Db): Promise<Setup> {
  const aglie = (await findOrganizationByCode(db, '001001'))!;
  const adminUser = await createUser(db, { email: 'bench-admin@agilepa.example', displayName: 'Bench admin', password: 'bench-password-123', organizationId: aglie.id, roles: ['platform_admin'] }, systemActor('bench'));
  const admin: AuthContext = { userId: adminUser.id, email: adminUser.email, displayName: 'Bench admin', organizationId: aglie.id, roles: ['platform_admin'], via: 'session' };
  const assoc = await createOrganization(db, admin, { kind: 'association', name: 'Associazione dei comuni (benchmark)' });
  const members: Member[] = [];
  for (const code of MEMBER_CODES) {
    const org = (await findOrganizationByCode(db, code))!;
    const email = `bench-${code}@agilepa.example`;
    const u = await createUser(db, { email, displayName: `Bench ${code}`, password: 'bench-password-123', organizationId: org.id, roles: ['employee'] }, systemActor('bench'));
    const { token } = await createApiToken(db, { userId: u.id, name: 'bench' });
    members.push({ organizationId: org.id, token, auth: { userId: u.id, email, displayName: `Bench ${code}`, organizationId: org.id, roles: ['employee'], via: 'token' } });
  }
  return { admin, operatorId: assoc.id, members };
}

/** A platform of the association, open Monday to Friday 08:00–20:00, closed on holidays (the defaults). */
export async function addPlatform(db: Db, s: Setup, name: string, capacity: number, maxHorizonDays = 90): Promise<string> {
  const p = await createPlatform(db, s.admin, { operatorId: s.operatorId, name, capacity, memberIds: s.members.map((m) => m.organizationId), maxHorizonDays });
  return p.id;
}

/** `count` Rome working days (Monday–Friday, not public holidays) starting `after` days from today. */
export function workingDays(after: number, count: number, now = Date.now()): string[] {
  const out: string[] = [];
  for (let d = addDays(romeParts(now).date, after); out.length < count; d = addDays(d, 1)) {
    if (!isItalianHoliday(d) && romeParts(Date.parse(rome(d, '12:00'))).weekday <= 5) out.push(d);
  }
  return out;
}

const KINDS = ['meeting', 'council_session', 'board_session', 'training', 'streaming'] as const;

export interface BookingRequest {
  title: string;
  kind: (typeof KINDS)[number];
  start: string;
  end: string;
  expectedConnections: number;
}

const hhmm = (q: number) => `${String(8 + Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;

/** A random booking on one of `days`: start on a quarter hour 08:00–18:45, 15 min to 4 h, 1–80 connections. */
export function randomBooking(random: () => number, days: readonly string[], title: string): BookingRequest {
  const date = days[Math.floor(random() * days.length)];
  const startQ = Math.floor(random() * 44);
  const lengthQ = 1 + Math.floor(random() * Math.min(16, 48 - startQ));
  return {
    title,
    kind: KINDS[Math.floor(random() * KINDS.length)],
    start: rome(date, hhmm(startQ)),
    end: rome(date, hhmm(startQ + lengthQ)),
    expectedConnections: 1 + Math.floor(random() * 80),
  };
}

/**
 * The highest use at any instant of a platform's accepted and pending bookings, by an SQL sweep
 * independent of the module's code: +connections at each start, -connections at each end, summed
 * per instant (so a booking ending when another starts does not overlap it), running total.
 */
export async function peakUsed(db: Db, platformId: string): Promise<number> {
  const r = await db.query<{ used: number }>(
    `with b as (select starts_at, ends_at, expected_connections as c from bookings
                 where platform_id = $1 and status in ('accepted', 'pending')),
          ev as (select starts_at as at, c as d from b union all select ends_at, -c from b),
          per_instant as (select at, sum(d) as d from ev group by at)
     select coalesce(max(run), 0)::int as used from (select sum(d) over (order by at) as run from per_instant) x`,
    [platformId],
  );
  return r.rows[0].used;
}
