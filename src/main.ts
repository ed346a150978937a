/** Start-up: configuration, database, migrations, demo data, HTTP server. */
import path from 'node:path';
import { loadConfig } from './platform/config.js';
import { openDb } from './platform/db/index.js';
import { prepareDatabase, seedDemo } from './app/prepare.js';
import { buildApp } from './app/build-app.js';
import { createMailer } from './platform/mail/index.js';
import { startPlatformWorker } from './platform/jobs/index.js';
import { moduleJobs } from './app/registry.js';

async function main() {
  const startedAt = performance.now();
  const config = loadConfig();
  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATABASE_URL ? undefined : path.join(config.dataDir) });
  await prepareDatabase(db);
  const demo = config.DEMO === 'yes' || (config.DEMO === 'auto' && db.kind === 'pglite');
  if (demo && (await seedDemo(db))) console.log('Dati dimostrativi caricati: vedi il README per gli accessi. / Demo data loaded.');
  const mailer = createMailer(config);
  const app = await buildApp({ config, db, mailer });
  const worker = config.JOBS === 'on' ? await startPlatformWorker({ config, db, mailer, logger: app.log, ...moduleJobs({ config, db, mailer }) }) : null;
  await app.listen({ port: config.PORT, host: config.HOST });
  const ms = Math.round(performance.now() - startedAt);
  console.log(`Agile PA pronto su ${config.publicUrl} (database: ${db.kind}, avvio in ${ms} ms)`);
  if (process.send) process.send({ ready: true, ms });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    await worker?.stop().catch(() => undefined);
    console.log(`${signal}: arresto in corso… / shutting down`);
    await app.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
