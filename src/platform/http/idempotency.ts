/**
 * `Idempotency-Key` on POST requests: the same key from the same caller with the same request
 * gets the first answer again (header `Idempotency-Replayed: true`) and the write happens once.
 * The same key with a different request is refused (422); a key whose first request is still
 * running gets 409. Keys live 24 hours. Server errors (5xx) are not kept, so the client may retry.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/index.js';
import { defineError, errors } from './errors.js';
import { sendProblem } from './problem.js';

const inProgress = defineError('request.idempotency_in_progress', {
  status: 409,
  title: 'Una richiesta con la stessa Idempotency-Key è ancora in corso: riprova tra poco',
  titleEn: 'A request with the same Idempotency-Key is still in progress',
});

const KEY_PATTERN = /^[\w\-.:]{8,200}$/;
/** A first request that never finished (process killed) frees its key after this long. */
const STALE_MS = 60_000;
export const IDEMPOTENCY_TTL_HOURS = 24;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { scope: string; key: string };
  }
}

/** Whose key it is: the person in the body they act for (the same key in two bodies is two requests), or the address when anonymous. */
function scopeOf(req: FastifyRequest): string {
  return req.auth ? `u:${req.auth.userId}:o:${req.auth.organizationId ?? '-'}` : `ip:${req.ip}`;
}

function hashOf(req: FastifyRequest): string {
  return crypto
    .createHash('sha256')
    .update(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`)
    .digest('hex');
}

/** Whether a route answers Idempotency-Key: the API's POST routes, sign-in and the other auth routes excepted. */
function takesKeys(method: string | string[], url: string): boolean {
  return (Array.isArray(method) ? method.includes('POST') : method === 'POST') && url.startsWith('/api/v1/') && !url.startsWith('/api/v1/auth/');
}

const hooksOf = <H>(h: H | H[] | undefined): H[] => (h === undefined ? [] : Array.isArray(h) ? h : [h]);

/**
 * Call before the API's routes are registered: their POST routes get the two hooks below (the
 * other routes, reads above all, do not run them at all).
 */
export function registerIdempotency(app: FastifyInstance, db: Db): void {
  const preHandler = async (req: FastifyRequest, reply: FastifyReply) => {
    const raw = req.headers['idempotency-key'];
    if (raw === undefined) return;
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!KEY_PATTERN.test(key)) {
      return sendProblem(
        reply,
        errors.validation('Idempotency-Key deve avere da 8 a 200 caratteri tra lettere, cifre e - _ . :', undefined, [
          { field: 'headers.idempotency-key', message: 'formato non valido' },
        ]),
      );
    }
    const scope = scopeOf(req);
    const hash = hashOf(req);
    const path = req.url.split('?')[0];
    const claimed = await db.ownerTx(async (tx) => {
      await tx.query(
        `delete from idempotency_keys where scope = $1 and key = $2
           and (created_at < now() - make_interval(hours => $3) or (status_code is null and created_at < now() - make_interval(secs => $4)))`,
        [scope, key, IDEMPOTENCY_TTL_HOURS, STALE_MS / 1000],
      );
      const ins = await tx.query(
        `insert into idempotency_keys (scope, key, method, path, request_hash) values ($1, $2, $3, $4, $5)
         on conflict (scope, key) do nothing returning key`,
        [scope, key, req.method, path, hash],
      );
      if (ins.rows.length) return null;
      const r = await tx.query<{ request_hash: string; status_code: number | null; response_body: string | null; content_type: string | null }>(
        'select request_hash, status_code, response_body, content_type from idempotency_keys where scope = $1 and key = $2',
        [scope, key],
      );
      return r.rows[0] ?? null;
    });
    if (!claimed) {
      req.idempotency = { scope, key };
      return;
    }
    if (claimed.request_hash !== hash) return sendProblem(reply, errors.idempotencyMismatch());
    if (claimed.status_code === null) return sendProblem(reply, inProgress());
    return reply
      .code(claimed.status_code)
      .header('content-type', claimed.content_type ?? 'application/json; charset=utf-8')
      .header('idempotency-replayed', 'true')
      .send(claimed.response_body ?? '');
  };

  const onSend = async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const idem = req.idempotency;
    if (!idem) return payload;
    req.idempotency = undefined;
    if (reply.statusCode >= 500) {
      await db.query('delete from idempotency_keys where scope = $1 and key = $2', [idem.scope, idem.key]);
    } else {
      const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : JSON.stringify(payload ?? null);
      await db.query('update idempotency_keys set status_code = $3, response_body = $4, content_type = $5 where scope = $1 and key = $2', [
        idem.scope,
        idem.key,
        reply.statusCode,
        body,
        String(reply.getHeader('content-type') ?? ''),
      ]);
    }
    return payload;
  };

  app.addHook('onRoute', (route) => {
    if (!takesKeys(route.method, route.url)) return;
    route.preHandler = [preHandler, ...hooksOf(route.preHandler)];
    route.onSend = [onSend, ...hooksOf(route.onSend)];
  });
}
