-- Conferencing performance (module conferencing): loads in epoch milliseconds, and the
-- admission of a booking in one round trip.
--
-- conference_platform_loads (0008) returns timestamps that the caller turned into milliseconds
-- with extract(epoch …), which computes in numeric: on a month of a busy platform (1,700
-- bookings) that conversion cost more than the index scan itself. This version converts in
-- float8 (date_part; the instants the application writes have whole milliseconds, so round() is
-- exact) and, being PL/pgSQL, keeps its plan for the session instead of planning its query at
-- every call. Same rows, same rights (security definer: any body computes the free capacity
-- without seeing other bodies' bookings).

create or replace function conference_platform_loads_ms(p_platform uuid, p_from timestamptz, p_to timestamptz, p_except uuid)
  returns table (s float8, e float8, connections integer)
  language plpgsql stable security definer set search_path = public as $$
begin
  return query
    select round(date_part('epoch', b.starts_at) * 1000), round(date_part('epoch', b.ends_at) * 1000), b.expected_connections
      from bookings b
     where b.platform_id = p_platform and b.status in ('accepted', 'pending')
       and tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange(p_from, p_to, '[)')
       and (p_except is null or b.id <> p_except);
end $$;

-- The admission of a booking in one call (one round trip instead of three), used by admit() in
-- booking-capacity.ts. In this snapshot the highest use over [p_start, p_end) is summed; if the
-- candidate does not fit, the loads of the suggestion window [p_window_from, p_window_to) are
-- returned WITHOUT taking any lock (a refusal from a consistent snapshot can never overbook);
-- otherwise (or when p_lock) the platform row is locked FOR UPDATE and the loads overlapping the
-- candidate are read again after the lock was granted — each statement of a volatile PL/pgSQL
-- function takes a new snapshot, so they include every admission committed before — with the
-- capacity as it is under the lock (a concurrent lowering of it is seen). The first row is a
-- header (locked, capacity, no load); no row at all: no such platform. The database only chooses
-- which rows to return: the rule itself is applied by capacity.ts on them.
create or replace function conference_platform_admission(
  p_platform uuid, p_start timestamptz, p_end timestamptz, p_connections integer, p_except uuid,
  p_window_from timestamptz, p_window_to timestamptz, p_lock boolean)
  returns table (locked boolean, capacity integer, s float8, e float8, connections integer)
  language plpgsql volatile security definer set search_path = public as $$
declare
  v_capacity integer;
  v_peak bigint;
begin
  if not p_lock then
    select p.capacity into v_capacity from conference_platforms p where p.id = p_platform;
    if not found then
      return;
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
      return query select false, v_capacity, null::float8, null::float8, null::integer;
      return query
        select false, v_capacity, round(date_part('epoch', b.starts_at) * 1000), round(date_part('epoch', b.ends_at) * 1000), b.expected_connections
          from bookings b
         where b.platform_id = p_platform and b.status in ('accepted', 'pending')
           and tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange(p_window_from, p_window_to, '[)')
           and (p_except is null or b.id <> p_except);
      return;
    end if;
  end if;
  select p.capacity into v_capacity from conference_platforms p where p.id = p_platform for update;
  if not found then
    return;
  end if;
  return query select true, v_capacity, null::float8, null::float8, null::integer;
  return query
    select true, v_capacity, round(date_part('epoch', b.starts_at) * 1000), round(date_part('epoch', b.ends_at) * 1000), b.expected_connections
      from bookings b
     where b.platform_id = p_platform and b.status in ('accepted', 'pending')
       and tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange(p_start, p_end, '[)')
       and (p_except is null or b.id <> p_except);
end $$;
