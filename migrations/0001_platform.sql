-- Platform basics: the application role that every request runs as, the tenant helpers
-- used by row-level security policies, and the extensions the modules rely on.

create extension if not exists pg_trgm;
create extension if not exists btree_gist;

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'agilepa_app') then
    create role agilepa_app nologin;
  end if;
exception when duplicate_object or unique_violation then
  null; -- created at the same moment by another database of the same cluster
end $$;

-- The connecting user must be able to switch to the application role.
do $$
begin
  if not (select rolsuper from pg_roles where rolname = current_user) then
    execute format('grant agilepa_app to %I', current_user);
  end if;
end $$;

grant usage on schema public to agilepa_app;
alter default privileges in schema public grant select, insert, update, delete on tables to agilepa_app;
alter default privileges in schema public grant usage, select on sequences to agilepa_app;
grant select on schema_migrations to agilepa_app;

-- The tenant of the current transaction (null when none is set: deny by default).
create or replace function app_organization_id() returns uuid
  language sql stable as $$ select nullif(current_setting('app.organization_id', true), '')::uuid $$;

create or replace function app_user_id() returns uuid
  language sql stable as $$ select nullif(current_setting('app.user_id', true), '')::uuid $$;

-- Platform scope (platform administrators, background jobs acting for the whole instance).
create or replace function app_is_platform() returns boolean
  language sql stable as $$ select coalesce(current_setting('app.platform', true), '') = 'on' $$;

-- Key/value settings of the instance (e.g. whether the demo was loaded).
create table platform_settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);
