/** The SQL of the platforms' video systems and of the meeting rooms of bookings. */
import type { Queryable } from '../../../platform/db/index.js';
import type { VideoSystem } from '../platforms/index.js';
import type { BookingStatus } from '../bookings/index.js';
import { platformsChanged } from '../platform-cache.js';

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

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

