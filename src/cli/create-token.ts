/** `npx agilepa create-token --email E`: prints only a new personal API token (for `Authorization: Bearer …`). */
import { createApiToken } from '../modules/people/index.js';
import { findUserByEmail } from '../modules/people/index.js';
import { parseArgs } from './args.js';
import { EXIT, say, withDb, type Command } from './command.js';
import { clock } from '../platform/clock.js';

export const createTokenCommand: Command = {
  name: 'create-token',
  summary: 'Crea un token personale per le integrazioni e lo stampa (solo il token)',
  usage: 'create-token --email E [--name NOME]',
  async run(argv) {
    const { options } = parseArgs(argv, { email: { kind: 'string', required: true }, name: { kind: 'string' } });
    const email = options.email as string;
    return withDb(async (db) => {
      const user = await db.ownerTx((tx) => findUserByEmail(tx, email.trim()));
      if (!user) {
        say(`Errore: nessun utente ha l’indirizzo ${email}.`);
        return EXIT.failed;
      }
      if (user.disabled) {
        say(`Errore: l’utente ${email} è disattivato.`);
        return EXIT.failed;
      }
      const name = (options.name as string | undefined) ?? `riga di comando ${clock.date().toISOString().slice(0, 10)}`;
      const created = await createApiToken(db, { userId: user.id, name });
      process.stdout.write(`${created.token}\n`);
      say(`Token "${created.name}" creato per ${user.email}: usalo come "Authorization: Bearer …". Non sarà più mostrato.`);
      return EXIT.ok;
    });
  },
};
