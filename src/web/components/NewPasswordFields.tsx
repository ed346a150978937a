/**
 * The new password typed twice, with its labels, optional hint and checks: one component for every
 * page where a person chooses a password (the reset link, the change of one's own password).
 */
import { forwardRef, useImperativeHandle, useRef } from 'react';
import { useI18n, type T } from '../i18n';
import { TextField } from './Field';

export const MIN_PASSWORD_LENGTH = 12;

/** A type alias, not an interface, so that it fits a page's Record<string, string> of field errors. */
export type NewPasswordErrors = {
  password?: string;
  confirm?: string;
};

/** The pair's errors in the current language; an empty object when the pair may be sent. */
export function checkNewPassword(password: string, confirm: string, t: T): NewPasswordErrors {
  if (password.length < MIN_PASSWORD_LENGTH) return { password: t('reset.tooShort') };
  if (password !== confirm) return { confirm: t('reset.mismatch') };
  return {};
}

export interface NewPasswordFieldsHandle {
  /** Moves the focus to the first of the two fields that has an error. */
  focusError(errors: NewPasswordErrors): void;
}

interface Props {
  password: string;
  confirm: string;
  onPasswordChange(value: string): void;
  onConfirmChange(value: string): void;
  errors: NewPasswordErrors;
  /** Shows the rule (at least 12 characters) under the first field, for pages that do not say it above. */
  withHint?: boolean;
}

export const NewPasswordFields = forwardRef<NewPasswordFieldsHandle, Props>(function NewPasswordFields(
  { password, confirm, onPasswordChange, onConfirmChange, errors, withHint },
  ref,
) {
  const { t } = useI18n();
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => ({
    focusError(e) {
      if (e.password) passwordRef.current?.focus();
      else if (e.confirm) confirmRef.current?.focus();
    },
  }));
  return (
    <>
      <TextField
        ref={passwordRef}
        label={t('reset.password')}
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        help={withHint ? t('reset.intro') : undefined}
        value={password}
        onChange={(e) => onPasswordChange(e.target.value)}
        error={errors.password}
      />
      <TextField
        ref={confirmRef}
        label={t('reset.confirm')}
        type="password"
        autoComplete="new-password"
        required
        value={confirm}
        onChange={(e) => onConfirmChange(e.target.value)}
        error={errors.confirm}
      />
    </>
  );
});
