/**
 * Applies migrations/NNNN_name.sql in order, once each; the same files on PGlite and PostgreSQL.
 * Each applied migration keeps the SHA-256 of its text (line endings made LF): a migration edited
 * after it ran is refused at start-up, since the database would not be what the file says. Rows
 * applied before checksums existed take the file's checksum the first time they are read.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './index.js';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

/** The SHA-256 of a migration's text, the same on a checkout with CRLF line endings. */
export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const sql = fs.readFileSync(path.join(dir, f), 'utf8');
      return { version: f.slice(0, 4), name: f.replace(/\.sql$/, ''), sql, checksum: checksumOf(sql) };
    });
}

/** Returns the names of the migrations applied now. */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const applied: string[] = [];
  await db.ownerTx(async (tx) => {
    // One migrator at a time across processes (PostgreSQL); PGlite has one connection anyway.
    await tx.query('select pg_advisory_xact_lock(7312001)');
    await tx.exec(`create table if not exists schema_migrations (
      version text primary key, name text not null, applied_at timestamptz not null default now())`);
    await tx.exec('alter table schema_migrations add column if not exists checksum text');
    const rows = (await tx.query<{ version: string; checksum: string | null }>('select version, checksum from schema_migrations')).rows;
    const done = new Map(rows.map((r) => [r.version, r.checksum]));
    for (const m of readMigrations(dir)) {
      if (done.has(m.version)) {
        const recorded = done.get(m.version) ?? null;
        if (recorded === null) await tx.query('update schema_migrations set checksum = $2 where version = $1', [m.version, m.checksum]);
        else if (recorded !== m.checksum) {
          throw new Error(
            `La migrazione ${m.name} è stata modificata dopo essere stata applicata (checksum ${recorded.slice(0, 12)}…, ora ${m.checksum.slice(0, 12)}…): ` +
              'ripristina il file e scrivi le modifiche in una nuova migrazione.',
          );
        }
        continue;
      }
      try {
        await tx.exec(m.sql);
      } catch (err) {
        throw new Error(`Migrazione ${m.name} non riuscita: ${(err as Error).message}`, { cause: err });
      }
      await tx.query('insert into schema_migrations(version, name, checksum) values ($1, $2, $3)', [m.version, m.name, m.checksum]);
      applied.push(m.name);
    }
  });
  return applied;
}
