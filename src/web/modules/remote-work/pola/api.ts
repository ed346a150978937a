/** Queries and writes of the POLA page. */
import { useQuery } from '@tanstack/react-query';
import { api, apiUrl } from '../../../api/client';
import type { Declarations, Pola, PolaSettings } from './types';

export const polaKey = ['remote-work', 'pola'] as const;

export function usePola(enabled: boolean) {
  return useQuery({ queryKey: polaKey, queryFn: ({ signal }) => api<Pola>('/remote-work/pola', { signal }), enabled, retry: false });
}

export const saveSettings = (s: Omit<PolaSettings, 'updatedAt'>) => api<PolaSettings>('/remote-work/pola/settings', { method: 'PUT', body: s });
export const saveDeclarations = (d: Declarations) => api<Declarations>('/remote-work/pola/declarations', { method: 'PUT', body: d });
export const saveTargets = (targets: { indicator: string; year: number; value: number | null }[]) =>
  api<{ years: number[] }>('/remote-work/pola/targets', { method: 'PUT', body: { targets } });

export const documentUrl = (format: 'pdf' | 'docx') => apiUrl(`/remote-work/pola/document.${format}`);
