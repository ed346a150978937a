// `npm run test:on -- 2027-12-31 [vitest arguments]`: the whole suite as if it ran on that day
// (10:00 in Rome unless a time is given: 2027-03-27T23:30:00+01:00). See test/shift-clock.mjs.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [when, ...rest] = process.argv.slice(2);
if (!when) {
  console.error('Uso: npm run test:on -- AAAA-MM-GG[THH:MM:SS+01:00] [argomenti di vitest]');
  process.exit(64);
}
const instant = /^\d{4}-\d{2}-\d{2}$/.test(when) ? `${when}T10:00:00+01:00` : when;
if (!Number.isFinite(Date.parse(instant))) {
  console.error(`Data non valida: ${when}`);
  process.exit(64);
}
if (process.env.TEST_DATABASE_URL) {
  // PostgreSQL's now() follows the server's clock, which a test cannot move
  console.error('Con TEST_DATABASE_URL l’orologio non si sposta: il now() di PostgreSQL segue il server. Usate il database incorporato.');
  process.exit(64);
}
const preload = pathToFileURL(path.join(root, 'test/shift-clock.mjs')).href;
const env = { ...process.env, AGILEPA_TEST_NOW: instant, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${preload}`.trim() };
console.log(`Suite con l'orologio a ${instant}`);
const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...rest], { stdio: 'inherit', env, cwd: root });
process.exit(r.status ?? 1);
