/** Queries of the conferencing pages (TanStack Query keys and loaders). */
import { useQueries, useQuery } from '@tanstack/react-query';
import { call, http } from '../../api/client';

export const keys = {
  platforms: ['conferencing', 'platforms'] as const,
  platform: (id: string) => ['conferencing', 'platform', id] as const,
  availability: (id: string, from: string, to: string) => ['conferencing', 'availability', id, from, to] as const,
  bookings: ['conferencing', 'bookings'] as const,
  usage: (id: string, from: string, to: string) => ['conferencing', 'usage', id, from, to] as const,
  platformsWithArchived: ['conferencing', 'platforms', 'with-archived'] as const,
  video: (id: string) => ['conferencing', 'video', id] as const,
};

/** Every platform, the archived ones too (the operator's list). */
export function usePlatformsWithArchived(enabled = true) {
  return useQuery({
    queryKey: keys.platformsWithArchived,
    queryFn: ({ signal }) => call(http.GET('/api/v1/conference-platforms', { params: { query: { pageSize: 100, includeArchived: 'true' } }, signal })),
    enabled,
    staleTime: 30_000,
  });
}

/** A platform's video settings, without the secrets (operator staff only). */
export function usePlatformVideo(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: keys.video(id ?? ''),
    queryFn: ({ signal }) => call(http.GET('/api/v1/conference-platforms/{id}/video', { params: { path: { id: id! } }, signal })),
    enabled: !!id && enabled,
  });
}

/** Every platform the caller may see (the API's largest page: an association runs a handful). */
export function usePlatforms() {
  return useQuery({
    queryKey: keys.platforms,
    queryFn: ({ signal }) => call(http.GET('/api/v1/conference-platforms', { params: { query: { pageSize: 100 } }, signal })),
    staleTime: 60_000,
  });
}

export function usePlatform(id: string | undefined) {
  return useQuery({
    queryKey: keys.platform(id ?? ''),
    queryFn: ({ signal }) => call(http.GET('/api/v1/conference-platforms/{id}', { params: { path: { id: id! } }, signal })),
    enabled: !!id,
    staleTime: 60_000,
  });
}

export function fetchAvailability(id: string, from: string, to: string, signal?: AbortSignal) {
  return call(http.GET('/api/v1/conference-platforms/{id}/availability', { params: { path: { id }, query: { from, to } }, signal }));
}

export function useAvailability(id: string | undefined, from: string | null, to: string | null) {
  return useQuery({
    queryKey: keys.availability(id ?? '', from ?? '', to ?? ''),
    queryFn: ({ signal }) => fetchAvailability(id!, from!, to!, signal),
    enabled: !!id && !!from && !!to,
    staleTime: 15_000,
  });
}

/** Names of bodies by id (for bookings that carry only the body's id). */
export function useOrganizationNames(ids: readonly string[]): Record<string, string> {
  const unique = [...new Set(ids)].sort();
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: ['organization', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => call(http.GET('/api/v1/organizations/{id}', { params: { path: { id } }, signal })),
      staleTime: 5 * 60_000,
    })),
  });
  const out: Record<string, string> = {};
  unique.forEach((id, i) => {
    const name = results[i]?.data?.name;
    if (name) out[id] = name;
  });
  return out;
}

/** A new Idempotency-Key (a random UUID; crypto.randomUUID needs a secure context, so a fallback). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) {
    try {
      return crypto.randomUUID();
    } catch {
      /* not a secure context */
    }
  }
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
