/** Queries of the offices-and-people pages (TanStack Query keys and loaders) and who may do what. */
import { useQuery } from '@tanstack/react-query';
import { call, http } from '../../../api/client';
import { useSession } from '../../../api/session';
import type { QueryOf } from '../../../api/types';
import type { Office } from './types';

export const keys = {
  offices: ['remote-work', 'offices'] as const,
  office: (id: string) => ['remote-work', 'office', id] as const,
  employees: (q: Record<string, unknown>) => ['remote-work', 'employees', q] as const,
  employee: (id: string) => ['remote-work', 'employee', id] as const,
  people: ['remote-work', 'manager-candidates'] as const,
  absences: (id: string, year: number) => ['remote-work', 'absences', id, year] as const,
  closures: (from: string, to: string) => ['remote-work', 'closures', from, to] as const,
};

export function useOffices() {
  return useQuery({ queryKey: keys.offices, queryFn: ({ signal }) => call(http.GET('/api/v1/remote-work/offices', { signal })), staleTime: 30_000 });
}

export function useOffice(id: string) {
  return useQuery({ queryKey: keys.office(id), queryFn: ({ signal }) => call(http.GET('/api/v1/remote-work/offices/{id}', { params: { path: { id } }, signal })) });
}

export function useEmployees(q: QueryOf<'listRemoteWorkEmployees'>) {
  return useQuery({ queryKey: keys.employees(q), queryFn: ({ signal }) => call(http.GET('/api/v1/remote-work/employees', { params: { query: q }, signal })), placeholderData: (prev) => prev });
}

export function useEmployee(id: string | undefined) {
  return useQuery({ queryKey: keys.employee(id ?? ''), queryFn: ({ signal }) => call(http.GET('/api/v1/remote-work/employees/{id}', { params: { path: { id: id ?? '' } }, signal })), enabled: !!id });
}

export function useManagerCandidates(enabled: boolean) {
  return useQuery({ queryKey: keys.people, queryFn: ({ signal }) => call(http.GET('/api/v1/remote-work/office-manager-candidates', { signal })), enabled, staleTime: 60_000 });
}

/** HR, the body's administrators and platform administrators manage every office and person. */
export function useManagesBody(): boolean {
  const { hasRole } = useSession();
  return hasRole('hr_manager', 'body_admin');
}

/** Whether the signed-in person manages this office (HR, or its named manager with the office_manager role). */
export function useManagesOffice(office: Office | undefined): boolean {
  const { session, hasRole } = useSession();
  const body = useManagesBody();
  if (!office) return false;
  return body || (hasRole('office_manager') && office.managerUserId === session?.user.id);
}

/** Offices as a tree: children by parent, in name order. */
export function officeTree(offices: Office[]): { roots: Office[]; children: Map<string, Office[]> } {
  const ids = new Set(offices.map((o) => o.id));
  const children = new Map<string, Office[]>();
  const roots: Office[] = [];
  for (const o of offices) {
    if (o.parentId && ids.has(o.parentId)) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o]);
    else roots.push(o);
  }
  return { roots, children };
}
