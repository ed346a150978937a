/** The page the reset e-mail links to: /reimposta-password?token=… */
import { useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { api, ApiError } from '../../api/client';
import { PageTitle } from '../../components/Page';
import { TextField } from '../../components/Field';
import { ProblemAlert, SuccessNotice } from '../../components/Problem';

export default function ResetPasswordPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const pRef = useRef<HTMLInputElement>(null);
  const cRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const fe: Record<string, string> = {};
    if (password.length < 12) fe.password = t('reset.tooShort');
    else if (password !== confirm) fe.confirm = t('reset.mismatch');
    setFieldErrors(fe);
    if (fe.password) return pRef.current?.focus();
    if (fe.confirm) return cRef.current?.focus();
    setBusy(true);
    try {
      await api('/auth/password-reset/confirm', { method: 'POST', body: { token, password }, quiet401: true });
      setDone(true);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors());
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="signin-box">
      <PageTitle>{t('reset.title')}</PageTitle>
      {!token ? (
        <div className="alert alert-warning" role="alert">
          {t('reset.missingToken')} <Link to="/password-dimenticata">{t('forgot.title')}</Link>
        </div>
      ) : done ? (
        <>
          <SuccessNotice>{t('reset.done')}</SuccessNotice>
          <Link className="btn btn-primary" to="/accedi">
            {t('reset.goSignIn')}
          </Link>
        </>
      ) : (
        <>
          <p>{t('reset.intro')}</p>
          <ProblemAlert error={error} />
          <form noValidate onSubmit={submit}>
            <TextField
              ref={pRef}
              label={t('reset.password')}
              type="password"
              autoComplete="new-password"
              required
              minLength={12}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={fieldErrors.password}
            />
            <TextField
              ref={cRef}
              label={t('reset.confirm')}
              type="password"
              autoComplete="new-password"
              required
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
              error={fieldErrors.confirm}
            />
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? t('form.saving') : t('reset.submit')}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
