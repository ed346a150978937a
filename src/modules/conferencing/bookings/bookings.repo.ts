/** The SQL of the bookings (conference_bookings) and of the capacity they hold on a platform. */
import type { Queryable } from '../../../platform/db/index.js';
import type { Load } from './capacity.js';
import { bookingsChanged } from '../platform-cache.js';

export const BOOKING_KINDS = ['meeting', 'council_session', 'board_session', 'training', 'streaming'] as const;
export type BookingKind = (typeof BOOKING_KINDS)[number];
export const BOOKING_STATUSES = ['pending', 'accepted', 'cancelled', 'refused'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

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
  /** iCalendar SEQUENCE: 0 when booked, +1 on every later write. */
  sequence: number;
  createdAt: string;
  updatedAt: string;
}


const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

const BOOKING_COLUMNS = `b.id, b.platform_id as "platformId", b.organization_id as "organizationId", b.created_by as "createdBy",
  b.title, b.kind, b.starts_at as "start", b.ends_at as "end", b.expected_connections as "expectedConnections",
  b.organiser_name as "organiserName", b.organiser_email as "organiserEmail", b.organiser_phone as "organiserPhone",
  b.status, b.sequence, b.created_at as "createdAt", b.updated_at as "updatedAt"`;

function toBooking(row: Record<string, unknown>): BookingRow {
  const { total: _total, ...r } = row; // a window count, when the query has one
  return { ...(r as unknown as BookingRow), start: iso(r.start), end: iso(r.end), createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt) };
}

// ---------------------------------------------------------------- platforms

/** A platform to insert: its members go in their own table, the timestamps come from the database. */

/** A platform's load as the database returns it: starts, ends (epoch ms) and connections, index by index. */
interface LoadArrays {
  s: number[];
  e: number[];
  c: number[];
}

/** pg and PGlite read json columns with JSON.parse; a driver that does not would hand over the text. */
function loadArraysOf(v: unknown): LoadArrays {
  return (typeof v === 'string' ? JSON.parse(v) : v) as LoadArrays;
}

function toLoads(a: LoadArrays): Load[] {
  const out: Load[] = new Array(a.s.length);
  for (let i = 0; i < a.s.length; i++) out[i] = { start: a.s[i], end: a.e[i], connections: a.c[i] };
  return out;
}

/**
 * The bookings holding capacity (accepted, pending) over [from, to), anonymous; `except` leaves one
 * out. One json value of three arrays (conference_platform_loads_json, migration 0011): a month of
 * a busy platform is read several times faster than one row per booking.
 */
export async function selectLoads(db: Queryable, platformId: string, from: number, to: number, except: string | null = null): Promise<Load[]> {
  const r = await db.query<{ loads: unknown }>(`select conference_platform_loads_json($1, $2, $3, $4) as loads`, [
    platformId,
    new Date(from).toISOString(),
    new Date(to).toISOString(),
    except,
  ]);
  return toLoads(loadArraysOf(r.rows[0].loads));
}

/**
 * The quick look of a booking (conference_platform_precheck, migration 0021), ONE statement
 * outside any transaction: whether the candidate fits in this snapshot of the platform's bookings
 * and, when it does not, the loads overlapping it (for the overflows). It decides only refusals;
 * an admission is decided by `admission` under the locks. Null: no platform.
 * The function is security definer and reads no body's data but anonymous loads, so it needs no
 * tenant context.
 */
export async function precheck(db: Queryable, platformId: string, candidate: Load, except: string | null): Promise<{ fits: boolean; capacity: number; loads: Load[] } | null> {
  const r = await db.query<{ a: unknown }>(`select conference_platform_precheck($1, $2, $3, $4, $5) as a`, [
    platformId,
    new Date(candidate.start).toISOString(),
    new Date(candidate.end).toISOString(),
    candidate.connections,
    except,
  ]);
  if (r.rows[0].a === null) return null;
  const a = loadArraysOf(r.rows[0].a) as Partial<LoadArrays> & { fits: boolean; capacity: number };
  return { fits: a.fits, capacity: a.capacity, loads: a.s ? toLoads(a as LoadArrays) : [] };
}

