/** The sections of the videoconference pages, and who operates which platform. */
import { NavLink } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { useSession } from '../../api/session';
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

/** Whether the signed-in person's body may book a platform (for a territory, the API decides when booking). */
export function mayBook(p: Platform, orgId: string | undefined): boolean {
  if (!orgId || p.archivedAt) return false;
  return p.access === 'everyone' || p.access === 'territory' || p.operatorId === orgId || p.memberIds.includes(orgId);
}

export function ConferencingNav() {
  const { t } = useI18n();
  const { isOperator } = useOperated();
  const links = [
    { to: '/videoconferenze', label: t('conf.nav.platforms'), end: true },
    { to: '/videoconferenze/prenotazioni', label: t('conf.nav.mine'), end: false },
  ];
  if (isOperator) links.push({ to: '/videoconferenze/gestione', label: t('conf.nav.operator'), end: false });
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
