/**
 * The auth plugin: on every API request it resolves `request.auth` from the session cookie or an
 * `Authorization: Bearer apa_…` token, and refuses cookie-authenticated writes without the
 * session's `X-CSRF-Token`. Routes that must accept writes without it (login, password reset)
 * declare `config: { csrf: false }`; Bearer calls need no CSRF token.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { errors } from '../http/errors.js';
import type { AuthContext } from './context.js';
import { authErrors } from './auth.errors.js';
import * as repo from './auth.repo.js';
import { summarize, tenantOf, type MembershipRow, type MembershipSummary } from './memberships.js';
import { safeEqual, sha256 } from './secrets.js';
import { createAuthCache } from './auth-cache.js';
import type { TtlCache } from '../cache.js';

export const SESSION_COOKIE = 'agilepa_session';

/** Idle lifetime (renewed by activity) and absolute lifetime of a session. */
export const SESSION_IDLE_SECONDS = 12 * 3600;
export const SESSION_MAX_SECONDS = 7 * 24 * 3600;
export const CSRF_HEADER = 'x-csrf-token';
export const ORGANIZATION_HEADER = 'x-organization-id';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: cookie-authenticated writes to this route need no CSRF token (login, password reset). */
    csrf?: boolean;
  }
}

export interface AuthDeps {
  config: Config;
  db: Db;
}

/** What a request's credentials resolved to, reused for AUTH_CACHE_SECONDS (see auth-cache.ts). */
interface Resolvers {
  db: Db;
  sessions: TtlCache<string, repo.SessionAuthRow>;
  tokens: TtlCache<string, repo.TokenAuthRow>;
}

async function cached<V extends { stale: boolean }>(cache: TtlCache<string, V>, key: string, load: () => Promise<V | null>, touch: (row: V) => Promise<void>): Promise<V | null> {
  const hit = cache.get(key);
  if (hit) return hit;
  const readAt = cache.currentEpoch();
  const row = await load();
  if (!row) return null;
  if (row.stale) await touch(row);
  cache.set(key, row, readAt);
  return row;
}

/**
 * The memberships of a cached credential, summarized once per loaded row and frozen: every
 * request that hits the cache shares them.
 */
const summaries = new WeakMap<object, MembershipSummary[]>();
function summaryOf(memberships: MembershipRow[]): MembershipSummary[] {
  let list = summaries.get(memberships);
  if (!list) {
    list = summarize(memberships);
    for (const m of list) Object.freeze(Object.freeze(m).roles);
    summaries.set(memberships, list);
  }
  return list;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const MARK = 'agilepaAuthRegistered';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isAuthRegistered(app: FastifyInstance): boolean {
  return app.hasDecorator(MARK);
}

/** Call once on the root instance, after @fastify/cookie: `await registerAuth(app, deps);` */
export async function registerAuth(app: FastifyInstance, deps: AuthDeps): Promise<void> {
  if (isAuthRegistered(app)) return;
  app.decorate(MARK, true);
  const r: Resolvers = {
    db: deps.db,
    sessions: createAuthCache(deps.config.AUTH_CACHE_SECONDS),
    tokens: createAuthCache(deps.config.AUTH_CACHE_SECONDS),
  };
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    req.auth = await resolveAuth(r, req);
  });
}

async function resolveAuth(r: Resolvers, req: FastifyRequest): Promise<AuthContext | null> {
  const header = req.headers.authorization;
  if (header) return resolveBearer(r, req, header);
  const cookie = req.cookies?.[SESSION_COOKIE];
  if (!cookie) return null;
  const id = sha256(cookie);
  const row = await cached(r.sessions, id, () => repo.findSessionAuth(r.db, id), (s) => repo.touchSession(r.db, s.id, SESSION_IDLE_SECONDS, SESSION_MAX_SECONDS));
  if (!row) return null;
  if (WRITES.has(req.method) && req.routeOptions.config?.csrf !== false) {
    const sent = req.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !safeEqual(sent, row.csrf_token)) throw errors.csrf();
  }
  // A membership removed since sign-in takes effect at once: no roles there, no tenant.
  const tenant = tenantOf(summaryOf(row.memberships), row.organization_id);
  return {
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    organizationId: tenant.organizationId,
    roles: tenant.roles,
    via: 'session',
    sessionId: row.id,
    csrfToken: row.csrf_token,
  };
}

async function resolveBearer(r: Resolvers, req: FastifyRequest, header: string): Promise<AuthContext> {
  const m = /^Bearer\s+(\S{10,200})$/i.exec(header.trim());
  if (!m) throw authErrors.invalidToken('Usa l’intestazione Authorization: Bearer <token>.');
  const hash = sha256(m[1]);
  const row = await cached(r.tokens, hash, () => repo.findTokenAuth(r.db, hash), (t) => repo.touchApiToken(r.db, t.id));
  if (!row) throw authErrors.invalidToken();
  const list = summaryOf(row.memberships);
  const requested = req.headers[ORGANIZATION_HEADER];
  let tenant = tenantOf(list);
  if (typeof requested === 'string' && requested !== '') {
    if (!UUID.test(requested)) throw errors.validation('X-Organization-Id deve essere un UUID.');
    tenant = tenantOf(list, requested);
    if (!tenant.organizationId) throw authErrors.notAMember();
  }
  return {
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    organizationId: tenant.organizationId,
    roles: tenant.roles,
    via: 'token',
    tokenId: row.id,
  };
}

export function setSessionCookie(reply: FastifyReply, config: Pick<Config, 'publicUrl'>, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicUrl.startsWith('https://'),
    path: '/',
    maxAge: SESSION_MAX_SECONDS,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Pick<Config, 'publicUrl'>): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: config.publicUrl.startsWith('https://'), path: '/' });
}
