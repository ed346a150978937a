-- Remote work, the indicators' area: roll-ups of the planned days and of the agreements in force,
-- kept up to date incrementally (docs/decisions/0004-indicator-rollups.md).
--
-- Writes to rw_plan_days, rw_agreements, rw_employees and rw_targets leave "dirty marks" (body,
-- month) through statement-level triggers with transition tables; the job
-- `remote-work.indicators-refresh` (every minute) recomputes only the marked slices from the raw
-- rows, then the province, region and national rows of the months and regions it touched.
-- The roll-ups hold counts only, no personal data. Who reads what (row-level security):
--   - per office (rw_ind_office_*) and per day of a body (rw_ind_org_days): the body only;
--   - per body and month, headcount and target (rw_ind_org_months, rw_ind_org_heads): the body and
--     the region officers of the body's region;
--   - per province, region and the nation (rw_ind_territory_*): everyone signed in.
-- Only the owner (the job) writes them.

-- The current month in Europe/Rome (first day).
create or replace function rw_ind_current_month() returns date
  language sql stable as $$ select date_trunc('month', (now() at time zone 'Europe/Rome'))::date $$;

-- A (body, month) slice to recompute. Marks are appended, never updated, so writers never wait
-- on each other; the job deletes the marks it has seen and recomputes with a later snapshot.
create table rw_ind_dirty (
  id bigint generated always as identity primary key,
  organization_id uuid not null,
  month date not null check (month = date_trunc('month', month::timestamp)::date),
  marked_at timestamptz not null default clock_timestamp()
);
create index rw_ind_dirty_slice on rw_ind_dirty (organization_id, month);

-- Months (and regions; null = bodies outside any region) whose territory rows must be recomputed,
-- left by the slices the job has recomputed.
create table rw_ind_dirty_territory (
  id bigint generated always as identity primary key,
  month date not null,
  region_code text,
  marked_at timestamptz not null default clock_timestamp()
);

-- Per office and day: planned remote, on-site and absent days, employees with an agreement in force.
create table rw_ind_office_days (
  organization_id uuid not null,
  office_id uuid not null,
  day date not null,
  remote integer not null default 0,
  onsite integer not null default 0,
  absent integer not null default 0,
  with_agreement integer not null default 0,
  primary key (organization_id, day, office_id)
);

-- Per office and month: the same sums, and the employees with an agreement in force on at least
-- one day of the month.
create table rw_ind_office_months (
  organization_id uuid not null,
  office_id uuid not null,
  month date not null,
  remote integer not null default 0,
  onsite integer not null default 0,
  absent integer not null default 0,
  with_agreement integer not null default 0,
  primary key (organization_id, month, office_id)
);

-- Active employees per office now (the tables have no employment history: shares over time are
-- computed on the current staff).
create table rw_ind_office_heads (
  organization_id uuid not null,
  office_id uuid not null,
  headcount integer not null,
  primary key (organization_id, office_id)
);

create table rw_ind_org_days (
  organization_id uuid not null,
  day date not null,
  remote integer not null default 0,
  onsite integer not null default 0,
  absent integer not null default 0,
  with_agreement integer not null default 0,
  primary key (organization_id, day)
);

create table rw_ind_org_months (
  organization_id uuid not null,
  month date not null,
  remote integer not null default 0,
  onsite integer not null default 0,
  absent integer not null default 0,
  with_agreement integer not null default 0,
  refreshed_at timestamptz not null default now(),
  primary key (organization_id, month)
);
create index rw_ind_org_months_month on rw_ind_org_months (month);

-- Per body now: active employees and the target share (rw_targets, 30 when the body set none).
create table rw_ind_org_heads (
  organization_id uuid primary key,
  headcount integer not null,
  target_percent numeric(5, 2) not null,
  refreshed_at timestamptz not null default now()
);

-- Province (code = sigla), region (ISTAT code) and nation (code 'IT'); region_code is the
-- region the row belongs to (null for the nation).
create table rw_ind_territory_months (
  level text not null check (level in ('province', 'region', 'nation')),
  code text not null,
  region_code text,
  month date not null,
  bodies integer not null,
  remote bigint not null,
  onsite bigint not null,
  absent bigint not null,
  with_agreement bigint not null,
  refreshed_at timestamptz not null default now(),
  primary key (level, code, month)
);
create index rw_ind_territory_months_region on rw_ind_territory_months (region_code, month);

create table rw_ind_territory_days (
  level text not null check (level in ('province', 'region', 'nation')),
  code text not null,
  region_code text,
  day date not null,
  remote bigint not null,
  onsite bigint not null,
  absent bigint not null,
  with_agreement bigint not null,
  primary key (level, code, day)
);
create index rw_ind_territory_days_region on rw_ind_territory_days (region_code, day);

