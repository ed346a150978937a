/** `npx agilepa <command>`: the operators' command line (help and messages in Italian). */
import { DataDirLockedError } from '../platform/db/lock.js';
import { UsageError } from './args.js';
import { EXIT, type Command } from './command.js';
import { BackupError } from './dump.js';
import { migrateCommand } from './migrate.js';
import { seedCommand } from './seed.js';
import { backupCommand } from './backup.js';
import { restoreCommand } from './restore.js';
import { createUserCommand } from './create-user.js';
import { createTokenCommand } from './create-token.js';
import { AppError } from '../platform/http/errors.js';

const commands: Command[] = [migrateCommand, seedCommand, createUserCommand, createTokenCommand, backupCommand, restoreCommand];

function help(): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return [
    'Agile PA — riga di comando per chi gestisce la piattaforma',
    '',
    'Uso: npx agilepa <comando> [opzioni]',
    '',
    'Comandi:',
    ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Il database è quello del server: DATABASE_URL=postgresql://… oppure il database incorporato',
    'PGlite nella cartella DATA_DIR (predefinita ./data). Con PGlite il server deve essere fermo.',
    '',
    'Esempi:',
    '  npx agilepa migrate',
    '  npx agilepa create-user --email anna@comune.it --password "…" --organization 001272 --role body_admin',
    '  TOKEN=$(npx agilepa create-token --email anna@comune.it)',
    '  npx agilepa backup backup-2026-01-31.jsonl.gz',
    '',
    'Codici di uscita: 0 riuscito, 1 errore, 2 database occupato da un altro processo, 64 uso errato.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`Comando sconosciuto: ${name}\n\n${help()}\n`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`Uso: npx agilepa ${command.usage}\n${command.summary}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`Errore: ${err.message}\nUso: npx agilepa ${command.usage}\n`);
      return EXIT.usage;
    }
    if (err instanceof DataDirLockedError) {
      process.stderr.write(`Errore: ${err.message}\n`);
      return EXIT.locked;
    }
    if (err instanceof AppError) {
      process.stderr.write(`Errore: ${err.title}${err.detail && err.detail !== err.title ? ` — ${err.detail}` : ''}\n`);
      return EXIT.failed;
    }
    if (err instanceof BackupError) {
      process.stderr.write(`Errore: ${err.message}\n`);
      return EXIT.failed;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`Errore: il comando ${command.name} non è riuscito: ${message}\n`);
    return EXIT.failed;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`Errore inatteso: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = EXIT.failed;
  },
);
