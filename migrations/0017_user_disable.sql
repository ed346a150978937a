-- Disabling an account (people of a body). users_update lets a person update only himself, so a
-- body admin disables through this function. It checks the tenancy part: the account belongs to
-- the body of the current context and to no other body (a person shared with another body is
-- disabled by a platform admin, who may disable anyone). The role (body_admin) is checked by
-- the use case. Returns false when the account is not the body's alone.
create or replace function auth_set_user_disabled(p_user uuid, p_disabled boolean) returns boolean
  language plpgsql security definer set search_path = public as $$
begin
  if not app_is_platform() then
    if app_organization_id() is null
       or not exists (select 1 from memberships where user_id = p_user and organization_id = app_organization_id())
       or exists (select 1 from memberships where user_id = p_user and organization_id <> app_organization_id()) then
      return false;
    end if;
  end if;
  update users set disabled = p_disabled, updated_at = now() where id = p_user;
  return found;
end $$;
revoke all on function auth_set_user_disabled(uuid, boolean) from public;
grant execute on function auth_set_user_disabled(uuid, boolean) to agilepa_app;