create table rw_ind_territory_heads (
  level text not null check (level in ('province', 'region', 'nation')),
  code text not null,
  region_code text,
  bodies integer not null,
  headcount bigint not null,
  refreshed_at timestamptz not null default now(),
  primary key (level, code)
);
create index rw_ind_territory_heads_region on rw_ind_territory_heads (region_code);

-- The region of a region officer acting for a Region body (null for anyone else): the rows of the
-- bodies of that region are readable by him. Security definer: memberships are not readable
-- across bodies by the application role.
create or replace function rw_ind_officer_region() returns text
  language sql stable security definer set search_path = public as $$
  select o.region_code from organizations o
   where o.id = app_organization_id() and o.kind = 'region'
     and exists (select 1 from memberships m
                  where m.user_id = app_user_id() and m.organization_id = o.id and m.role = 'region_officer')
$$;
grant execute on function rw_ind_officer_region() to agilepa_app;

do $$
declare t text;
begin
  foreach t in array array['rw_ind_dirty', 'rw_ind_dirty_territory', 'rw_ind_office_days', 'rw_ind_office_months',
    'rw_ind_office_heads', 'rw_ind_org_days', 'rw_ind_org_months', 'rw_ind_org_heads', 'rw_ind_territory_months',
    'rw_ind_territory_days', 'rw_ind_territory_heads'] loop
    execute format('alter table %I enable row level security', t);
    execute format('revoke all on %I from agilepa_app', t);
  end loop;
  foreach t in array array['rw_ind_office_days', 'rw_ind_office_months', 'rw_ind_office_heads', 'rw_ind_org_days',
    'rw_ind_org_months', 'rw_ind_org_heads', 'rw_ind_territory_months', 'rw_ind_territory_days', 'rw_ind_territory_heads'] loop
    execute format('grant select on %I to agilepa_app', t);
  end loop;
  foreach t in array array['rw_ind_office_days', 'rw_ind_office_months', 'rw_ind_office_heads', 'rw_ind_org_days'] loop
    execute format('create policy %I on %I for select using (app_is_platform() or organization_id = app_organization_id())', t || '_body', t);
  end loop;
  foreach t in array array['rw_ind_org_months', 'rw_ind_org_heads'] loop
    execute format('create policy %I on %I for select using (app_is_platform() or organization_id = app_organization_id()'
      ' or exists (select 1 from organizations o where o.id = %I.organization_id and o.region_code = (select rw_ind_officer_region())))',
      t || '_body_region', t, t);
  end loop;
  foreach t in array array['rw_ind_territory_months', 'rw_ind_territory_days', 'rw_ind_territory_heads'] loop
    execute format('create policy %I on %I for select using (true)', t || '_everyone', t);
  end loop;
end $$;

-- The months of an agreement's period [p_from, p_last] (null last: open-ended) that the roll-ups
-- track for a body: the 24 months before the current one up to the next one, plus any month the
-- body already has figures for (planned days far ahead or long ago).
create or replace function rw_ind_agreement_months(p_org uuid, p_from date, p_last date) returns setof date
  language sql stable as $$
  with w as (
    select (rw_ind_current_month() - interval '24 months')::date as lo,
           (rw_ind_current_month() + interval '1 month')::date as hi,
           (select min(month) from rw_ind_org_months where organization_id = p_org) as emin,
           (select max(month) from rw_ind_org_months where organization_id = p_org) as emax
  )
  select m::date from w, generate_series(
      greatest(date_trunc('month', p_from::timestamp), least(w.lo, coalesce(w.emin, w.lo))::timestamp),
      least(coalesce(date_trunc('month', p_last::timestamp), 'infinity'::timestamp), greatest(w.hi, coalesce(w.emax, w.hi))::timestamp),
      interval '1 month') as m
   where (m::date between w.lo and w.hi)
      or exists (select 1 from rw_ind_org_months o where o.organization_id = p_org and o.month = m::date)
$$;

-- Agreements count when they were registered (registered, then possibly withdrawn or expired);
-- their period ends on the earlier of ends_on and withdrawal_effective_on (the last day in force).
create or replace function rw_ind_mark_agreements() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    insert into rw_ind_dirty (organization_id, month)
    select distinct n.organization_id, m.month from new_rows n
      cross join lateral rw_ind_agreement_months(n.organization_id, n.starts_on, least(n.ends_on, n.withdrawal_effective_on)) as m(month)
     where n.registered_at is not null and n.status in ('registered', 'withdrawn', 'expired')
     order by 1, 2;
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    insert into rw_ind_dirty (organization_id, month)
    select distinct o.organization_id, m.month from old_rows o
      cross join lateral rw_ind_agreement_months(o.organization_id, o.starts_on, least(o.ends_on, o.withdrawal_effective_on)) as m(month)
     where o.registered_at is not null and o.status in ('registered', 'withdrawn', 'expired')
     order by 1, 2;
  end if;
  return null;
