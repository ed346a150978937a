/** What every command of `npx agilepa` provides, and the database they share. */
import path from 'node:path';
import { loadConfig, type Config } from '../platform/config.js';
import { openDb, type Db } from '../platform/db/index.js';

export interface Command {
  name: string;
  /** One line of Italian help. */
  summary: string;
  /** Usage line(s) after `npx agilepa`. */
  usage: string;
  /** Runs the command; returns the exit code. Throws UsageError for bad arguments. */
  run(argv: string[]): Promise<number>;
}

/** Exit codes: 0 done, 1 failed, 2 the embedded database is held by another process, 64 bad usage. */
export const EXIT = { ok: 0, failed: 1, locked: 2, usage: 64 } as const;

/** Opens the database exactly as the server does (src/main.ts): DATABASE_URL, or PGlite in DATA_DIR. */
export async function withDb<T>(fn: (db: Db, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATABASE_URL ? undefined : path.join(config.dataDir) });
  try {
    return await fn(db, config);
  } finally {
    await db.close();
  }
}

/** Messages go to stderr so that stdout carries only a command's result (e.g. the token). */
export function say(message: string): void {
  process.stderr.write(`${message}\n`);
}
