/**
 * backup / restore as functions: a round trip restores every row of every table (counts and
 * checksums per table), on the suite's database and across PGlite and PostgreSQL; damaged or
 * mismatched backups are refused without touching the data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../src/platform/db/index.js';
import { prepareDatabase } from '../src/app/prepare.js';
import { appTables, backupDatabase, quoteIdent, restoreDatabase, BackupError } from '../src/cli/dump.js';
import { backend, createTestDb } from './helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'agilepa-backup-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A table with awkward types, created identically in every database of the test. */
const SCRATCH = `create table backup_scratch (
  id bigint generated always as identity primary key,
  parent_id bigint references backup_scratch(id),
  big bigint, amount numeric(20, 4), ratio double precision, raw bytea, at timestamptz, day date,
  tags text[], doc jsonb, during tstzrange, ref uuid, note text,
  note_length int generated always as (length(note)) stored)`;

async function fill(db: Db, rows: number): Promise<void> {
  await db.ownerTx(async (tx) => {
    await tx.exec(SCRATCH);
    // children point to parents inserted later in id order once the table is reloaded in any order
    await tx.query(
      `insert into backup_scratch (big, amount, ratio, raw, at, day, tags, doc, during, ref, note)
       select 9007199254740993 + g, (g * 1.2345)::numeric(20, 4), g / 7.0, decode(md5(g::text), 'hex'),
              timestamptz '2024-03-31 01:30:00+01' + g * interval '17 minutes', date '1900-01-01' + g,
              array['a' || g, 'è "quoted", \\ back', null], jsonb_build_object('n', g, 'big', 12345678901234567890, 'emoji', '🇮🇹', 'nested', jsonb_build_array(1, null, 'x')),
              tstzrange(timestamptz '2025-01-01' + g * interval '1 hour', timestamptz '2025-01-01' + (g + 1) * interval '1 hour'),
              md5(g::text)::uuid, case when g % 10 = 0 then null else repeat('Agliè ', g % 50) || E'\\nriga\\t' || g end
         from generate_series(1, $1::int) g`,
      [rows],
    );
    await tx.query(`update backup_scratch set parent_id = id + 1 where id % 3 = 0 and id < $1`, [rows]);
    await tx.query(
      `insert into audit_log (organization_id, actor_label, action, entity_type, entity_id, before, after)
       select null, 'test', 'scratch.create', 'scratch', g::text, null, jsonb_build_object('g', g) from generate_series(1, 30) g`,
    );
  });
}

type Sums = Record<string, { n: number; sum: string }>;

async function checksums(db: Db): Promise<Sums> {
  return db.ownerTx(async (tx) => {
    await tx.query(`set local timezone = 'UTC'`);
    const out: Sums = {};
    for (const t of await appTables(tx)) {
      const r = await tx.query<{ n: number; sum: string }>(
        `select count(*)::int as n, md5(coalesce(string_agg(t::text, E'\\n' order by t::text collate "C"), '')) as sum from ${quoteIdent(t.name)} t`,
      );
      out[t.name] = r.rows[0];
    }
    return out;
  });
}

async function roundTrip(source: Db, target: Db, name: string): Promise<Sums> {
  const before = await checksums(source);
  const file = path.join(tmp, `${name}.jsonl.gz`);
  const summary = await backupDatabase(source, file);
  expect(Object.keys(summary.tables).sort()).toEqual(Object.keys(before).sort());
  // every body's data: readable by its owner only
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  await restoreDatabase(target, file);
  const after = await checksums(target);
  expect(after).toEqual(before);
  return before;
}

async function freshPglite(): Promise<Db> {
  const db = await openDb({});
  await prepareDatabase(db);
  return db;
}

