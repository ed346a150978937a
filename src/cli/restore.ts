/** `npx agilepa restore FILE`: replaces all the data with a backup's, in one transaction. */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from './args.js';
import { EXIT, say, withDb, type Command } from './command.js';
import { BackupError, restoreDatabase } from './dump.js';

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Sostituisce tutti i dati con quelli di un backup (stessa versione delle migrazioni)',
  usage: 'restore FILE',
  async run(argv) {
    const { positionals } = parseArgs(argv, {}, { min: 1, max: 1 });
    const file = path.resolve(positionals[0]);
    if (!fs.existsSync(file)) throw new BackupError(`Il file ${file} non esiste.`);
    return withDb(async (db) => {
      const started = performance.now();
      const summary = await restoreDatabase(db, file);
      const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
      say(`Ripristino completato (${db.kind}): ${Object.keys(summary.tables).length} tabelle, ${rows} righe in ${Math.round(performance.now() - started)} ms.`);
      return EXIT.ok;
    });
  },
};
