-- Conferencing performance (module conferencing): a platform's load as one JSON value in epoch
-- milliseconds, and the admission of a booking in one round trip.
--
-- Measured on a month of a busy platform (1,600 bookings, bench/availability.ts):
-- conference_platform_loads (0008) returns timestamps that the caller turned into milliseconds
-- with extract(epoch …), which computes in numeric and cost more than the index scan itself; and
-- one row per booking cost the application about 1 ms of row parsing per 1,000 bookings. These
-- functions convert in float8 (date_part; the instants the application writes have whole
-- milliseconds, so round() is exact) and return three arrays in ONE json value
-- {"s": [starts], "e": [ends], "c": [connections]}, which the driver reads with JSON.parse.
-- Same rows, same rights (security definer: any body computes the free capacity without seeing
-- other bodies' bookings). PL/pgSQL keeps the plans for the session.

-- The loads holding capacity (accepted, pending) over [p_from, p_to); p_except leaves one booking out.
create or replace function conference_platform_loads_json(p_platform uuid, p_from timestamptz, p_to timestamptz, p_except uuid)
  returns json
  language plpgsql stable security definer set search_path = public as $$
declare
  v json;
begin
  select json_build_object(
           's', coalesce(json_agg(round(date_part('epoch', b.starts_at) * 1000)::bigint), '[]'::json),
           'e', coalesce(json_agg(round(date_part('epoch', b.ends_at) * 1000)::bigint), '[]'::json),
           'c', coalesce(json_agg(b.expected_connections), '[]'::json))
    into v
    from bookings b
   where b.platform_id = p_platform and b.status in ('accepted', 'pending')
     and tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange(p_from, p_to, '[)')
     and (p_except is null or b.id <> p_except);
  return v;
end $$;

-- The advisory lock keys of a platform: hashtext(id) in the high 32 bits; the low 32 bits are a
-- UTC day number for the day locks, all ones for the gate (no day reaches it). Two platforms with
-- the same hash only share locks: more waiting, never less safety.
create or replace function conference_platform_gate(p_platform uuid) returns bigint
  language sql immutable as $$
  select (hashtext(p_platform::text)::bigint << 32) | 4294967295
$$;

-- 0008's platform lock, now also the platform's gate taken exclusively (see the admission below):
-- changing, archiving, cancelling in or deciding on a platform waits for the admissions in
-- progress and holds new ones back. False when the platform does not exist.
create or replace function conference_platform_lock(p_platform uuid) returns boolean
  language plpgsql security definer set search_path = public as $$
begin
  perform pg_advisory_xact_lock(conference_platform_gate(p_platform));
  perform 1 from conference_platforms where id = p_platform for update;
  return found;
end $$;

-- The admission of a booking in one call (one round trip instead of three), used by admit() in
-- booking-capacity.ts. In this snapshot the highest use over [p_start, p_end) is summed; if the
-- candidate does not fit, the loads of the suggestion window [p_window_from, p_window_to) are
-- returned WITHOUT taking any lock (a refusal from a consistent snapshot can never overbook).
-- Otherwise (or when p_lock) the admission is serialised with every other admission that could
-- share an instant with it, by transaction advisory locks (single-bigint key space; the audit
-- chain uses the two-integer one) derived from the platform:
--   * the platform's gate, SHARED: admissions do not block one another on it, while every change
--     of the platform (capacity, archive, cancellation, decision: conference_platform_lock below
--     takes the gate EXCLUSIVELY) waits for the admissions in progress and they wait for it —
--     queued in order, so neither starves; the capacity read under it cannot change until commit;
--   * one lock per UTC day that [p_start, p_end) touches, in ascending order (at most 8: a booking
--     lasts at most 7 days; a longer range takes the gate exclusively instead). Two overlapping
--     bookings share an instant, hence a day, hence a lock: they run one after the other, while
--     bookings of other days are admitted in parallel.
-- Then the loads overlapping the candidate are read again — each statement of a volatile PL/pgSQL
-- function takes a new snapshot, so they include every admission committed before the locks were
-- granted. Returns {"locked": …, "capacity": …, "s": […], "e": […], "c": […]}; null: no such
-- platform. The database only chooses which loads to return: the rule is applied by capacity.ts.
create or replace function conference_platform_admission(
  p_platform uuid, p_start timestamptz, p_end timestamptz, p_connections integer, p_except uuid,
  p_window_from timestamptz, p_window_to timestamptz, p_lock boolean)
  returns json
  language plpgsql volatile security definer set search_path = public as $$
declare
  v_capacity integer;
  v_peak bigint;
  v_loads json;
  v_first bigint := floor(extract(epoch from p_start) / 86400);
  v_last bigint := floor(extract(epoch from p_end - interval '1 microsecond') / 86400);
begin
  if not p_lock then
    select p.capacity into v_capacity from conference_platforms p where p.id = p_platform;
    if not found then
      return null;
    end if;
    with ov as (
      select b.starts_at, b.ends_at, b.expected_connections as c from bookings b
       where b.platform_id = p_platform and b.status in ('accepted', 'pending')
         and tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange(p_start, p_end, '[)')
         and (p_except is null or b.id <> p_except)),
    ev as (select greatest(ov.starts_at, p_start) as t, ov.c as d from ov
           union all select ov.ends_at, -ov.c from ov where ov.ends_at < p_end),
    per_instant as (select ev.t, sum(ev.d) as d from ev group by ev.t)
    select coalesce(max(x.run), 0) into v_peak
      from (select sum(per_instant.d) over (order by per_instant.t) as run from per_instant) x;
    if v_peak + p_connections > v_capacity then
      v_loads := conference_platform_loads_json(p_platform, p_window_from, p_window_to, p_except);
      return json_build_object('locked', false, 'capacity', v_capacity, 's', v_loads -> 's', 'e', v_loads -> 'e', 'c', v_loads -> 'c');
    end if;
  end if;
  if v_last - v_first > 7 then
    perform pg_advisory_xact_lock(conference_platform_gate(p_platform));
  else
    perform pg_advisory_xact_lock_shared(conference_platform_gate(p_platform));
    for d in v_first .. v_last loop
      perform pg_advisory_xact_lock(conference_platform_gate(p_platform) - 4294967295 + d);
    end loop;
  end if;
  select p.capacity into v_capacity from conference_platforms p where p.id = p_platform;
  if not found then
    return null;
  end if;
  -- a statement after the locks: a snapshot that includes every admission committed before them
  select json_build_object(
           'locked', true, 'capacity', v_capacity,
           's', coalesce(json_agg(round(date_part('epoch', b.starts_at) * 1000)::bigint), '[]'::json),
           'e', coalesce(json_agg(round(date_part('epoch', b.ends_at) * 1000)::bigint), '[]'::json),
           'c', coalesce(json_agg(b.expected_connections), '[]'::json))
    into v_loads
    from bookings b
   where b.platform_id = p_platform and b.status in ('accepted', 'pending')
     and tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange(p_start, p_end, '[)')
     and (p_except is null or b.id <> p_except);
  return v_loads;
end $$;

-- The overlap index of 0008 with the columns the loads read included, so a month's load is an
-- index-only scan (no visit to the table's pages, scattered in creation order): 1.26 → 0.95 ms
-- for 1,746 bookings of a month (100,000 on the platform), the index 18 MB instead of 10 MB.
-- Same keys and predicate, so every plan that used the old index can use this one.
create index bookings_platform_range_cover on bookings using gist (platform_id, tstzrange(starts_at, ends_at, '[)'))
  include (id, starts_at, ends_at, expected_connections) where status in ('accepted', 'pending');
drop index bookings_platform_range;
