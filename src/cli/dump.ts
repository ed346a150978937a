/**
 * Logical backup of every application table, the same on PGlite and PostgreSQL (and across them):
 * gzip'd JSON lines. Control lines start with `{"@agilepa":`; every other line is one row exactly
 * as PostgreSQL renders it with to_jsonb (kept as text, so big integers never pass through a JS
 * number). Layout: header (format, version, createdAt, migrations), then for each table its
 * description line followed by its rows, then the sequences' values, then a trailer with the
 * per-table counts (a truncated file has no trailer and is refused).
 */
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { once } from 'node:events';
import type { Db, Queryable } from '../platform/db/index.js';
import { clock } from '../platform/clock.js';

export const BACKUP_FORMAT = 'agilepa-backup';
export const BACKUP_VERSION = 1;
const BATCH = 5000;
const MARK = '{"@agilepa":';

export interface MigrationRef {
  version: string;
  name: string;
}

export interface TableInfo {
  name: string;
  /** Columns that can be inserted (generated columns are left out), in table order. */
  columns: string[];
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Application tables: every ordinary or partitioned table of schema public but schema_migrations. */
export async function appTables(q: Queryable): Promise<TableInfo[]> {
  const r = await q.query<{ name: string; columns: string[] | null }>(
    `select c.relname as name,
            (select array_agg(a.attname::text order by a.attnum) from pg_attribute a
              where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '') as columns
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
        and c.relname <> 'schema_migrations'
      order by c.relname`,
  );
  return r.rows.map((t) => ({ name: t.name, columns: t.columns ?? [] }));
}

/** Tables ordered so that a table comes after the tables its foreign keys point to (cycles: as found). */
export async function dependencyOrder(q: Queryable, tables: TableInfo[]): Promise<TableInfo[]> {
  const r = await q.query<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid join pg_namespace cn on cn.oid = c.relnamespace
       join pg_class p on p.oid = k.confrelid
      where k.contype = 'f' and cn.nspname = 'public' and k.conrelid <> k.confrelid`,
  );
  const deps = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]));
  for (const { child, parent } of r.rows) if (deps.has(child) && deps.has(parent)) deps.get(child)!.add(parent);
  const byName = new Map(tables.map((t) => [t.name, t]));
  const out: TableInfo[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (done.has(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const p of deps.get(name) ?? []) visit(p);
    visiting.delete(name);
    done.add(name);
    out.push(byName.get(name)!);
  };
  for (const t of tables) visit(t.name);
  return out;
}

export async function appliedMigrations(q: Queryable): Promise<MigrationRef[]> {
  const exists = await q.query(`select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relname = 'schema_migrations'`);
  if (!exists.rows.length) return [];
  return (await q.query<MigrationRef>('select version, name from schema_migrations order by version')).rows;
}

async function sequences(q: Queryable): Promise<{ name: string; lastValue: string; isCalled: boolean }[]> {
  const names = (
    await q.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'S' order by c.relname`,
    )
  ).rows;
  const out = [];
  for (const { name } of names) {
    const r = await q.query<{ last_value: string; is_called: boolean }>(`select last_value::text as last_value, is_called from ${quoteIdent(name)}`);
    out.push({ name, lastValue: r.rows[0].last_value, isCalled: r.rows[0].is_called });
  }
  return out;
}

export interface BackupSummary {
  tables: Record<string, number>;
  migrations: MigrationRef[];
}

