-- Shared videoconference platforms and their bookings (module conferencing).
-- A platform is run by an operator body (a provider or an association of municipalities) and
-- holds `capacity` simultaneous connections; bodies book ranges [starts_at, ends_at) with a number
-- of expected connections. The capacity rule is enforced by the booking use case inside one
-- transaction that first locks the platform row (conference_platform_lock), then sums the
-- overlapping bookings (conference_platform_loads): concurrent bookings of one platform are
-- serialised by that lock, never checked-then-inserted.

create table conference_platforms (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),  -- the operator body
  name text not null check (length(name) between 1 and 200),
  capacity integer not null check (capacity > 0 and capacity <= 100000),
  access text not null default 'members' check (access in ('members', 'everyone')),
  min_notice_days integer not null default 1 check (min_notice_days between 0 and 365),
  max_horizon_days integer not null default 90 check (max_horizon_days between 1 and 1000),
  max_duration_minutes integer not null default 480 check (max_duration_minutes between 1 and 10080),
  -- per ISO weekday ("1" Monday … "7" Sunday), windows of Europe/Rome local time [["08:00","20:00"]]
  opening_hours jsonb not null default '{}'::jsonb check (jsonb_typeof(opening_hours) = 'object'),
  open_on_holidays boolean not null default false,
  requires_approval boolean not null default false,
  video_system text not null default 'none' check (video_system in ('none', 'jitsi', 'bbb')),
  link text check (length(link) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index conference_platforms_operator on conference_platforms (organization_id);

-- The bodies that may book a platform whose access is 'members'.
create table conference_platform_members (
  platform_id uuid not null references conference_platforms(id) on delete cascade,
  organization_id uuid not null references organizations(id) on delete cascade,
  primary key (platform_id, organization_id)
);
create index conference_platform_members_org on conference_platform_members (organization_id);

create table bookings (
  id uuid primary key default gen_random_uuid(),
  platform_id uuid not null references conference_platforms(id),
  organization_id uuid not null references organizations(id),  -- the booking body
  created_by uuid references users(id),
  title text not null check (length(title) between 1 and 200),
  kind text not null check (kind in ('meeting', 'council_session', 'board_session', 'training', 'streaming')),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  expected_connections integer not null check (expected_connections > 0),
  organiser_name text not null check (length(organiser_name) between 1 and 200),
  organiser_email text not null check (length(organiser_email) between 3 and 254),
  organiser_phone text check (length(organiser_phone) <= 40),
  status text not null check (status in ('pending', 'accepted', 'cancelled', 'refused')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at)
);
-- overlap queries of one platform: range GiST (btree_gist for the uuid), only bookings that hold capacity
create index bookings_platform_range on bookings using gist (platform_id, tstzrange(starts_at, ends_at, '[)'))
  where status in ('accepted', 'pending');
create index bookings_organization on bookings (organization_id, starts_at);

alter table conference_platforms enable row level security;
-- the catalogue of platforms is readable by everyone signed in; only the operator body or the platform scope writes
create policy conference_platforms_read on conference_platforms for select using (true);
create policy conference_platforms_write on conference_platforms for all
  using (app_is_platform() or organization_id = app_organization_id())
  with check (app_is_platform() or organization_id = app_organization_id());

alter table conference_platform_members enable row level security;
create policy conference_platform_members_read on conference_platform_members for select using (true);
create policy conference_platform_members_write on conference_platform_members for all
  using (app_is_platform() or exists (select 1 from conference_platforms p
    where p.id = conference_platform_members.platform_id and p.organization_id = app_organization_id()))
  with check (app_is_platform() or exists (select 1 from conference_platforms p
    where p.id = conference_platform_members.platform_id and p.organization_id = app_organization_id()));

alter table bookings enable row level security;
-- a booking is seen by its body, by the platform's operator body, and in platform scope
create policy bookings_read on bookings for select using (
  app_is_platform() or organization_id = app_organization_id()
  or exists (select 1 from conference_platforms p where p.id = bookings.platform_id and p.organization_id = app_organization_id()));
create policy bookings_insert on bookings for insert
  with check (app_is_platform() or organization_id = app_organization_id());
create policy bookings_update on bookings for update
  using (app_is_platform() or organization_id = app_organization_id()
    or exists (select 1 from conference_platforms p where p.id = bookings.platform_id and p.organization_id = app_organization_id()))
  with check (app_is_platform() or organization_id = app_organization_id()
    or exists (select 1 from conference_platforms p where p.id = bookings.platform_id and p.organization_id = app_organization_id()));
create policy bookings_delete on bookings for delete using (app_is_platform());

-- Locks a platform row for the rest of the transaction (any signed-in body may book, but RLS
-- lets only the operator update, hence FOR UPDATE, the row). False when the platform does not exist.
create or replace function conference_platform_lock(p_platform uuid) returns boolean
  language plpgsql security definer set search_path = public as $$
begin
  perform 1 from conference_platforms where id = p_platform for update;
  return found;
end $$;

-- The anonymous load of a platform over [p_from, p_to): ranges and connections of the bookings
-- that hold capacity (accepted and pending), without who booked them, so every body can compute
-- the free capacity without seeing other bodies' bookings. p_except leaves one booking out (a change).
create or replace function conference_platform_loads(p_platform uuid, p_from timestamptz, p_to timestamptz, p_except uuid)
  returns table (starts_at timestamptz, ends_at timestamptz, connections integer)
  language sql stable security definer set search_path = public as $$
  select b.starts_at, b.ends_at, b.expected_connections from bookings b
   where b.platform_id = p_platform and b.status in ('accepted', 'pending')
     and tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange(p_from, p_to, '[)')
     and (p_except is null or b.id <> p_except)
$$;
