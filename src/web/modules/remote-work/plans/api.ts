/** Queries and writes of the planner's pages. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Page } from '../../../api/types';
import type { FeedCreated, MyCalendar, PinsResult, PlanGrid, PlanRun, SwapRequest } from './types';

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
    queryFn: ({ signal }) => api<PlanGrid>('/remote-work/plan-days', { query: { from, to, officeId: officeId || undefined }, signal }),
    enabled,
    placeholderData: (prev) => prev,
  });
}

export function useMyCalendar(from: string, to: string) {
  return useQuery({ queryKey: planKeys.myCalendar(from, to), queryFn: ({ signal }) => api<MyCalendar>('/remote-work/my-calendar', { query: { from, to }, signal }), placeholderData: (prev) => prev });
}

export function usePendingSwaps(enabled: boolean) {
  return useQuery({
    queryKey: planKeys.pendingSwaps,
    queryFn: ({ signal }) => api<Page<SwapRequest>>('/remote-work/swap-requests', { query: { status: 'pending', pageSize: 100 }, signal }),
    enabled,
  });
}

export function usePlanSettings() {
  return useQuery({ queryKey: planKeys.settings, queryFn: ({ signal }) => api<{ swapRequiresApproval: boolean }>('/remote-work/plan-settings', { signal }) });
}

/** A fresh Idempotency-Key (getRandomValues works on plain http too, unlike randomUUID). */
const idem = () => {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return { 'Idempotency-Key': `plan-${Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')}` };
};

export const createPlan = (body: { from: string; to: string; officeIds?: string[] }) =>
  api<PlanRun>('/remote-work/plans', { method: 'POST', body, headers: idem() });
export const showRun = (id: string, signal?: AbortSignal) => api<PlanRun>(`/remote-work/plans/${encodeURIComponent(id)}`, { signal });
export const setPins = (pins: { employeeId: string; day: string; kind: 'remote' | 'onsite' | null }[]) =>
  api<PinsResult>('/remote-work/pins', { method: 'POST', body: { pins } });
export const requestSwap = (body: { fromDay: string; toDay: string; note?: string }) =>
  api<SwapRequest>('/remote-work/swap-requests', { method: 'POST', body, headers: idem() });
export const decideSwap = (id: string, body: { decision: 'accepted' | 'refused'; reason?: string }) =>
  api<SwapRequest>(`/remote-work/swap-requests/${encodeURIComponent(id)}/decision`, { method: 'POST', body });
export const createFeed = () => api<FeedCreated>('/remote-work/my-calendar/feed', { method: 'POST' });
export const removeFeed = () => api<null>('/remote-work/my-calendar/feed', { method: 'DELETE' });
export const updateSettings = (swapRequiresApproval: boolean) =>
  api<{ swapRequiresApproval: boolean }>('/remote-work/plan-settings', { method: 'PUT', body: { swapRequiresApproval } });
