/** `npx agilepa backup FILE`: a logical backup of every application table (PGlite or PostgreSQL). */
import path from 'node:path';
import { parseArgs } from './args.js';
import { EXIT, say, withDb, type Command } from './command.js';
import { backupDatabase } from './dump.js';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Salva tutti i dati in un file (JSON compresso, ripristinabile su PGlite o PostgreSQL)',
  usage: 'backup FILE',
  async run(argv) {
    const { positionals } = parseArgs(argv, {}, { min: 1, max: 1 });
    const file = path.resolve(positionals[0]);
    return withDb(async (db) => {
      const started = performance.now();
      const summary = await backupDatabase(db, file);
      const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
      say(`Backup salvato in ${file}: ${Object.keys(summary.tables).length} tabelle, ${rows} righe (${db.kind}, ${Math.round(performance.now() - started)} ms).`);
      return EXIT.ok;
    });
  },
};
