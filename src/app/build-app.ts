/** Builds the Fastify app from the platform and the modules. No I/O at import time. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import { z } from 'zod';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { responseSerializerCompiler } from '../platform/http/serializer.js';
import { registerSecurityHeaders } from '../platform/http/security-headers.js';
import { registerCallerLimit, registerRateLimit } from '../platform/http/rate-limit.js';
import { initSecretBox } from '../platform/secret-box.js';
import type { AppDeps } from '../platform/module.js';
import { errors } from '../platform/http/errors.js';
import { registerProblemHandling, sendClientErrorProblem, sendProblem, toAppError } from '../platform/http/problem.js';
import { completeOpenApi, SECURITY_SCHEMES } from '../platform/http/openapi.js';
import { registerIdempotency } from '../platform/http/idempotency.js';
import { registerAuth, SESSION_COOKIE } from '../platform/auth/plugin.js';
import { modules } from './registry.js';
import { clock } from '../platform/clock.js';
import { textProblems } from '../platform/text-rules.js';

z.config(z.locales.it());


export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');
export const BODY_LIMIT = 512 * 1024;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db } = deps;
  initSecretBox(config);
  const app = Fastify({
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: BODY_LIMIT,
    // which X-Forwarded-For entries count (TRUST_PROXY): none unless the operator names its proxies
    trustProxy: config.trustProxy as FastifyServerOptions['trustProxy'],
    ajv: { customOptions: { removeAdditional: false } },
    // Errors Fastify raises before routing (malformed URL, over-long parameter) are problems too.
    frameworkErrors: (err, _req, reply) => {
      sendProblem(reply, toAppError(err));
    },
    // ...and so are those Node's HTTP parser refuses before Fastify (431 headers too large, 400)
    clientErrorHandler: sendClientErrorProblem,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  app.decorateRequest('auth', null);
  registerProblemHandling(app);

  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        fontSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  // before sign-in is resolved: a flood of bad credentials is turned away without touching the database
  const rateLimit = {
    perCaller: config.RATE_LIMIT_MAX,
    perAddress: config.RATE_LIMIT_ADDRESS_MAX,
    failedPerAddress: config.RATE_LIMIT_FAILED_AUTH_MAX,
    hasCredentials: (req: FastifyRequest) => !!req.headers.authorization || (req.headers.cookie?.includes(`${SESSION_COOKIE}=`) ?? false),
    callerOf: (req: FastifyRequest) => (req.auth ? (req.auth.via === 'token' ? `t:${req.auth.tokenId}` : `u:${req.auth.userId}`) : null),
  };
  const limits = registerRateLimit(app, rateLimit);
  await app.register(cookie);
  await registerAuth(app, deps);
  registerCallerLimit(app, rateLimit, limits);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Agile PA API',
        version: '1.0.0',
        description: 'API di Agile PA: lavoro agile e servizi digitali per gli enti pubblici. / Agile PA API.',
        contact: { name: 'Agile PA', url: config.publicUrl, email: 'api@agilepa.localhost' },
        license: { name: 'EUPL-1.2', url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12' },
      },
      servers: [{ url: config.publicUrl }],
      components: { securitySchemes: structuredClone(SECURITY_SCHEMES) },
    },
    transform: jsonSchemaTransform,
  });

  // what people type: no control characters or bidi overrides anywhere, no line break in one-line fields
  app.addHook('preValidation', async (req) => {
    const found = [...textProblems(req.body, 'body'), ...textProblems(req.query, 'query'), ...textProblems(req.params, 'params')];
    if (found.length) throw errors.validation(found.map((e) => `${e.field}: ${e.message}`).join('; '), undefined, found.slice(0, 50));
  });

  registerIdempotency(app, db);

  await app.register(
    async (api) => {
      const typed = api.withTypeProvider<ZodTypeProvider>();
      typed.get(
        '/status',
        {
          schema: {
            operationId: 'readStatus',
            tags: ['platform'],
            summary: 'Stato del servizio e del database',
            security: [],
            response: {
              200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']), time: z.string() }),
            },
          },
        },
        async (_req, reply) => {
          try {
            await db.query('select 1');
          } catch {
            return sendProblem(reply, errors.databaseUnavailable());
          }
          return { status: 'ok' as const, database: db.kind, time: clock.date().toISOString() };
        },
      );
      typed.get('/openapi.json', { schema: { hide: true } }, async () => openApiDocument(app));
      for (const m of modules) if (m.routes) await api.register(m.routes, { deps });
    },
    { prefix: '/api/v1' },
  );

  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false, index: ['index.html'] });
    app.get('/*', { schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith('/api/')) return sendProblem(reply, errors.routeNotFound());
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }
  return app;
}

let cachedDoc: { app: FastifyInstance; doc: Record<string, unknown> } | null = null;

/** The OpenAPI 3.1 document of the API, generated from the route schemas and completed once. */
export function openApiDocument(app: FastifyInstance): Record<string, unknown> {
  if (cachedDoc?.app !== app) cachedDoc = { app, doc: completeOpenApi(structuredClone(app.swagger()) as Record<string, any>) };
  return cachedDoc.doc;
}
