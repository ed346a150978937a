-- Append-only audit log: who, when, what, before and after. Each body has its own chain: an
-- entry's hash covers the previous entry's hash, so a changed or removed entry is detectable.

create table audit_log (
  id bigint generated always as identity primary key,
  organization_id uuid,                 -- null: an event of the platform, not of one body
  seq bigint not null,                  -- position in the body's chain (1, 2, …)
  actor_user_id uuid,
  actor_label text,                     -- e-mail or "system", kept even if the user goes
  action text not null,                 -- e.g. organization.update
  entity_type text not null,
  entity_id text,
  before jsonb,
  after jsonb,
  ip text,
  created_at timestamptz not null default clock_timestamp(),
  prev_hash text not null,
  hash text not null
);
create unique index audit_log_chain on audit_log (coalesce(organization_id, '00000000-0000-0000-0000-000000000000'::uuid), seq);
create index audit_log_org_time on audit_log (organization_id, created_at desc);

create or replace function audit_entry_hash(
  p_prev text, p_org uuid, p_seq bigint, p_actor uuid, p_actor_label text, p_action text,
  p_entity_type text, p_entity_id text, p_before jsonb, p_after jsonb, p_created_at timestamptz
) returns text language sql immutable as $$
  select encode(sha256(convert_to(p_prev || '|' || jsonb_build_object(
    'org', p_org, 'seq', p_seq, 'actor', p_actor, 'actorLabel', p_actor_label, 'action', p_action,
    'entityType', p_entity_type, 'entityId', p_entity_id, 'before', p_before, 'after', p_after,
    'at', (extract(epoch from p_created_at) * 1000000)::bigint)::text, 'UTF8')), 'hex')
$$;

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
   where a.organization_id is not distinct from new.organization_id
   order by a.seq desc limit 1;
  new.seq := coalesce(last.seq, 0) + 1;
  new.prev_hash := coalesce(last.hash, repeat('0', 64));
  new.created_at := clock_timestamp();
  new.hash := audit_entry_hash(new.prev_hash, new.organization_id, new.seq, new.actor_user_id, new.actor_label,
    new.action, new.entity_type, new.entity_id, new.before, new.after, new.created_at);
  return new;
end $$;

create trigger audit_log_chain before insert on audit_log for each row execute function audit_log_chain();

create or replace function audit_log_append_only() returns trigger language plpgsql as $$
begin
  if coalesce(current_setting('app.audit_restore', true), '') = 'on' then
    return coalesce(new, old);
  end if;
  raise exception 'audit_log è in sola aggiunta / audit_log is append-only' using errcode = '42501';
end $$;

create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_append_only();

-- The first entry whose hash does not match its content or its predecessor (none: the chain holds).
create or replace function audit_verify(p_org uuid)
returns table (seq bigint, id bigint, problem text)
language sql stable security definer set search_path = public as $$
  with chain as (
    select a.*, lag(a.hash) over (order by a.seq) as expected_prev, lag(a.seq) over (order by a.seq) as prev_seq
      from audit_log a where a.organization_id is not distinct from p_org
  )
  select c.seq, c.id,
    case when c.prev_seq is distinct from (case when c.seq = 1 then null else c.seq - 1 end) then 'missing entry before this one'
         when c.prev_hash <> coalesce(c.expected_prev, repeat('0', 64)) then 'previous hash does not match'
         else 'content does not match its hash' end
    from chain c
   where c.prev_seq is distinct from (case when c.seq = 1 then null else c.seq - 1 end)
      or c.prev_hash <> coalesce(c.expected_prev, repeat('0', 64))
      or c.hash <> audit_entry_hash(c.prev_hash, c.organization_id, c.seq, c.actor_user_id, c.actor_label, c.action,
           c.entity_type, c.entity_id, c.before, c.after, c.created_at)
   order by c.seq limit 1
$$;

alter table audit_log enable row level security;
create policy audit_log_read on audit_log for select
  using (organization_id = app_organization_id() or app_is_platform());
create policy audit_log_write on audit_log for insert
  with check (organization_id is null or organization_id = app_organization_id() or app_is_platform());
revoke update, delete, truncate on audit_log from agilepa_app;
grant usage on all sequences in schema public to agilepa_app;
