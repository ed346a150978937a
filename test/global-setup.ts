/**
 * Prepares one migrated database for the whole run; each test file then gets its own copy.
 * - PGlite (default): migrated once in memory and dumped; test files load the dump (~0.7 s).
 * - PostgreSQL (TEST_DATABASE_URL=postgresql://…/postgres): a template database is migrated once;
 *   each test file creates a fresh database from it and drops it at the end.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDb } from '../src/platform/db/index.js';
import { prepareDatabase } from '../src/app/prepare.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dbBackend: 'pglite' | 'postgresql';
    pgliteDump: string;
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const template = `agilepa_tpl_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${template}`);
    const db = await openDb({ databaseUrl: withDatabase(adminUrl, template), poolSize: 2 });
    await prepareDatabase(db);
    await db.close();
    project.provide('dbBackend', 'postgresql');
    project.provide('pgAdminUrl', adminUrl);
    project.provide('pgTemplate', template);
    project.provide('pgliteDump', '');
    return async () => {
      // Drop the template and any test database left behind by a crashed file.
      const left = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`agilepa_t%_${process.pid}_%`]);
      for (const { datname } of left.rows) await admin.query(`drop database if exists ${datname} with (force)`);
      await admin.end();
    };
  }
  const db = await openDb({});
  await prepareDatabase(db);
  const dump = await (db as unknown as { pglite: { dumpDataDir(c: 'none'): Promise<Blob> } }).pglite.dumpDataDir('none');
  await db.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'agilepa-test-')), 'template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('dbBackend', 'pglite');
  project.provide('pgliteDump', file);
  project.provide('pgAdminUrl', '');
  project.provide('pgTemplate', '');
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
