/**
 * The SQL of people and sign-in (resolving a request's session or token is platform/auth/auth.repo.ts). Two kinds of functions:
 * - sign-in functions (sessions, tokens, attempts, resets, OIDC states, and looking a person up to
 *   sign in) run on the owner connection: there is no tenant yet, and those tables are not a
 *   body's data (see migrations/0003_auth.sql);
 * - people functions (users, memberships) run inside `db.tx(ctx)` as the application role, so
 *   row-level security applies.
 */
import type { Queryable } from '../../platform/db/index.js';
import { authChanged } from '../../platform/auth/auth-cache.js';
import type { MembershipRow } from '../../platform/auth/memberships.js';

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  tax_code: string | null;
  disabled: boolean;
}

const USER_COLS = 'id, email, display_name, password_hash, tax_code, disabled';

// ---------- sign-in (owner connection) ----------

export async function findUserByEmail(q: Queryable, email: string): Promise<UserRow | null> {
  const r = await q.query<UserRow>(`select ${USER_COLS} from users where lower(email) = lower($1)`, [email]);
  return r.rows[0] ?? null;
}

export async function findUserByTaxCode(q: Queryable, taxCode: string): Promise<UserRow | null> {
  const r = await q.query<UserRow>(`select ${USER_COLS} from users where tax_code = $1`, [taxCode]);
  return r.rows[0] ?? null;
}

export async function findUserById(q: Queryable, id: string): Promise<UserRow | null> {
  const r = await q.query<UserRow>(`select ${USER_COLS} from users where id = $1`, [id]);
  return r.rows[0] ?? null;
}

export async function linkTaxCode(q: Queryable, userId: string, taxCode: string): Promise<void> {
  await q.query(`update users set tax_code = $2, updated_at = now() where id = $1 and tax_code is null`, [userId, taxCode]);
  authChanged();
}

/** Disables or enables an account (security definer: see migrations/0017_user_disable.sql); false when not allowed. */
export async function setUserDisabled(tx: Queryable, userId: string, disabled: boolean): Promise<boolean> {
  const r = await tx.query<{ ok: boolean }>(`select auth_set_user_disabled($1, $2) as ok`, [userId, disabled]);
  authChanged();
  return r.rows[0]?.ok === true;
}

/** All sessions of a user but one (after a password change, the current one stays). */
export async function deleteOtherSessions(q: Queryable, userId: string, keepId: string | null): Promise<number> {
  const r = await q.query(`delete from sessions where user_id = $1 and ($2::text is null or id <> $2)`, [userId, keepId]);
  authChanged();
  return r.rowCount;
}

/** Expired or spent sign-in leftovers: sessions, reset links, OIDC states, old login attempts. */
export async function deleteSignInLeftovers(q: Queryable): Promise<void> {
  await q.query(`delete from sessions where expires_at < now()`);
  await q.query(`delete from password_resets where expires_at < now() - interval '1 day'`);
  await q.query(`delete from oidc_states where expires_at < now()`);
  await q.query(`delete from login_attempts where at < now() - interval '1 day'`);
}

export async function setPasswordHash(q: Queryable, userId: string, hash: string): Promise<void> {
  await q.query(`update users set password_hash = $2, updated_at = now() where id = $1`, [userId, hash]);
  authChanged();
}

/** Memberships of a user in the order they were granted (the first is the default body). */
export async function membershipsOf(q: Queryable, userId: string): Promise<MembershipRow[]> {
  const r = await q.query<{ organization_id: string; role: string }>(
    `select organization_id, role from memberships where user_id = $1 order by created_at, organization_id, role`,
    [userId],
  );
  return r.rows.map((x) => ({ organizationId: x.organization_id, role: x.role }));
}

export interface RecentFailures {
  byEmail: number;
  byIp: number;
  /** Seconds until the oldest failure counted leaves the window. */
  emailRetryAfter: number;
  ipRetryAfter: number;
}

export async function recentFailures(q: Queryable, email: string, ip: string, windowSeconds: number): Promise<RecentFailures> {
  const r = await q.query<{ by_email: number; by_ip: number; email_retry: number | null; ip_retry: number | null }>(
    `with w as (select * from login_attempts where at > now() - make_interval(secs => $3) and (email = $1 or ip = $2))
     select count(*) filter (where email = $1)::int as by_email,
            count(*) filter (where ip = $2)::int as by_ip,
            ceil(extract(epoch from (min(at) filter (where email = $1) + make_interval(secs => $3) - now())))::int as email_retry,
            ceil(extract(epoch from (min(at) filter (where ip = $2) + make_interval(secs => $3) - now())))::int as ip_retry
       from w`,
    [email, ip, windowSeconds],
  );
  const row = r.rows[0];
  return {
    byEmail: row.by_email,
    byIp: row.by_ip,
    emailRetryAfter: Math.max(1, row.email_retry ?? 1),
    ipRetryAfter: Math.max(1, row.ip_retry ?? 1),
  };
}

