/** Applies migrations/NNNN_name.sql in order, once each; the same files on PGlite and PostgreSQL. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './index.js';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export interface Migration {
  version: string;
  name: string;
  sql: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.slice(0, 4), name: f.replace(/\.sql$/, ''), sql: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** Returns the names of the migrations applied now. */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const applied: string[] = [];
  await db.ownerTx(async (tx) => {
    // One migrator at a time across processes (PostgreSQL); PGlite has one connection anyway.
    await tx.query('select pg_advisory_xact_lock(7312001)');
    await tx.exec(`create table if not exists schema_migrations (
      version text primary key, name text not null, applied_at timestamptz not null default now())`);
    const done = new Set((await tx.query<{ version: string }>('select version from schema_migrations')).rows.map((r) => r.version));
    for (const m of readMigrations(dir)) {
      if (done.has(m.version)) continue;
      try {
        await tx.exec(m.sql);
      } catch (err) {
        throw new Error(`Migrazione ${m.name} non riuscita: ${(err as Error).message}`, { cause: err });
      }
      await tx.query('insert into schema_migrations(version, name) values ($1, $2)', [m.version, m.name]);
      applied.push(m.name);
    }
  });
  return applied;
}
