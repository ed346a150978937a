-- The people module's face in SQL for the other modules: questions about accounts and
-- memberships asked by name, so that remote-work (and the modules to come) never name the tables
-- `users` and `memberships` and the people module can change them behind these functions.
-- Security invoker and plain SQL: row-level security applies as for the caller, and PostgreSQL
-- inlines each function into the query that calls it (the plans are those of the joins they replace).

-- One account by id (any state: callers filter `not disabled` where it matters).
create or replace function people_account(p_user uuid)
  returns table (user_id uuid, email text, display_name text, tax_code text, disabled boolean)
  language sql stable as $$
  select u.id, u.email, u.display_name, u.tax_code, u.disabled from users u where u.id = p_user
$$;

-- The people of a body, one row per role they hold there (disabled accounts included, flagged).
create or replace function people_members(p_organization uuid)
  returns table (user_id uuid, email text, display_name text, tax_code text, disabled boolean, role text)
  language sql stable as $$
  select u.id, u.email, u.display_name, u.tax_code, u.disabled, m.role
    from memberships m join users u on u.id = m.user_id
   where m.organization_id = p_organization
$$;

-- Whether a person holds any role in a body.
create or replace function people_is_member(p_organization uuid, p_user uuid)
  returns boolean
  language sql stable as $$
  select exists (select 1 from memberships m where m.organization_id = p_organization and m.user_id = p_user)
$$;

-- An account's id by e-mail (e-mails are stored lower case).
create or replace function people_user_id_by_email(p_email text)
  returns uuid
  language sql stable as $$
  select u.id from users u where lower(u.email) = lower(p_email)
$$;
