-- Remote work, offices and people: indexes for the lists and the CSV import.
-- Office codes are matched case-insensitively by the CSV import ("urp" is "URP"), so two codes of
-- one body may not differ only by case.
create unique index rw_offices_code_ci on rw_offices (organization_id, upper(code));
-- The employees' list, alphabetical within a body, and the look-up by e-mail (one person each).
create index rw_employees_org_name on rw_employees (organization_id, last_name, first_name, id);
create index rw_employees_org_email on rw_employees (organization_id, lower(email)) where email is not null;
-- Absences by day for a body (calendars, the planner's input).
create index rw_absences_org_day on rw_absences (organization_id, day);
