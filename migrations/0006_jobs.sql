-- Background jobs and schedules, persisted in the database so they survive a restart and run on
-- PGlite and PostgreSQL alike (src/platform/jobs). Jobs are platform-level: the worker reads and
-- updates them as the owner (db.ownerTx). The application role may only enqueue, through
-- job_enqueue(), inside its own transaction (so a job exists if and only if the write committed),
-- and platform administrators may read them (the admin pages).

create table jobs (
  id bigint generated always as identity primary key,
  type text not null check (type ~ '^[a-z][a-z0-9_.-]{0,99}$'),
  payload jsonb not null default '{}'::jsonb,
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  run_at timestamptz not null default now(),
  attempts integer not null default 0 check (attempts >= 0),
  max_attempts integer not null default 5 check (max_attempts between 1 and 100),
  last_error text,
  locked_by text,
  locked_until timestamptz,
  -- De-duplication: a key is taken once (until the finished job is cleaned up); null: no key.
  unique_key text unique check (length(unique_key) <= 300),
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index jobs_due on jobs (run_at, id) where status = 'queued';
create index jobs_leased on jobs (locked_until) where status = 'running';
create index jobs_finished on jobs (status, finished_at desc) where status in ('done', 'failed');

-- Recurring work. spec is 'every N minutes' (N from 1 to 1440, slots aligned to multiples of N
-- minutes since the epoch) or 'daily HH:MM' (local time in Europe/Rome). next_run_at is the
-- next slot; the worker turns each due slot into one job with unique_key 'schedule:<name>:<slot>'.
create table job_schedules (
  name text primary key check (name ~ '^[a-z][a-z0-9_.-]{0,99}$'),
  spec text not null check (length(spec) <= 50),
  job_type text not null check (job_type ~ '^[a-z][a-z0-9_.-]{0,99}$'),
  payload jsonb not null default '{}'::jsonb,
  enabled boolean not null default true,
  next_run_at timestamptz not null,
  last_run_at timestamptz,
  updated_at timestamptz not null default now()
);

alter table jobs enable row level security;
alter table job_schedules enable row level security;
revoke all on jobs, job_schedules from agilepa_app;
grant select on jobs, job_schedules to agilepa_app;
create policy jobs_platform_read on jobs for select using (app_is_platform());
create policy job_schedules_platform_read on job_schedules for select using (app_is_platform());

-- Enqueue from any transaction (also as the application role); returns the job's id, or null
-- when a job with the same unique_key exists already.
create or replace function job_enqueue(p_type text, p_payload jsonb, p_run_at timestamptz, p_unique_key text, p_max_attempts integer)
returns bigint language plpgsql security definer set search_path = public as $$
declare
  v_id bigint;
begin
  insert into jobs (type, payload, run_at, unique_key, max_attempts)
  values (p_type, coalesce(p_payload, '{}'::jsonb), coalesce(p_run_at, now()), p_unique_key, coalesce(p_max_attempts, 5))
  on conflict (unique_key) do nothing
  returning id into v_id;
  return v_id;
end $$;
revoke all on function job_enqueue(text, jsonb, timestamptz, text, integer) from public;
grant execute on function job_enqueue(text, jsonb, timestamptz, text, integer) to agilepa_app;
