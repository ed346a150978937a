/**
 * Domain errors: a stable `code`, an HTTP status and an Italian title (English second).
 * Modules declare theirs in `<module>.errors.ts` with `defineError`; the only place that turns
 * them into problem+json is `problem.ts`.
 */
export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly title: string,
    readonly titleEn: string,
    readonly detail?: string,
    /** Extra members of the problem document (e.g. the overflowing instants of a booking). */
    readonly extra?: Record<string, unknown>,
    readonly errors?: FieldError[],
  ) {
    // a refusal (4xx) is an answer, not a fault: no stack trace to capture (it costs µs per request)
    const limit = Error.stackTraceLimit;
    if (status < 500) Error.stackTraceLimit = 0;
    super(`${code}: ${detail ?? titleEn}`);
    Error.stackTraceLimit = limit;
    this.name = 'AppError';
  }
}

export interface ErrorSpec {
  status: number;
  title: string;
  titleEn: string;
}

/** Builds a factory for one error code: `const notFound = defineError('x.not_found', {...}); throw notFound('detail')`. */
export function defineError(code: string, spec: ErrorSpec) {
  const make = (detail?: string, extra?: Record<string, unknown>, errors?: FieldError[]) =>
    new AppError(code, spec.status, spec.title, spec.titleEn, detail, extra, errors);
  return Object.assign(make, { code, ...spec });
}

/** The same error with more members in its problem document (e.g. the `message` an integration reads). */
export function withExtra(err: AppError, extra: Record<string, unknown>): AppError {
  return new AppError(err.code, err.status, err.title, err.titleEn, err.detail, { ...(err.extra ?? {}), ...extra }, err.errors);
}

// Errors that belong to no module.
export const errors = {
  validation: defineError('request.invalid', {
    status: 400,
    title: 'Richiesta non valida: controlla i campi indicati',
    titleEn: 'Invalid request',
  }),
  malformedJson: defineError('request.malformed_json', {
    status: 400,
    title: 'Il corpo della richiesta non è un JSON valido',
    titleEn: 'Malformed JSON body',
  }),
  bodyTooLarge: defineError('request.body_too_large', {
    status: 413,
    title: 'Il corpo della richiesta è troppo grande',
    titleEn: 'Request body too large',
  }),
  uriTooLong: defineError('request.uri_too_long', {
    status: 414,
    title: 'L’indirizzo della richiesta è troppo lungo',
    titleEn: 'URI too long',
  }),
  unsupportedMediaType: defineError('request.unsupported_media_type', {
    status: 415,
    title: 'Tipo di contenuto non supportato: usa application/json',
    titleEn: 'Unsupported media type',
  }),
  notFound: defineError('resource.not_found', {
    status: 404,
    title: 'Risorsa non trovata',
    titleEn: 'Not found',
  }),
  routeNotFound: defineError('route.not_found', {
    status: 404,
    title: 'Indirizzo non trovato',
    titleEn: 'Route not found',
  }),
  methodNotAllowed: defineError('route.method_not_allowed', {
    status: 405,
    title: 'Metodo non consentito',
    titleEn: 'Method not allowed',
  }),
  unauthenticated: defineError('auth.unauthenticated', {
    status: 401,
    title: 'Accesso richiesto: effettua il login',
    titleEn: 'Authentication required',
  }),
  forbidden: defineError('auth.forbidden', {
    status: 403,
    title: 'Non hai i permessi per questa operazione',
    titleEn: 'Forbidden',
  }),
  csrf: defineError('auth.csrf_invalid', {
    status: 403,
    title: 'Token CSRF mancante o non valido: ricarica la pagina',
    titleEn: 'Missing or invalid CSRF token',
  }),
  headersTooLarge: defineError('request.headers_too_large', {
    status: 431,
    title: 'Intestazioni della richiesta troppo grandi',
    titleEn: 'Request header fields too large',
  }),
  malformedRequest: defineError('request.malformed', {
    status: 400,
    title: 'Richiesta HTTP non valida',
    titleEn: 'Malformed HTTP request',
  }),
  rateLimited: defineError('request.rate_limited', {
    status: 429,
    title: 'Troppe richieste: riprova tra poco',
    titleEn: 'Too many requests',
  }),
  conflict: defineError('resource.conflict', {
    status: 409,
    title: 'Conflitto con lo stato attuale della risorsa',
    titleEn: 'Conflict',
  }),
  idempotencyMismatch: defineError('request.idempotency_key_reused', {
    status: 422,
    title: 'La chiave Idempotency-Key è già stata usata per una richiesta diversa',
    titleEn: 'Idempotency-Key reused with a different request',
  }),
  databaseUnavailable: defineError('database.unavailable', {
    status: 503,
    title: 'Il database non è raggiungibile',
    titleEn: 'Database unavailable',
  }),
  /** Transactions that kept meeting others (deadlocks, serialization failures) after every retry. */
  databaseBusy: defineError('database.busy', {
    status: 503,
    title: 'Il servizio è molto occupato: riprova tra un momento',
    titleEn: 'The service is busy: try again in a moment',
  }),
  internal: defineError('server.internal', {
    status: 500,
    title: 'Errore interno: riprova; se persiste, contatta l’assistenza',
    titleEn: 'Internal server error',
  }),
};
