-- Remote work, the planner's area: each body's plan settings (swap approval, the version of its
-- plan that serialises every write of it), the plan runs with their report, the employees' swap
-- requests and the per-employee iCalendar feed tokens. Deny by default (RLS) like 0012.

-- One row per body, created on first use. Every write of a body's plan (a run, a pin, a swap)
-- locks this row and bumps plan_version: a long run checks the version it planned from.
create table rw_plan_settings (
  organization_id uuid primary key references organizations(id),
  -- true: a valid swap waits for the office manager's approval; false: accepted at once
  swap_requires_approval boolean not null default false,
  plan_version bigint not null default 0,
  updated_at timestamptz not null default now()
);

-- Who fixed a pinned day: the office manager / HR ('manager') or an accepted swap ('swap').
alter table rw_plan_days add column pin_source text check (pin_source in ('manager', 'swap'));

create table rw_plan_runs (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  requested_by uuid references users(id),
  from_day date not null,
  to_day date not null,
  -- the offices planned; null = every office of the body
  office_ids uuid[],
  trigger text not null default 'plan' check (trigger in ('plan', 'pin')),
  status text not null check (status in ('queued', 'running', 'done', 'failed')),
  progress smallint not null default 0 check (progress between 0 and 100),
  employees integer check (employees >= 0),
  working_days integer check (working_days >= 0),
  -- outcomes per employee, shortfalls, pin conflicts, unavoidable violations, statistics
  report jsonb check (report is null or jsonb_typeof(report) = 'object'),
  error text check (length(error) <= 4000),
  duration_ms integer check (duration_ms >= 0),
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  check (to_day >= from_day)
);
create index rw_plan_runs_org_created on rw_plan_runs (organization_id, created_at desc);

create table rw_swap_requests (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  employee_id uuid not null,
  office_id uuid not null,
  -- the remote day given up (becomes on site) and the day asked instead (becomes remote)
  from_day date not null,
  to_day date not null,
  status text not null check (status in ('pending', 'accepted', 'refused')),
  -- why it was refused (rules or the manager), in Italian
  reason text check (length(reason) <= 4000),
  violations jsonb not null default '[]'::jsonb check (jsonb_typeof(violations) = 'array'),
  note text not null default '' check (length(note) <= 500),
  requested_by uuid references users(id),
  created_at timestamptz not null default now(),
  decided_by uuid references users(id),
  decided_at timestamptz,
  check (from_day <> to_day),
  foreign key (employee_id, organization_id) references rw_employees(id, organization_id) on delete cascade,
  foreign key (office_id, organization_id) references rw_offices(id, organization_id)
);
create index rw_swap_requests_employee on rw_swap_requests (employee_id, created_at desc);
create index rw_swap_requests_org_status on rw_swap_requests (organization_id, status);

-- The secret of an employee's calendar feed, stored as its SHA-256 (the token itself is shown once).
create table rw_calendar_feeds (
  employee_id uuid primary key,
  organization_id uuid not null references organizations(id),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  foreign key (employee_id, organization_id) references rw_employees(id, organization_id) on delete cascade
);

do $$
declare t text;
begin
  foreach t in array array['rw_plan_settings', 'rw_plan_runs', 'rw_swap_requests', 'rw_calendar_feeds'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy %I on %I for all using (app_is_platform() or organization_id = app_organization_id())'
      ' with check (app_is_platform() or organization_id = app_organization_id())', t || '_body', t);
  end loop;
end $$;

-- The feed is read without a session: the token's hash names the employee and the body, and the
-- rest is read in that body's context (RLS applies). Nothing else is reachable through it.
create or replace function rw_calendar_feed_owner(p_token_hash text)
  returns table (employee_id uuid, organization_id uuid)
  language sql stable security definer set search_path = public as $$
  select f.employee_id, f.organization_id from rw_calendar_feeds f where f.token_hash = p_token_hash
$$;
grant execute on function rw_calendar_feed_owner(text) to agilepa_app;
