/**
 * Creates a person, optionally with roles in one body. Used by the command line
 * (`agilepa create-user`), the demo seed, tests and (through add-member) body admins.
 */
import crypto from 'node:crypto';
import type { Db, Queryable } from '../../platform/db/index.js';
import { auditBy } from '../../platform/audit.js';
import { errors } from '../../platform/http/errors.js';
import type { Role } from '../../platform/auth/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authErrors } from '../../platform/auth/auth.errors.js';
import { checkPasswordPolicy, hashPassword } from './passwords.js';
import * as repo from './people.repo.js';
import { isValidEmail } from '../../platform/email-rules.js';

export interface CreateUserInput {
  email: string;
  displayName: string;
  /** Omitted: the person signs in with SPID/CIE or sets a password through the reset link. */
  password?: string | null;
  taxCode?: string | null;
  organizationId?: string | null;
  roles?: Role[];
}

export interface CreatedUser {
  id: string;
  email: string;
  displayName: string;
}

export function normalizeEmail(email: string): string {
  const e = email.trim().toLowerCase();
  if (!isValidEmail(e)) throw errors.validation('Indirizzo e-mail non valido.', undefined, [{ field: 'email', message: 'indirizzo e-mail non valido' }]);
  return e;
}

export function normalizeTaxCode(code: string): string {
  const c = code.trim().toUpperCase().replace(/^TINIT-/, '');
  if (!/^[A-Z0-9]{16}$/.test(c)) throw errors.validation('Codice fiscale non valido.', undefined, [{ field: 'taxCode', message: 'codice fiscale non valido' }]);
  return c;
}

/** Inside a transaction already open with the actor's context (add-member reuses it). */
export async function insertUserWithRoles(tx: Queryable, input: CreateUserInput, actor: Actor): Promise<CreatedUser> {
  const email = normalizeEmail(input.email);
  const displayName = input.displayName.trim();
  if (!displayName) throw errors.validation('Il nome è obbligatorio.', undefined, [{ field: 'displayName', message: 'obbligatorio' }]);
  if (input.password != null) checkPasswordPolicy(input.password);
  const roles = input.roles ?? [];
  if (roles.length && !input.organizationId) throw errors.validation('I ruoli richiedono un ente.', undefined, [{ field: 'organizationId', message: 'obbligatorio con i ruoli' }]);
  if (roles.includes('platform_admin') && !actor.platform) throw authErrors.roleNotGrantable();
  if (await repo.userIdByEmail(tx, email)) throw authErrors.emailTaken();
  const id = crypto.randomUUID();
  const passwordHash = input.password != null ? await hashPassword(input.password) : null;
  await repo.insertUser(tx, { id, email, displayName, passwordHash, taxCode: input.taxCode ? normalizeTaxCode(input.taxCode) : null });
  await auditBy(tx, actor, {
    organizationId: input.organizationId ?? null,
    action: 'user.create',
    entityType: 'user',
    entityId: id,
    before: null,
    after: { email, displayName, roles, organizationId: input.organizationId ?? null },
    ip: actor.ip ?? null,
  });
  if (input.organizationId && roles.length) await repo.insertMemberships(tx, id, input.organizationId, roles);
  return { id, email, displayName };
}

export async function createUser(db: Db, input: CreateUserInput, actor: Actor): Promise<CreatedUser> {
  return db.tx(actor.db, (tx) => insertUserWithRoles(tx, input, actor));
}
