/** Test databases and apps: a fresh migrated database per call, on PGlite or PostgreSQL. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDb, type Db } from '../src/platform/db/index.js';
import { loadConfig, type Config } from '../src/platform/config.js';
import { buildApp } from '../src/app/build-app.js';
import { createMailer } from '../src/platform/mail/index.js';

let counter = 0;

export function backend(): 'pglite' | 'postgresql' {
  return inject('dbBackend');
}

/** A fresh database with every migration and bootstrap applied. Close it at the end of the test. */
export async function createTestDb(opts: { poolSize?: number } = {}): Promise<Db & { url?: string }> {
  if (backend() === 'postgresql') {
    const adminUrl = inject('pgAdminUrl');
    const name = `agilepa_t${counter++}_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
    } finally {
      await admin.end();
    }
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    const db = await openDb({ databaseUrl: u.toString(), poolSize: opts.poolSize ?? 10 });
    const close = db.close.bind(db);
    return Object.assign(db, {
      url: u.toString(),
      close: async () => {
        await close();
        const a = new pg.Client({ connectionString: adminUrl });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`).finally(() => a.end());
      },
    });
  }
  const dump = fs.readFileSync(inject('pgliteDump'));
  return openDb({ loadDataDir: new Blob([dump]) });
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agilepa-data-'));
  return loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, JOBS: 'off', RATE_LIMIT_MAX: '100000', RATE_LIMIT_ADDRESS_MAX: '100000', RATE_LIMIT_FAILED_AUTH_MAX: '100000', NODE_ENV: 'test', ...overrides });
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  config: Config;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDb();
  const config = testConfig(overrides);
  const app = await buildApp({ config, db, mailer: createMailer(config) });
  await app.ready();
  return {
    app,
    db,
    config,
    close: async () => {
      await app.close();
      await db.close();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
