// The API's OpenAPI document as the running app serves it at /api/v1/openapi.json: the app is built
// on an in-memory database with jobs off, asked for its document, and closed again.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const load = (file) => tsImport(path.join(root, file), import.meta.url);

export async function buildOpenApiDocument() {
  const [{ buildApp, openApiDocument }, { openDb }, { prepareDatabase }, { loadConfig }, { createMailer }] = await Promise.all([
    load('src/app/build-app.ts'),
    load('src/platform/db/index.ts'),
    load('src/app/prepare.ts'),
    load('src/platform/config.ts'),
    load('src/platform/mail/index.ts'),
  ]);
  const dataDir = fs.mkdtempSync(path.join(root, 'dist-openapi-'));
  const db = await openDb({});
  try {
    await prepareDatabase(db);
    const env = { ...process.env, LOG_LEVEL: 'silent', JOBS: 'off', DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    const config = loadConfig(env);
    const app = await buildApp({ config, db, mailer: createMailer(config) });
    await app.ready();
    const doc = openApiDocument(app);
    await app.close();
    return doc;
  } finally {
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
