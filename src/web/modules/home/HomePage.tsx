/** The home page: what this person can do, by role. Only what exists today is shown. */
import { Link, useLocation } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { useSession } from '../../api/session';
import { PageTitle } from '../../components/Page';
import { SuccessNotice } from '../../components/Problem';
import type { MessageKey } from '../../i18n/it';
import { useConferencingHomeCards } from '../conferencing/home-cards';

interface CardDef {
  key: string;
  to: string;
  title: MessageKey;
  text: MessageKey;
}

export default function HomePage() {
  const { t, roleLabel } = useI18n();
  const { session, hasRole, isPlatformAdmin } = useSession();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const conferencingCards = useConferencingHomeCards();
  if (!session) return null;
  const org = session.organization;
  const cards: CardDef[] = [{ key: 'directory', to: '/enti', title: 'home.card.directory.title', text: 'home.card.directory.text' }, ...conferencingCards];
  if (isPlatformAdmin) cards.push({ key: 'bodies', to: '/enti/nuovo', title: 'home.card.bodies.title', text: 'home.card.bodies.text' });
  if (org && hasRole('body_admin')) cards.push({ key: 'members', to: `/enti/${org.id}/persone`, title: 'home.card.members.title', text: 'home.card.members.text' });
  if (hasRole('body_admin')) cards.push({ key: 'audit', to: '/registro-attivita', title: 'home.card.audit.title', text: 'home.card.audit.text' });
  if (isPlatformAdmin) cards.push({ key: 'outbox', to: '/posta-in-uscita', title: 'home.card.outbox.title', text: 'home.card.outbox.text' });
  if (org) cards.push({ key: 'profile', to: `/enti/${org.id}`, title: 'home.card.profile.title', text: 'home.card.profile.text' });
  cards.push({ key: 'tokens', to: '/profilo/token', title: 'home.card.tokens.title', text: 'home.card.tokens.text' });

  return (
    <>
      <PageTitle>{t('home.title', { name: session.user.displayName || session.user.email })}</PageTitle>
      <SuccessNotice>{notice}</SuccessNotice>
      <p className="lead">{t('home.intro')}</p>
      <p>
        {session.roles.length > 0 && org
          ? t('home.rolesIn', { body: org.name, roles: session.roles.map(roleLabel).join(', ') })
          : session.roles.includes('platform_admin')
            ? roleLabel('platform_admin') + '.'
            : t('home.noRoles')}
      </p>
      <ul className="home-cards list-unstyled mt-4" data-testid="home-cards">
        {cards.map((c) => (
          <li key={c.key} className="home-card">
            <h2 id={`card-${c.key}`}>{t(c.title)}</h2>
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
