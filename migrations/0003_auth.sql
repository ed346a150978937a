-- People, their roles in bodies, and sign-in: sessions, API tokens, login throttling,
-- password resets and OpenID Connect round trips.
--
-- users and memberships are read by request code as the application role, so row-level
-- security applies (deny by default). The sign-in tables (sessions, api_tokens,
-- login_attempts, password_resets, oidc_states) are not a body's data: only the auth code
-- reads and writes them, through the owner connection (db.query / db.ownerTx), before any
-- tenant exists. The application role gets no privilege on them and RLS without policies
-- denies everything, should a grant ever be added.
-- The foreign key memberships.organization_id -> organizations(id) is added by
-- 0005_people_fk.sql, after the directory's table exists (0004).

create table users (
  id uuid primary key,
  email text not null check (email = lower(email) and length(email) between 3 and 254),
  display_name text not null check (length(display_name) between 1 and 200),
  password_hash text,                                   -- null: OIDC-only account
  tax_code text check (tax_code ~ '^[A-Z0-9]{16}$'),    -- codice fiscale (from SPID/CIE)
  disabled boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));
create unique index users_tax_code_key on users (tax_code) where tax_code is not null;

create table memberships (
  user_id uuid not null references users(id) on delete cascade,
  organization_id uuid not null,
  role text not null check (role ~ '^[a-z][a-z_]{1,39}$'),
  created_at timestamptz not null default now(),
  primary key (user_id, organization_id, role)
);
create index memberships_org on memberships (organization_id, user_id);

alter table memberships enable row level security;
create policy memberships_read on memberships for select
  using (organization_id = app_organization_id() or app_is_platform() or user_id = app_user_id());
create policy memberships_insert on memberships for insert
  with check (organization_id = app_organization_id() or app_is_platform());
create policy memberships_update on memberships for update
  using (organization_id = app_organization_id() or app_is_platform())
  with check (organization_id = app_organization_id() or app_is_platform());
create policy memberships_delete on memberships for delete
  using (organization_id = app_organization_id() or app_is_platform());

alter table users enable row level security;
create policy users_read on users for select
  using (id = app_user_id() or app_is_platform()
         or exists (select 1 from memberships m where m.user_id = users.id and m.organization_id = app_organization_id()));
-- A body admin creates people for the body (the membership insert is checked on its own).
create policy users_insert on users for insert
  with check (app_is_platform() or app_organization_id() is not null);
create policy users_update on users for update
  using (id = app_user_id() or app_is_platform())
  with check (id = app_user_id() or app_is_platform());
create policy users_delete on users for delete using (app_is_platform());

-- A body admin adding a person who already has an account elsewhere needs that account's id,
-- and nothing else of it: this returns only the id, and only inside a tenant (or platform) context.
create or replace function auth_user_id_by_email(p_email text) returns uuid
  language sql stable security definer set search_path = public as $$
  select u.id from users u
   where lower(u.email) = lower(p_email) and (app_organization_id() is not null or app_is_platform())
$$;
revoke all on function auth_user_id_by_email(text) from public;
grant execute on function auth_user_id_by_email(text) to agilepa_app;

-- Browser sessions. id = sha256 (hex) of the random token in the cookie: a leaked table does
-- not give working cookies. organization_id is the body the user is acting for.
create table sessions (
  id text primary key,
  user_id uuid not null references users(id) on delete cascade,
  organization_id uuid,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user on sessions (user_id);
create index sessions_expiry on sessions (expires_at);

-- Personal API tokens: only the sha256 of the token is kept; prefix helps people recognise it.
create table api_tokens (
  id uuid primary key,
  user_id uuid not null references users(id) on delete cascade,
  name text not null check (length(name) between 1 and 100),
  token_hash text not null unique,
  prefix text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  expires_at timestamptz
);
create index api_tokens_user on api_tokens (user_id, created_at);

-- Failed sign-ins, per account (e-mail) and per address: shared by every process.
create table login_attempts (
  id bigint generated always as identity primary key,
  email text not null,
  ip text not null,
  at timestamptz not null default now()
);
create index login_attempts_email on login_attempts (email, at);
create index login_attempts_ip on login_attempts (ip, at);

-- Password reset tokens (sha256 only), single use, valid one hour.
create table password_resets (
  token_hash text primary key,
  user_id uuid not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index password_resets_user on password_resets (user_id, created_at);

-- OpenID Connect round trips in progress (state, nonce, PKCE verifier), valid ten minutes.
create table oidc_states (
  state text primary key,
  nonce text not null,
  code_verifier text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);

alter table sessions enable row level security;
alter table api_tokens enable row level security;
alter table login_attempts enable row level security;
alter table password_resets enable row level security;
alter table oidc_states enable row level security;
revoke all on sessions, api_tokens, login_attempts, password_resets, oidc_states from agilepa_app;
