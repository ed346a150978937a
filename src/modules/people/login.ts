/**
 * Sign-in with e-mail and password: throttled per account and per address (failures kept in the
 * database, so every process sees them), the same answer for an unknown e-mail and a wrong
 * password, argon2id verification in both cases.
 */
import type { Db } from '../../platform/db/index.js';
import { authErrors } from '../../platform/auth/auth.errors.js';
import * as repo from './people.repo.js';
import { verifyPassword } from './passwords.js';
import { startSession, type ClientInfo, type StartedSession } from './sessions.js';

export const THROTTLE_WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export async function login(db: Db, input: { email: string; password: string }, client: ClientInfo): Promise<StartedSession> {
  const email = input.email.trim().toLowerCase();
  const ip = client.ip ?? 'unknown';
  const recent = await repo.recentFailures(db, email, ip, THROTTLE_WINDOW_SECONDS);
  if (recent.byEmail >= MAX_FAILURES_PER_ACCOUNT) {
    throw authErrors.tooManyAttempts(`Riprova tra ${Math.ceil(recent.emailRetryAfter / 60)} minuti.`, { retryAfter: recent.emailRetryAfter });
  }
  if (recent.byIp >= MAX_FAILURES_PER_IP) {
    throw authErrors.tooManyAttempts(`Riprova tra ${Math.ceil(recent.ipRetryAfter / 60)} minuti.`, { retryAfter: recent.ipRetryAfter });
  }
  const user = await repo.findUserByEmail(db, email);
  const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !passwordOk || user.disabled) {
    await repo.recordFailure(db, email, ip);
    throw authErrors.invalidCredentials();
  }
  await repo.clearFailures(db, email);
  return startSession(db, user.id, client);
}
