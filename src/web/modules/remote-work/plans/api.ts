/** Queries and writes of the planner's pages. */
import { useQuery } from '@tanstack/react-query';
import { call, http } from '../../../api/client';
import type { BodyOf } from '../../../api/types';

export const planKeys = {
  grid: (from: string, to: string, officeId: string) => ['remote-work', 'plan-grid', from, to, officeId] as const,
  run: (id: string) => ['remote-work', 'plan-run', id] as const,
  myCalendar: (from: string, to: string) => ['remote-work', 'my-calendar', from, to] as const,
  pendingSwaps: ['remote-work', 'swaps', 'pending'] as const,
  settings: ['remote-work', 'plan-settings'] as const,
};

export function usePlanGrid(from: string, to: string, officeId: string, enabled: boolean) {
  return useQuery({
    queryKey: planKeys.grid(from, to, officeId),
    queryFn: ({ signal }) => call(http.GET('/api/v1/remote-work/plan-days', { params: { query: { from, to, officeId: officeId || undefined } }, signal })),
    enabled,
    placeholderData: (prev) => prev,
  });
}

export function useMyCalendar(from: string, to: string) {
  return useQuery({ queryKey: planKeys.myCalendar(from, to), queryFn: ({ signal }) => call(http.GET('/api/v1/remote-work/my-calendar', { params: { query: { from, to } }, signal })), placeholderData: (prev) => prev });
}

export function usePendingSwaps(enabled: boolean) {
  return useQuery({
    queryKey: planKeys.pendingSwaps,
    queryFn: ({ signal }) => call(http.GET('/api/v1/remote-work/swap-requests', { params: { query: { status: 'pending', pageSize: 100 } }, signal })),
    enabled,
  });
}

export function usePlanSettings() {
  return useQuery({ queryKey: planKeys.settings, queryFn: ({ signal }) => call(http.GET('/api/v1/remote-work/plan-settings', { signal })) });
}

/** A fresh Idempotency-Key (getRandomValues works on plain http too, unlike randomUUID). */
const idem = () => {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return { 'Idempotency-Key': `plan-${Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')}` };
};

export const createPlan = (body: BodyOf<'createRemoteWorkPlan'>) => call(http.POST('/api/v1/remote-work/plans', { body, headers: idem() }));
export const showRun = (id: string, signal?: AbortSignal) => call(http.GET('/api/v1/remote-work/plans/{id}', { params: { path: { id } }, signal }));
export const setPins = (pins: BodyOf<'updateRemoteWorkPins'>['pins']) => call(http.POST('/api/v1/remote-work/pins', { body: { pins } }));
export const requestSwap = (body: BodyOf<'createRemoteWorkSwapRequest'>) => call(http.POST('/api/v1/remote-work/swap-requests', { body, headers: idem() }));
export const decideSwap = (id: string, body: BodyOf<'decideRemoteWorkSwapRequest'>) =>
  call(http.POST('/api/v1/remote-work/swap-requests/{id}/decision', { params: { path: { id } }, body }));
export const createFeed = () => call(http.POST('/api/v1/remote-work/my-calendar/feed'));
export const removeFeed = () => call(http.DELETE('/api/v1/remote-work/my-calendar/feed'));
export const updateSettings = (swapRequiresApproval: boolean) => call(http.PUT('/api/v1/remote-work/plan-settings', { body: { swapRequiresApproval } }));
