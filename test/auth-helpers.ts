/** Test helpers for people and sign-in, built on the real use cases (no SQL shortcuts). */
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../src/platform/db/index.js';
import type { Role } from '../src/platform/auth/context.js';
import { systemActor } from '../src/platform/auth/actor.js';
import { createUser as createUserUseCase } from '../src/modules/people/index.js';
import { createApiToken } from '../src/modules/people/index.js';
import { findOrganizationByCode } from '../src/modules/organizations/index.js';

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

export async function createUser(
  db: Db,
  opts: { email?: string; password?: string; displayName?: string; organizationId?: string; roles?: Role[]; taxCode?: string } = {},
): Promise<TestUser> {
  const email = opts.email ?? `user-${crypto.randomBytes(5).toString('hex')}@test.agilepa.example`;
  const password = opts.password ?? `pw-${crypto.randomBytes(9).toString('base64url')}`;
  const u = await createUserUseCase(
    db,
    {
      email,
      password,
      displayName: opts.displayName ?? email.split('@')[0],
      organizationId: opts.organizationId ?? null,
      roles: opts.roles ?? [],
      taxCode: opts.taxCode ?? null,
    },
    systemActor('test'),
  );
  return { id: u.id, email: u.email, password };
}

export interface LoggedIn {
  cookie: string;
  csrfToken: string;
  headers: Record<string, string>;
}

export async function login(app: FastifyInstance, email: string, password: string): Promise<LoggedIn> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login of ${email} failed: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((x) => x.name === 'agilepa_session');
  if (!c) throw new Error('login set no agilepa_session cookie');
  const cookie = `agilepa_session=${c.value}`;
  const csrfToken = res.json().csrfToken as string;
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}

export async function tokenFor(db: Db, userId: string, name = 'test'): Promise<string> {
  return (await createApiToken(db, { userId, name })).token;
}

/** The id of a body of the directory by ISTAT or IPA code (e.g. '001001' Agliè, '046' Lucca). */
export async function organizationId(db: Db, code: string): Promise<string> {
  const o = await findOrganizationByCode(db, code);
  if (!o) throw new Error(`no body with code ${code}`);
  return o.id;
}
