-- Conferencing: the anonymous load of a platform as epoch milliseconds (module conferencing).
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
