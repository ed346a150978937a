/**
 * The API client, typed by the OpenAPI document: `http` is openapi-fetch over the generated
 * `paths` (schema.ts, written by `npm run gen:api`), so a path, its parameters, its body and its
 * answer are checked against the server's schemas. `call()` turns an answer into its data or an
 * ApiError (problem+json) / NetworkError. The CSRF token goes on every write; the session cookie
 * is httpOnly and the token lives only in memory.
 */
import createClient from 'openapi-fetch';
import type { paths } from './schema';

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  code?: string;
  detail?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.title ?? `HTTP ${status}`);
  }
  /** Field errors by field name without the `body.`/`query.` prefix (e.g. `email`). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem?.errors ?? []) {
      const name = e.field.replace(/^(body|query|params|querystring)\./, '');
      if (!out[name]) out[name] = e.message;
    }
    return out;
  }
}

/** The request did not reach the server (offline, server down). */
export class NetworkError extends Error {}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();
/** Called when an API call answers 401: the session is gone. */
export function onUnauthenticated(fn: Listener): () => void {
  unauthenticatedListeners.add(fn);
  return () => unauthenticatedListeners.delete(fn);
}

type QueryValue = string | number | boolean | undefined | null;

/** Query strings leave out what is unset or empty (a cleared filter is no filter). */
function queryString(query: Record<string, unknown> | undefined): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  return qs.toString();
}

/** The typed client: `http.GET('/api/v1/bookings/{id}', { params: { path: { id } } })`. */
export const http = createClient<paths>({ credentials: 'same-origin', querySerializer: queryString });
http.use({
  onRequest({ request }) {
    request.headers.set('accept', 'application/json, application/problem+json');
    if (request.method !== 'GET' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
});

interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The data of an answer, or an ApiError for a refusal (and a 401 reported unless `quiet401`). */
export async function call<A extends Answer>(pending: Promise<A>, opts: { quiet401?: boolean } = {}): Promise<Exclude<A['data'], undefined>> {
  let answer: A;
  try {
    answer = await pending;
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new NetworkError((e as Error).message);
  }
  const { response } = answer;
  if (!response.ok) {
    const problem = answer.error && typeof answer.error === 'object' && 'title' in answer.error ? (answer.error as Problem) : null;
    if (response.status === 401 && !opts.quiet401) for (const fn of unauthenticatedListeners) fn();
    throw new ApiError(response.status, problem);
  }
  return answer.data as Exclude<A['data'], undefined>;
}

/** Paths that answer a GET: what a link or a download can point at. */
type GetPath = { [P in keyof paths]: paths[P] extends { get: object } ? P : never }[keyof paths];

/**
 * The address of a GET for a link (`<a href download>`): a file the browser saves itself (CSV,
 * PDF, DOCX, ICS). Path parameters fill the `{name}` holes, encoded; empty query values are left out.
 */
export function apiHref(path: GetPath, params: { path?: Record<string, string>; query?: Record<string, QueryValue> } = {}): string {
  const filled = path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params.path?.[name] ?? ''));
  const s = queryString(params.query);
  return `${filled}${s ? `?${s}` : ''}`;
}
