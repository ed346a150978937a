/**
 * "Lavoro agile": the home of the remote-work module, linking its areas by role. Each area adds
 * its card to AREAS (title, text, where, who sees it); the body's target is shown on top.
 */
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useI18n, type Role } from '../../i18n';
import { useSession } from '../../api/session';
import { call, http } from '../../api/client';
import { PageTitle } from '../../components/Page';
import type { MessageKey } from '../../i18n/it';
import { OfficesNav } from './offices/OfficesNav';

export interface RemoteWorkArea {
  key: string;
  to: string;
  title: MessageKey;
  text: MessageKey;
  /** Roles that see the card (platform administrators see every card); empty = everyone in a body. */
  roles: Role[];
}

const MANAGERS: Role[] = ['hr_manager', 'body_admin', 'office_manager'];
const HR: Role[] = ['hr_manager', 'body_admin'];

export const AREAS: RemoteWorkArea[] = [
  { key: 'offices', to: '/lavoro-agile/uffici', title: 'rwo.home.offices.title', text: 'rwo.home.offices.text', roles: MANAGERS },
  { key: 'employees', to: '/lavoro-agile/dipendenti', title: 'rwo.home.employees.title', text: 'rwo.home.employees.text', roles: MANAGERS },
  { key: 'import', to: '/lavoro-agile/dipendenti/importa', title: 'rwo.home.import.title', text: 'rwo.home.import.text', roles: HR },
  { key: 'closures', to: '/lavoro-agile/chiusure', title: 'rwo.home.closures.title', text: 'rwo.home.closures.text', roles: HR },
  { key: 'agreements', to: '/lavoro-agile/accordi', title: 'rwa.home.title', text: 'rwa.home.text', roles: [] },
  { key: 'plan', to: '/lavoro-agile/piano', title: 'rwp.home.plan.title', text: 'rwp.home.plan.text', roles: MANAGERS },
  { key: 'indicators', to: '/lavoro-agile/indicatori', title: 'rwi.home.title', text: 'rwi.home.text', roles: MANAGERS },
  { key: 'territory', to: '/lavoro-agile/indicatori/territorio', title: 'rwi.home.territory.title', text: 'rwi.home.territory.text', roles: [] },
  { key: 'my-calendar', to: '/lavoro-agile/il-mio-calendario', title: 'rwp.home.my.title', text: 'rwp.home.my.text', roles: [] },
  { key: 'pola', to: '/lavoro-agile/pola', title: 'rwpola.home.title', text: 'rwpola.home.text', roles: HR },
  { key: 'objectives', to: '/lavoro-agile/obiettivi', title: 'rwobj.home.title', text: 'rwobj.home.text', roles: [] },
];

function Target() {
  const { t } = useI18n();
  const target = useQuery({
    queryKey: ['remote-work', 'target'],
    queryFn: ({ signal }) => call(http.GET('/api/v1/remote-work/indicators/target', { signal })),
    retry: false,
    staleTime: 60_000,
  });
  if (!target.data) return null;
  return <p>{target.data.isDefault ? t('rwo.home.targetDefault', { percent: target.data.targetPercent }) : t('rwo.home.target', { percent: target.data.targetPercent })}</p>;
}

export default function RemoteWorkHome() {
  const { t } = useI18n();
  const { session, hasRole } = useSession();
  if (!session) return null;
  const cards = AREAS.filter((a) => a.roles.length === 0 || hasRole(...a.roles));
  const managers = hasRole(...MANAGERS);
  return (
    <>
      <PageTitle>{t('rwo.home.title')}</PageTitle>
      {managers && <OfficesNav />}
      <p className="lead">{t('rwo.home.intro')}</p>
      {session.organization ? <Target /> : <p>{t('rwo.home.noBody')}</p>}
      {cards.length === 0 && <p>{t('rwo.home.nothingYet')}</p>}
      <ul className="home-cards list-unstyled mt-4" data-testid="rw-cards">
        {cards.map((c) => (
          <li key={c.key} className="home-card">
            <h2 id={`rw-card-${c.key}`}>{t(c.title)}</h2>
            <p>{t(c.text)}</p>
            <Link to={c.to} className="btn btn-primary align-self-start">
              {t('home.open')}
              <span className="visually-hidden">: {t(c.title)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
