/** `npx agilepa seed --demo`: loads the demo territory (after migrating). */
import { prepareDatabase, seedDemo } from '../app/prepare.js';
import { parseArgs, UsageError } from './args.js';
import { EXIT, say, withDb, type Command } from './command.js';

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Carica i dati dimostrativi (enti, utenti e accessi elencati nel README)',
  usage: 'seed --demo',
  async run(argv) {
    const { options } = parseArgs(argv, { demo: { kind: 'flag' } });
    if (!options.demo) throw new UsageError('Indica quali dati caricare: seed --demo');
    return withDb(async (db) => {
      await prepareDatabase(db);
      say((await seedDemo(db)) ? `Dati dimostrativi caricati (${db.kind}).` : 'I dati dimostrativi erano già stati caricati: nulla da fare.');
      return EXIT.ok;
    });
  },
};