end $$;

create or replace function rw_ind_mark_plan_days() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    insert into rw_ind_dirty (organization_id, month)
    select distinct organization_id, date_trunc('month', day::timestamp)::date from new_rows order by 1, 2;
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    insert into rw_ind_dirty (organization_id, month)
    select distinct organization_id, date_trunc('month', day::timestamp)::date from old_rows order by 1, 2;
  end if;
  return null;
end $$;

-- Employees: the headcount (current month's mark refreshes it); moving office or (de)activating
-- someone also moves his agreements between offices, so their months are marked too.
create or replace function rw_ind_mark_employees() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  if tg_op = 'INSERT' then
    insert into rw_ind_dirty (organization_id, month)
    select distinct organization_id, rw_ind_current_month() from new_rows;
  elsif tg_op = 'DELETE' then
    insert into rw_ind_dirty (organization_id, month)
    select distinct organization_id, rw_ind_current_month() from old_rows;
  else
    insert into rw_ind_dirty (organization_id, month)
    select x.organization_id, x.month from (
      select n.organization_id, rw_ind_current_month() as month
        from new_rows n join old_rows o on o.id = n.id
       where o.office_id is distinct from n.office_id or o.active is distinct from n.active
      union
      select a.organization_id, m.month
        from new_rows n join old_rows o on o.id = n.id
        join rw_agreements a on a.employee_id = n.id and a.organization_id = n.organization_id
        cross join lateral rw_ind_agreement_months(a.organization_id, a.starts_on, least(a.ends_on, a.withdrawal_effective_on)) as m(month)
       where (o.office_id is distinct from n.office_id or o.active is distinct from n.active)
         and a.registered_at is not null and a.status in ('registered', 'withdrawn', 'expired')
    ) x order by 1, 2;
  end if;
  return null;
end $$;

create or replace function rw_ind_mark_targets() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    insert into rw_ind_dirty (organization_id, month) select distinct organization_id, rw_ind_current_month() from new_rows;
  else
    insert into rw_ind_dirty (organization_id, month) select distinct organization_id, rw_ind_current_month() from old_rows;
  end if;
  return null;
end $$;

-- Transition tables need one trigger per event.
create trigger rw_ind_plan_days_ins after insert on rw_plan_days referencing new table as new_rows
  for each statement execute function rw_ind_mark_plan_days();
create trigger rw_ind_plan_days_upd after update on rw_plan_days referencing old table as old_rows new table as new_rows
  for each statement execute function rw_ind_mark_plan_days();
create trigger rw_ind_plan_days_del after delete on rw_plan_days referencing old table as old_rows
  for each statement execute function rw_ind_mark_plan_days();

create trigger rw_ind_agreements_ins after insert on rw_agreements referencing new table as new_rows
  for each statement execute function rw_ind_mark_agreements();
create trigger rw_ind_agreements_upd after update on rw_agreements referencing old table as old_rows new table as new_rows
  for each statement execute function rw_ind_mark_agreements();
create trigger rw_ind_agreements_del after delete on rw_agreements referencing old table as old_rows
  for each statement execute function rw_ind_mark_agreements();

create trigger rw_ind_employees_ins after insert on rw_employees referencing new table as new_rows
  for each statement execute function rw_ind_mark_employees();
create trigger rw_ind_employees_upd after update on rw_employees referencing old table as old_rows new table as new_rows
  for each statement execute function rw_ind_mark_employees();
create trigger rw_ind_employees_del after delete on rw_employees referencing old table as old_rows
  for each statement execute function rw_ind_mark_employees();

create trigger rw_ind_targets_ins after insert on rw_targets referencing new table as new_rows
  for each statement execute function rw_ind_mark_targets();
create trigger rw_ind_targets_upd after update on rw_targets referencing old table as old_rows new table as new_rows
  for each statement execute function rw_ind_mark_targets();
create trigger rw_ind_targets_del after delete on rw_targets referencing old table as old_rows
  for each statement execute function rw_ind_mark_targets();

-- What existed before this migration (e.g. a demo loaded earlier) is marked once.
insert into rw_ind_dirty (organization_id, month)
select distinct organization_id, date_trunc('month', day::timestamp)::date from rw_plan_days;
insert into rw_ind_dirty (organization_id, month)
select distinct a.organization_id, m.month from rw_agreements a
  cross join lateral rw_ind_agreement_months(a.organization_id, a.starts_on, least(a.ends_on, a.withdrawal_effective_on)) as m(month)
 where a.registered_at is not null and a.status in ('registered', 'withdrawn', 'expired');
insert into rw_ind_dirty (organization_id, month)
select organization_id, rw_ind_current_month() from rw_employees group by organization_id
union select organization_id, rw_ind_current_month() from rw_targets;
