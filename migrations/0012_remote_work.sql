-- Remote work (module remote-work): a body's offices with their on-site coverage rules, its
-- employees, their individual agreements (Law 81/2017, art. 18-23), absences and closures, and
-- the planned calendar of remote days. Every row belongs to one body (organization_id) and is
-- seen only in that body's context or in platform scope (row-level security, deny by default).
-- Who may do what inside a body (HR, office manager, the employee himself) is checked by the use
-- cases. Later migrations of the module add the plans' history, swaps, indicators' roll-ups,
-- objectives and the POLA.

create table rw_offices (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  -- the body's own code of the office, used by the CSV import ("RAG", "URP", "TRIB-2")
  code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,29}$'),
  name text not null check (length(name) between 1 and 200),
  parent_id uuid,
  manager_user_id uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, code),
  unique (id, organization_id),
  foreign key (parent_id, organization_id) references rw_offices(id, organization_id),
  check (parent_id is null or parent_id <> id)
);
create index rw_offices_parent on rw_offices (parent_id);

-- Minimum people on site per ISO weekday (1 Monday … 7 Sunday); skill '' is the office total,
-- any other skill (e.g. 'sportello', the front desk) counts only people who have it.
create table rw_coverage_rules (
  office_id uuid not null,
  organization_id uuid not null references organizations(id),
  weekday smallint not null check (weekday between 1 and 7),
  skill text not null default '' check (skill = '' or skill ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
  min_on_site integer not null check (min_on_site between 0 and 10000),
  primary key (office_id, weekday, skill),
  foreign key (office_id, organization_id) references rw_offices(id, organization_id) on delete cascade
);

-- Activities of an office and whether they can be done remotely (for the agreement and the POLA).
create table rw_office_activities (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null,
  organization_id uuid not null references organizations(id),
  name text not null check (length(name) between 1 and 200),
  remotable boolean not null,
  unique (office_id, name),
  foreign key (office_id, organization_id) references rw_offices(id, organization_id) on delete cascade
);

create table rw_employees (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  office_id uuid not null,
  -- codice fiscale, upper case, validated (check character, omocodia) by the application
  tax_code text not null check (tax_code ~ '^[A-Z0-9]{16}$'),
  first_name text not null check (length(first_name) between 1 and 100),
  last_name text not null check (length(last_name) between 1 and 100),
  email text check (length(email) between 3 and 254),
  user_id uuid references users(id),          -- the platform account, when the person has one
  skills text[] not null default '{}',
  -- ISO weekdays the person prefers to work remotely (the planner grants them first)
  preferred_weekdays smallint[] not null default '{}',
  -- a disabled worker: the employer's withdrawal needs 90 days' notice instead of 30 (art. 19)
  disabled_worker boolean not null default false,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, tax_code),
  unique (id, organization_id),
  foreign key (office_id, organization_id) references rw_offices(id, organization_id)
);
create index rw_employees_office on rw_employees (office_id);
create index rw_employees_user on rw_employees (user_id) where user_id is not null;

