/**
 * What every route of the offices area has in common, written once: the OpenAPI tag, the signed-in
 * caller, the caller's address for the audit log, and how the answer is sent (200 with the result,
 * 201 with the new resource's Location, 204 with no body). A route then says only its method and
 * path, operation id, Italian summary, schemas and use case.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { requireAuth, type AuthContext } from '../auth/context.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** The route's request line, e.g. `'GET /remote-work/offices/:id'` (under /api/v1). */
type Line<M extends Method = Method> = `${M} /${string}`;
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a route's use case receives: the caller and the request, already validated by the schemas. */
export interface OfficeCall<P, Q, B> {
  auth: AuthContext;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
  /** Recorded in the audit log by the use cases that write. */
  meta: { ip: string };
}

export interface OfficeRoute<P, Q, B, T> {
  operationId: string;
  /** Italian: the operation's title in the API guide. */
  summary: string;
  params?: P;
  querystring?: Q;
  body?: B;
  bodyLimit?: number;
  /** The use case. */
  run: (call: OfficeCall<P, Q, B>) => Promise<T>;
}

export function officeRoutes(app: FastifyInstance, tags: string[]) {
  function add<P, Q, B, T>(line: Line, spec: OfficeRoute<P, Q, B, T>, response: Record<number, z.ZodType>, send: (reply: FastifyReply, result: T) => unknown) {
    const [method, url] = line.split(' ') as [Method, string];
    const { operationId, summary, params, querystring, body, bodyLimit, run } = spec;
    const schema = { operationId, tags, summary, ...(params ? { params } : {}), ...(querystring ? { querystring } : {}), ...(body ? { body } : {}), response };
    app.route({
      method,
      url,
      ...(bodyLimit ? { bodyLimit } : {}),
      schema,
      // The schemas have validated params, query and body before this runs: the casts only say so.
      handler: async (req, reply) => {
        const call = { auth: requireAuth(req), params: req.params as Parsed<P>, query: req.query as Parsed<Q>, body: req.body as Parsed<B>, meta: { ip: req.ip } };
        return send(reply, await run(call));
      },
    });
  }

  return {
    /** 200 with what the use case returns, shaped by `response`. */
    ok<R extends z.ZodType, P = undefined, Q = undefined, B = undefined>(line: Line, spec: OfficeRoute<P, Q, B, z.output<R>> & { response: R }) {
      add(line, spec, { 200: spec.response }, (_reply, result) => result);
    },
    /** Creates: 201 with the new resource, whose address (`/api/v1<path>/<id>`) goes in Location. */
    created<R extends z.ZodType<{ id: string }>, B = undefined>(line: Line<'POST'>, spec: OfficeRoute<undefined, undefined, B, z.output<R>> & { response: R }) {
      const location = `/api/v1${line.slice('POST '.length)}`;
      add(line, spec, { 201: spec.response }, (reply, created) => reply.code(201).header('location', `${location}/${created.id}`).send(created));
    },
    /** 204 with no body once the use case is done. */
    noContent<P = undefined, Q = undefined, B = undefined>(line: Line, spec: OfficeRoute<P, Q, B, void>) {
      add(line, spec, { 204: z.null() }, (reply) => reply.code(204).send(null));
    },
  };
}
