/** Creates a personal API token: the secret is returned once, only its sha256 is kept. */
import crypto from 'node:crypto';
import type { Db } from '../../platform/db/index.js';
import { errors } from '../../platform/http/errors.js';
import * as repo from './people.repo.js';
import { newApiTokenSecret, sha256 } from '../../platform/auth/secrets.js';

export interface CreatedApiToken {
  id: string;
  name: string;
  /** `apa_…`: shown once, never stored. */
  token: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
}

/** A token lasts 90 days unless its owner chooses otherwise, and never more than a year. */
export const TOKEN_DEFAULT_DAYS = 90;
export const TOKEN_MAX_DAYS = 365;

export async function createApiToken(
  db: Db,
  input: { userId: string; name: string; expiresInDays?: number },
  /** The credential of the request asking (its session or token), re-checked in the database; none for the CLI. */
  credential?: { sessionId?: string; tokenId?: string },
): Promise<CreatedApiToken> {
  const name = input.name.trim();
  const days = input.expiresInDays ?? TOKEN_DEFAULT_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > TOKEN_MAX_DAYS)
    throw errors.validation(`Un token dura da 1 a ${TOKEN_MAX_DAYS} giorni.`, undefined, [{ field: 'expiresInDays', message: `da 1 a ${TOKEN_MAX_DAYS} giorni` }]);
  if (!name || name.length > 100) throw errors.validation('Il nome del token deve avere da 1 a 100 caratteri.', undefined, [{ field: 'name', message: 'da 1 a 100 caratteri' }]);
  const token = newApiTokenSecret();
  const prefix = token.slice(0, 10);
  // Sign-in data, not a body's data: the owner connection (migrations/0003_auth.sql).
  const row = await db.ownerTx(async (tx) => {
    // the request's credential, alive in the database, proves the person too; the CLI names one
    if (credential) {
      if (!(await repo.credentialAlive(tx, input.userId, credential))) throw errors.unauthenticated();
    } else if (!(await repo.findUserById(tx, input.userId))) throw errors.notFound('Utente inesistente.');
    return repo.insertApiToken(tx, { id: crypto.randomUUID(), userId: input.userId, name, hash: sha256(token), prefix, expiresInDays: days });
  });
  return { id: row.id, name: row.name, token, prefix, createdAt: row.created_at, expiresAt: row.expires_at };
}
