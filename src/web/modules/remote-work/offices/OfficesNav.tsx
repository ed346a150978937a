/** The sections of the offices-and-people pages, for the people who manage them. */
import { NavLink } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { useManagesBody } from './api';
import './offices.css';

export function OfficesNav() {
  const { t } = useI18n();
  const body = useManagesBody();
  const links = [
    { to: '/lavoro-agile', label: t('rwo.nav.home'), end: true },
    { to: '/lavoro-agile/uffici', label: t('rwo.nav.offices'), end: false },
    { to: '/lavoro-agile/dipendenti', label: t('rwo.nav.employees'), end: true },
  ];
  if (body) {
    links.push({ to: '/lavoro-agile/dipendenti/importa', label: t('rwo.nav.import'), end: true });
    links.push({ to: '/lavoro-agile/chiusure', label: t('rwo.nav.closures'), end: true });
  }
  return (
    <nav className="rwo-subnav mb-3" aria-label={t('rwo.nav.label')}>
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} end={l.end} className={({ isActive }) => `rwo-subnav-link${isActive ? ' active' : ''}`}>
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
