/** The page the reset e-mail links to: /reimposta-password?token=… */
import { useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { ApiError, call, http } from '../../api/client';
import { PageTitle } from '../../components/Page';
import { checkNewPassword, NewPasswordFields, type NewPasswordFieldsHandle } from '../../components/NewPasswordFields';
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
  const fieldsRef = useRef<NewPasswordFieldsHandle>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const fe = checkNewPassword(password, confirm, t);
    setFieldErrors(fe);
    if (fe.password || fe.confirm) return fieldsRef.current?.focusError(fe);
    setBusy(true);
    try {
      await call(http.POST('/api/v1/auth/password-reset/confirm', { body: { token, password } }), { quiet401: true });
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
            <NewPasswordFields
              ref={fieldsRef}
              password={password}
              confirm={confirm}
              onPasswordChange={setPassword}
              onConfirmChange={setConfirm}
              errors={{ password: fieldErrors.password, confirm: fieldErrors.confirm }}
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
