/** The SQL of the conferencing module: the only file of the module that touches the database. */
import type { Queryable } from '../../platform/db/index.js';
import type { OpeningHours } from './booking-rules.js';
import type { Load } from './capacity.js';
import { bookingsChanged, platformsChanged } from './platform-cache.js';

export const BOOKING_KINDS = ['meeting', 'council_session', 'board_session', 'training', 'streaming'] as const;
export type BookingKind = (typeof BOOKING_KINDS)[number];
export const BOOKING_STATUSES = ['pending', 'accepted', 'cancelled', 'refused'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const PLATFORM_ACCESS = ['members', 'everyone', 'territory'] as const;
export type PlatformAccess = (typeof PLATFORM_ACCESS)[number];
export type VideoSystem = 'none' | 'jitsi' | 'bbb';

export interface PlatformRow {
  id: string;
  operatorId: string;
  name: string;
  capacity: number;
  access: PlatformAccess;
  memberIds: string[];
  /** The region or province (or metropolitan city) whose bodies may book, when access is 'territory'. */
  territoryId: string | null;
  minNoticeDays: number;
  maxHorizonDays: number;
  maxDurationMinutes: number;
  openingHours: OpeningHours;
  openOnHolidays: boolean;
  requiresApproval: boolean;
  videoSystem: VideoSystem;
  link: string | null;
  /** Whether its video system has its settings (migrations/0010_conferencing_video.sql); never the settings themselves. */
  videoConfigured: boolean;
  /** Set when the platform was archived: no new bookings, no changes. */
  archivedAt: string | null;
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
  /** iCalendar SEQUENCE: 0 when booked, +1 on every later write. */
  sequence: number;
  createdAt: string;
  updatedAt: string;
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

const PLATFORM_COLUMNS = `p.id, p.organization_id as "operatorId", p.name, p.capacity, p.access,
  coalesce((select array_agg(m.organization_id::text order by m.organization_id) from conference_platform_members m where m.platform_id = p.id), '{}') as "memberIds",
  p.min_notice_days as "minNoticeDays", p.max_horizon_days as "maxHorizonDays", p.max_duration_minutes as "maxDurationMinutes",
  p.opening_hours as "openingHours", p.open_on_holidays as "openOnHolidays", p.requires_approval as "requiresApproval",
  p.video_system as "videoSystem", p.link, conference_platform_video_configured(p.id) as "videoConfigured", p.territory_id as "territoryId", p.archived_at as "archivedAt", p.created_at as "createdAt", p.updated_at as "updatedAt"`;

function toPlatform(r: Record<string, unknown>): PlatformRow {
  const openingHours = typeof r.openingHours === 'string' ? JSON.parse(r.openingHours) : r.openingHours;
  return {
    ...(r as unknown as PlatformRow),
    openingHours,
    archivedAt: r.archivedAt ? iso(r.archivedAt) : null,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

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
export type NewPlatform = Omit<PlatformRow, 'memberIds' | 'videoConfigured' | 'archivedAt' | 'createdAt' | 'updatedAt'>;

export async function insertPlatform(db: Queryable, p: NewPlatform, memberIds: string[]): Promise<void> {
  platformsChanged();
  await db.query(
    `insert into conference_platforms (id, organization_id, name, capacity, access, min_notice_days, max_horizon_days,
       max_duration_minutes, opening_hours, open_on_holidays, requires_approval, video_system, link, territory_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13, $14)`,
    [p.id, p.operatorId, p.name, p.capacity, p.access, p.minNoticeDays, p.maxHorizonDays, p.maxDurationMinutes,
      JSON.stringify(p.openingHours), p.openOnHolidays, p.requiresApproval, p.videoSystem, p.link, p.territoryId],
  );
  if (memberIds.length) {
    await db.query(
      `insert into conference_platform_members (platform_id, organization_id) select $1, unnest($2::uuid[]) on conflict do nothing`,
      [p.id, memberIds],
    );
  }
}

/** What a change of a platform may set: everything but its identity and operator. */
export type PlatformChange = Omit<NewPlatform, 'id' | 'operatorId'>;

export async function updatePlatform(db: Queryable, id: string, c: PlatformChange): Promise<void> {
  platformsChanged();
  await db.query(
    `update conference_platforms set name = $2, capacity = $3, access = $4, min_notice_days = $5, max_horizon_days = $6,
       max_duration_minutes = $7, opening_hours = $8::jsonb, open_on_holidays = $9, requires_approval = $10, video_system = $11,
       link = $12, territory_id = $13, updated_at = now()
     where id = $1`,
    [id, c.name, c.capacity, c.access, c.minNoticeDays, c.maxHorizonDays, c.maxDurationMinutes, JSON.stringify(c.openingHours),
      c.openOnHolidays, c.requiresApproval, c.videoSystem, c.link, c.territoryId],
  );
}

/** Replaces the member bodies of a platform with exactly `memberIds`. */
export async function replacePlatformMembers(db: Queryable, id: string, memberIds: string[]): Promise<void> {
  platformsChanged();
  await db.query(`delete from conference_platform_members where platform_id = $1 and not (organization_id = any($2::uuid[]))`, [id, memberIds]);
  if (memberIds.length) {
    await db.query(
      `insert into conference_platform_members (platform_id, organization_id) select $1, unnest($2::uuid[]) on conflict do nothing`,
      [id, memberIds],
    );
  }
}

export async function archivePlatform(db: Queryable, id: string, at: number): Promise<void> {
  platformsChanged();
  await db.query(`update conference_platforms set archived_at = $2, updated_at = now() where id = $1 and archived_at is null`, [id, new Date(at).toISOString()]);
}

export async function selectPlatform(db: Queryable, id: string): Promise<PlatformRow | null> {
  const r = await db.query(`select ${PLATFORM_COLUMNS} from conference_platforms p where p.id = $1`, [id]);
  return r.rows[0] ? toPlatform(r.rows[0]) : null;
}

export async function selectPlatforms(db: Queryable, limit: number, offset: number, includeArchived = false): Promise<{ items: PlatformRow[]; total: number }> {
  const where = includeArchived ? '' : 'where p.archived_at is null';
  const r = await db.query(`select ${PLATFORM_COLUMNS} from conference_platforms p ${where} order by p.name, p.id limit $1 offset $2`, [limit, offset]);
  const c = await db.query<{ n: number }>(`select count(*)::int as n from conference_platforms p ${where}`);
  return { items: r.rows.map(toPlatform), total: c.rows[0].n };
}

/** Locks the platform (its gate exclusively, then its row) until the end of the transaction: waits for the admissions in progress and holds new ones back; false when it does not exist. */
export async function lockPlatform(db: Queryable, id: string): Promise<boolean> {
  const r = await db.query<{ found: boolean }>(`select conference_platform_lock($1) as found`, [id]);
  return r.rows[0].found;
}

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
export interface VideoSettingsRow {
  platformId: string;
  system: 'jitsi' | 'bbb';
  jitsiDomain: string | null;
  jitsiAppId: string | null;
  jitsiAppSecret: string | null;
  bbbApiUrl: string | null;
  bbbSecret: string | null;
  bbbChecksum: 'sha1' | 'sha256' | 'sha384' | 'sha512' | null;
  updatedAt: string;
}

const VIDEO_COLUMNS = `v.platform_id as "platformId", v.system, v.jitsi_domain as "jitsiDomain", v.jitsi_app_id as "jitsiAppId",
  v.jitsi_app_secret as "jitsiAppSecret", v.bbb_api_url as "bbbApiUrl", v.bbb_secret as "bbbSecret", v.bbb_checksum as "bbbChecksum",
  v.updated_at as "updatedAt"`;

/** A platform's video settings (RLS: its operator body and platform scope only). */
export async function selectVideoSettings(db: Queryable, platformId: string): Promise<VideoSettingsRow | null> {
  const r = await db.query(`select ${VIDEO_COLUMNS} from conference_platform_video v where v.platform_id = $1`, [platformId]);
  return r.rows[0] ? { ...(r.rows[0] as unknown as VideoSettingsRow), updatedAt: iso(r.rows[0].updatedAt) } : null;
}

export async function upsertVideoSettings(db: Queryable, s: Omit<VideoSettingsRow, 'updatedAt'>): Promise<void> {
  platformsChanged();
  await db.query(
    `insert into conference_platform_video (platform_id, system, jitsi_domain, jitsi_app_id, jitsi_app_secret, bbb_api_url, bbb_secret, bbb_checksum)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (platform_id) do update set system = excluded.system, jitsi_domain = excluded.jitsi_domain,
       jitsi_app_id = excluded.jitsi_app_id, jitsi_app_secret = excluded.jitsi_app_secret, bbb_api_url = excluded.bbb_api_url,
       bbb_secret = excluded.bbb_secret, bbb_checksum = excluded.bbb_checksum, updated_at = now()`,
    [s.platformId, s.system, s.jitsiDomain, s.jitsiAppId, s.jitsiAppSecret, s.bbbApiUrl, s.bbbSecret, s.bbbChecksum],
  );
}

export async function deleteVideoSettings(db: Queryable, platformId: string): Promise<void> {
  platformsChanged();
  await db.query(`delete from conference_platform_video where platform_id = $1`, [platformId]);
}

export async function updatePlatformVideoSystem(db: Queryable, platformId: string, system: VideoSystem): Promise<void> {
  platformsChanged();
  await db.query(`update conference_platforms set video_system = $2, updated_at = now() where id = $1`, [platformId, system]);
}

export async function selectVideoConfigured(db: Queryable, platformId: string): Promise<boolean> {
  const r = await db.query<{ configured: boolean }>(`select conference_platform_video_configured($1) as configured`, [platformId]);
  return r.rows[0].configured;
}

/** A booking with its room and its platform's video settings, when the caller may see the booking. */
export interface BookingVideoRow {
  bookingId: string;
  organizationId: string;
  operatorId: string;
  status: BookingStatus;
  title: string;
  start: string;
  end: string;
  expectedConnections: number;
  room: string;
  videoSystem: VideoSystem;
  link: string | null;
  jitsiDomain: string | null;
  jitsiAppId: string | null;
  jitsiAppSecret: string | null;
  bbbApiUrl: string | null;
  bbbSecret: string | null;
  bbbChecksum: VideoSettingsRow['bbbChecksum'];
}

export async function selectBookingVideo(db: Queryable, bookingId: string): Promise<BookingVideoRow | null> {
  const r = await db.query(
    `select booking_id as "bookingId", organization_id as "organizationId", operator_id as "operatorId", status, title,
       starts_at as "start", ends_at as "end", expected_connections as "expectedConnections", video_room as "room",
       video_system as "videoSystem", link, jitsi_domain as "jitsiDomain", jitsi_app_id as "jitsiAppId", jitsi_app_secret as "jitsiAppSecret",
       bbb_api_url as "bbbApiUrl", bbb_secret as "bbbSecret", bbb_checksum as "bbbChecksum"
     from conference_booking_video($1)`,
    [bookingId],
  );
  const row = r.rows[0];
  return row ? { ...(row as unknown as BookingVideoRow), start: iso(row.start), end: iso(row.end) } : null;
}

/** The booking that owns a room, with its platform's operator and video system (RLS: bookings the caller may see). */
export interface RoomBookingRow {
  bookingId: string;
  platformId: string;
  operatorId: string;
  videoSystem: VideoSystem;
  status: BookingStatus;
  start: string;
  end: string;
  expectedConnections: number;
  organiserEmail: string;
  room: string;
}

export async function selectBookingByRoom(db: Queryable, room: string): Promise<RoomBookingRow | null> {
  const r = await db.query(
    `select b.id as "bookingId", b.platform_id as "platformId", p.organization_id as "operatorId", p.video_system as "videoSystem",
       b.status, b.starts_at as "start", b.ends_at as "end", b.expected_connections as "expectedConnections",
       b.organiser_email as "organiserEmail", b.video_room as "room"
     from bookings b join conference_platforms p on p.id = b.platform_id where b.video_room = $1`,
    [room],
  );
  const row = r.rows[0];
  return row ? { ...(row as unknown as RoomBookingRow), start: iso(row.start), end: iso(row.end) } : null;
}

export async function selectBookingRoomById(db: Queryable, bookingId: string): Promise<RoomBookingRow | null> {
  const r = await db.query<{ room: string }>(`select b.video_room as room from bookings b where b.id = $1`, [bookingId]);
  return r.rows[0] ? selectBookingByRoom(db, r.rows[0].room) : null;
}