/** A platform's capacity and its loads over [from, to) in one statement (availability); null: no platform. */
export async function selectCapacityAndLoads(db: Queryable, platformId: string, from: number, to: number): Promise<{ capacity: number; loads: Load[] } | null> {
  const r = await db.query<{ capacity: number; loads: unknown }>(
    `select p.capacity, conference_platform_loads_json(p.id, $2, $3, null) as loads from conference_platforms p where p.id = $1`,
    [platformId, new Date(from).toISOString(), new Date(to).toISOString()],
  );
  const row = r.rows[0];
  return row ? { capacity: row.capacity, loads: toLoads(loadArraysOf(row.loads)) } : null;
}

export interface Admission {
  /** The admission holds its locks (the days it touches, the platform gate shared) until the end of the transaction; `loads` were read under them. */
  locked: boolean;
  /** The platform's capacity (under the lock when locked). */
  capacity: number;
  /** Locked: the loads overlapping the candidate; not locked: the loads of the window (the candidate did not fit). */
  loads: Load[];
  /** Locked: the platform was found archived under the locks (no loads then). */
  archived?: boolean;
}

/**
 * One round trip of the booking admission (conference_platform_admission, migration 0011): the
 * window's loads without a lock when the candidate does not fit in this snapshot, otherwise (or
 * with `lock`) the platform locked and the overlapping loads read under the lock. Null: no platform.
 */
export async function admission(
  db: Queryable,
  platformId: string,
  candidate: Load,
  except: string | null,
  window: { from: number; to: number },
  lock: boolean,
): Promise<Admission | null> {
  const iso = (ms: number) => new Date(ms).toISOString();
  const r = await db.query<{ a: unknown }>(`select conference_platform_admission($1, $2, $3, $4, $5, $6, $7, $8) as a`, [
    platformId,
    iso(candidate.start),
    iso(candidate.end),
    candidate.connections,
    except,
    iso(window.from),
    iso(window.to),
    lock,
  ]);
  if (r.rows[0].a === null) return null;
  const a = loadArraysOf(r.rows[0].a) as LoadArrays & { locked: boolean; capacity: number; archived?: boolean };
  if (a.archived) return { locked: true, capacity: 0, loads: [], archived: true };
  return { locked: a.locked, capacity: a.capacity, loads: toLoads(a) };
}

