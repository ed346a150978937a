/**
 * The database: PGlite (embedded, one connection per process) or PostgreSQL (a pool).
 * Both expose the same small interface; SQL lives in each module's repo file.
 *
 * Every request runs inside `db.tx(ctx, fn)`: a transaction that switches to the
 * application role (so row-level security applies even when the connecting user owns
 * the tables) and sets the tenant (`app.organization_id`), the user and the scope.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { acquireDataDirLock, type DataDirLock } from './lock.js';

export const APP_ROLE = 'agilepa_app';

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Runs a script of several statements, without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** Who is acting: the tenant (organization) and the user; `platform` lifts the tenant filter. */
export interface DbContext {
  userId?: string | null;
  organizationId?: string | null;
  platform?: boolean;
}

export type DbKind = 'pglite' | 'postgresql';

export interface Db extends Queryable {
  readonly kind: DbKind;
  /** A transaction as the application role with the given tenant context (RLS applies). */
  tx<T>(ctx: DbContext, fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** A transaction as the owner (migrations, CLI, restore): RLS does not apply. */
  ownerTx<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const CONTEXT_SQL = `select set_config('role', $1, true), set_config('app.organization_id', $2, true),
  set_config('app.user_id', $3, true), set_config('app.platform', $4, true)`;

function contextParams(ctx: DbContext): unknown[] {
  return [APP_ROLE, ctx.organizationId ?? '', ctx.userId ?? '', ctx.platform ? 'on' : 'off'];
}

const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;

class PgliteDb implements Db {
  readonly kind = 'pglite' as const;
  constructor(
    readonly pglite: PGlite,
    private readonly lock: DataDirLock | null,
  ) {}

  async query<T>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
    const r = await this.pglite.query<T>(sql, params as unknown[]);
    return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
  }

  async exec(sql: string): Promise<void> {
    await this.pglite.exec(sql);
  }

  private wrap(t: { query: PGlite['query']; exec: PGlite['exec'] }): Queryable {
    return {
      query: async <T>(sql: string, params?: unknown[]) => {
        const r = await t.query<T>(sql, params as unknown[]);
        return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
      },
      exec: async (sql: string) => {
        await t.exec(sql);
      },
    };
  }

  tx<T>(ctx: DbContext, fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.pglite.transaction(async (t) => {
      await t.query(CONTEXT_SQL, contextParams(ctx));
      return fn(this.wrap(t));
    });
  }

  ownerTx<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.pglite.transaction((t) => fn(this.wrap(t)));
  }

  async close(): Promise<void> {
    await this.pglite.close();
    this.lock?.release();
  }
}

class PostgresDb implements Db {
  readonly kind = 'postgresql' as const;
  constructor(readonly pool: pg.Pool) {}

  async query<T>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
    const r = await this.pool.query(sql, params);
    return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  private async run<T>(ctx: DbContext | null, fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const q: Queryable = {
      query: async <R>(sql: string, params?: unknown[]) => {
        const r = await client.query(sql, params);
        return { rows: r.rows as R[], rowCount: r.rowCount ?? 0 };
      },
      exec: async (sql: string) => {
        await client.query(sql);
      },
    };
    try {
      // One round trip: begin and the tenant context together (values escaped by the driver).
      if (ctx) {
        const [role, org, user, platform] = contextParams(ctx).map((v) => client.escapeLiteral(String(v)));
        await client.query(
          `begin; select set_config('role', ${role}, true), set_config('app.organization_id', ${org}, true), ` +
            `set_config('app.user_id', ${user}, true), set_config('app.platform', ${platform}, true)`,
        );
      } else await client.query('begin');
      const result = await fn(q);
      await client.query('commit');
      return result;
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  tx<T>(ctx: DbContext, fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.run(ctx, fn);
  }

  ownerTx<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.run(null, fn);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

export interface OpenDbOptions {
  /** postgresql://… ; without it the embedded PGlite database is used. */
  databaseUrl?: string;
  /** PGlite data directory; omitted means in memory. */
  dataDir?: string;
  /** A PGlite dump (from `dumpDataDir`) to start from, for fast test databases. */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDb(opts: OpenDbOptions): Promise<Db> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 20,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === INT8) return (v: string) => Number(v);
          if (oid === DATE) return (v: string) => v;
          return pg.types.getTypeParser(oid, format);
        }) as typeof pg.types.getTypeParser,
      },
    });
    pool.on('error', () => undefined); // an idle client dropped by the server: the pool replaces it
    return new PostgresDb(pool);
  }
  let lock: DataDirLock | null = null;
  let dataDir: string | undefined;
  if (opts.dataDir) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    lock = acquireDataDirLock(opts.dataDir);
    dataDir = path.join(opts.dataDir, 'pgdata');
  }
  try {
    const pglite = await PGlite.create({
      dataDir,
      loadDataDir: opts.loadDataDir,
      extensions: { pg_trgm, btree_gist },
      parsers: {
        [INT8]: (v: string) => Number(v),
        [DATE]: (v: string) => v,
        [NUMERIC]: (v: string) => v,
      },
    });
    return new PgliteDb(pglite, lock);
  } catch (err) {
    lock?.release();
    throw err;
  }
}

export { pgliteTypes };
