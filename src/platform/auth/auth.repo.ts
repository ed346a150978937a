/**
 * The SQL every request needs to know who is calling: the live session or API token, its person
 * and that person's memberships, in one round trip (owner connection: no tenant yet, see
 * migrations/0003_auth.sql), and the sliding expiry. Everything else about people and sign-in is
 * the people module's (src/modules/people/people.repo.ts).
 */
import type { Queryable } from '../db/index.js';

export interface SessionAuthRow {
  id: string;
  csrf_token: string;
  organization_id: string | null;
  stale: boolean;
  user_id: string;
  email: string;
  display_name: string;
  memberships: { organizationId: string; role: string }[];
}

const MEMBERSHIPS_JSON = `(select coalesce(jsonb_agg(jsonb_build_object('organizationId', m.organization_id, 'role', m.role)
    order by m.created_at, m.organization_id, m.role), '[]'::jsonb) from memberships m where m.user_id = u.id)`;

/** One round trip per request: the live session, its user and the user's memberships. */
export async function findSessionAuth(q: Queryable, id: string): Promise<SessionAuthRow | null> {
  const r = await q.query<SessionAuthRow>(
    `select s.id, s.csrf_token, s.organization_id, s.last_seen_at < now() - interval '5 minutes' as stale,
            u.id as user_id, u.email, u.display_name, ${MEMBERSHIPS_JSON} as memberships
       from sessions s join users u on u.id = s.user_id
      where s.id = $1 and s.expires_at > now() and not u.disabled`,
    [id],
  );
  return r.rows[0] ?? null;
}

/** Sliding expiry: idle time renews the session, never beyond its absolute lifetime. */
export async function touchSession(q: Queryable, id: string, idleSeconds: number, maxSeconds: number): Promise<void> {
  await q.query(
    `update sessions set last_seen_at = now(),
            expires_at = least(created_at + make_interval(secs => $3), now() + make_interval(secs => $2))
      where id = $1`,
    [id, idleSeconds, maxSeconds],
  );
}

export interface TokenAuthRow {
  id: string;
  stale: boolean;
  user_id: string;
  email: string;
  display_name: string;
  memberships: { organizationId: string; role: string }[];
}

export async function findTokenAuth(q: Queryable, hash: string): Promise<TokenAuthRow | null> {
  const r = await q.query<TokenAuthRow>(
    `select t.id, (t.last_used_at is null or t.last_used_at < now() - interval '1 minute') as stale,
            u.id as user_id, u.email, u.display_name, ${MEMBERSHIPS_JSON} as memberships
       from api_tokens t join users u on u.id = t.user_id
      where t.token_hash = $1 and (t.expires_at is null or t.expires_at > now()) and not u.disabled`,
    [hash],
  );
  return r.rows[0] ?? null;
}

export async function touchApiToken(q: Queryable, id: string): Promise<void> {
  await q.query(`update api_tokens set last_used_at = now() where id = $1`, [id]);
}