/** The bookings holding capacity (accepted, pending) that end after `from`: what a lower capacity must still hold. */
export async function selectLoadsAfter(db: Queryable, platformId: string, from: number): Promise<Load[]> {
  const r = await db.query<{ s: string | number; e: string | number; connections: number }>(
    `select (extract(epoch from starts_at) * 1000)::float8 as s, (extract(epoch from ends_at) * 1000)::float8 as e,
            expected_connections as connections
       from bookings where platform_id = $1 and status in ('accepted', 'pending') and ends_at > $2`,
    [platformId, new Date(from).toISOString()],
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

/**
 * Inserts a booking unless its platform is archived (null then). The archive check is part of the
 * statement, which runs after the platform lock was taken: it sees an archive committed meanwhile.
 */
export async function insertBooking(db: Queryable, b: NewBooking): Promise<BookingRow | null> {
  bookingsChanged();
  const r = await db.query(
    `insert into bookings as b (id, platform_id, organization_id, created_by, title, kind, starts_at, ends_at, expected_connections,
       organiser_name, organiser_email, organiser_phone, status)
     select $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13
      where exists (select 1 from conference_platforms p where p.id = $2 and p.archived_at is null)
     returning ${BOOKING_COLUMNS}`,
    [b.id, b.platformId, b.organizationId, b.createdBy, b.title, b.kind, new Date(b.start).toISOString(), new Date(b.end).toISOString(),
      b.expectedConnections, b.organiserName, b.organiserEmail, b.organiserPhone, b.status],
  );
  return r.rows[0] ? toBooking(r.rows[0]) : null;
}

/** A booking visible to the caller (RLS), optionally locked for update. */
export async function selectBooking(db: Queryable, id: string, forUpdate = false): Promise<BookingRow | null> {
  const r = await db.query(`select ${BOOKING_COLUMNS} from bookings b where b.id = $1${forUpdate ? ' for update' : ''}`, [id]);
  return r.rows[0] ? toBooking(r.rows[0]) : null;
}

export interface BookingFilter {
  platformId?: string | null;
  organizationId?: string | null;
  createdBy?: string | null;
  status?: BookingStatus | null;
  /** Bookings overlapping [from, to): either bound may be open. */
  from?: number | null;
  to?: number | null;
}

/** The bookings visible to the caller (RLS) that match the filter, newest start first. */
export async function selectBookings(db: Queryable, f: BookingFilter, limit: number, offset: number): Promise<{ items: BookingRow[]; total: number }> {
  const where = `($1::uuid is null or b.platform_id = $1) and ($2::uuid is null or b.organization_id = $2)
    and ($3::uuid is null or b.created_by = $3) and ($4::text is null or b.status = $4)
    and ($5::timestamptz is null or b.ends_at > $5) and ($6::timestamptz is null or b.starts_at < $6)`;
  const params = [
    f.platformId ?? null,
    f.organizationId ?? null,
    f.createdBy ?? null,
    f.status ?? null,
    f.from != null ? new Date(f.from).toISOString() : null,
    f.to != null ? new Date(f.to).toISOString() : null,
  ];
  const r = await db.query(
    `select ${BOOKING_COLUMNS}, count(*) over () as total from bookings b where ${where} order by b.starts_at desc, b.id limit $7 offset $8`,
    [...params, limit, offset],
  );
  let total = r.rows.length ? Number((r.rows[0] as { total: unknown }).total) : 0;
  if (!r.rows.length && offset > 0) {
    const c = await db.query<{ n: number }>(`select count(*)::int as n from bookings b where ${where}`, params);
    total = c.rows[0].n;
  }
  return { items: r.rows.map(toBooking), total };
}

/** The bookings of a platform that have not started and still hold capacity, locked (archiving a platform). */
export async function selectUpcomingBookings(db: Queryable, platformId: string, now: number): Promise<BookingRow[]> {
  const r = await db.query(
    `select ${BOOKING_COLUMNS} from bookings b where b.platform_id = $1 and b.status in ('accepted', 'pending') and b.starts_at > $2
      order by b.starts_at, b.id for update`,
    [platformId, new Date(now).toISOString()],
  );
  return r.rows.map(toBooking);
}

/** The accepted bookings of a platform starting in [from, to) (usage report), without their contacts. */
export async function selectAcceptedStarting(
  db: Queryable,
  platformId: string,
  from: number,
  to: number,
): Promise<{ organizationId: string; start: number; end: number; connections: number }[]> {
  const r = await db.query<{ organizationId: string; s: string | number; e: string | number; connections: number }>(
    `select organization_id as "organizationId", (extract(epoch from starts_at) * 1000)::float8 as s,
            (extract(epoch from ends_at) * 1000)::float8 as e, expected_connections as connections
       from bookings where platform_id = $1 and status = 'accepted' and starts_at >= $2 and starts_at < $3`,
    [platformId, new Date(from).toISOString(), new Date(to).toISOString()],
  );
  return r.rows.map((x) => ({ organizationId: x.organizationId, start: Number(x.s), end: Number(x.e), connections: x.connections }));
}

/**
 * Marks as reminded the accepted bookings starting in [from, to) not reminded yet, and returns
 * them. One statement: a concurrent run waits on the rows and then skips them (reminded_at is set).
 */
export async function claimReminders(db: Queryable, from: number, to: number, at: number): Promise<BookingRow[]> {
  const r = await db.query(
    `update bookings b set reminded_at = $3
      where b.status = 'accepted' and b.reminded_at is null and b.starts_at >= $1 and b.starts_at < $2
      returning ${BOOKING_COLUMNS}`,
    [new Date(from).toISOString(), new Date(to).toISOString(), new Date(at).toISOString()],
  );
  return r.rows.map(toBooking);
}

/** What a change of a booking may set: everything but its identity, platform and owner. */
export type BookingChange = Omit<NewBooking, 'id' | 'platformId' | 'organizationId' | 'createdBy'>;

/** Writes a booking's fields; every write raises its iCalendar SEQUENCE by one. */
export async function updateBooking(db: Queryable, id: string, c: BookingChange): Promise<BookingRow> {
  bookingsChanged();
  const r = await db.query(
    `update bookings b set title = $2, kind = $3, starts_at = $4, ends_at = $5, expected_connections = $6, organiser_name = $7,
       organiser_email = $8, organiser_phone = $9, status = $10, sequence = b.sequence + 1, updated_at = now()
     where b.id = $1 returning ${BOOKING_COLUMNS}`,
    [id, c.title, c.kind, new Date(c.start).toISOString(), new Date(c.end).toISOString(), c.expectedConnections, c.organiserName,
      c.organiserEmail, c.organiserPhone, c.status],
  );
  return toBooking(r.rows[0]);
}

// ---------------------------------------------------------------- video systems (migrations/0010_conferencing_video.sql)

/** The settings of a platform's video system as stored; the secrets never leave the server. */
