/**
 * Password reset, step 1: always the same answer (no account enumeration); when the e-mail
 * belongs to an active account, a single-use link valid one hour is mailed. Only the token's
 * sha256 is stored. At most 3 links per account per hour.
 */
import type { Db } from '../../platform/db/index.js';
import type { Mailer } from '../../platform/mail/types.js';
import * as repo from './people.repo.js';
import { randomSecret, sha256 } from '../../platform/auth/secrets.js';

export const RESET_TTL_SECONDS = 3600;
export const MAX_RESETS_PER_HOUR = 3;

export interface ResetDeps {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
}

/** Returns the delivery (already started) so callers may wait for it; the HTTP route does not. */
export async function requestPasswordReset(deps: ResetDeps, emailInput: string): Promise<{ delivery: Promise<void> }> {
  const email = emailInput.trim().toLowerCase();
  const token = randomSecret(32);
  const user = await deps.db.ownerTx(async (tx) => {
    const u = await repo.findUserByEmail(tx, email);
    if (!u || u.disabled) return null;
    if ((await repo.countRecentResets(tx, u.id)) >= MAX_RESETS_PER_HOUR) return null;
    await repo.insertReset(tx, sha256(token), u.id, RESET_TTL_SECONDS);
    return u;
  });
  if (!user) return { delivery: Promise.resolve() };
  const link = `${deps.publicUrl}/reimposta-password?token=${encodeURIComponent(token)}`;
  const delivery = deps.mailer
    .send({
      to: user.email,
      subject: 'Agile PA: reimposta la password / reset your password',
      text: [
        `Gentile ${user.display_name},`,
        '',
        'abbiamo ricevuto una richiesta di reimpostare la password del tuo account Agile PA.',
        `Apri questo collegamento entro un'ora (vale una sola volta):`,
        link,
        '',
        'Se non hai fatto tu la richiesta, ignora questo messaggio: la password resta la stessa.',
        '',
        '---',
        'We received a request to reset the password of your Agile PA account.',
        'Open the link above within one hour (it works once). If you did not ask, ignore this message.',
      ].join('\n'),
    })
    .then(() => undefined);
  return { delivery };
}
