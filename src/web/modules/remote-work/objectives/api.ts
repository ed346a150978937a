/** Queries and writes of the objectives pages. */
import { useQuery } from '@tanstack/react-query';
import { call, http } from '../../../api/client';
import type { Period } from './types';

export const objectiveKeys = {
  all: ['remote-work', 'objectives'] as const,
  list: (period: Period, q: string, page: number) => ['remote-work', 'objectives', 'list', period, q, page] as const,
  one: (id: string) => ['remote-work', 'objectives', 'one', id] as const,
  teams: ['remote-work', 'teams'] as const,
  people: (q: string) => ['remote-work', 'objective-people', q] as const,
};

export function useObjectives(period: Period, q: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: objectiveKeys.list(period, q, page),
    queryFn: ({ signal }) => call(http.GET('/api/v1/remote-work/objectives', { params: { query: { period, q: q || undefined, page, pageSize } }, signal })),
    placeholderData: (prev) => prev,
  });
}

export function useObjective(id: string | undefined) {
  return useQuery({ queryKey: objectiveKeys.one(id ?? ''), queryFn: ({ signal }) => call(http.GET('/api/v1/remote-work/objectives/{id}', { params: { path: { id: id ?? '' } }, signal })), enabled: !!id, retry: false });
}

export function useTeams(enabled = true) {
  return useQuery({ queryKey: objectiveKeys.teams, queryFn: ({ signal }) => call(http.GET('/api/v1/remote-work/teams', { signal })), enabled });
}

export function usePeople(q: string, enabled: boolean) {
  return useQuery({
    queryKey: objectiveKeys.people(q),
    queryFn: ({ signal }) => call(http.GET('/api/v1/remote-work/objectives/people', { params: { query: { q: q || undefined } }, signal })),
    enabled,
    placeholderData: (prev) => prev,
    staleTime: 30_000,
  });
}
