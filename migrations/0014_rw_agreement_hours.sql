-- Remote-work agreements: the working hours of a remote day (fascia di operatività). The
-- reachability windows lie inside them and the disconnection hours never overlap them
-- (src/modules/remote-work/agreement-rules.ts). Defaults match the disconnection defaults of
-- 0012 (19:00–08:00), so existing rows stay consistent.
alter table rw_agreements
  add column working_from text not null default '08:00' check (working_from ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  add column working_to text not null default '19:00' check (working_to ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  add constraint rw_agreements_working_hours check (working_from < working_to);

-- The lists by employee (the person's own agreements, overlap pre-checks) and the daily job that
-- expires agreements and closes withdrawals.
create index rw_agreements_employee on rw_agreements (employee_id, starts_on);
create index rw_agreements_live_end on rw_agreements (coalesce(withdrawal_effective_on, ends_on))
  where status in ('requested', 'approved', 'registered');
