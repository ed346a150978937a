-- The e-mail addresses of a body's people holding some roles, for notices sent on the body's
-- behalf by another body's action (e.g. a booking awaiting the approval of the platform's
-- operator, conferencing). Row-level security lets a body read only its own memberships, so the
-- function is security definer; it returns addresses only, of people not disabled.
create or replace function organization_member_emails(p_organization uuid, p_roles text[])
  returns setof text
  language sql stable security definer set search_path = public as $$
  select distinct u.email
    from memberships m join users u on u.id = m.user_id
   where m.organization_id = p_organization and m.role = any(p_roles) and not u.disabled
   order by u.email
$$;
