/** Queries and writes of the POLA page. */
import { useQuery } from '@tanstack/react-query';
import { apiHref, call, http } from '../../../api/client';
import type { BodyOf } from '../../../api/types';
import type { Declarations } from './types';

export const polaKey = ['remote-work', 'pola'] as const;

export function usePola(enabled: boolean) {
  return useQuery({ queryKey: polaKey, queryFn: ({ signal }) => call(http.GET('/api/v1/remote-work/pola', { signal })), enabled, retry: false });
}

export const saveSettings = (s: BodyOf<'updateRemoteWorkPolaSettings'>) => call(http.PUT('/api/v1/remote-work/pola/settings', { body: s }));
export const saveDeclarations = (d: Declarations) => call(http.PUT('/api/v1/remote-work/pola/declarations', { body: d }));
export const saveTargets = (targets: BodyOf<'updateRemoteWorkPolaTargets'>['targets']) => call(http.PUT('/api/v1/remote-work/pola/targets', { body: { targets } }));

export const documentUrl = (format: 'pdf' | 'docx') => apiHref(format === 'pdf' ? '/api/v1/remote-work/pola/document.pdf' : '/api/v1/remote-work/pola/document.docx');
