/**
 * The API client: JSON in and out, the CSRF token on every write, problem+json errors as ApiError.
 * The session cookie is httpOnly; the CSRF token comes from the session and lives only in memory.
 */
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

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  /** Do not report a 401 as "session expired" (sign-in, session probe). */
  quiet401?: boolean;
  signal?: AbortSignal;
  /** Extra request headers (e.g. `Idempotency-Key` on a POST that creates). */
  headers?: Record<string, string>;
}

export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return `/api/v1${path}${s ? `?${s}` : ''}`;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { ...opts.headers, accept: 'application/json, application/problem+json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new NetworkError((e as Error).message);
  }
  const type = res.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await res.json().catch(() => null) : res.status === 204 ? null : await res.text();
  if (!res.ok) {
    const problem = data && typeof data === 'object' && 'title' in data ? (data as Problem) : null;
    if (res.status === 401 && !opts.quiet401) for (const fn of unauthenticatedListeners) fn();
    throw new ApiError(res.status, problem);
  }
  return data as T;
}

/** Lists may come as `{ items }` (paged) or as a bare array. */
export function itemsOf<T>(data: { items: T[] } | T[] | null | undefined): T[] {
  if (!data) return [];
  return Array.isArray(data) ? data : data.items ?? [];
}
