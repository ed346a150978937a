/** Change one's own password: the current one, then the new one twice. Other sessions end. */
import { useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { ApiError, call, http } from '../../api/client';
import { PageTitle } from '../../components/Page';
import { TextField } from '../../components/Field';
import { checkNewPassword, NewPasswordFields, type NewPasswordFieldsHandle } from '../../components/NewPasswordFields';
import { ProblemAlert, SuccessNotice } from '../../components/Problem';

export default function PasswordPage() {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<null | 'sessions' | 'everywhere'>(null);
  const [everywhere, setEverywhere] = useState(false);
  const [busy, setBusy] = useState(false);
  const curRef = useRef<HTMLInputElement>(null);
  const newRef = useRef<NewPasswordFieldsHandle>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    const pair = checkNewPassword(password, confirm, t);
    const fe: Record<string, string> = {};
    if (!current) fe.currentPassword = t('password.currentRequired');
    if (pair.password) fe.newPassword = pair.password;
    if (pair.confirm) fe.confirm = pair.confirm;
    setFieldErrors(fe);
    if (fe.currentPassword) return curRef.current?.focus();
    if (pair.password || pair.confirm) return newRef.current?.focusError(pair);
    setBusy(true);
    try {
      await call(http.PUT('/api/v1/auth/password', { body: { currentPassword: current, newPassword: password, signOutEverywhere: everywhere } }));
      setDone(everywhere ? 'everywhere' : 'sessions');
      setEverywhere(false);
      setCurrent('');
      setPassword('');
      setConfirm('');
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) {
        const byField = err.fieldErrors();
        if (err.problem?.code === 'auth.wrong_current_password') byField.currentPassword = t('password.wrongCurrent');
        setFieldErrors(byField);
        if (byField.currentPassword) curRef.current?.focus();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="form-narrow">
      <PageTitle>{t('password.title')}</PageTitle>
      <p>{t('password.intro')}</p>
      <SuccessNotice>{done === 'everywhere' ? t('password.doneEverywhere') : done ? t('password.done') : null}</SuccessNotice>
      <ProblemAlert error={error} />
      <form noValidate onSubmit={submit}>
        <TextField
          ref={curRef}
          label={t('password.current')}
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={fieldErrors.currentPassword}
        />
        <NewPasswordFields
          ref={newRef}
          withHint
          password={password}
          confirm={confirm}
          onPasswordChange={setPassword}
          onConfirmChange={setConfirm}
          errors={{ password: fieldErrors.newPassword, confirm: fieldErrors.confirm }}
        />
        <div className="form-check my-3">
          <input type="checkbox" className="form-check-input" id="password-everywhere" checked={everywhere} onChange={(e) => setEverywhere(e.target.checked)} aria-describedby="password-everywhere-help" />
          <label className="form-check-label" htmlFor="password-everywhere">
            {t('password.everywhere')}
          </label>
          <div id="password-everywhere-help" className="form-text">
            {t('password.everywhereHelp')}
          </div>
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('form.saving') : t('password.submit')}
        </button>
      </form>
    </div>
  );
}
