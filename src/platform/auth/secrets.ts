/** Random secrets (session cookies, API tokens, reset links) and the hashes we keep of them. */
import crypto from 'node:crypto';

export const API_TOKEN_PREFIX = 'apa_';

export function randomSecret(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex');
}

export function newApiTokenSecret(): string {
  return API_TOKEN_PREFIX + randomSecret(32);
}

/** Compares two strings in constant time (CSRF tokens). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
