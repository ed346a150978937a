/** The indicators' API calls, React Query keys and CSV links. */
import { useQuery } from '@tanstack/react-query';
import { apiHref, call, http } from '../../../api/client';
import type { Target, TerritoryBodies, TerritoryIndicators, TerritoryLevel } from './types';

export const indicatorKeys = {
  all: ['remote-work', 'indicators'] as const,
  body: (month: string) => ['remote-work', 'indicators', 'body', month] as const,
  territory: (level: TerritoryLevel, code: string | null, month: string) => ['remote-work', 'indicators', 'territory', level, code, month] as const,
  bodies: (level: 'region' | 'province', code: string, month: string, page: number) => ['remote-work', 'indicators', 'bodies', level, code, month, page] as const,
};

export function useBodyIndicators(month: string) {
  return useQuery({
    queryKey: indicatorKeys.body(month),
    queryFn: ({ signal }) => call(http.GET('/api/v1/remote-work/indicators', { params: { query: { month } }, signal })),
    staleTime: 30_000,
  });
}

/** Italy, a region or a province (by its code) in a month. */
function territory(level: TerritoryLevel, code: string | null, month: string, signal: AbortSignal): Promise<TerritoryIndicators> {
  const query = { month };
  if (level === 'nation') return call(http.GET('/api/v1/remote-work/indicators/territories/nation', { params: { query }, signal }));
  const path = { code: code ?? '' };
  if (level === 'region') return call(http.GET('/api/v1/remote-work/indicators/territories/regions/{code}', { params: { path, query }, signal }));
  return call(http.GET('/api/v1/remote-work/indicators/territories/provinces/{code}', { params: { path, query }, signal }));
}

/** The bodies of a region or a province (by its code) in a month, a page at a time. */
function territoryBodies(level: 'region' | 'province', code: string, month: string, page: number, signal: AbortSignal): Promise<TerritoryBodies> {
  const params = { path: { code }, query: { month, page, pageSize: 20 } };
  if (level === 'region') return call(http.GET('/api/v1/remote-work/indicators/territories/regions/{code}/bodies', { params, signal }));
  return call(http.GET('/api/v1/remote-work/indicators/territories/provinces/{code}/bodies', { params, signal }));
}

export function useTerritoryIndicators(level: TerritoryLevel, code: string | null, month: string) {
  return useQuery({
    queryKey: indicatorKeys.territory(level, code, month),
    queryFn: ({ signal }) => territory(level, code, month, signal),
    enabled: level === 'nation' || !!code,
    staleTime: 30_000,
  });
}

export function useTerritoryBodies(level: 'region' | 'province', code: string | null, month: string, page: number, enabled: boolean) {
  return useQuery({
    queryKey: indicatorKeys.bodies(level, code ?? '', month, page),
    queryFn: ({ signal }) => territoryBodies(level, code ?? '', month, page, signal),
    enabled: enabled && !!code,
    staleTime: 30_000,
    retry: false,
  });
}

export function saveTarget(targetPercent: number): Promise<Target> {
  return call(http.PUT('/api/v1/remote-work/indicators/target', { body: { targetPercent } }));
}

export type CsvTable = 'months' | 'days' | 'offices' | 'children' | 'bodies';

/** The address of a CSV download (same origin: the session cookie goes with it). */
export function csvUrl(scope: 'body' | TerritoryLevel, table: CsvTable, month: string, code?: string | null): string {
  return apiHref('/api/v1/remote-work/indicators/export', { query: { scope, table, month, code: code ?? undefined } });
}
