-- Remote work, two areas: the POLA (the remote-work subsection of the PIAO) and work by objectives.
--
-- POLA. The document is generated from live data every time (nothing of it is stored); these
-- tables keep only what a body decides or declares:
--   rw_pola_settings      the first year of the three-year plan, the simplified form forced on or
--                         off (null: automatic, simplified up to 50 active employees), HR's notes;
--   rw_pola_declarations  what the body declares about its tools, training and spending (digital,
--                         professional and economic health). The digital part is what the service
--                         catalogue will provide once it exists ("dichiarato dall'ente" until then);
--   rw_pola_targets       HR's target for each indicator of the development programme and year.
--
-- Objectives. An objective belongs to an office, a team (a named group of employees) or a person,
-- has indicators (baseline, target, direction), a period and the people responsible for it, who
-- file periodic reports (a value per indicator and a comment). Who sees what inside a body is
-- checked by the use cases; row-level security keeps every body to its own rows.

create table rw_pola_settings (
  organization_id uuid primary key references organizations(id),
  first_year smallint not null check (first_year between 2020 and 2100),
  -- null: automatic (simplified form when the body has at most 50 active employees)
  simplified_override boolean,
  -- HR's own text for each part of the document: {"implementation": "…", "organisation": "…", …}
  notes jsonb not null default '{}'::jsonb check (jsonb_typeof(notes) = 'object'),
  updated_by uuid references users(id),
  updated_at timestamptz not null default now()
);

create table rw_pola_declarations (
  organization_id uuid primary key references organizations(id),
  -- digital health (to be fed by the services the body activated in the catalogue)
  devices_provided integer check (devices_provided between 0 and 1000000),
  vpn boolean,
  intranet boolean,
  collaboration_tools boolean,
  tools_note text not null default '' check (length(tools_note) <= 1000),
  remote_apps_percent numeric(5, 2) check (remote_apps_percent between 0 and 100),
  digital_signature_holders integer check (digital_signature_holders between 0 and 1000000),
  digitised_processes_percent numeric(5, 2) check (digitised_processes_percent between 0 and 100),
  -- organisational and professional health
  helpdesk boolean,
  managers_trained_percent numeric(5, 2) check (managers_trained_percent between 0 and 100),
  workers_trained_percent numeric(5, 2) check (workers_trained_percent between 0 and 100),
  -- economic health, euro cents of the last year
  training_cost_cents bigint check (training_cost_cents between 0 and 100000000000000),
  hardware_investment_cents bigint check (hardware_investment_cents between 0 and 100000000000000),
  digitisation_investment_cents bigint check (digitisation_investment_cents between 0 and 100000000000000),
  updated_by uuid references users(id),
  updated_at timestamptz not null default now()
);

-- A target of the development programme: an indicator of the catalogue (pola-indicators.ts) in a
-- year, in the indicator's unit (percent, count, 0/1 for yes/no, euro cents).
create table rw_pola_targets (
  organization_id uuid not null references organizations(id),
  indicator text not null check (indicator ~ '^[a-z][a-z_.]{1,59}$'),
  year smallint not null check (year between 2020 and 2100),
  value numeric(16, 2) not null check (value >= 0),
  updated_by uuid references users(id),
  updated_at timestamptz not null default now(),
  primary key (organization_id, indicator, year)
);

-- ------------------------------------------------------------------------------------------ objectives

create table rw_teams (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  name text not null check (length(name) between 1 and 200),
  -- the office the team belongs to (its manager manages the team); null: a body-wide team (HR)
  office_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, organization_id),
  foreign key (office_id, organization_id) references rw_offices(id, organization_id)
);
create unique index rw_teams_name on rw_teams (organization_id, lower(name));

create table rw_team_members (
  team_id uuid not null,
  employee_id uuid not null,
  organization_id uuid not null references organizations(id),
  primary key (team_id, employee_id),
  foreign key (team_id, organization_id) references rw_teams(id, organization_id) on delete cascade,
  foreign key (employee_id, organization_id) references rw_employees(id, organization_id) on delete cascade
);
create index rw_team_members_employee on rw_team_members (employee_id);

