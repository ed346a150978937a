-- The chain trigger looked up the body's last entry with `is not distinct from`, which cannot use
-- the unique index audit_log_chain (on coalesce(organization_id, zero uuid), seq): each insert
-- scanned the body's entries, slower as the log grew. Same rule, written as the index's expression.
create or replace function audit_log_chain() returns trigger
  language plpgsql security definer set search_path = public as $$
declare
  last record;
begin
  if coalesce(current_setting('app.audit_restore', true), '') = 'on' then
    return new; -- restore of a backup: rows keep their original chain
  end if;
  perform pg_advisory_xact_lock(8100001, hashtext(coalesce(new.organization_id::text, 'platform')));
  select a.seq, a.hash into last from audit_log a
   where coalesce(a.organization_id, '00000000-0000-0000-0000-000000000000'::uuid)
       = coalesce(new.organization_id, '00000000-0000-0000-0000-000000000000'::uuid)
   order by coalesce(a.organization_id, '00000000-0000-0000-0000-000000000000'::uuid) desc, a.seq desc limit 1;
  new.seq := coalesce(last.seq, 0) + 1;
  new.prev_hash := coalesce(last.hash, repeat('0', 64));
  new.created_at := clock_timestamp();
  new.hash := audit_entry_hash(new.prev_hash, new.organization_id, new.seq, new.actor_user_id, new.actor_label,
    new.action, new.entity_type, new.entity_id, new.before, new.after, new.created_at);
  return new;
end $$;
