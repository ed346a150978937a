/** The indicators' API calls, React Query keys and CSV links. */
import { useQuery } from '@tanstack/react-query';
import { api, apiUrl } from '../../../api/client';
import type { BodyIndicators, Target, TerritoryBodies, TerritoryIndicators, TerritoryLevel } from './types';

export const indicatorKeys = {
  all: ['remote-work', 'indicators'] as const,
  body: (month: string) => ['remote-work', 'indicators', 'body', month] as const,
  territory: (level: TerritoryLevel, code: string | null, month: string) => ['remote-work', 'indicators', 'territory', level, code, month] as const,
  bodies: (level: 'region' | 'province', code: string, month: string, page: number) => ['remote-work', 'indicators', 'bodies', level, code, month, page] as const,
};

export function useBodyIndicators(month: string) {
  return useQuery({
    queryKey: indicatorKeys.body(month),
    queryFn: ({ signal }) => api<BodyIndicators>('/remote-work/indicators', { query: { month }, signal }),
    staleTime: 30_000,
  });
}

export function territoryPath(level: TerritoryLevel, code: string | null): string {
  if (level === 'nation') return '/remote-work/indicators/territories/nation';
  return `/remote-work/indicators/territories/${level === 'region' ? 'regions' : 'provinces'}/${code}`;
}

export function useTerritoryIndicators(level: TerritoryLevel, code: string | null, month: string) {
  return useQuery({
    queryKey: indicatorKeys.territory(level, code, month),
    queryFn: ({ signal }) => api<TerritoryIndicators>(territoryPath(level, code), { query: { month }, signal }),
    enabled: level === 'nation' || !!code,
    staleTime: 30_000,
  });
}

export function useTerritoryBodies(level: 'region' | 'province', code: string | null, month: string, page: number, enabled: boolean) {
  return useQuery({
    queryKey: indicatorKeys.bodies(level, code ?? '', month, page),
    queryFn: ({ signal }) => api<TerritoryBodies>(`${territoryPath(level, code)}/bodies`, { query: { month, page, pageSize: 20 }, signal }),
    enabled: enabled && !!code,
    staleTime: 30_000,
    retry: false,
  });
}

export function saveTarget(targetPercent: number): Promise<Target> {
  return api<Target>('/remote-work/indicators/target', { method: 'PUT', body: { targetPercent } });
}

export type CsvTable = 'months' | 'days' | 'offices' | 'children' | 'bodies';

/** The address of a CSV download (same origin: the session cookie goes with it). */
export function csvUrl(scope: 'body' | TerritoryLevel, table: CsvTable, month: string, code?: string | null): string {
  return apiUrl('/remote-work/indicators/export', { scope, table, month, code: code ?? undefined });
}