create table rw_objectives (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  title text not null check (length(title) between 1 and 200),
  description text not null default '' check (length(description) <= 4000),
  scope text not null check (scope in ('office', 'team', 'person')),
  office_id uuid,
  team_id uuid,
  employee_id uuid,
  starts_on date not null,
  ends_on date not null,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, organization_id),
  check (ends_on >= starts_on),
  check ((scope = 'office') = (office_id is not null) and (scope = 'team') = (team_id is not null) and (scope = 'person') = (employee_id is not null)),
  foreign key (office_id, organization_id) references rw_offices(id, organization_id),
  foreign key (team_id, organization_id) references rw_teams(id, organization_id),
  foreign key (employee_id, organization_id) references rw_employees(id, organization_id)
);
create index rw_objectives_org_period on rw_objectives (organization_id, ends_on, starts_on);
create index rw_objectives_office on rw_objectives (office_id) where office_id is not null;
create index rw_objectives_team on rw_objectives (team_id) where team_id is not null;
create index rw_objectives_employee on rw_objectives (employee_id) where employee_id is not null;

create table rw_objective_indicators (
  id uuid primary key default gen_random_uuid(),
  objective_id uuid not null,
  organization_id uuid not null references organizations(id),
  position smallint not null check (position between 0 and 99),
  name text not null check (length(name) between 1 and 200),
  unit text not null default '' check (length(unit) <= 40),
  value_type text not null check (value_type in ('number', 'integer', 'percent')),
  baseline numeric(16, 2) not null,
  target numeric(16, 2) not null,
  direction text not null check (direction in ('increase', 'decrease')),
  unique (id, organization_id),
  unique (objective_id, position),
  check ((direction = 'increase' and target > baseline) or (direction = 'decrease' and target < baseline)),
  foreign key (objective_id, organization_id) references rw_objectives(id, organization_id) on delete cascade
);

-- The people responsible for an objective (platform accounts of the body): they file its reports.
create table rw_objective_responsibles (
  objective_id uuid not null,
  user_id uuid not null references users(id),
  organization_id uuid not null references organizations(id),
  primary key (objective_id, user_id),
  foreign key (objective_id, organization_id) references rw_objectives(id, organization_id) on delete cascade
);
create index rw_objective_responsibles_user on rw_objective_responsibles (user_id);

create table rw_objective_reports (
  id uuid primary key default gen_random_uuid(),
  objective_id uuid not null,
  organization_id uuid not null references organizations(id),
  reported_on date not null,
  comment text not null default '' check (length(comment) <= 4000),
  reported_by uuid references users(id),
  created_at timestamptz not null default now(),
  unique (id, organization_id),
  unique (objective_id, reported_on),
  foreign key (objective_id, organization_id) references rw_objectives(id, organization_id) on delete cascade
);

create table rw_objective_report_values (
  report_id uuid not null,
  indicator_id uuid not null,
  organization_id uuid not null references organizations(id),
  value numeric(16, 2) not null,
  primary key (report_id, indicator_id),
  foreign key (report_id, organization_id) references rw_objective_reports(id, organization_id) on delete cascade,
  foreign key (indicator_id, organization_id) references rw_objective_indicators(id, organization_id) on delete cascade
);
create index rw_objective_report_values_indicator on rw_objective_report_values (indicator_id);

do $$
declare t text;
begin
  foreach t in array array['rw_pola_settings', 'rw_pola_declarations', 'rw_pola_targets', 'rw_teams', 'rw_team_members',
    'rw_objectives', 'rw_objective_indicators', 'rw_objective_responsibles', 'rw_objective_reports', 'rw_objective_report_values'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy %I on %I for all using (app_is_platform() or organization_id = app_organization_id())'
      ' with check (app_is_platform() or organization_id = app_organization_id())', t || '_body', t);
  end loop;
end $$;
