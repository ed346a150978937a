-- Video systems of the shared videoconference platforms (module conferencing).
-- A stable, unguessable room name per booking (Jitsi room, BigBlueButton meetingID), and per
-- platform the settings of its video system with their secrets. The secrets are readable only by
-- the platform's operator body and in platform scope (RLS); a body that booked gets its signed
-- links through conference_booking_video(), which checks that the caller may see the booking.

-- 'apa' + 32 hex digits of a random UUID (122 random bits from the server's strong generator);
-- lowercase, because Jitsi lowercases room names.
alter table bookings add column video_room text not null
  default ('apa' || replace(gen_random_uuid()::text, '-', ''))
  check (video_room ~ '^[a-z0-9]{8,64}$');
create unique index bookings_video_room on bookings (video_room);

create table conference_platform_video (
  platform_id uuid primary key references conference_platforms(id) on delete cascade,
  system text not null check (system in ('jitsi', 'bbb')),
  jitsi_domain text check (length(jitsi_domain) between 1 and 260),
  jitsi_app_id text check (length(jitsi_app_id) between 1 and 100),
  jitsi_app_secret text check (length(jitsi_app_secret) between 16 and 512),
  bbb_api_url text check (length(bbb_api_url) between 8 and 500),
  bbb_secret text check (length(bbb_secret) between 16 and 512),
  bbb_checksum text check (bbb_checksum in ('sha1', 'sha256', 'sha384', 'sha512')),
  updated_at timestamptz not null default now(),
  check (system <> 'jitsi' or (jitsi_domain is not null and jitsi_app_id is not null and jitsi_app_secret is not null
    and bbb_api_url is null and bbb_secret is null and bbb_checksum is null)),
  check (system <> 'bbb' or (bbb_api_url is not null and bbb_secret is not null and bbb_checksum is not null
    and jitsi_domain is null and jitsi_app_id is null and jitsi_app_secret is null))
);

alter table conference_platform_video enable row level security;
-- deny by default: only the operator body of the platform, or platform scope, reads or writes
create policy conference_platform_video_operator on conference_platform_video for all
  using (app_is_platform() or exists (select 1 from conference_platforms p
    where p.id = conference_platform_video.platform_id and p.organization_id = app_organization_id()))
  with check (app_is_platform() or exists (select 1 from conference_platforms p
    where p.id = conference_platform_video.platform_id and p.organization_id = app_organization_id()));

-- Whether a platform's video system is configured (settings present for the system it drives),
-- for everyone who reads the catalogue of platforms, without the settings themselves.
create or replace function conference_platform_video_configured(p_platform uuid) returns boolean
  language sql stable security definer set search_path = public as $$
  select exists (select 1 from conference_platform_video v join conference_platforms p on p.id = v.platform_id
                  where v.platform_id = p_platform and v.system = p.video_system)
$$;

-- A booking with its room and its platform's video settings, for a caller who may see the booking
-- (its body, the platform's operator body, platform scope: the same rule as bookings_read). The
-- secrets leave the database only to sign that booking's links on the server.
create or replace function conference_booking_video(p_booking uuid)
  returns table (booking_id uuid, organization_id uuid, operator_id uuid, status text, title text,
    starts_at timestamptz, ends_at timestamptz, expected_connections integer, video_room text,
    video_system text, link text, jitsi_domain text, jitsi_app_id text, jitsi_app_secret text,
    bbb_api_url text, bbb_secret text, bbb_checksum text)
  language sql stable security definer set search_path = public as $$
  select b.id, b.organization_id, p.organization_id, b.status, b.title, b.starts_at, b.ends_at, b.expected_connections,
         b.video_room, p.video_system, p.link, v.jitsi_domain, v.jitsi_app_id, v.jitsi_app_secret,
         v.bbb_api_url, v.bbb_secret, v.bbb_checksum
    from bookings b
    join conference_platforms p on p.id = b.platform_id
    left join conference_platform_video v on v.platform_id = p.id and v.system = p.video_system
   where b.id = p_booking
     and (app_is_platform() or b.organization_id = app_organization_id() or p.organization_id = app_organization_id())
$$;
