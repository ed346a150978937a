/** Password reset, step 2: a live single-use token sets the new password and ends every session and every API token. */
import type { Db } from '../../platform/db/index.js';
import { authErrors } from '../../platform/auth/auth.errors.js';
import * as repo from './people.repo.js';
import { checkPasswordPolicy, hashPassword } from './passwords.js';
import { sha256 } from '../../platform/auth/secrets.js';

export async function confirmPasswordReset(db: Db, input: { token: string; password: string }): Promise<void> {
  checkPasswordPolicy(input.password);
  const hash = await hashPassword(input.password);
  await db.ownerTx(async (tx) => {
    const userId = await repo.takeReset(tx, sha256(input.token));
    if (!userId) throw authErrors.resetTokenInvalid();
    await repo.setPasswordHash(tx, userId, hash);
    await repo.invalidateResets(tx, userId);
    await repo.deleteUserSessions(tx, userId);
    await repo.deleteUserApiTokens(tx, userId);
    await repo.clearFailures(tx, (await repo.findUserById(tx, userId))!.email);
  });
}