-- The individual agreement. ends_on null = open-ended. Workflow:
-- requested → approved | refused (manager) → registered (HR) → withdrawn | expired; renewal makes
-- a new agreement with renewed_from. Two live agreements of one person never overlap (constraint).
create table rw_agreements (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  employee_id uuid not null,
  status text not null check (status in ('requested', 'approved', 'refused', 'registered', 'withdrawn', 'expired')),
  starts_on date not null,
  ends_on date,
  max_remote_per_week smallint check (max_remote_per_week between 0 and 7),
  max_remote_per_month smallint check (max_remote_per_month between 0 and 31),
  allowed_weekdays smallint[] not null default '{1,2,3,4,5}',
  -- optional monthly plan of office and remote days: {"2027-01-12": "remote", "2027-01-13": "onsite"}
  monthly_plan jsonb check (monthly_plan is null or jsonb_typeof(monthly_plan) = 'object'),
  -- reachability windows per ISO weekday: {"1": [["09:00","13:00"]], …}
  reachability jsonb not null default '{}'::jsonb check (jsonb_typeof(reachability) = 'object'),
  disconnection_from text not null default '19:00' check (disconnection_from ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  disconnection_to text not null default '08:00' check (disconnection_to ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  disconnection_measures text not null default '' check (length(disconnection_measures) <= 2000),
  place_rules text not null default '' check (length(place_rules) <= 2000),
  equipment text not null default '' check (length(equipment) <= 2000),
  activities text not null default '' check (length(activities) <= 2000),
  safety_info_acknowledged_at timestamptz,
  requested_by uuid references users(id),
  requested_at timestamptz not null default now(),
  decided_by uuid references users(id),
  decided_at timestamptz,
  decision_reason text check (length(decision_reason) <= 2000),
  registered_by uuid references users(id),
  registered_at timestamptz,
  withdrawn_by_party text check (withdrawn_by_party in ('employee', 'employer')),
  withdrawal_notified_on date,
  withdrawal_effective_on date,
  withdrawal_reason text check (length(withdrawal_reason) <= 2000),
  withdrawal_justified boolean,
  renewed_from uuid references rw_agreements(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (employee_id, organization_id) references rw_employees(id, organization_id),
  check (ends_on is null or ends_on >= starts_on),
  check (max_remote_per_week is not null or max_remote_per_month is not null or monthly_plan is not null),
  exclude using gist (employee_id with =, daterange(starts_on, coalesce(withdrawal_effective_on, ends_on), '[]') with &&)
    where (status in ('requested', 'approved', 'registered'))
);
create index rw_agreements_org_status on rw_agreements (organization_id, status);

-- Leave and absences: a day counted neither on site nor remote.
create table rw_absences (
  employee_id uuid not null,
  organization_id uuid not null references organizations(id),
  day date not null,
  kind text not null default 'leave' check (kind in ('leave', 'sick', 'training', 'other')),
  primary key (employee_id, day),
  foreign key (employee_id, organization_id) references rw_employees(id, organization_id) on delete cascade
);

-- Closures of the body (beyond national holidays and the patron day).
create table rw_closures (
  organization_id uuid not null references organizations(id),
  day date not null,
  reason text not null default '' check (length(reason) <= 200),
  primary key (organization_id, day)
);

-- The planned calendar: one row per employee and working day of a planned range. Re-planning
-- rewrites the unpinned days of its range; pinned days are the manager's and are kept.
create table rw_plan_days (
  employee_id uuid not null,
  organization_id uuid not null references organizations(id),
  office_id uuid not null,
  day date not null,
  kind text not null check (kind in ('remote', 'onsite', 'absent')),
  pinned boolean not null default false,
  updated_at timestamptz not null default now(),
  primary key (employee_id, day),
  foreign key (employee_id, organization_id) references rw_employees(id, organization_id) on delete cascade,
  foreign key (office_id, organization_id) references rw_offices(id, organization_id)
);
create index rw_plan_days_org_day on rw_plan_days (organization_id, day);
create index rw_plan_days_office_day on rw_plan_days (office_id, day);

-- A body's target share of remote work (default 30%).
create table rw_targets (
  organization_id uuid primary key references organizations(id),
  target_percent numeric(5, 2) not null default 30 check (target_percent between 0 and 100),
  updated_at timestamptz not null default now()
);

do $$
declare t text;
begin
  foreach t in array array['rw_offices', 'rw_coverage_rules', 'rw_office_activities', 'rw_employees',
    'rw_agreements', 'rw_absences', 'rw_closures', 'rw_plan_days', 'rw_targets'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy %I on %I for all using (app_is_platform() or organization_id = app_organization_id())'
      ' with check (app_is_platform() or organization_id = app_organization_id())', t || '_body', t);
  end loop;
end $$;
