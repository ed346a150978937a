/**
 * The database: PGlite (embedded, one connection per process) or PostgreSQL (a pool).
 * Both expose the same small interface; SQL lives in each module's repo file.
 *
 * Every request runs inside `db.tx(ctx, fn)`: a transaction that switches to the
 * application role (so row-level security applies even when the connecting user owns
 * the tables) and sets the tenant (`app.organization_id`), the user and the scope.
 *
 * On PostgreSQL the connections pipeline (docs/decisions/0007-pipelined-transactions.md):
 * statements issued without waiting for the previous one's answer are written at once and
 * answered in order, so a transaction costs fewer round trips. `begin` goes out together with
 * the transaction's first statement; statements a transaction hands to `tx.last()` go out
 * together with its `commit`. PGlite runs the same statements one after the other.
 *
 * A transaction that fails on a serialization failure or a deadlock (SQLSTATE 40001, 40P01) is
 * run again from the start, up to TX_ATTEMPTS times in all, after a short random pause that grows
 * with each attempt; then the error goes to the caller (the API answers 503 with Retry-After). So a
 * transaction's function must be safe to run again: its effects are its statements, and anything
 * else it does (dropping an in-process cache) must be harmless to repeat.
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

/** A transaction's statements. */
export interface Tx extends Queryable {
  /**
   * A statement already issued in this transaction (e.g. `tx.last(recordAudit(tx, …))`) whose
   * answer the use case does not need: the transaction commits without waiting for it first
   * (on PostgreSQL the commit is written right behind it), and if it fails the transaction is
   * rolled back and `tx()` throws its error. Nothing may depend on it having succeeded before
   * `tx()` returns.
   */
  last(statement: Promise<unknown>): void;
}

export interface Db extends Queryable {
  readonly kind: DbKind;
  /** A transaction as the application role with the given tenant context (RLS applies). */
  tx<T>(ctx: DbContext, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** A transaction as the owner (migrations, CLI, restore): RLS does not apply. */
  ownerTx<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The statements handed to `tx.last()`: collected, and awaited once the transaction's function is done. */
class LastStatements {
  private readonly pending: Promise<unknown>[] = [];
  /** Set when the function is done: a statement issued later (after an `await` inside a `tx.last()` promise) would miss the transaction. */
  ended = false;

  /** Throws when the transaction's function is done. */
  check(): void {
    if (this.ended) throw new Error('statement issued after the end of its transaction (tx.last() takes statements already issued)');
  }

  add(statement: Promise<unknown>): void {
    statement.catch(() => undefined); // settled later by `settle`; never an unhandled rejection meanwhile
    this.pending.push(statement);
  }

  /** Waits for every statement; throws the first failure (in the order they were issued). */
  async settle(): Promise<void> {
    const results = await Promise.allSettled(this.pending);
    for (const r of results) if (r.status === 'rejected') throw r.reason;
  }
}

/** How many times a transaction runs at most when it meets a serialization failure or a deadlock. */
export const TX_ATTEMPTS = 5;
const RETRYABLE = new Set(['40001', '40P01']);

/** Whether an error is a serialization failure or a deadlock, which a new attempt may not meet. */
export function isRetryableTxError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && RETRYABLE.has((err as { code?: string }).code ?? '');
}

/** Runs a transaction, again on a retryable failure, with jittered exponential pauses (≤ 5, 10, 20, 40 ms). */
async function withRetry<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (n >= TX_ATTEMPTS || !isRetryableTxError(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * 2 ** (n - 1)));
    }
  }
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

  /** The function's statements run one after the other; those handed to `last()` are awaited before the commit. */
  private async run<T>(t: { query: PGlite['query']; exec: PGlite['exec'] }, fn: (tx: Tx) => Promise<T>): Promise<T> {
    const last = new LastStatements();
    const result = await fn({
      query: async <R>(sql: string, params?: unknown[]) => {
        last.check();
        const r = await t.query<R>(sql, params as unknown[]);
        return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
      },
      exec: async (sql: string) => {
        last.check();
        await t.exec(sql);
      },
      last: (statement) => last.add(statement),
    });
    last.ended = true;
    await last.settle();
    return result;
  }

  tx<T>(ctx: DbContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
    return withRetry(() =>
      this.pglite.transaction(async (t) => {
        await t.query(CONTEXT_SQL, contextParams(ctx));
        return this.run(t, fn);
      }),
    );
  }

  ownerTx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return withRetry(() => this.pglite.transaction((t) => this.run(t, fn)));
  }

  async close(): Promise<void> {
    await this.pglite.close();
    this.lock?.release();
  }
}

/** `begin` and the tenant context in one simple query (values escaped by the driver). */
function beginWithContext(client: pg.PoolClient, ctx: DbContext): string {
  const [role, org, user, platform] = contextParams(ctx).map((v) => client.escapeLiteral(String(v)));
  return (
    `begin; select set_config('role', ${role}, true), set_config('app.organization_id', ${org}, true), ` +
    `set_config('app.user_id', ${user}, true), set_config('app.platform', ${platform}, true)`
  );
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

  /**
   * One transaction on one pooled connection, pipelined: `begin` (with the tenant context) is
   * written at once and `fn` starts without waiting for its answer, so its first statement goes
   * out right behind it; once `fn` is done, `commit` goes out right behind the statements handed
   * to `tx.last()`. If any of them failed, the server has turned the commit into a rollback and
   * the first error is thrown.
   */
  private async run<T>(ctx: DbContext | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const last = new LastStatements();
    const q: Tx = {
      query: async <R>(sql: string, params?: unknown[]) => {
        last.check();
        const r = await client.query(sql, params);
        return { rows: r.rows as R[], rowCount: r.rowCount ?? 0 };
      },
      exec: async (sql: string) => {
        last.check();
        await client.query(sql);
      },
      last: (statement) => last.add(statement),
    };
    let open = true;
    try {
      const begun = client.query(ctx ? beginWithContext(client, ctx) : 'begin');
      begun.catch(() => undefined); // awaited below, after fn
      const running = fn(q);
      const [b, r] = await Promise.allSettled([begun, running]);
      last.ended = true;
      if (b.status === 'rejected') throw b.reason;
      if (r.status === 'rejected') throw r.reason;
      const committed = client.query('commit');
      committed.catch(() => undefined); // awaited below, after the last statements
      const failed = await last.settle().then(
        () => null,
        (e: unknown) => e,
      );
      const c = await committed;
      open = false;
      if (failed) throw failed;
      if (c.command !== 'COMMIT') throw new Error(`transaction ended by ${c.command} instead of COMMIT`);
      return r.value;
    } catch (err) {
      if (open) await client.query('rollback').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  tx<T>(ctx: DbContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
    return withRetry(() => this.run(ctx, fn));
  }

  ownerTx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return withRetry(() => this.run(null, fn));
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
      // statements issued without awaiting the previous answer go out at once (see the top of this file)
      pipeline: true,
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
