/** Migrations run once each, in order, and an edited migration is refused (its checksum is kept). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from './index.js';
import { checksumOf, migrate, readMigrations } from './migrate.js';

let db: Db | null = null;
let dir: string | null = null;
afterEach(async () => {
  await db?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  db = null;
  dir = null;
});

function folder(files: Record<string, string>): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'agilepa-migrations-'));
  for (const [name, sql] of Object.entries(files)) fs.writeFileSync(path.join(d, name), sql);
  return d;
}

describe('migrate', () => {
  it('applies each migration once, in order, and keeps its checksum', async () => {
    dir = folder({ '0002_b.sql': 'insert into t values (2);', '0001_a.sql': 'create table t (n int);\r\ninsert into t values (1);' });
    db = await openDb({});
    expect(await migrate(db, dir)).toEqual(['0001_a', '0002_b']);
    expect(await migrate(db, dir)).toEqual([]);
    const rows = await db.ownerTx((tx) => tx.query<{ version: string; checksum: string }>('select version, checksum from schema_migrations order by version'));
    expect(rows.rows).toEqual(readMigrations(dir).map((m) => ({ version: m.version, checksum: m.checksum })));
    expect(checksumOf('a\r\nb')).toBe(checksumOf('a\nb'));
    const n = await db.ownerTx((tx) => tx.query<{ n: number }>('select count(*)::int as n from t'));
    expect(n.rows[0].n).toBe(2);
  });

  it('refuses a migration edited after it was applied, and applies nothing else of that run', async () => {
    dir = folder({ '0001_a.sql': 'create table t (n int);' });
    db = await openDb({});
    await migrate(db, dir);
    fs.writeFileSync(path.join(dir, '0001_a.sql'), 'create table t (n int, m int);');
    fs.writeFileSync(path.join(dir, '0002_b.sql'), 'create table u (n int);');
    await expect(migrate(db, dir)).rejects.toThrow(/0001_a è stata modificata dopo essere stata applicata/);
    const u = await db.ownerTx((tx) => tx.query(`select 1 from pg_class where relname = 'u'`));
    expect(u.rows).toHaveLength(0);
  });

  it('records the checksum of a migration applied before checksums existed, then holds it', async () => {
    dir = folder({ '0001_a.sql': 'create table t (n int);' });
    db = await openDb({});
    await db.ownerTx((tx) =>
      tx.exec(`create table schema_migrations (version text primary key, name text not null, applied_at timestamptz not null default now());
               create table t (n int); insert into schema_migrations (version, name) values ('0001', '0001_a');`),
    );
    expect(await migrate(db, dir)).toEqual([]);
    const r = await db.ownerTx((tx) => tx.query<{ checksum: string }>('select checksum from schema_migrations'));
    expect(r.rows[0].checksum).toBe(checksumOf('create table t (n int);'));
    fs.writeFileSync(path.join(dir, '0001_a.sql'), 'create table t (n bigint);');
    await expect(migrate(db, dir)).rejects.toThrow(/modificata/);
  });
});
