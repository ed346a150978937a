/** The signed-in session: who, for which body, with which roles; the CSRF token for writes. */
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, call, http, onUnauthenticated, setCsrfToken } from './client';
import type { Session } from './types';
import type { Role } from '../i18n';

export const SESSION_KEY = ['session'] as const;

async function loadSession(): Promise<Session | null> {
  try {
    const s = await call(http.GET('/api/v1/auth/session'), { quiet401: true });
    return { ...s, memberships: s.memberships ?? [], roles: s.roles ?? [] };
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 404)) return null;
    throw e;
  }
}

interface SessionState {
  session: Session | null;
  loading: boolean;
  error: unknown;
  refresh(): Promise<unknown>;
  hasRole(...roles: Role[]): boolean;
  isPlatformAdmin: boolean;
}

const Ctx = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: SESSION_KEY, queryFn: loadSession, staleTime: 60_000, retry: 1 });
  const session = q.data ?? null;
  setCsrfToken(session?.csrfToken ?? null);
  useEffect(
    () =>
      onUnauthenticated(() => {
        // The cookie is gone or expired: forget the session; protected pages send the user to sign-in.
        qc.setQueryData(SESSION_KEY, null);
      }),
    [qc],
  );
  const isPlatformAdmin = !!session?.roles.includes('platform_admin');
  const value: SessionState = {
    session,
    loading: q.isPending,
    error: q.error,
    refresh: () => qc.invalidateQueries({ queryKey: SESSION_KEY }),
    hasRole: (...roles) => isPlatformAdmin || roles.some((r) => session?.roles.includes(r)),
    isPlatformAdmin,
  };
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): SessionState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
