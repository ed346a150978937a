/**
 * The web app's API types (src/web/api/schema.ts) are generated from the OpenAPI document by
 * `npm run gen:api`: this test regenerates them from the app it builds and fails when the
 * committed file is stale, so a server schema cannot change without the web app seeing it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../src/app/build-app.js';
// @ts-expect-error: a plain ES module of the project's scripts, without type declarations
import { SCHEMA_FILE, webApiSchema } from '../scripts/lib/web-api-schema.mjs';
import { createTestApp, type TestApp } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('generated web API types', () => {
  it('are what `npm run gen:api` writes from the current OpenAPI document', async () => {
    const expected: string = await webApiSchema(openApiDocument(t.app));
    const committed = fs.readFileSync(path.join(ROOT, SCHEMA_FILE), 'utf8');
    expect(committed === expected, 'src/web/api/schema.ts is stale: run `npm run gen:api` and commit it').toBe(true);
  });

  it('name every operation of the document, so a new route reaches the web app', async () => {
    const doc = openApiDocument(t.app) as { paths: Record<string, Record<string, { operationId: string }>> };
    const committed = fs.readFileSync(path.join(ROOT, SCHEMA_FILE), 'utf8');
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(ids.length).toBeGreaterThan(100);
    for (const id of ids) expect(committed, id).toContain(`    ${id}: {`);
  });
});
