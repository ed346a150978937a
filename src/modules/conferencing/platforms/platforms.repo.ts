/** The SQL of the conferencing platforms (conference_platforms and their member bodies). */
import type { Queryable } from '../../../platform/db/index.js';
import type { OpeningHours } from '../bookings/index.js';
import { platformsChanged } from '../platform-cache.js';

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

