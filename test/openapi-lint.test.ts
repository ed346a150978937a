/**
 * The project's ModI ruleset (.spectral.yaml) must catch each fault it is there for, so that
 * `npm run lint:api` cannot pass by accident: a tiny document breaks every rule once, and its
 * corrected twin passes with no error.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'agilepa-spectral-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Finding {
  code: string;
  message: string;
  path: string[];
  severity: number; // 0 error, 1 warning
}

function lint(doc: object): Finding[] {
  const file = path.join(tmp, `doc-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));
  const r = spawnSync(path.join(ROOT, 'node_modules/.bin/spectral'), ['lint', file, '--ruleset', path.join(ROOT, '.spectral.yaml'), '--format', 'json', '--quiet'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const start = r.stdout.indexOf('[');
  if (start < 0) throw new Error(`spectral did not answer JSON: ${r.stdout}\n${r.stderr}`);
  return JSON.parse(r.stdout.slice(start)) as Finding[];
}

const rate = {
  'X-RateLimit-Limit': { $ref: '#/components/headers/Limit' },
  'X-RateLimit-Remaining': { $ref: '#/components/headers/Limit' },
  'X-RateLimit-Reset': { $ref: '#/components/headers/Limit' },
};
const problem = { description: 'Errore', headers: rate, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };

function goodDoc() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Prova',
      version: '1.0.0',
      description: 'Documento di prova',
      contact: { name: 'Prova', email: 'api@example.it' },
      license: { name: 'EUPL-1.2', url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12' },
    },
    servers: [{ url: 'https://api.example.it' }],
    tags: [{ name: 'bookings', description: 'Prenotazioni' }],
    paths: {
      '/bookings/{id}': {
        get: {
          operationId: 'showBooking',
          summary: 'Una prenotazione',
          description: 'Una prenotazione',
          tags: ['bookings'],
          security: [{ bearer: [] }],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', format: 'int64', minimum: 1, maximum: 9007199254740991 } }],
          responses: {
            '200': {
              description: 'La prenotazione',
              headers: { ...rate, 'Cache-Control': { schema: { type: 'string', maxLength: 100 } } },
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { seats: { type: 'number', format: 'double', minimum: 0, maximum: 1000 } } },
                },
              },
            },
            '404': problem,
            '429': { ...problem, headers: { ...rate, 'Retry-After': { $ref: '#/components/headers/Limit' } } },
          },
        },
      },
      '/status': {
        get: {
          operationId: 'readStatus',
          summary: 'Stato',
          description: 'Stato del servizio',
          tags: ['bookings'],
          security: [],
          responses: { '200': { description: 'Stato', headers: { ...rate, ETag: { schema: { type: 'string', maxLength: 100 } } } } },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      headers: { Limit: { description: 'Limite', schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 100000 } } },
      schemas: {
        Problem: {
          type: 'object',
          properties: { title: { type: 'string', maxLength: 100 }, status: { type: 'integer', format: 'int32', minimum: 100, maximum: 599 } },
        },
      },
    },
  };
}

describe('the ModI ruleset', () => {
  it('passes a document that follows every rule', () => {
    const errors = lint(goodDoc()).filter((f) => f.severity === 0);
    expect(errors).toEqual([]);
  });

  it('reports each rule on a document that breaks it', () => {
    const doc = goodDoc() as any;
    const op = doc.paths['/bookings/{id}'].get;
    op.operationId = 'getBooking'; // (e)
    delete op.security; // (f)
    op.responses['404'] = { description: 'Non trovato', headers: rate, content: { 'application/json': { schema: { type: 'object' } } } }; // (a)
    delete op.responses['200'].headers['X-RateLimit-Reset']; // (b)
    op.responses['429'] = problem; // (b) no Retry-After
    op.responses['200'].content['application/json'].schema.properties.seats = { type: 'number', minimum: 0 }; // (c) no format, no maximum
    op.parameters[0].schema = { type: 'integer', format: 'float', maximum: 10 }; // (c) wrong format
    doc.paths['/status'].get.responses['200'].headers = rate; // (d) no caching header
    doc.paths['/status'].get.operationId = 'statusDELETE_all';
    delete doc.info.contact;
    delete doc.info.license;
    doc.servers = [{ url: 'http://api.example.it' }, { url: 'http://localhost:3000' }];

    const found = lint(doc);
    const errors = found.filter((f) => f.severity === 0);
    const byRule = (code: string) => errors.filter((f) => f.code === code);
    const at = (code: string) => byRule(code).map((f) => f.path.join('.'));

    expect(at('modi-errors-problem-json')).toEqual(['paths./bookings/{id}.get.responses.404']);
    expect(byRule('modi-errors-problem-json')[0].message).toContain('application/problem+json');
    expect(byRule('modi-rate-limit-headers').map((f) => f.message)).toEqual(['La risposta 200 deve dichiarare l’intestazione X-RateLimit-Reset.']);
    expect(at('modi-retry-after-on-429')).toEqual(['paths./bookings/{id}.get.responses.429']);
    expect(byRule('modi-numbers-format-and-bounds').map((f) => f.message).sort()).toEqual([
      'Uno schema integer deve avere format int32 o int64 (trovato: float).',
      'Uno schema number deve avere format float o double.',
      'Uno schema number deve avere un limite superiore (maximum).',
    ]);
    expect(at('modi-cache-header-on-2xx')).toEqual(['paths./status.get.responses.200']);
    expect(at('modi-operation-id-no-http-method').sort()).toEqual(['paths./bookings/{id}.get.operationId', 'paths./status.get.operationId']);
    expect(at('modi-security-declared')).toEqual(['paths./bookings/{id}.get']);
    expect(byRule('modi-info-contact')).toHaveLength(1);
    expect(byRule('modi-info-license')).toHaveLength(1);
    expect(at('modi-servers-https')).toEqual(['servers.0.url']);
    // http on localhost: a warning only
    expect(found.filter((f) => f.code === 'modi-servers-https-localhost' && f.severity === 1).map((f) => f.path.join('.')).sort()).toEqual([
      'servers.0.url',
      'servers.1.url',
    ]);
  });

  it('tells method names from words that merely contain them', () => {
    const names = ['getBooking', 'GetBooking', 'booking_get', 'bookingPost', 'PUT_booking', 'patchBooking', 'deleteBooking', 'list-delete', 'statusDELETE'];
    const fine = ['OUTPUTS', 'listBookings', 'readPosts', 'updateOutput', 'targetBooking', 'removeBooking', 'showBudget', 'deletedItems'];
    const doc = goodDoc() as any;
    const template = doc.paths['/status'].get;
    doc.paths = Object.fromEntries(
      [...names, ...fine].map((id) => [`/x/${id}`, { get: { ...structuredClone(template), operationId: id } }]),
    );
    const flagged = lint(doc)
      .filter((f) => f.code === 'modi-operation-id-no-http-method')
      .map((f) => f.path[1].slice(3))
      .sort();
    expect(flagged).toEqual([...names].sort());
  });
});
