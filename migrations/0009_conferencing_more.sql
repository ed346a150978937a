-- Conferencing, part two: invitations and reminders (bookings.sequence, bookings.reminded_at),
-- platforms open to a territory (a region or a province) and archived platforms.

-- The iCalendar SEQUENCE of a booking: 0 when booked, +1 on every later write of the booking
-- (change, decision, cancellation), so calendar clients replace the older invitation.
alter table bookings add column sequence integer not null default 0 check (sequence >= 0);
-- When the reminder of the day before was queued: once per booking.
alter table bookings add column reminded_at timestamptz;
-- the reminder job reads tomorrow's accepted bookings not yet reminded
create index bookings_reminder_due on bookings (starts_at) where status = 'accepted' and reminded_at is null;
-- the usage report reads one platform's accepted bookings by start
create index bookings_platform_accepted_start on bookings (platform_id, starts_at) where status = 'accepted';

-- access 'territory': every body inside the region or the province (or metropolitan city)
-- `territory_id` may book; the use case resolves where a body is through the organizations module.
alter table conference_platforms drop constraint conference_platforms_access_check;
alter table conference_platforms add constraint conference_platforms_access_check
  check (access in ('members', 'everyone', 'territory'));
alter table conference_platforms add column territory_id uuid references organizations(id);
alter table conference_platforms add constraint conference_platforms_territory_check
  check ((access = 'territory') = (territory_id is not null));

-- An archived platform takes no new bookings and no changes; its past bookings stay for the record.
alter table conference_platforms add column archived_at timestamptz;
