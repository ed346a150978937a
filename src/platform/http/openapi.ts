/**
 * Completes the generated OpenAPI document with what every operation shares, in one place:
 * problem+json responses for errors, the X-RateLimit-* headers, a caching header on 2xx and the
 * security schemes. The project's ModI ruleset (.spectral.yaml) checks the result.
 */
type Json = Record<string, any>;

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string', format: 'uri-reference', maxLength: 200 },
    title: { type: 'string', maxLength: 300, description: 'Titolo in italiano' },
    status: { type: 'integer', format: 'int32', minimum: 100, maximum: 599 },
    code: { type: 'string', maxLength: 100, description: 'Codice stabile, per esempio booking.capacity_exceeded' },
    detail: { type: 'string', maxLength: 4000 },
    instance: { type: 'string', format: 'uri-reference', maxLength: 2000 },
    errors: {
      type: 'array',
      maxItems: 200,
      items: {
        type: 'object',
        properties: { field: { type: 'string', maxLength: 300 }, message: { type: 'string', maxLength: 1000 } },
      },
    },
  },
};

const RATE_HEADERS = {
  'X-RateLimit-Limit': { $ref: '#/components/headers/X-RateLimit-Limit' },
  'X-RateLimit-Remaining': { $ref: '#/components/headers/X-RateLimit-Remaining' },
  'X-RateLimit-Reset': { $ref: '#/components/headers/X-RateLimit-Reset' },
};

const ERROR_RESPONSES: Record<string, string> = {
  '400': 'Richiesta non valida',
  '401': 'Accesso richiesto',
  '403': 'Operazione non consentita',
  '404': 'Non trovato',
  '429': 'Troppe richieste',
  '500': 'Errore interno',
  '503': 'Servizio non disponibile',
};

/**
 * The ways to authenticate. Also given to @fastify/swagger when it is registered, so that a route
 * may declare its own `security` (e.g. `[{ bearer: [] }]` for an integration called with a token only).
 */
export const SECURITY_SCHEMES = {
  session: { type: 'apiKey', in: 'cookie', name: 'agilepa_session', description: 'Sessione del browser (con intestazione X-CSRF-Token sulle scritture)' },
  bearer: { type: 'http', scheme: 'bearer', description: 'Token personale per le integrazioni' },
} as const;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const NOT_SCHEMAS = new Set(['example', 'examples', 'default', 'enum', 'const']);

/**
 * Numbers need a `format` (ModI): zod does not emit one, so it is derived here from the bounds:
 * int32 when both bounds fit, int64 otherwise; double for non-integers.
 */
function addNumberFormats(node: unknown): void {
  if (Array.isArray(node)) {
    for (const n of node) addNumberFormats(n);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const s = node as Json;
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (s.format === undefined) {
    if (types.includes('integer')) {
      const fits = typeof s.minimum === 'number' && s.minimum >= INT32_MIN && typeof s.maximum === 'number' && s.maximum <= INT32_MAX;
      s.format = fits ? 'int32' : 'int64';
    } else if (types.includes('number')) s.format = 'double';
  }
  for (const [k, v] of Object.entries(s)) if (!NOT_SCHEMAS.has(k)) addNumberFormats(v);
}

/** Operations that declare `security: []` in their route schema are public; all others need a session or a token. */
export function completeOpenApi(doc: Json): Json {
  doc.components ??= {};
  doc.components.schemas ??= {};
  doc.components.schemas.Problem = PROBLEM_SCHEMA;
  doc.components.headers = {
    ...(doc.components.headers ?? {}),
    'X-RateLimit-Limit': { description: 'Richieste ammesse nella finestra', schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 1000000 } },
    'X-RateLimit-Remaining': { description: 'Richieste ancora ammesse nella finestra', schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 1000000 } },
    'X-RateLimit-Reset': { description: 'Secondi alla fine della finestra', schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 86400 } },
    'Retry-After': { description: 'Secondi da attendere', schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 86400 } },
    'Cache-Control': { description: 'Regole di cache della risposta', schema: { type: 'string', maxLength: 200 } },
  };
  doc.components.securitySchemes = SECURITY_SCHEMES;
  doc.components.responses = {
    ...(doc.components.responses ?? {}),
    ...Object.fromEntries(
      Object.entries(ERROR_RESPONSES).map(([status, description]) => [
        `Problem${status}`,
        {
          description,
          headers: status === '429' ? { ...RATE_HEADERS, 'Retry-After': { $ref: '#/components/headers/Retry-After' } } : RATE_HEADERS,
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      ]),
    ),
  };
  addNumberFormats(doc.paths);
  addNumberFormats(doc.components.schemas);
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      op.operationId ??= defaultOperationId(method, path);
      op.responses ??= {};
      for (const [status, res] of Object.entries<Json>(op.responses)) {
        if (Number(status) >= 400 || status === 'default') {
          // Errors are problem+json: replace whatever the route declared with the shared response.
          const shared = `Problem${status}`;
          if (doc.components.responses[shared]) op.responses[status] = { $ref: `#/components/responses/${shared}` };
          else
            op.responses[status] = {
              description: res.description ?? 'Errore',
              headers: RATE_HEADERS,
              content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
            };
          continue;
        }
        res.headers = { ...RATE_HEADERS, ...(res.headers ?? {}) };
        if (status.startsWith('2')) res.headers['Cache-Control'] = { $ref: '#/components/headers/Cache-Control' };
      }
      for (const status of ['400', '429', '500', '503']) op.responses[status] ??= { $ref: `#/components/responses/Problem${status}` };
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      if (!isPublic) {
        op.responses['401'] ??= { $ref: '#/components/responses/Problem401' };
        op.responses['403'] ??= { $ref: '#/components/responses/Problem403' };
      }
      op.security ??= [{ session: [] }, { bearer: [] }];
    }
  }
  return doc;
}

function defaultOperationId(method: string, path: string): string {
  const verb = { get: 'read', post: 'submit', put: 'replace', patch: 'modify', delete: 'remove' }[method] ?? method;
  const words = path
    .replace(/^\/api\/v1\//, '')
    .split(/[/{}-]+/)
    .filter(Boolean);
  return verb + words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}
