/** Enqueue a background job inside the caller's transaction (see ./index.ts). */
import type { Queryable } from '../db/index.js';
import { insertJob } from './jobs.repo.js';

export interface EnqueueOptions {
  /** Not before this instant (default: now). */
  runAt?: Date;
  /** De-duplication: a second job with the same key is not created (returns null). */
  uniqueKey?: string;
  /** Attempts before the job is marked failed (1–100, default 5). */
  maxAttempts?: number;
}

const TYPE_RE = /^[a-z][a-z0-9_.-]{0,99}$/;

/**
 * Adds a job in the caller's transaction: it exists if and only if that transaction commits.
 * Works as the application role (db.tx) or as the owner. Returns the job id, or null when
 * `uniqueKey` was already taken.
 */
export async function enqueue(tx: Queryable, type: string, payload: unknown, opts: EnqueueOptions = {}): Promise<number | null> {
  if (!TYPE_RE.test(type)) throw new Error(`Tipo di lavoro non valido: ${type}`);
  if (opts.maxAttempts !== undefined && (!Number.isInteger(opts.maxAttempts) || opts.maxAttempts < 1 || opts.maxAttempts > 100)) {
    throw new Error(`maxAttempts deve essere un intero tra 1 e 100: ${opts.maxAttempts}`);
  }
  if (opts.uniqueKey !== undefined && (opts.uniqueKey.length === 0 || opts.uniqueKey.length > 300)) {
    throw new Error('uniqueKey deve avere da 1 a 300 caratteri');
  }
  return insertJob(tx, type, payload ?? {}, opts.runAt ?? null, opts.uniqueKey ?? null, opts.maxAttempts ?? null);
}