export async function recordFailure(q: Queryable, email: string, ip: string): Promise<void> {
  await q.query(`insert into login_attempts (email, ip) values ($1, $2)`, [email, ip]);
  await q.query(`delete from login_attempts where at < now() - interval '1 day'`);
}

export async function clearFailures(q: Queryable, email: string): Promise<void> {
  await q.query(`delete from login_attempts where email = $1`, [email]);
}

export interface NewSession {
  id: string;
  userId: string;
  organizationId: string | null;
  csrfToken: string;
  ttlSeconds: number;
  ip: string | null;
  userAgent: string | null;
}

export async function insertSession(q: Queryable, s: NewSession): Promise<void> {
  await q.query(
    `insert into sessions (id, user_id, organization_id, csrf_token, expires_at, ip, user_agent)
     values ($1, $2, $3, $4, now() + make_interval(secs => $5), $6, $7)`,
    [s.id, s.userId, s.organizationId, s.csrfToken, s.ttlSeconds, s.ip, s.userAgent?.slice(0, 400) ?? null],
  );
}

export async function setSessionOrganization(q: Queryable, id: string, organizationId: string): Promise<void> {
  await q.query(`update sessions set organization_id = $2 where id = $1`, [id, organizationId]);
  authChanged();
}

export async function deleteSession(q: Queryable, id: string): Promise<void> {
  await q.query(`delete from sessions where id = $1`, [id]);
  authChanged();
}

export async function deleteUserSessions(q: Queryable, userId: string): Promise<number> {
  const r = await q.query(`delete from sessions where user_id = $1`, [userId]);
  authChanged();
  return r.rowCount;
}

export async function deleteExpiredSessions(q: Queryable): Promise<void> {
  await q.query(`delete from sessions where expires_at < now()`);
}

// ---------- API tokens (owner connection) ----------

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
}

export async function insertApiToken(
  q: Queryable,
  t: { id: string; userId: string; name: string; hash: string; prefix: string; expiresInDays: number | null },
): Promise<ApiTokenRow> {
  const r = await q.query<ApiTokenRow>(
    `insert into api_tokens (id, user_id, name, token_hash, prefix, expires_at)
     values ($1, $2, $3, $4, $5, case when $6::int is null then null else now() + make_interval(days => $6::int) end)
     returning id, name, prefix, created_at, last_used_at, expires_at`,
    [t.id, t.userId, t.name, t.hash, t.prefix, t.expiresInDays],
  );
  return r.rows[0];
}

export async function listApiTokens(q: Queryable, userId: string): Promise<ApiTokenRow[]> {
  const r = await q.query<ApiTokenRow>(
    `select id, name, prefix, created_at, last_used_at, expires_at from api_tokens where user_id = $1 order by created_at, id`,
    [userId],
  );
  return r.rows;
}

export async function deleteApiToken(q: Queryable, userId: string, id: string): Promise<boolean> {
  const r = await q.query(`delete from api_tokens where user_id = $1 and id = $2`, [userId, id]);
  authChanged();
  return r.rowCount > 0;
}

/**
 * Whether the credential a request came with is still alive in the database (not only in the
 * 5-second auth cache): the person not disabled, and the session or API token not ended.
 */
export async function credentialAlive(q: Queryable, userId: string, c: { sessionId?: string; tokenId?: string }): Promise<boolean> {
  const r = await q.query<{ alive: boolean }>(
    `select exists (select 1 from users u where u.id = $1 and not u.disabled and (
       exists (select 1 from sessions s where s.id = $2::text and s.user_id = u.id and s.expires_at > now())
       or exists (select 1 from api_tokens t where t.id = $3::uuid and t.user_id = u.id and (t.expires_at is null or t.expires_at > now()))
     )) as alive`,
    [userId, c.sessionId ?? null, c.tokenId ?? null],
  );
  return r.rows[0]?.alive === true;
}

/** Every API token of a person (a password reset, or "sign out everywhere" on a password change). */
export async function deleteUserApiTokens(q: Queryable, userId: string): Promise<number> {
  const r = await q.query(`delete from api_tokens where user_id = $1`, [userId]);
  authChanged();
  return r.rowCount;
}

// ---------- password resets (owner connection) ----------

export async function countRecentResets(q: Queryable, userId: string): Promise<number> {
  const r = await q.query<{ n: number }>(
    `select count(*)::int as n from password_resets where user_id = $1 and created_at > now() - interval '1 hour'`,
    [userId],
  );
  return r.rows[0].n;
}

export async function insertReset(q: Queryable, hash: string, userId: string, ttlSeconds: number): Promise<void> {
  await q.query(
    `insert into password_resets (token_hash, user_id, expires_at) values ($1, $2, now() + make_interval(secs => $3))`,
    [hash, userId, ttlSeconds],
  );
}

