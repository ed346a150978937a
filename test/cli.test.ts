/**
 * `npx agilepa …` as operators run it: the real bin as a child process, on the suite's database
 * (a temporary PGlite data directory, or a fresh PostgreSQL database with DATABASE_URL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../src/platform/db/index.js';
import { backend, createTestDb } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/agilepa.mjs');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a child: this process's, without DATABASE_URL unless given. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', ...env };
  if (!env.DATABASE_URL) delete out.DATABASE_URL;
  return out;
}

function run(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: childEnv(env),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'agilepa-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('help and usage errors', () => {
  it('prints the Italian help with every command', async () => {
    const r = await run(['--help'], {});
    expect(r.code).toBe(0);
    for (const c of ['migrate', 'seed --demo', 'create-user', 'create-token', 'backup FILE', 'restore FILE']) expect(r.stdout).toContain(c);
    expect(r.stdout).toContain('Comandi:');
  });

  it('refuses an unknown command, a missing option and an unknown role with exit 64 and an Italian message', async () => {
    const unknown = await run(['explode'], {});
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain('Comando sconosciuto: explode');
    const missing = await run(['create-user', '--email', 'a@b.it'], { DATA_DIR: path.join(tmp, 'never') });
    expect(missing.code).toBe(64);
    expect(missing.stderr).toContain('Manca l’opzione obbligatoria --password');
    const role = await run(['create-user', '--email', 'a@b.it', '--password', 'x'.repeat(14), '--organization', '001272', '--role', 'king'], {
      DATA_DIR: path.join(tmp, 'never'),
    });
    expect(role.code).toBe(64);
    expect(role.stderr).toContain('Ruolo sconosciuto: king');
    const seed = await run(['seed'], { DATA_DIR: path.join(tmp, 'never') });
    expect(seed.code).toBe(64);
    expect(fs.existsSync(path.join(tmp, 'never'))).toBe(false); // usage errors never open the database
  });
});

describe(`commands on ${backend()}`, () => {
  let env: Record<string, string>;
  let pgDb: (Db & { url?: string }) | null = null;
  /** Opens the command's database after the command has exited (PGlite: one process at a time). */
  const inspect = async <T>(fn: (db: Db) => Promise<T>): Promise<T> => {
    if (pgDb) return fn(pgDb);
    const db = await openDb({ dataDir: env.DATA_DIR });
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  };

  beforeAll(async () => {
    if (backend() === 'postgresql') {
      // A database with nothing in it: `migrate` must build everything.
      pgDb = await createTestDb();
      await pgDb.ownerTx((tx) => tx.exec('drop schema public cascade; create schema public'));
      env = { DATABASE_URL: pgDb.url! };
    } else env = { DATA_DIR: path.join(tmp, 'data') };
  });
  afterAll(async () => pgDb?.close());

  it('migrate builds the database, then finds it up to date', async () => {
    const first = await run(['migrate'], env);
    expect(first.stderr).toContain('Migrazioni applicate');
    expect(first.code).toBe(0);
    const again = await run(['migrate'], env);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('già aggiornato');
    const n = await inspect((db) => db.query<{ n: number }>(`select count(*)::int as n from schema_migrations`));
    expect(n.rows[0].n).toBeGreaterThan(1);
  });

  it('create-user gives a person roles in a body found by ISTAT code, and refuses unknown codes and duplicates', async () => {
    const args = ['create-user', '--email', 'Anna.Rossi@Comune.Torino.it', '--password', 'una-password-lunga', '--organization', '001272', '--role', 'body_admin', '--role', 'hr_manager'];
    const ok = await run(args, env);
    expect(ok.stderr).toContain('creato in Torino');
    expect(ok.code).toBe(0);
    const roles = await inspect((db) =>
      db.query<{ role: string }>(`select m.role from memberships m join users u on u.id = m.user_id where u.email = 'anna.rossi@comune.torino.it' order by 1`),
    );
    expect(roles.rows.map((r) => r.role)).toEqual(['body_admin', 'hr_manager']);
    const dup = await run(args, env);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('Esiste già un utente');
    const nowhere = await run(['create-user', '--email', 'b@b.it', '--password', 'una-password-lunga', '--organization', '999999', '--role', 'employee'], env);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toContain('nessun ente ha il codice 999999');
  });

  it('create-token prints only the token, which is stored hashed', async () => {
    const r = await run(['create-token', '--email', 'anna.rossi@comune.torino.it', '--name', 'integrazione'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^apa_[\w-]{20,}\n$/);
    const token = r.stdout.trim();
    const rows = await inspect((db) => db.query<{ name: string; prefix: string }>(`select name, prefix from api_tokens`));
    expect(rows.rows).toEqual([{ name: 'integrazione', prefix: token.slice(0, 10) }]);
    const none = await run(['create-token', '--email', 'nessuno@example.it'], env);
    expect(none.code).toBe(1);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('nessun utente');
  });

  it('backup then restore brings back exactly the saved rows', async () => {
    const file = path.join(tmp, 'cli-backup.jsonl.gz');
    const b = await run(['backup', file], env);
    expect(b.stderr).toContain('Backup salvato');
    expect(b.code).toBe(0);
    const users = `select string_agg(email, ',' order by email) as emails from users`;
    const saved = await inspect((db) => db.query<{ emails: string }>(users));
    expect((await run(['create-user', '--email', 'dopo@comune.it', '--password', 'una-password-lunga', '--organization', '001272', '--role', 'employee'], env)).code).toBe(0);
    const r = await run(['restore', file], env);
    expect(r.stderr).toContain('Ripristino completato');
    expect(r.code).toBe(0);
    expect(await inspect((db) => db.query<{ emails: string }>(users))).toEqual(saved);
    const missing = await run(['restore', path.join(tmp, 'missing.gz')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('non esiste');
  });

  it('seed --demo loads the demo once', async () => {
    const r = await run(['seed', '--demo'], env);
    expect(r.code).toBe(0);
    const again = await run(['seed', '--demo'], env);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('già stati caricati');
  });
});

describe('the embedded database held by the server', () => {
  let server: ChildProcess | null = null;
  afterAll(() => {
    server?.kill('SIGTERM');
  });

  it('refuses with exit 2 and a clear message, never a second open', async () => {
    const dataDir = path.join(tmp, 'held');
    server = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main.ts')], {
      cwd: ROOT,
      env: childEnv({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DEMO: 'no', JOBS: 'off' }),
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    server.stderr!.on('data', (d) => (stderr += d));
    await new Promise<void>((resolve, reject) => {
      server!.on('message', () => resolve());
      server!.on('exit', (code) => reject(new Error(`server exited ${code}: ${stderr}`)));
    });
    for (const args of [['migrate'], ['backup', path.join(tmp, 'never.gz')]]) {
      const r = await run(args, { DATA_DIR: dataDir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`già aperto dal processo ${server.pid}`);
    }
    expect(fs.existsSync(path.join(tmp, 'never.gz'))).toBe(false);
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
    server = null;
    // once the server is gone, the command works
    const r = await run(['migrate'], { DATA_DIR: dataDir });
    expect(r.code).toBe(0);
    // a first start on a new data directory (migrations, the official list) and three commands: on
    // a loaded 2-core machine this passed 60 s once
  }, 180_000);
});
