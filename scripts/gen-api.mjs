// `npm run gen:api`: writes the web app's API types (src/web/api/schema.ts) from the OpenAPI document.
import fs from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument, root } from './lib/openapi-document.mjs';
import { SCHEMA_FILE, webApiSchema } from './lib/web-api-schema.mjs';

const text = await webApiSchema(await buildOpenApiDocument());
fs.writeFileSync(path.join(root, SCHEMA_FILE), text);
console.log(`gen:api: ${SCHEMA_FILE} scritto (${text.split('\n').length} righe).`);
