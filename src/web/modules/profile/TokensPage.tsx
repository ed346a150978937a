/** Personal API tokens: create (shown once, with a copy button), list, revoke. */
import { useRef, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../i18n';
import { ApiError, call, http } from '../../api/client';
import type { ApiToken } from '../../api/types';
import { EmptyState, Loading, PageTitle } from '../../components/Page';
import { SelectField, TextField } from '../../components/Field';
import { ProblemAlert, SuccessNotice } from '../../components/Problem';

/** How long a new token lasts: the server's default (90 days) first, a year at most. */
const DURATIONS = [90, 30, 180, 365] as const;

export default function TokensPage() {
  const { t, formatDate, formatDateTime } = useI18n();
  const qc = useQueryClient();
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => call(http.GET('/api/v1/auth/tokens')) });
  const list = tokens.data?.items ?? [];
  const [name, setName] = useState('');
  const [days, setDays] = useState<(typeof DURATIONS)[number]>(DURATIONS[0]);
  const [nameError, setNameError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<{ name: string; token: string; expiresAt: string | null } | null>(null);
  const [copyState, setCopyState] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const createdRef = useRef<HTMLDivElement>(null);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setNotice(null);
    if (!name.trim()) {
      setNameError(t('tokens.required.name'));
      nameRef.current?.focus();
      return;
    }
    setNameError(undefined);
    try {
      const r = await call(http.POST('/api/v1/auth/tokens', { body: { name: name.trim(), expiresInDays: days } }));
      setCreated({ name: name.trim(), token: r.token, expiresAt: r.expiresAt });
      setCopyState(null);
      setName('');
      await qc.invalidateQueries({ queryKey: ['tokens'] });
      setTimeout(() => createdRef.current?.focus(), 0);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setNameError(err.fieldErrors().name);
    }
  };

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setCopyState(t('tokens.copied'));
    } catch {
      setCopyState(t('tokens.copyFailed'));
    }
  };

  const revoke = async (tok: ApiToken) => {
    if (!window.confirm(t('tokens.revokeConfirm', { name: tok.name }))) return;
    setError(null);
    try {
      await call(http.DELETE('/api/v1/auth/tokens/{id}', { params: { path: { id: tok.id } } }));
      setNotice(t('tokens.revoked', { name: tok.name }));
      await qc.invalidateQueries({ queryKey: ['tokens'] });
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <PageTitle>{t('tokens.title')}</PageTitle>
      <p>{t('tokens.intro')}</p>
      <ProblemAlert error={error} />
      <SuccessNotice>{notice}</SuccessNotice>
      {created && (
        <div ref={createdRef} tabIndex={-1} className="alert alert-success" role="status">
          <p className="fw-semibold">{t('tokens.created')}</p>
          <p className="mb-1" id="new-token-label">
            {t('tokens.value')} ({created.name}):
          </p>
          <p className="token-value" aria-labelledby="new-token-label" data-testid="new-token">
            {created.token}
          </p>
          {created.expiresAt && <p>{t('tokens.expiresOn', { date: formatDate(created.expiresAt) })}</p>}
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => void copy()}>
            {t('tokens.copy')}
          </button>
          <span className="ms-2" aria-live="polite">
            {copyState}
          </span>
        </div>
      )}
      <form noValidate onSubmit={create} className="form-narrow mb-4">
        <TextField ref={nameRef} label={t('tokens.name')} help={t('tokens.nameHelp')} required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} error={nameError} />
        <SelectField label={t('tokens.duration')} help={t('tokens.durationHelp')} value={days} onChange={(e) => setDays(DURATIONS.find((d) => String(d) === e.target.value) ?? DURATIONS[0])}>
          {DURATIONS.map((d) => (
            <option key={d} value={d}>
              {t('tokens.days', { n: d })}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="btn btn-primary">
          {t('tokens.create')}
        </button>
      </form>
      {tokens.isPending && <Loading />}
      <ProblemAlert error={tokens.error} onRetry={() => void tokens.refetch()} />
      {tokens.isSuccess && list.length === 0 && <EmptyState>{t('tokens.empty')}</EmptyState>}
      {list.length > 0 && (
        <div className="table-responsive">
          <table className="table">
            <caption>{t('tokens.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tokens.col.name')}</th>
                <th scope="col">{t('tokens.col.created')}</th>
                <th scope="col">{t('tokens.col.lastUsed')}</th>
                <th scope="col">{t('tokens.col.expires')}</th>
                <th scope="col">{t('tokens.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((tok) => (
                <tr key={tok.id}>
                  <th scope="row">{tok.name}</th>
                  <td>{formatDateTime(tok.createdAt)}</td>
                  <td>{tok.lastUsedAt ? formatDateTime(tok.lastUsedAt) : t('tokens.never')}</td>
                  <td>{tok.expiresAt ? formatDate(tok.expiresAt) : t('tokens.noExpiry')}</td>
                  <td>
                    <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => void revoke(tok)}>
                      {t('tokens.revokeShort')}
                      <span className="visually-hidden"> — {tok.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
