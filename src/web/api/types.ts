/**
 * Names for the shapes the web app reads from the API, all taken from the generated OpenAPI types
 * (schema.ts): none is written by hand, so none can drift from the server.
 */
import type { operations } from './schema.js';

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;

/** The JSON answer (200 or 201) of an operation, by its operationId. */
export type ResultOf<Op extends keyof operations> = JsonOf<operations[Op]['responses'][Extract<keyof operations[Op]['responses'], 200 | 201 | 202>]>;
/** The JSON body an operation takes, by its operationId. */
export type BodyOf<Op extends keyof operations> = JsonOf<NonNullable<operations[Op]['requestBody']>>;
/** The query an operation takes, by its operationId. */
export type QueryOf<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;
/** One item of a list answer (`{ items }`). */
export type ItemOf<Op extends keyof operations> = ResultOf<Op> extends { items: (infer I)[] } ? I : never;

export type Session = ResultOf<'showSession'>;
export type Membership = Session['memberships'][number];
export type OrganizationSummary = ItemOf<'searchOrganizations'>;
export type OrganizationDetail = ResultOf<'showOrganization'>;
export type Member = ItemOf<'listOrganizationMembers'>;
export type ApiToken = ItemOf<'listApiTokens'>;
export type AuditEntry = ItemOf<'listAuditEntries'>;
export type OutboxSummary = ItemOf<'listOutboxMessages'>;
export type OutboxMessage = ResultOf<'showOutboxMessage'>;
