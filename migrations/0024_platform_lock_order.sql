-- The platform's lock without the deadlock of a booking being created meanwhile. Inserting a
-- booking takes a KEY SHARE lock on its platform's row (the foreign key), then the admission asks
-- for the platform's gate; `conference_platform_lock()` took the gate exclusively, then the row
-- FOR UPDATE, which waits for that KEY SHARE: each waited for the other (40P01, about one second
-- lost to the deadlock detector, then a retry). FOR NO KEY UPDATE serialises every change of the
-- platform just as well (it conflicts with itself and with FOR UPDATE/SHARE) but not with the
-- foreign keys of new bookings, so the order is one: gate, then rows.
create or replace function conference_platform_lock(p_platform uuid) returns boolean
  language plpgsql security definer set search_path = public as $$
begin
  perform pg_advisory_xact_lock(conference_platform_gate(p_platform));
  perform 1 from conference_platforms where id = p_platform for no key update;
  return found;
end $$;
