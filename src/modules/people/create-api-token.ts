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

export async function createApiToken(
  db: Db,
  input: { userId: string; name: string; expiresInDays?: number | null },
): Promise<CreatedApiToken> {
  const name = input.name.trim();
  if (!name || name.length > 100) throw errors.validation('Il nome del token deve avere da 1 a 100 caratteri.', undefined, [{ field: 'name', message: 'da 1 a 100 caratteri' }]);
  const token = newApiTokenSecret();
  const prefix = token.slice(0, 10);
  // Sign-in data, not a body's data: the owner connection (migrations/0003_auth.sql).
  const row = await db.ownerTx(async (tx) => {
    if (!(await repo.findUserById(tx, input.userId))) throw errors.notFound('Utente inesistente.');
    return repo.insertApiToken(tx, { id: crypto.randomUUID(), userId: input.userId, name, hash: sha256(token), prefix, expiresInDays: input.expiresInDays ?? null });
  });
  return { id: row.id, name: row.name, token, prefix, createdAt: row.created_at, expiresAt: row.expires_at };
}
