/** "Password dimenticata": asks for a reset link by e-mail (the answer is the same whether or not the account exists). */
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { ApiError, call, http } from '../../api/client';
import { PageTitle } from '../../components/Page';
import { TextField } from '../../components/Field';
import { ProblemAlert, SuccessNotice } from '../../components/Problem';
import { isValidEmail } from '../../../platform/email-rules';

export default function ForgotPasswordPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!isValidEmail(email.trim())) {
      setFieldError(email.trim() ? t('signin.invalidEmail') : t('signin.required.email'));
      ref.current?.focus();
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      await call(http.POST('/api/v1/auth/password-reset', { body: { email: email.trim() } }), { quiet401: true });
      setSent(true);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFieldError(err.fieldErrors().email);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="signin-box">
      <PageTitle>{t('forgot.title')}</PageTitle>
      {sent ? (
        <SuccessNotice>{t('forgot.sent')}</SuccessNotice>
      ) : (
        <>
          <p>{t('forgot.intro')}</p>
          <ProblemAlert error={error} />
          <form noValidate onSubmit={submit}>
            <TextField
              ref={ref}
              label={t('signin.email')}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={fieldError}
            />
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? t('form.saving') : t('forgot.submit')}
            </button>
          </form>
        </>
      )}
      <p className="mt-4">
        <Link to="/accedi">{t('forgot.back')}</Link>
      </p>
    </div>
  );
}
