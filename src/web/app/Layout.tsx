/** The app shell: skip links, header (body, body switcher, language, sign-out), navigation, main, footer. */
import { useEffect, useState, type FormEvent } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n';
import { useSession } from '../api/session';
import { call, http } from '../api/client';
import { problemText } from '../components/Problem';

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const other = lang === 'it' ? 'en' : 'it';
  return (
    <button type="button" className="btn btn-link header-link p-0" lang={other} onClick={() => setLang(other)} aria-label={t('lang.switchToLabel')}>
      {t('lang.switchTo')}
    </button>
  );
}

function BodySwitcher() {
  const { session } = useSession();
  const { t } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [target, setTarget] = useState(session?.organization?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setTarget(session?.organization?.id ?? ''), [session?.organization?.id]);
  if (!session) return null;
  const ms = session.memberships;
  if (ms.length < 2) {
    return <span className="header-body">{session.organization?.name ?? t('session.noBody')}</span>;
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await call(http.POST('/api/v1/auth/switch-organization', { body: { organizationId: target } }));
      await qc.resetQueries();
      navigate('/', { state: { notice: t('session.switched', { name: ms.find((m) => m.organizationId === target)?.organizationName ?? '' }) } });
    } catch (err) {
      setError(problemText(err, t).title);
    }
  };
  return (
    <form className="body-switcher d-flex align-items-center gap-2 flex-wrap" onSubmit={submit}>
      <label htmlFor="body-switcher" className="visually-hidden">
        {t('session.switchBody')}
      </label>
      <select id="body-switcher" className="form-select form-select-sm" value={target} onChange={(e) => setTarget(e.target.value)}>
        {ms.map((m) => (
          <option key={m.organizationId} value={m.organizationId}>
            {m.organizationName}
          </option>
        ))}
      </select>
      <button type="submit" className="btn btn-sm btn-outline-light" disabled={target === session.organization?.id}>
        {t('session.switchBodyButton')}
      </button>
      {error && (
        <span role="alert" className="text-white">
          {error}
        </span>
      )}
    </form>
  );
}

function UserMenu() {
  const { session } = useSession();
  const { t } = useI18n();
  if (!session) return null;
  const signOut = async (all: boolean) => {
    try {
      await call(http.POST(all ? '/api/v1/auth/logout-all' : '/api/v1/auth/logout'), { quiet401: true });
    } catch {
      /* signed out already, or the server is down: the local session is forgotten anyway */
    }
    // A full page load wipes every cached answer and in-memory state of the old session.
    window.location.assign(`/accedi?uscita=${all ? 'tutti' : 'si'}`);
  };
  return (
    <div className="d-flex align-items-center gap-3 flex-wrap user-menu">
      <span className="header-user d-none d-md-inline">{t('session.signedInAs', { name: session.user.displayName || session.user.email })}</span>
      <button type="button" className="btn btn-sm btn-light" onClick={() => signOut(false)}>
        {t('session.signOut')}
      </button>
      <button type="button" className="btn btn-link header-link p-0" onClick={() => signOut(true)}>
        {t('session.signOutAll')}
      </button>
    </div>
  );
}

function MainNav() {
  const { session, hasRole, isPlatformAdmin } = useSession();
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const location = useLocation();
  useEffect(() => setOpen(false), [location.pathname]);
  if (!session) return null;
  const orgId = session.organization?.id;
  const links: { to: string; label: string; end?: boolean }[] = [
    { to: '/', label: t('nav.home'), end: true },
    { to: '/enti', label: t('nav.directory'), end: true },
    { to: '/videoconferenze', label: t('nav.conferencing') },
  ];
  if (orgId) links.push({ to: '/lavoro-agile', label: t('nav.remoteWork') });
  if (orgId && hasRole('body_admin')) links.push({ to: `/enti/${orgId}/persone`, label: t('nav.members') });
  if (hasRole('body_admin')) links.push({ to: '/registro-attivita', label: t('nav.audit') });
  if (isPlatformAdmin) links.push({ to: '/posta-in-uscita', label: t('nav.outbox') });
  links.push({ to: '/profilo/token', label: t('nav.tokens') });
  links.push({ to: '/profilo/password', label: t('nav.password') });
  return (
    <nav id="main-nav" className="main-nav" aria-label={t('nav.label')}>
      <div className="container-xxl">
        <button
          type="button"
          className="btn btn-sm btn-outline-primary d-lg-none my-2"
          aria-expanded={open}
          aria-controls="main-nav-list"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t('nav.closeMenu') : t('nav.menu')}
        </button>
        <ul id="main-nav-list" className={`main-nav-list${open ? ' open' : ''}`}>
          {links.map((l) => (
            <li key={l.to}>
              <NavLink to={l.to} end={l.end} className={({ isActive }) => `main-nav-link${isActive ? ' active' : ''}`}>
                {l.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}

export function Layout() {
  const { t } = useI18n();
  const { session } = useSession();
  return (
    <>
      <div className="skiplinks">
        <a className="visually-hidden-focusable" href="#main">
          {t('app.skipToContent')}
        </a>
        {session && (
          <a className="visually-hidden-focusable" href="#main-nav">
            {t('app.skipToNav')}
          </a>
        )}
      </div>
      <header className="it-header-wrapper app-header">
        <div className="it-header-slim-wrapper">
          <div className="container-xxl">
            <div className="slim-bar d-flex justify-content-between align-items-center flex-wrap gap-2 py-2">
              <div className="d-flex align-items-center gap-2">
                {session ? <BodySwitcher /> : <span className="header-body">{t('app.tagline')}</span>}
              </div>
              <div className="d-flex align-items-center gap-3 flex-wrap">
                <LanguageSwitch />
                <UserMenu />
              </div>
            </div>
          </div>
        </div>
        <div className="it-header-center-wrapper">
          <div className="container-xxl">
            <div className="it-header-center-content-wrapper">
              <div className="it-brand-wrapper">
                <Link to="/">
                  <div className="it-brand-text">
                    <div className="it-brand-title">{t('app.name')}</div>
                    <div className="it-brand-tagline d-none d-md-block">{t('app.tagline')}</div>
                  </div>
                </Link>
              </div>
            </div>
          </div>
        </div>
      </header>
      <MainNav />
      <main id="main" tabIndex={-1} className="container-xxl py-4 app-main">
        <Outlet />
      </main>
      <footer className="it-footer app-footer">
        <div className="it-footer-small-prints clearfix">
          <div className="container-xxl py-3">
            <p className="mb-1 text-white">{t('app.footer')}</p>
            <a className="text-white" href="/api/v1/openapi.json">
              {t('app.apiDocs')}
            </a>
          </div>
        </div>
      </footer>
    </>
  );
}
