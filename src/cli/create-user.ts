/** `npx agilepa create-user`: a person with a password and roles in one body (ISTAT or IPA code). */
import { ROLES, ROLE_LABELS, type Role } from '../platform/auth/context.js';
import { createUser } from '../modules/people/index.js';
import { systemActor } from '../platform/auth/actor.js';
import { findOrganizationByCode } from '../modules/organizations/index.js';
import { parseArgs, UsageError } from './args.js';
import { EXIT, say, withDb, type Command } from './command.js';

export const createUserCommand: Command = {
  name: 'create-user',
  summary: 'Crea un utente con password e ruoli in un ente (codice ISTAT o IPA)',
  usage: 'create-user --email E --password P --organization CODICE --role RUOLO [--role RUOLO…] [--name "Nome Cognome"]',
  async run(argv) {
    const { options } = parseArgs(argv, {
      email: { kind: 'string', required: true },
      password: { kind: 'string', required: true },
      organization: { kind: 'string', required: true },
      role: { kind: 'list', required: true },
      name: { kind: 'string' },
    });
    const roles = options.role as string[];
    const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
    if (unknown.length)
      throw new UsageError(
        `Ruolo sconosciuto: ${unknown.join(', ')}. Ruoli ammessi:\n${ROLES.map((r) => `  ${r.padEnd(18)} ${ROLE_LABELS[r].it}`).join('\n')}`,
      );
    const email = options.email as string;
    const code = options.organization as string;
    return withDb(async (db) => {
      const organization = await findOrganizationByCode(db, code);
      if (!organization) {
        say(`Errore: nessun ente ha il codice ${code} (usa il codice ISTAT, per esempio 001272, o il codice IPA). Hai eseguito "npx agilepa migrate"?`);
        return EXIT.failed;
      }
      const user = await createUser(
        db,
        {
          email,
          displayName: (options.name as string | undefined) ?? email.split('@')[0],
          password: options.password as string,
          organizationId: organization.id,
          roles: [...new Set(roles)] as Role[],
        },
        systemActor('cli'),
      );
      say(`Utente ${user.email} creato in ${organization.name} con i ruoli: ${[...new Set(roles)].join(', ')}.`);
      process.stdout.write(`${user.id}\n`);
      return EXIT.ok;
    });
  },
};
