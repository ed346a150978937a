/**
 * The one place where errors become application/problem+json (RFC 9457).
 * Every response of status >= 400 that the API sends goes through here.
 */
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, errors, withExtra, type FieldError } from './errors.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [key: string]: unknown;
}

export function problemOf(err: AppError, instance?: string): Problem {
  return {
    type: `urn:agilepa:problem:${err.code}`,
    title: err.title,
    status: err.status,
    code: err.code,
    ...(err.detail ? { detail: err.detail } : {}),
    ...(instance ? { instance } : {}),
    ...(err.errors?.length ? { errors: err.errors } : {}),
    ...(err.extra ?? {}),
  };
}

/** Sends the problem document; an error whose data carries `retryAfter` (seconds) also sets Retry-After. */
export function sendProblem(reply: FastifyReply, err: AppError): FastifyReply {
  const retryAfter = err.extra?.retryAfter;
  if (typeof retryAfter === 'number' && Number.isFinite(retryAfter)) reply.header('retry-after', String(Math.max(0, Math.ceil(retryAfter))));
  return reply
    .code(err.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(problemOf(err, reply.request.url.split('?')[0]));
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers above 16 KiB, a broken
 * request line) still get a problem document: the server's `clientErrorHandler`.
 */
export function sendClientErrorProblem(err: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const e = err.code === 'HPE_HEADER_OVERFLOW' ? errors.headersTooLarge() : errors.malformedRequest();
  const body = JSON.stringify(problemOf(e));
  const reason = e.status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
  socket.end(
    `HTTP/1.1 ${e.status} ${reason}\r\ncontent-type: application/problem+json; charset=utf-8\r\ncache-control: no-store\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

const PG_CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001', '08003']);

/** Maps any thrown value to a domain error. Unknown errors become a 500 (and are logged). */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as { validationContext?: string }).validationContext ?? 'body';
    const list = err.validation.map((v) => ({
      field: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'valore non valido',
    }));
    return errors.validation(list.map((e) => `${e.field}: ${e.message}`).join('; '), undefined, list);
  }
  if (isResponseSerializationError(err)) return errors.internal();
  const e = err as FastifyError & { code?: string; status?: number };
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return errors.malformedJson(e.message);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errors.bodyTooLarge();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return errors.unsupportedMediaType();
    // PostgreSQL: data that the schema refuses is the client's fault, not a crash.
    case '22P02': // invalid_text_representation
    case '22007': // invalid_datetime_format
    case '22008': // datetime_field_overflow
    case '22003': // numeric_value_out_of_range
    case '22001': // string_data_right_truncation
    case '22021': // character_not_in_repertoire (e.g. a NUL byte in a text)
    case '22P05': // untranslatable_character
    case '54000': // program_limit_exceeded (e.g. a value too long for an index)
      return errors.validation('Un valore non è nel formato o nell’intervallo ammesso.');
    case '23505':
      return errors.conflict('Esiste già un elemento con gli stessi dati.');
    case '23503':
      return errors.validation('Un riferimento indica un elemento che non esiste.');
    case '23514':
    case '23P01':
      return errors.conflict('I dati violano una regola di integrità.');
    case '42501':
      return errors.forbidden();
    // still meeting other transactions after the transaction helper's retries (platform/db)
    case '40001':
    case '40P01':
      return errors.databaseBusy(undefined, { retryAfter: 1 });
  }
  if (e.code && PG_CONNECTION_CODES.has(e.code)) return errors.databaseUnavailable();
  if (e.code === 'FST_ERR_NOT_FOUND') return errors.routeNotFound();
  if (e.code === 'FST_ERR_BAD_URL') return errors.validation('L’indirizzo contiene caratteri non validi.');
  if (e.code === 'FST_ERR_MAX_PARAM_LENGTH' || e.statusCode === 414) return errors.uriTooLong();
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    if (e.statusCode === 413) return errors.bodyTooLarge();
    if (e.statusCode === 415) return errors.unsupportedMediaType();
    if (e.statusCode === 429) return errors.rateLimited();
    return errors.validation(e.message);
  }
  return errors.internal();
}

/**
 * The error handler that turns every error into a problem. `extraMembers` adds members to every
 * problem of the routes it handles: a plugin that must speak another system's error format on top
 * of problem+json (Jitsi's reservation module reads `message`) sets it with
 * `app.setErrorHandler(problemErrorHandler((e) => ({ message: e.detail ?? e.title })))`.
 */
export function problemErrorHandler(extraMembers?: (err: AppError) => Record<string, unknown>) {
  return (err: unknown, request: FastifyRequest, reply: FastifyReply) => {
    let appErr = toAppError(err);
    if (appErr.status >= 500) request.log.error({ err }, 'request failed');
    if (extraMembers) appErr = withExtra(appErr, extraMembers(appErr));
    return sendProblem(reply, appErr);
  };
}

export function registerProblemHandling(app: FastifyInstance): void {
  app.setErrorHandler(problemErrorHandler());
  app.setNotFoundHandler((request, reply) => sendProblem(reply, errors.routeNotFound(`${request.method} ${request.url.split('?')[0]}`)));
}
