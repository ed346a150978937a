/**
 * The decisions on an agreement, in a modal <dialog> (focus kept inside, Escape closes, focus back
 * to the opener): approve, refuse (reason required), register, withdraw (reason, justified reason,
 * last day) or withdraw a request. Nothing happens until the user confirms.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n';
import { ApiError, call, http } from '../../../api/client';
import { TextField } from '../../../components/Field';
import { ProblemAlert } from '../../../components/Problem';
import { TextAreaField } from './parts';
import type { Agreement } from './types';

export type DialogAction = 'approve' | 'refuse' | 'register' | 'withdraw' | 'cancel';

export function dialogActionOf(a: Agreement, action: 'approve' | 'refuse' | 'register' | 'withdraw'): DialogAction {
  return action === 'withdraw' && a.status !== 'registered' ? 'cancel' : action;
}

export function ActionDialog({ agreement, action, onDone, onClose }: { agreement: Agreement | null; action: DialogAction | null; onDone(updated: Agreement, action: DialogAction): void; onClose(): void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const id = useId().replace(/:/g, '');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [justified, setJustified] = useState(false);
  const [effectiveOn, setEffectiveOn] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const open = !!agreement && !!action;

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      opener.current = document.activeElement;
      setReason('');
      setReasonError(undefined);
      setJustified(false);
      setEffectiveOn('');
      setError(null);
      d.showModal();
    } else if (!open && d.open) d.close();
  }, [open]);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    const closed = () => {
      onClose();
      const back = opener.current;
      if (back instanceof HTMLElement && back.isConnected) back.focus();
    };
    d.addEventListener('close', closed);
    return () => d.removeEventListener('close', closed);
  }, [onClose]);

  const name = agreement?.employeeName ?? '';
  const needsReason = action === 'refuse' || (action === 'withdraw' && justified);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!agreement || !action) return;
    if (needsReason && !reason.trim()) {
      setReasonError(t('rwa.dialog.reasonRequired'));
      reasonRef.current?.focus();
      return;
    }
    setReasonError(undefined);
    setBusy(true);
    setError(null);
    const path = { id: agreement.id };
    try {
      let updated: Agreement;
      if (action === 'approve' || action === 'refuse') {
        updated = await call(http.POST('/api/v1/remote-work/agreements/{id}/decision', { params: { path }, body: { decision: action === 'approve' ? 'approved' : 'refused', reason: reason.trim() || null } }));
      } else if (action === 'register') {
        updated = await call(http.POST('/api/v1/remote-work/agreements/{id}/registration', { params: { path } }));
      } else {
        updated = await call(
          http.POST('/api/v1/remote-work/agreements/{id}/withdrawal', {
            params: { path },
            body: { reason: reason.trim() || null, justified: action === 'withdraw' ? justified : false, effectiveOn: action === 'withdraw' && effectiveOn ? effectiveOn : null },
          }),
        );
      }
      ref.current?.close();
      onDone(updated, action);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.fieldErrors().reason) setReasonError(err.fieldErrors().reason);
    } finally {
      setBusy(false);
    }
  };

  const title =
    action === 'approve' ? t('rwa.dialog.approve', { name }) :
    action === 'refuse' ? t('rwa.dialog.refuse', { name }) :
    action === 'register' ? t('rwa.dialog.register', { name }) :
    action === 'withdraw' ? t('rwa.dialog.withdraw', { name }) :
    action === 'cancel' ? t('rwa.dialog.cancel', { name }) : '';
  const confirm =
    action === 'approve' ? t('rwa.action.approve') :
    action === 'refuse' ? t('rwa.action.refuse') :
    action === 'register' ? t('rwa.action.register') :
    action === 'cancel' ? t('rwa.action.cancel') : t('rwa.action.withdraw');

  return (
    <dialog ref={ref} className="rwa-dialog" aria-labelledby={`${id}-title`}>
      <form noValidate onSubmit={submit}>
        <h2 id={`${id}-title`} className="h4">
          {title}
        </h2>
        <ProblemAlert error={error} title={t('rwa.action.failed')} />
        {action === 'withdraw' && <p className="form-text">{t('rwa.dialog.withdrawRules')}</p>}
        {action === 'withdraw' && (
          <div className="form-check mb-3">
            <input id={`${id}-justified`} type="checkbox" checked={justified} onChange={(e) => setJustified(e.target.checked)} />
            <label htmlFor={`${id}-justified`}>{t('rwa.dialog.justified')}</label>
          </div>
        )}
        {action === 'withdraw' && (
          <TextField label={t('rwa.dialog.effectiveOn')} help={t('rwa.dialog.effectiveOnHelp')} type="date" value={effectiveOn} onChange={(e) => setEffectiveOn(e.target.value)} />
        )}
        {action !== 'register' && action !== 'approve' && (
          <TextAreaField
            ref={reasonRef}
            label={needsReason ? t('rwa.dialog.reason') : t('rwa.dialog.reasonOptional')}
            required={needsReason}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={reasonError}
          />
        )}
        <div className="d-flex flex-wrap gap-2 justify-content-end">
          <button type="button" className="btn btn-outline-primary" onClick={() => ref.current?.close()}>
            {t('rwa.action.close')}
          </button>
          <button type="submit" className={`btn ${action === 'refuse' || action === 'withdraw' || action === 'cancel' ? 'btn-danger' : 'btn-primary'}`} disabled={busy}>
            {confirm}
          </button>
        </div>
      </form>
    </dialog>
  );
}
