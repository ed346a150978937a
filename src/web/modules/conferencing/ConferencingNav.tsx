/** The sections of the videoconference pages, and who operates which platform. */
import { NavLink } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n';
import { useSession } from '../../api/session';
import { call, http } from '../../api/client';
import { usePlatforms } from './api';
import type { Platform } from './types';
import './conferencing.css';

/** The platforms the signed-in person operates (all of them for a platform administrator). */
export function useOperated(): { operated: Platform[]; isOperator: boolean; loading: boolean } {
  const { session, hasRole, isPlatformAdmin } = useSession();
  const platforms = usePlatforms();
  const all = platforms.data?.items ?? [];
  const orgId = session?.organization?.id;
  const operated = isPlatformAdmin ? all : hasRole('provider_staff') ? all.filter((p) => p.operatorId === orgId) : [];
  return { operated, isOperator: operated.length > 0, loading: platforms.isPending };
}

/** The kinds of body that may run a platform (the API refuses others: platform.invalid_operator). */
export const OPERATOR_KINDS = ['provider', 'association'] as const;

/**
 * Whether the signed-in person may register platforms: a platform administrator, or provider
 * staff of a provider or an association (as POST /conference-platforms allows).
 */
export function useMayRegister(): { mayRegister: boolean; loading: boolean } {
  const { session, isPlatformAdmin } = useSession();
  const orgId = session?.organization?.id;
  const staff = !!session?.roles.includes('provider_staff');
  const org = useQuery({
    queryKey: ['organization', orgId],
    queryFn: ({ signal }) => call(http.GET('/api/v1/organizations/{id}', { params: { path: { id: orgId! } }, signal })),
    enabled: !!orgId && staff && !isPlatformAdmin,
    staleTime: 5 * 60_000,
  });
  if (isPlatformAdmin) return { mayRegister: true, loading: false };
  if (!staff || !orgId) return { mayRegister: false, loading: false };
  return { mayRegister: !!org.data && (OPERATOR_KINDS as readonly string[]).includes(org.data.kind), loading: org.isPending };
}

/** Whether the signed-in person manages a platform: its operator body's provider staff, or a platform administrator (as the API decides). */
export function useMayManage(): (p: Pick<Platform, 'operatorId'>) => boolean {
  const { session, isPlatformAdmin } = useSession();
  const orgId = session?.organization?.id;
  const staff = !!session?.roles.includes('provider_staff');
  return (p) => isPlatformAdmin || (staff && !!orgId && p.operatorId === orgId);
}

/** Whether the signed-in person's body may book a platform (for a territory, the API decides when booking). */
export function mayBook(p: Platform, orgId: string | undefined): boolean {
  if (!orgId || p.archivedAt) return false;
  return p.access === 'everyone' || p.access === 'territory' || p.operatorId === orgId || p.memberIds.includes(orgId);
}

export function ConferencingNav() {
  const { t } = useI18n();
  const { isOperator } = useOperated();
  const { mayRegister } = useMayRegister();
  const links = [
    { to: '/videoconferenze', label: t('conf.nav.platforms'), end: true },
    { to: '/videoconferenze/prenotazioni', label: t('conf.nav.mine'), end: false },
  ];
  if (isOperator) links.push({ to: '/videoconferenze/gestione', label: t('conf.nav.operator'), end: true });
  if (isOperator || mayRegister) links.push({ to: '/videoconferenze/gestione/piattaforme', label: t('conf.nav.yourPlatforms'), end: false });
  return (
    <nav className="conf-subnav mb-3" aria-label={t('conf.nav.label')}>
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} end={l.end} className={({ isActive }) => `conf-subnav-link${isActive ? ' active' : ''}`}>
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
