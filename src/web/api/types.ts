/** The shapes the web app reads from the API (a subset of the OpenAPI document). */
export interface Membership {
  organizationId: string;
  organizationName: string;
  roles: string[];
}

export interface Session {
  user: { id: string; email: string; displayName: string };
  organization: { id: string; name: string } | null;
  roles: string[];
  memberships: Membership[];
  csrfToken: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface OrganizationSummary {
  id: string;
  name: string;
  kind: string;
  istatCode?: string | null;
  ipaCode?: string | null;
  taxCode?: string | null;
  provinceCode?: string | null;
  regionCode?: string | null;
  regionName?: string | null;
  provinceName?: string | null;
}

export interface OrganizationDetail extends OrganizationSummary {
  source?: 'istat' | 'operator';
  population?: number | null;
  patronDay?: string | null;
  website?: string | null;
  pec?: string | null;
  parents?: { id: string; name: string; kind: string; relation?: string }[];
}

export interface Member {
  userId?: string;
  id?: string;
  email: string;
  displayName: string;
  roles: string[];
  disabled?: boolean;
}

export interface ApiToken {
  id: string;
  name: string;
  createdAt?: string;
  lastUsedAt?: string | null;
}

export interface AuditEntry {
  id: string;
  seq: number;
  at: string;
  actor: string | { id?: string; email?: string; displayName?: string } | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface OutboxSummary {
  id: string;
  date: string | null;
  to: string | string[];
  subject: string;
}

export interface OutboxMessage {
  id: string;
  date?: string | null;
  subject?: string;
  headers: Record<string, string | string[]> | { name?: string; key?: string; value: string }[];
  text: string | null;
  attachments?: { filename: string | null; contentType: string; size: number }[];
}
