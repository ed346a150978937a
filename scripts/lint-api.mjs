// `npm run lint:api`: builds the app on an in-memory database, writes its OpenAPI document to
// dist/openapi.json and lints it with the project's ModI ruleset (.spectral.yaml); any error fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument, root } from './lib/openapi-document.mjs';

const out = path.resolve(root, process.argv[2] ?? 'dist/openapi.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(await buildOpenApiDocument(), null, 2)}\n`);
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
