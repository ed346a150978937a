/** The audit log: filter by dates and action, page through, check the hash chain, export CSV/JSON. */
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n';
import { apiHref, call, http } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import { EmptyState, Loading, PageTitle } from '../../components/Page';
import { TextField } from '../../components/Field';
import { ProblemAlert } from '../../components/Problem';
import { Pager } from '../../components/Pager';

/** A day in Europe/Rome as an instant: midnight at the start (from) or the start of the next day (to). */
function romeDayStart(day: string, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d + plusDays);
  // offset of Europe/Rome at that moment (+1 h or +2 h)
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', hour: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(guess));
  const h = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  return new Date(guess - h * 3600_000).toISOString();
}

function actorName(a: AuditEntry['actor'], system: string): string {
  return a || system;
}

export default function AuditPage() {
  const { t, formatDateTime, formatNumber } = useI18n();
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const action = params.get('action') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState({ from, to, action });

  const filters = {
    from: from ? romeDayStart(from) : undefined,
    to: to ? romeDayStart(to, 1) : undefined,
    action: action || undefined,
  };
  const q = useQuery({
    queryKey: ['audit', from, to, action, page],
    queryFn: () => call(http.GET('/api/v1/audit-entries', { params: { query: { ...filters, page, pageSize: 20 } } })),
    placeholderData: keepPreviousData,
  });
  const verify = useQuery({
    queryKey: ['audit-verification'],
    queryFn: () => call(http.GET('/api/v1/audit-entries/verification')),
    enabled: false,
  });

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const p = new URLSearchParams();
    if (draft.from) p.set('from', draft.from);
    if (draft.to) p.set('to', draft.to);
    if (draft.action.trim()) p.set('action', draft.action.trim());
    setParams(p);
  };
  const setPage = (n: number) => {
    const p = new URLSearchParams(params);
    p.set('page', String(n));
    setParams(p);
  };

  const data = q.data;
  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      <p>{t('audit.intro')}</p>
      <div className="d-flex flex-wrap gap-2 mb-3">
        <button type="button" className="btn btn-outline-primary" onClick={() => void verify.refetch()} disabled={verify.isFetching}>
          {verify.isFetching ? t('audit.verifying') : t('audit.verify')}
        </button>
        <a className="btn btn-outline-secondary" href={apiHref('/api/v1/audit-entries/export', { query: { format: 'csv', separator: 'semicolon', ...filters } })} download>
          {t('audit.exportCsv')}
        </a>
        <a className="btn btn-outline-secondary" href={apiHref('/api/v1/audit-entries/export', { query: { format: 'json', ...filters } })} download>
          {t('audit.exportJson')}
        </a>
      </div>
      <div aria-live="polite">
        {verify.data &&
          (verify.data.valid ? (
            <div className="alert alert-success" role="status">
              {t('audit.valid', { entries: formatNumber(verify.data.entries) })}
            </div>
          ) : (
            <div className="alert alert-danger" role="alert">
              {t('audit.broken', { seq: verify.data.firstBrokenSeq ?? '?' })}
              {verify.data.problem ? ` ${verify.data.problem}` : ''}
            </div>
          ))}
      </div>
      <ProblemAlert error={verify.error} />

      <form onSubmit={apply} className="row g-3 align-items-end mb-2" aria-labelledby="audit-filters">
        <h2 id="audit-filters" className="h5 col-12 mb-0">
          {t('audit.filters')}
        </h2>
        <div className="col-12 col-md-3">
          <TextField label={t('audit.from')} type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </div>
        <div className="col-12 col-md-3">
          <TextField label={t('audit.to')} type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <div className="col-12 col-md-4">
          <TextField label={t('audit.action')} help={t('audit.actionHelp')} value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} />
        </div>
        <div className="col-12 col-md-2 mb-4">
          <button type="submit" className="btn btn-primary w-100">
            {t('audit.apply')}
          </button>
        </div>
      </form>

      {q.isPending && <Loading />}
      <ProblemAlert error={q.error} onRetry={() => void q.refetch()} />
      {data && data.items.length === 0 && <EmptyState>{t('audit.empty')}</EmptyState>}
      {data && data.items.length > 0 && (
        <>
          <div className="table-responsive">
            <table className="table">
              <caption>{t('audit.caption', { total: formatNumber(data.total) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.col.seq')}</th>
                  <th scope="col">{t('audit.col.at')}</th>
                  <th scope="col">{t('audit.col.actor')}</th>
                  <th scope="col">{t('audit.col.action')}</th>
                  <th scope="col">{t('audit.col.entity')}</th>
                  <th scope="col">{t('audit.col.changes')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">{e.seq}</th>
                    <td>{formatDateTime(e.at)}</td>
                    <td>{actorName(e.actor, t('audit.system'))}</td>
                    <td>
                      <code>{e.action}</code>
                    </td>
                    <td>
                      {e.entityType}
                      {e.entityId ? <span className="d-block small text-break">{e.entityId}</span> : null}
                    </td>
                    <td>
                      {(e.before != null || e.after != null) && (
                        <details>
                          <summary>{t('audit.showChanges')}</summary>
                          {e.before != null && (
                            <>
                              <p className="fw-semibold mb-0 mt-2">{t('audit.before')}</p>
                              <pre className="json">{JSON.stringify(e.before, null, 2)}</pre>
                            </>
                          )}
                          {e.after != null && (
                            <>
                              <p className="fw-semibold mb-0 mt-2">{t('audit.after')}</p>
                              <pre className="json">{JSON.stringify(e.after, null, 2)}</pre>
                            </>
                          )}
                        </details>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
        </>
      )}
    </>
  );
}
