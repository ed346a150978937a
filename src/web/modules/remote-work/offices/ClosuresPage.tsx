/** The body's closures (beyond national holidays and the patron day), this year and next: HR adds and removes them. */
import { useRef, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../i18n';
import { ApiError, call, http } from '../../../api/client';
import { EmptyState, Loading, PageTitle } from '../../../components/Page';
import { TextField } from '../../../components/Field';
import { ProblemAlert, SuccessNotice } from '../../../components/Problem';
import { keys, useManagesBody } from './api';
import { OfficesNav } from './OfficesNav';

export default function ClosuresPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const body = useManagesBody();
  const year = new Date().getFullYear();
  const from = `${year}-01-01`;
  const to = `${year + 1}-12-31`;
  const list = useQuery({ queryKey: keys.closures(from, to), queryFn: ({ signal }) => call(http.GET('/api/v1/remote-work/closures', { params: { query: { from, to } }, signal })) });
  const [day, setDay] = useState('');
  const [reason, setReason] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const dayRef = useRef<HTMLInputElement>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ['remote-work', 'closures'] });
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      setFieldErrors({ day: t('rwo.closures.dayRequired') });
      return dayRef.current?.focus();
    }
    setFieldErrors({});
    try {
      await call(http.PUT('/api/v1/remote-work/closures/{day}', { params: { path: { day } }, body: { reason: reason.trim() } }));
      setNotice(t('rwo.closures.added', { day }));
      setDay('');
      setReason('');
      await refresh();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors());
    }
  };
  const remove = async (d: string) => {
    setError(null);
    try {
      await call(http.DELETE('/api/v1/remote-work/closures/{day}', { params: { path: { day: d } } }));
      setNotice(t('rwo.closures.removed', { day: d }));
      await refresh();
    } catch (err) {
      setError(err);
    }
  };
  const items = list.data ?? [];
  return (
    <>
      <PageTitle>{t('rwo.closures.title')}</PageTitle>
      <OfficesNav />
      <p>{t('rwo.closures.intro')}</p>
      <SuccessNotice>{notice}</SuccessNotice>
      <ProblemAlert error={error} />
      {list.isPending && <Loading />}
      <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isSuccess && items.length === 0 && <EmptyState>{t('rwo.closures.empty')}</EmptyState>}
      {items.length > 0 && (
        <div className="table-responsive">
          <table className="table">
            <caption>{t('rwo.closures.caption', { from: year, to: year + 1 })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rwo.closures.day')}</th>
                <th scope="col">{t('rwo.closures.reasonCol')}</th>
                {body && <th scope="col">{t('rwo.closures.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.day}>
                  <th scope="row">{c.day}</th>
                  <td>{c.reason || '—'}</td>
                  {body && (
                    <td>
                      <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => void remove(c.day)}>
                        {t('rwo.closures.remove')}
                        <span className="visually-hidden"> — {c.day}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {body && (
        <section aria-labelledby="closure-add-title" className="mt-4">
          <h2 id="closure-add-title" className="h4">
            {t('rwo.closures.add')}
          </h2>
          <form noValidate onSubmit={add} className="form-narrow">
            <TextField ref={dayRef} label={t('rwo.closures.day')} type="date" required value={day} onChange={(e) => setDay(e.target.value)} error={fieldErrors.day} />
            <TextField label={t('rwo.closures.reason')} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} error={fieldErrors.reason} />
            <button type="submit" className="btn btn-primary">
              {t('rwo.closures.submit')}
            </button>
          </form>
        </section>
      )}
    </>
  );
}