/** Marks a live, unused token as used and returns its user (null: invalid, expired or used). */
export async function takeReset(q: Queryable, hash: string): Promise<string | null> {
  const r = await q.query<{ user_id: string }>(
    `update password_resets set used_at = now()
      where token_hash = $1 and used_at is null and expires_at > now() returning user_id`,
    [hash],
  );
  return r.rows[0]?.user_id ?? null;
}

export async function invalidateResets(q: Queryable, userId: string): Promise<void> {
  await q.query(`update password_resets set used_at = now() where user_id = $1 and used_at is null`, [userId]);
}

// ---------- OIDC round trips (owner connection) ----------

export async function insertOidcState(q: Queryable, s: { state: string; nonce: string; codeVerifier: string; ttlSeconds: number }): Promise<void> {
  await q.query(`delete from oidc_states where expires_at < now()`);
  await q.query(
    `insert into oidc_states (state, nonce, code_verifier, expires_at) values ($1, $2, $3, now() + make_interval(secs => $4))`,
    [s.state, s.nonce, s.codeVerifier, s.ttlSeconds],
  );
}

export async function takeOidcState(q: Queryable, state: string): Promise<{ nonce: string; code_verifier: string } | null> {
  const r = await q.query<{ nonce: string; code_verifier: string }>(
    `delete from oidc_states where state = $1 and expires_at > now() returning nonce, code_verifier`,
    [state],
  );
  return r.rows[0] ?? null;
}

// ---------- people (application role, inside db.tx) ----------

export async function insertUser(
  tx: Queryable,
  u: { id: string; email: string; displayName: string; passwordHash: string | null; taxCode: string | null },
): Promise<void> {
  // No RETURNING: the new row is not yet visible to a body admin until its membership exists.
  await tx.query(`insert into users (id, email, display_name, password_hash, tax_code) values ($1, $2, $3, $4, $5)`, [
    u.id,
    u.email,
    u.displayName,
    u.passwordHash,
    u.taxCode,
  ]);
}

/** The id of the account with this e-mail, whatever body it belongs to (see auth_user_id_by_email). */
export async function userIdByEmail(tx: Queryable, email: string): Promise<string | null> {
  const r = await tx.query<{ id: string | null }>(`select auth_user_id_by_email($1) as id`, [email]);
  return r.rows[0]?.id ?? null;
}

export async function insertMemberships(tx: Queryable, userId: string, organizationId: string, roles: string[]): Promise<void> {
  for (const role of roles) {
    await tx.query(
      `insert into memberships (user_id, organization_id, role) values ($1, $2, $3) on conflict do nothing`,
      [userId, organizationId, role],
    );
  }
  authChanged();
}

export async function deleteMemberships(tx: Queryable, userId: string, organizationId: string, roles?: string[]): Promise<number> {
  const r = roles
    ? await tx.query(`delete from memberships where user_id = $1 and organization_id = $2 and role = any($3::text[])`, [userId, organizationId, roles])
    : await tx.query(`delete from memberships where user_id = $1 and organization_id = $2`, [userId, organizationId]);
  authChanged();
  return r.rowCount;
}

export interface MemberRow {
  user_id: string;
  email: string;
  display_name: string;
  disabled: boolean;
  roles: string[];
  since: Date;
}

/** The addresses of a body's people (not disabled) holding any of `roles`, whoever asks (migration 0022). */
export async function memberEmails(q: Queryable, organizationId: string, roles: readonly string[]): Promise<string[]> {
  const r = await q.query<{ email: string }>(`select organization_member_emails($1, $2::text[]) as email`, [organizationId, roles]);
  return r.rows.map((x) => x.email);
}

export async function memberOf(tx: Queryable, organizationId: string, userId: string): Promise<MemberRow | null> {
  const r = await tx.query<MemberRow>(
    `select u.id as user_id, u.email, u.display_name, u.disabled,
            jsonb_agg(m.role order by m.role) as roles, min(m.created_at) as since
       from memberships m join users u on u.id = m.user_id
      where m.organization_id = $1 and m.user_id = $2
      group by u.id`,
    [organizationId, userId],
  );
  return r.rows[0] ?? null;
}

export async function listMembers(tx: Queryable, organizationId: string, limit: number, offset: number): Promise<{ rows: MemberRow[]; total: number }> {
  const rows = await tx.query<MemberRow>(
    `select u.id as user_id, u.email, u.display_name, u.disabled,
            jsonb_agg(m.role order by m.role) as roles, min(m.created_at) as since
       from memberships m join users u on u.id = m.user_id
      where m.organization_id = $1
      group by u.id
      order by lower(u.display_name), u.id
      limit $2 offset $3`,
    [organizationId, limit, offset],
  );
  const total = await tx.query<{ n: number }>(
    `select count(distinct user_id)::int as n from memberships where organization_id = $1`,
    [organizationId],
  );
  return { rows: rows.rows, total: total.rows[0].n };
}
