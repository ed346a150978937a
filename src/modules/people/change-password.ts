/**
 * A signed-in person changes his own password: the current one is checked (and a failure counts
 * towards the sign-in throttle), the new one must follow the policy, and every other session of
 * the person ends; the session in use stays open. With `signOutEverywhere` the person's API tokens
 * end too (the page asks). The change and its audit entry (in the chain of
 * the body the person is acting for) are one transaction.
 */
import type { Db } from '../../platform/db/index.js';
import { auditBy } from '../../platform/audit.js';
import type { AuthContext } from '../../platform/auth/context.js';
import { authErrors } from '../../platform/auth/auth.errors.js';
import * as repo from './people.repo.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.js';
import { MAX_FAILURES_PER_ACCOUNT, THROTTLE_WINDOW_SECONDS } from './login.js';

export async function changePassword(db: Db, auth: AuthContext, input: { currentPassword: string; newPassword: string; signOutEverywhere?: boolean }, ip: string | null): Promise<void> {
  const user = await db.ownerTx((tx) => repo.findUserById(tx, auth.userId));
  if (!user || user.disabled) throw authErrors.invalidCredentials();
  if (!user.password_hash) throw authErrors.noLocalPassword();
  const recent = await repo.recentFailures(db, user.email, ip ?? 'unknown', THROTTLE_WINDOW_SECONDS);
  if (recent.byEmail >= MAX_FAILURES_PER_ACCOUNT) {
    throw authErrors.tooManyAttempts(`Riprova tra ${Math.ceil(recent.emailRetryAfter / 60)} minuti.`, { retryAfter: recent.emailRetryAfter });
  }
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    await repo.recordFailure(db, user.email, ip ?? 'unknown');
    throw authErrors.wrongCurrentPassword();
  }
  checkPasswordPolicy(input.newPassword);
  const hash = await hashPassword(input.newPassword);
  // Sign-in data is written through the owner connection (migrations/0003_auth.sql); the audit entry
  // goes in the same transaction, as the owner's other audited writes do, so both land or neither.
  await db.ownerTx(async (tx) => {
    await repo.setPasswordHash(tx, user.id, hash);
    await repo.deleteOtherSessions(tx, user.id, auth.via === 'session' ? (auth.sessionId ?? null) : null);
    const tokensEnded = input.signOutEverywhere ? await repo.deleteUserApiTokens(tx, user.id) : 0;
    if (auth.organizationId) {
      await auditBy(tx, auth, {
        organizationId: auth.organizationId,
        action: 'user.password_change',
        entityType: 'user',
        entityId: auth.userId,
        before: null,
        after: input.signOutEverywhere ? { signOutEverywhere: true, tokensEnded } : null,
        ip,
      });
    }
  });
}
