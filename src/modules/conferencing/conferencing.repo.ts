/** The SQL of the conferencing module: the only file of the module that touches the database. */
import type { Queryable } from '../../platform/db/index.js';
import type { OpeningHours } from './booking-rules.js';
import type { Load } from './capacity.js';

export const BOOKING_KINDS = ['meeting', 'council_session', 'board_session', 'training', 'streaming'] as const;
export type BookingKind = (typeof BOOKING_KINDS)[number];
export const BOOKING_STATUSES = ['pending', 'accepted', 'cancelled', 'refused'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export type PlatformAccess = 'members' | 'everyone';
export type VideoSystem = 'none' | 'jitsi' | 'bbb';

export interface PlatformRow {
  id: string;
  operatorId: string;
  name: string;
  capacity: number;
  access: PlatformAccess;
  memberIds: string[];
  minNoticeDays: number;
  maxHorizonDays: number;
  maxDurationMinutes: number;
  openingHours: OpeningHours;
  openOnHolidays: boolean;
  requiresApproval: boolean;
  videoSystem: VideoSystem;
  link: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BookingRow {
  id: string;
  platformId: string;
  organizationId: string;
  createdBy: string | null;
  title: string;
  kind: BookingKind;
  start: string;
  end: string;
  expectedConnections: number;
  organiserName: string;
  organiserEmail: string;
  organiserPhone: string | null;
  status: BookingStatus;
  createdAt: string;
  updatedAt: string;
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

const PLATFORM_COLUMNS = `p.id, p.organization_id as "operatorId", p.name, p.capacity, p.access,
  coalesce((select array_agg(m.organization_id::text order by m.organization_id) from conference_platform_members m where m.platform_id = p.id), '{}') as "memberIds",
  p.min_notice_days as "minNoticeDays", p.max_horizon_days as "maxHorizonDays", p.max_duration_minutes as "maxDurationMinutes",
  p.opening_hours as "openingHours", p.open_on_holidays as "openOnHolidays", p.requires_approval as "requiresApproval",
  p.video_system as "videoSystem", p.link, p.created_at as "createdAt", p.updated_at as "updatedAt"`;

function toPlatform(r: Record<string, unknown>): PlatformRow {
  const openingHours = typeof r.openingHours === 'string' ? JSON.parse(r.openingHours) : r.openingHours;
  return { ...(r as unknown as PlatformRow), openingHours, createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt) };
}

const BOOKING_COLUMNS = `b.id, b.platform_id as "platformId", b.organization_id as "organizationId", b.created_by as "createdBy",
  b.title, b.kind, b.starts_at as "start", b.ends_at as "end", b.expected_connections as "expectedConnections",
  b.organiser_name as "organiserName", b.organiser_email as "organiserEmail", b.organiser_phone as "organiserPhone",
  b.status, b.created_at as "createdAt", b.updated_at as "updatedAt"`;

function toBooking(r: Record<string, unknown>): BookingRow {
  return { ...(r as unknown as BookingRow), start: iso(r.start), end: iso(r.end), createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt) };
}

// ---------------------------------------------------------------- platforms

export async function selectOrganizationKind(db: Queryable, id: string): Promise<string | null> {
  const r = await db.query<{ kind: string }>(`select kind from organizations where id = $1`, [id]);
  return r.rows[0]?.kind ?? null;
}

/** A platform to insert: its members go in their own table, the timestamps come from the database. */
export type NewPlatform = Omit<PlatformRow, 'memberIds' | 'createdAt' | 'updatedAt'>;

export async function insertPlatform(db: Queryable, p: NewPlatform, memberIds: string[]): Promise<void> {
  await db.query(
    `insert into conference_platforms (id, organization_id, name, capacity, access, min_notice_days, max_horizon_days,
       max_duration_minutes, opening_hours, open_on_holidays, requires_approval, video_system, link)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13)`,
    [p.id, p.operatorId, p.name, p.capacity, p.access, p.minNoticeDays, p.maxHorizonDays, p.maxDurationMinutes,
      JSON.stringify(p.openingHours), p.openOnHolidays, p.requiresApproval, p.videoSystem, p.link],
  );
  if (memberIds.length) {
    await db.query(
      `insert into conference_platform_members (platform_id, organization_id) select $1, unnest($2::uuid[]) on conflict do nothing`,
      [p.id, memberIds],
    );
  }
}

export async function countExistingOrganizations(db: Queryable, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const r = await db.query<{ n: number }>(`select count(*)::int as n from organizations where id = any($1::uuid[])`, [ids]);
  return r.rows[0].n;
}

export async function selectPlatform(db: Queryable, id: string): Promise<PlatformRow | null> {
  const r = await db.query(`select ${PLATFORM_COLUMNS} from conference_platforms p where p.id = $1`, [id]);
  return r.rows[0] ? toPlatform(r.rows[0]) : null;
}

export async function selectPlatforms(db: Queryable, limit: number, offset: number): Promise<{ items: PlatformRow[]; total: number }> {
  const r = await db.query(`select ${PLATFORM_COLUMNS} from conference_platforms p order by p.name, p.id limit $1 offset $2`, [limit, offset]);
  const c = await db.query<{ n: number }>(`select count(*)::int as n from conference_platforms`);
  return { items: r.rows.map(toPlatform), total: c.rows[0].n };
}

/** Locks the platform row until the end of the transaction; false when it does not exist. */
export async function lockPlatform(db: Queryable, id: string): Promise<boolean> {
  const r = await db.query<{ found: boolean }>(`select conference_platform_lock($1) as found`, [id]);
  return r.rows[0].found;
}

/** The bookings holding capacity (accepted, pending) over [from, to), anonymous; `except` leaves one out. */
export async function selectLoads(db: Queryable, platformId: string, from: number, to: number, except: string | null = null): Promise<Load[]> {
  const r = await db.query<{ s: string | number; e: string | number; connections: number }>(
    `select (extract(epoch from starts_at) * 1000)::float8 as s, (extract(epoch from ends_at) * 1000)::float8 as e, connections
       from conference_platform_loads($1, $2, $3, $4)`,
    [platformId, new Date(from).toISOString(), new Date(to).toISOString(), except],
  );
  return r.rows.map((x) => ({ start: Number(x.s), end: Number(x.e), connections: x.connections }));
}

// ---------------------------------------------------------------- bookings

export interface NewBooking {
  id: string;
  platformId: string;
  organizationId: string;
  createdBy: string;
  title: string;
  kind: BookingKind;
  start: number;
  end: number;
  expectedConnections: number;
  organiserName: string;
  organiserEmail: string;
  organiserPhone: string | null;
  status: BookingStatus;
}

export async function insertBooking(db: Queryable, b: NewBooking): Promise<BookingRow> {
  const r = await db.query(
    `insert into bookings as b (id, platform_id, organization_id, created_by, title, kind, starts_at, ends_at, expected_connections,
       organiser_name, organiser_email, organiser_phone, status)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning ${BOOKING_COLUMNS}`,
    [b.id, b.platformId, b.organizationId, b.createdBy, b.title, b.kind, new Date(b.start).toISOString(), new Date(b.end).toISOString(),
      b.expectedConnections, b.organiserName, b.organiserEmail, b.organiserPhone, b.status],
  );
  return toBooking(r.rows[0]);
}

/** A booking visible to the caller (RLS), optionally locked for update. */
export async function selectBooking(db: Queryable, id: string, forUpdate = false): Promise<BookingRow | null> {
  const r = await db.query(`select ${BOOKING_COLUMNS} from bookings b where b.id = $1${forUpdate ? ' for update' : ''}`, [id]);
  return r.rows[0] ? toBooking(r.rows[0]) : null;
}

export async function selectBookings(db: Queryable, platformId: string | null, limit: number, offset: number): Promise<{ items: BookingRow[]; total: number }> {
  const r = await db.query(
    `select ${BOOKING_COLUMNS} from bookings b where ($1::uuid is null or b.platform_id = $1) order by b.starts_at desc, b.id limit $2 offset $3`,
    [platformId, limit, offset],
  );
  const c = await db.query<{ n: number }>(`select count(*)::int as n from bookings b where ($1::uuid is null or b.platform_id = $1)`, [platformId]);
  return { items: r.rows.map(toBooking), total: c.rows[0].n };
}

/** What a change of a booking may set: everything but its identity, platform and owner. */
export type BookingChange = Omit<NewBooking, 'id' | 'platformId' | 'organizationId' | 'createdBy'>;

export async function updateBooking(db: Queryable, id: string, c: BookingChange): Promise<BookingRow> {
  const r = await db.query(
    `update bookings b set title = $2, kind = $3, starts_at = $4, ends_at = $5, expected_connections = $6, organiser_name = $7,
       organiser_email = $8, organiser_phone = $9, status = $10, updated_at = now()
     where b.id = $1 returning ${BOOKING_COLUMNS}`,
    [id, c.title, c.kind, new Date(c.start).toISOString(), new Date(c.end).toISOString(), c.expectedConnections, c.organiserName,
      c.organiserEmail, c.organiserPhone, c.status],
  );
  return toBooking(r.rows[0]);
}
