/** `npx agilepa migrate`: applies the migrations and each module's bootstrap. */
import { prepareDatabase } from '../app/prepare.js';
import { parseArgs } from './args.js';
import { EXIT, say, withDb, type Command } from './command.js';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Aggiorna il database all’ultima versione (migrazioni e dati di base)',
  usage: 'migrate',
  async run(argv) {
    parseArgs(argv, {});
    return withDb(async (db) => {
      const applied = await prepareDatabase(db);
      say(applied.length ? `Migrazioni applicate (${db.kind}): ${applied.join(', ')}` : `Il database (${db.kind}) è già aggiornato.`);
      return EXIT.ok;
    });
  },
};
