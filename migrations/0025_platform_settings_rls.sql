-- platform_settings (the demo marker, the official list's version) is written only at start-up by
-- the owner connection. The application role that every request runs as may read it, never write
-- it: a flaw in a route cannot reset the demo or make the directory reload. Row-level security is
-- on as for every table, with one policy that lets the application role read.
revoke insert, update, delete, truncate on platform_settings from agilepa_app;
alter table platform_settings enable row level security;
drop policy if exists platform_settings_read on platform_settings;
create policy platform_settings_read on platform_settings for select to agilepa_app using (true);