/** Writes a consistent snapshot of the database to `file` (gzip'd JSON lines), streaming in batches. */
export async function backupDatabase(db: Db, file: string): Promise<BackupSummary> {
  const tmp = `${file}.partial-${process.pid}`;
  const gzip = zlib.createGzip();
  // a backup holds every body's data: readable by its owner only
  const out = fs.createWriteStream(tmp, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  const counts: Record<string, number> = {};
  let migrations: MigrationRef[] = [];
  try {
    await db.ownerTx(async (tx) => {
      await tx.query('set transaction isolation level repeatable read, read only');
      await tx.query('set local row_security = off');
      migrations = await appliedMigrations(tx);
      if (!migrations.length) throw new BackupError('Il database non è ancora stato preparato: esegui prima "npx agilepa migrate".');
      await write(JSON.stringify({ '@agilepa': 'header', format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: clock.date().toISOString(), database: db.kind, migrations }));
      for (const t of await dependencyOrder(tx, await appTables(tx))) {
        await write(JSON.stringify({ '@agilepa': 'table', name: t.name, columns: t.columns }));
        let n = 0;
        await tx.query(`declare agilepa_backup no scroll cursor for select to_jsonb(t)::text as row from ${quoteIdent(t.name)} t`);
        for (;;) {
          const r = await tx.query<{ row: string }>(`fetch ${BATCH} from agilepa_backup`);
          for (const { row } of r.rows) await write(row);
          n += r.rows.length;
          if (r.rows.length < BATCH) break;
        }
        await tx.query('close agilepa_backup');
        counts[t.name] = n;
      }
      await write(JSON.stringify({ '@agilepa': 'sequences', values: await sequences(tx) }));
      await write(JSON.stringify({ '@agilepa': 'end', tables: counts }));
    });
    gzip.end();
    await once(out, 'close');
    fs.renameSync(tmp, file);
  } catch (err) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  return { tables: counts, migrations };
}

function sameMigrations(a: MigrationRef[], b: MigrationRef[]): boolean {
  return a.length === b.length && a.every((m, i) => m.version === b[i].version && m.name === b[i].name);
}

const list = (m: MigrationRef[]) => (m.length ? m.map((x) => x.name).join(', ') : 'nessuna');

/**
 * Replaces every application table's rows with the backup's, in one transaction: all or nothing.
 * Triggers and foreign-key checks are switched off for the transaction where the role may
 * (session_replication_role = replica); otherwise tables are filled parents first. The audit
 * chain keeps its original hashes (app.audit_restore = on).
 */
export async function restoreDatabase(db: Db, file: string): Promise<BackupSummary> {
  if (!fs.existsSync(file)) throw new BackupError(`Il file ${file} non esiste.`);
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async (): Promise<string | null> => {
    try {
      const r = await lines.next();
      return r.done ? null : r.value;
    } catch (err) {
      throw new BackupError(`Il file ${file} non è un backup di Agile PA leggibile (${(err as Error).message}).`);
    }
  };
  const control = (line: string | null): Record<string, any> | null => {
    if (line === null || !line.startsWith(MARK)) return null;
    try {
      return JSON.parse(line);
    } catch {
      throw new BackupError(`Il file ${file} è danneggiato: una riga di controllo non è JSON valido.`);
    }
  };

  const header = control(await next());
  if (!header || header['@agilepa'] !== 'header' || header.format !== BACKUP_FORMAT) throw new BackupError(`Il file ${file} non è un backup di Agile PA.`);
  if (header.version !== BACKUP_VERSION) throw new BackupError(`Il backup ha la versione di formato ${header.version}, questa versione di Agile PA legge la ${BACKUP_VERSION}.`);
  const backupMigrations: MigrationRef[] = header.migrations;
  const counts: Record<string, number> = {};

  await db.ownerTx(async (tx) => {
    const current = await appliedMigrations(tx);
    if (!sameMigrations(current, backupMigrations))
      throw new BackupError(
        `Il backup e il database hanno migrazioni diverse: ripristino rifiutato.\n  backup:   ${list(backupMigrations)}\n  database: ${list(current)}\n` +
          'Porta il database alla stessa versione del backup (npx agilepa migrate con la stessa versione di Agile PA) e riprova.',
      );
    await tx.query(`select set_config('app.audit_restore', 'on', true)`);
    await tx.query('set local row_security = off');
    await tx.query('savepoint agilepa_replica');
    let replica = true;
    try {
      await tx.query('set local session_replication_role = replica');
      await tx.query('release savepoint agilepa_replica');
    } catch {
      await tx.query('rollback to savepoint agilepa_replica');
      replica = false;
      await tx.query('set constraints all deferred');
    }
    const tables = await dependencyOrder(tx, await appTables(tx));
    const byName = new Map(tables.map((t) => [t.name, t]));
    if (tables.length) await tx.query(`truncate table ${tables.map((t) => quoteIdent(t.name)).join(', ')}`);

    // Rows arrive table by table, parents first (the backup is written in dependency order).
    let table: TableInfo | null = null;
    let batch: string[] = [];
    const flush = async () => {
      if (!table || !batch.length) return;
      const cols = table.columns.map(quoteIdent).join(', ');
      await tx.query(
        `insert into ${quoteIdent(table.name)} (${cols}) overriding system value
         select ${cols} from jsonb_populate_recordset(null::${quoteIdent(table.name)}, $1::jsonb)`,
        [`[${batch.join(',')}]`],
      );
      counts[table.name] = (counts[table.name] ?? 0) + batch.length;
      batch = [];
    };
    const seen = new Set<string>();
    let ended = false;
    for (;;) {
      const line = await next();
      if (line === null) break;
      const c = control(line);
      if (!c) {
        if (!table) throw new BackupError('Il backup è danneggiato: righe fuori da una tabella.');
        batch.push(line);
        if (batch.length >= BATCH) await flush();
        continue;
      }
      await flush();
      if (c['@agilepa'] === 'table') {
        const t = byName.get(c.name);
        if (!t) throw new BackupError(`Il backup contiene la tabella ${c.name}, che questo database non ha.`);
        if (JSON.stringify(t.columns) !== JSON.stringify(c.columns)) throw new BackupError(`Le colonne della tabella ${c.name} non corrispondono a quelle del backup.`);
        seen.add(t.name);
        counts[t.name] = 0;
        table = t;
      } else if (c['@agilepa'] === 'sequences') {
        table = null;
        for (const s of c.values as { name: string; lastValue: string; isCalled: boolean }[])
          await tx.query(`select setval($1::regclass, $2::bigint, $3)`, [quoteIdent(s.name), s.lastValue, s.isCalled]);
      } else if (c['@agilepa'] === 'end') {
        for (const [name, n] of Object.entries<number>(c.tables))
          if (counts[name] !== n) throw new BackupError(`Il backup è incompleto: la tabella ${name} ha ${counts[name] ?? 0} righe invece di ${n}.`);
        ended = true;
        break;
      } else throw new BackupError(`Il backup contiene una riga di controllo sconosciuta: ${c['@agilepa']}`);
    }
    if (!ended) throw new BackupError('Il backup è incompleto (manca la riga finale): il file è stato troncato? Nulla è stato ripristinato.');
    const missing = tables.filter((t) => !seen.has(t.name)).map((t) => t.name);
    if (missing.length) throw new BackupError(`Il backup non contiene le tabelle ${missing.join(', ')}.`);
    if (!replica) await tx.query('set constraints all immediate');
  });
  return { tables: counts, migrations: backupMigrations };
}