describe(`backup and restore on ${backend()}`, () => {
  let source: Db;
  let target: Db;
  beforeAll(async () => {
    source = await createTestDb();
    target = await createTestDb();
    await fill(source, 12_000); // more than two batches of 5,000
    await target.ownerTx((tx) => tx.exec(SCRATCH));
    await target.ownerTx((tx) =>
      tx.query(`insert into audit_log (organization_id, actor_label, action, entity_type) values (null, 'x', 'to.be.replaced', 'x')`),
    );
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('restores every row of every table, the audit chain and the sequences', async () => {
    const sums = await roundTrip(source, target, 'same');
    expect(sums.backup_scratch.n).toBe(12_000);
    expect(Object.values(sums).some((s) => s.n > 5000)).toBe(true);
    const broken = await target.query(`select * from audit_verify(null)`);
    expect(broken.rows).toEqual([]);
    // identities continue after the restored rows
    const next = await target.ownerTx((tx) => tx.query<{ id: number }>(`insert into backup_scratch (note) values ('dopo') returning id`));
    expect(next.rows[0].id).toBe(12_001);
    const last = await target.query<{ big: string }>(`select big::text as big from backup_scratch where id = 12000`);
    expect(last.rows[0].big).toBe('9007199254752993');
  });

  it('refuses a backup whose migrations differ, changing nothing', async () => {
    const file = path.join(tmp, 'same.jsonl.gz');
    const before = await checksums(target);
    await target.ownerTx((tx) => tx.query(`insert into schema_migrations (version, name) values ('9999', '9999_future')`));
    await expect(restoreDatabase(target, file)).rejects.toThrow(/migrazioni diverse/);
    await target.ownerTx((tx) => tx.query(`delete from schema_migrations where version = '9999'`));
    expect(await checksums(target)).toEqual(before);
  });

  it('refuses a truncated backup and a file that is not a backup, changing nothing', async () => {
    const whole = zlib.gunzipSync(fs.readFileSync(path.join(tmp, 'same.jsonl.gz'))).toString('utf8');
    const cut = path.join(tmp, 'cut.jsonl.gz');
    fs.writeFileSync(cut, zlib.gzipSync(whole.slice(0, Math.floor(whole.length * 0.6)).replace(/[^\n]*$/, '')));
    const before = await checksums(target);
    await expect(restoreDatabase(target, cut)).rejects.toThrow(/incompleto/);
    const junk = path.join(tmp, 'junk.gz');
    fs.writeFileSync(junk, zlib.gzipSync('{"hello": "world"}\n'));
    await expect(restoreDatabase(target, junk)).rejects.toThrow(BackupError);
    const plain = path.join(tmp, 'plain.txt');
    fs.writeFileSync(plain, 'non compresso');
    await expect(restoreDatabase(target, plain)).rejects.toThrow(/non è un backup/);
    expect(await checksums(target)).toEqual(before);
  });

  if (backend() === 'postgresql') {
    it('restores a PGlite backup into PostgreSQL and a PostgreSQL backup into PGlite', async () => {
      const lite = await freshPglite();
      const pgTarget = await createTestDb();
      try {
        await fill(lite, 6_000);
        await pgTarget.ownerTx((tx) => tx.exec(SCRATCH));
        const sums = await roundTrip(lite, pgTarget, 'pglite-to-pg');
        expect(sums.backup_scratch.n).toBe(6_000);
        const back = await freshPglite();
        try {
          await back.ownerTx((tx) => tx.exec(SCRATCH));
          await roundTrip(source, back, 'pg-to-pglite');
        } finally {
          await back.close();
        }
      } finally {
        await lite.close();
        await pgTarget.close();
      }
    });
  } else {
    it('restores a backup of one PGlite database into another opened from a data directory', async () => {
      const dir = fs.mkdtempSync(path.join(tmp, 'data-'));
      const other = await openDb({ dataDir: dir });
      try {
        await prepareDatabase(other);
        await other.ownerTx((tx) => tx.exec(SCRATCH));
        await roundTrip(source, other, 'pglite-to-dir');
      } finally {
        await other.close();
      }
    });
  }
});
