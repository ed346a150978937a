/** Local passwords: argon2id hashes and the password policy (pure apart from hashing). */
import argon2 from 'argon2';
import { authErrors } from '../../platform/auth/auth.errors.js';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Throws auth.weak_password when the password breaks the policy. */
export function checkPasswordPolicy(password: string): void {
  if ([...password].length < PASSWORD_MIN) throw authErrors.weakPassword();
  if (password.length > PASSWORD_MAX) throw authErrors.weakPassword(`La password può avere al massimo ${PASSWORD_MAX} caratteri.`);
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

let dummy: Promise<string> | null = null;

/**
 * Verifies a password against a hash. Without a hash (unknown e-mail, OIDC-only account) it
 * verifies against a dummy hash anyway, so both answers take about the same time.
 */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    dummy ??= argon2.hash('agilepa-dummy-password-for-timing', OPTIONS);
    await argon2.verify(await dummy, password).catch(() => false);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
