-- The quick refusal of a booking in ONE statement, outside any transaction (create-booking.ts).
--
-- Measured with bench/booking.ts: once a platform is full, nearly every attempt is refused, and
-- a refusal cost five statements (begin with the tenant context, the platform row, the admission,
-- commit) although it reads nothing of any body and writes nothing. Now the use case first asks
-- this function, as a statement of its own: in its snapshot, does the candidate fit? If not, it
-- returns the loads overlapping the candidate, from which the refusal's overflows are computed
-- (a refusal from a consistent snapshot can never overbook). The loads of the surrounding days
-- for the suggestions are read apart and reused for a moment (booking-capacity.ts): most refusals
-- of a busy platform share them. If the candidate fits, nothing is decided here: the admission
-- runs in the booking's transaction, under the locks (0011).
-- Returns {"locked": false, "fits": …, "capacity": …} plus, when it does not fit, "s", "e", "c"
-- (the overlapping loads, as conference_platform_loads_json); null: no such platform.
create or replace function conference_platform_precheck(
  p_platform uuid, p_start timestamptz, p_end timestamptz, p_connections integer, p_except uuid)
  returns json
  language plpgsql stable security definer set search_path = public as $$
declare
  v_capacity integer;
  v_peak bigint;
  v_loads json;
begin
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
  if v_peak + p_connections <= v_capacity then
    return json_build_object('locked', false, 'fits', true, 'capacity', v_capacity);
  end if;
  v_loads := conference_platform_loads_json(p_platform, p_start, p_end, p_except);
  return json_build_object('locked', false, 'fits', false, 'capacity', v_capacity, 's', v_loads -> 's', 'e', v_loads -> 'e', 'c', v_loads -> 'c');
end $$;

-- 0011's admission, its unlocked part now being the precheck above (same sum, same answer: the
-- window's loads when the candidate does not fit). Under the locks it also tells whether the
-- platform has been archived: a booking inserted BEFORE the locks (create-booking.ts inserts,
-- queues its mail, then takes the locks, so that they are held for as short a time as possible)
-- must not be committed on a platform archived in between.
create or replace function conference_platform_admission(
  p_platform uuid, p_start timestamptz, p_end timestamptz, p_connections integer, p_except uuid,
  p_window_from timestamptz, p_window_to timestamptz, p_lock boolean)
  returns json
  language plpgsql volatile security definer set search_path = public as $$
declare
  v_capacity integer;
  v_archived boolean;
  v_loads json;
  v_first bigint := floor(extract(epoch from p_start) / 86400);
  v_last bigint := floor(extract(epoch from p_end - interval '1 microsecond') / 86400);
begin
  if not p_lock then
    v_loads := conference_platform_precheck(p_platform, p_start, p_end, p_connections, p_except);
    if v_loads is null then
      return null;
    end if;
    if not (v_loads ->> 'fits')::boolean then
      v_capacity := (v_loads ->> 'capacity')::integer;
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
  select p.capacity, p.archived_at is not null into v_capacity, v_archived from conference_platforms p where p.id = p_platform;
  if not found then
    return null;
  end if;
  -- archived meanwhile (the archive holds the gate exclusively, so this is final): the caller rolls back
  if v_archived then
    return json_build_object('locked', true, 'archived', true);
  end if;
  -- a statement after the locks: a snapshot that includes every admission committed before them
  v_loads := conference_platform_loads_json(p_platform, p_start, p_end, p_except);
  return json_build_object('locked', true, 'capacity', v_capacity, 's', v_loads -> 's', 'e', v_loads -> 'e', 'c', v_loads -> 'c');
end $$;
