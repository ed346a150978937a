/** Sign-in with e-mail and password (with clear Italian errors), or with SPID/CIE through the broker. */
import { useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../i18n';
import { ApiError, call, http } from '../../api/client';
import { SESSION_KEY } from '../../api/session';
import { PageTitle } from '../../components/Page';
import { TextField } from '../../components/Field';
import { ProblemAlert, SuccessNotice } from '../../components/Problem';
import { isValidEmail } from '../../../platform/email-rules';

const OIDC_LOGIN = '/api/v1/auth/oidc/login';

export default function SignInPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const location = useLocation();
  const signedOut = new URLSearchParams(location.search).get('uscita');
  const notice = signedOut === 'tutti' ? t('session.signOutAllDone') : signedOut ? t('session.signedOut') : undefined;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [oidcUnavailable, setOidcUnavailable] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const fe: Record<string, string> = {};
    if (!email.trim()) fe.email = t('signin.required.email');
    else if (!isValidEmail(email.trim())) fe.email = t('signin.invalidEmail');
    if (!password) fe.password = t('signin.required.password');
    setFieldErrors(fe);
    setError(null);
    if (fe.email) return emailRef.current?.focus();
    if (fe.password) return passwordRef.current?.focus();
    setBusy(true);
    try {
      await call(http.POST('/api/v1/auth/login', { body: { email: email.trim(), password } }), { quiet401: true });
      // The session query refetches; PublicOnly then sends the user on to ?next (or home).
      await qc.invalidateQueries({ queryKey: SESSION_KEY });
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors());
      setPassword('');
      setTimeout(() => errorRef.current?.focus(), 0);
    } finally {
      setBusy(false);
    }
  };

  const spid = async (e: React.MouseEvent<HTMLAnchorElement>) => {
    // Probe first: when OIDC is not configured the server answers 404 and we say so here.
    e.preventDefault();
    try {
      const res = await fetch(OIDC_LOGIN, { redirect: 'manual', credentials: 'same-origin' });
      if (res.type === 'opaqueredirect' || res.ok) {
        window.location.assign(OIDC_LOGIN);
        return;
      }
    } catch {
      /* fall through */
    }
    setOidcUnavailable(true);
  };

  return (
    <div className="signin-box">
      <PageTitle>{t('signin.title')}</PageTitle>
      <SuccessNotice>{notice}</SuccessNotice>
      <p>{t('signin.intro')}</p>
      <div ref={errorRef} tabIndex={-1}>
        <ProblemAlert error={error} title={t('signin.failed')} />
      </div>
      <form noValidate onSubmit={submit} className="mb-4">
        <TextField
          ref={emailRef}
          id="signin-email"
          label={t('signin.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldErrors.email}
        />
        <TextField
          ref={passwordRef}
          id="signin-password"
          label={t('signin.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldErrors.password}
        />
        <div className="d-flex flex-wrap align-items-center gap-3">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('signin.submitting') : t('signin.submit')}
          </button>
          <Link to="/password-dimenticata">{t('signin.forgot')}</Link>
        </div>
      </form>
      <p className="divider-or" aria-hidden="true">
        {t('signin.or')}
      </p>
      <a className="btn btn-outline-primary" href={OIDC_LOGIN} onClick={spid} aria-describedby="spid-help">
        {t('signin.spid')}
      </a>
      <p id="spid-help" className="form-text mt-2">
        {t('signin.spidHelp')}
      </p>
      {oidcUnavailable && (
        <div className="alert alert-info" role="alert">
          {t('signin.spidUnavailable')}
        </div>
      )}
    </div>
  );
}
