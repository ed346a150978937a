// `npm run lint:api`: builds the app on an in-memory database, writes its OpenAPI document to
// dist/openapi.json and lints it with the project's ModI ruleset (.spectral.yaml); any error fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const load = (file) => tsImport(path.join(root, file), import.meta.url);

const [{ buildApp, openApiDocument }, { openDb }, { prepareDatabase }, { loadConfig }, { createMailer }] = await Promise.all([
  load('src/app/build-app.ts'),
  load('src/platform/db/index.ts'),
  load('src/app/prepare.ts'),
  load('src/platform/config.ts'),
  load('src/platform/mail/index.ts'),
]);

const out = path.resolve(root, process.argv[2] ?? 'dist/openapi.json');
const db = await openDb({});
try {
  await prepareDatabase(db);
  const env = { ...process.env, LOG_LEVEL: 'silent', JOBS: 'off', DATA_DIR: path.join(root, 'dist/lint-api-data') };
  delete env.DATABASE_URL;
  const config = loadConfig(env);
  const app = await buildApp({ config, db, mailer: createMailer(config) });
  await app.ready();
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(openApiDocument(app), null, 2)}\n`);
  await app.close();
} finally {
  await db.close();
  fs.rmSync(path.join(root, 'dist/lint-api-data'), { recursive: true, force: true });
}
const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
const operations = Object.values(doc.paths ?? {}).flatMap((item) => Object.keys(item)).length;
console.log(`Documento OpenAPI: ${path.relative(root, out)} (${operations} operazioni)`);

const spectral = path.join(root, 'node_modules/.bin/spectral');
const r = spawnSync(spectral, ['lint', out, '--ruleset', path.join(root, '.spectral.yaml'), '--fail-severity', 'error', '--display-only-failures'], {
  cwd: root,
  stdio: 'inherit',
});
if (r.status !== 0) {
  console.error('lint:api: il documento OpenAPI non rispetta le regole ModI del progetto (vedi sopra).');
  process.exit(r.status ?? 1);
}
console.log('lint:api: nessun errore.');
