/** The directory of public bodies: debounced search by name or code, kind filter, pages of 20. */
import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ORGANIZATION_KINDS, useI18n } from '../../i18n';
import { call, http } from '../../api/client';
import { useSession } from '../../api/session';
import type { OrganizationSummary } from '../../api/types';
import { EmptyState, Loading, PageTitle } from '../../components/Page';
import { ProblemAlert } from '../../components/Problem';
import { Pager } from '../../components/Pager';
import { regionName } from './regions';

const PAGE_SIZE = 20;

function place(o: OrganizationSummary): string {
  return [o.provinceCode, regionName(o)].filter(Boolean).join(' · ');
}

export default function DirectoryPage() {
  const { t, kindLabel, formatNumber } = useI18n();
  const { isPlatformAdmin } = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = params.get('kind') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useState(q);
  const searchId = useId().replace(/:/g, '');

  // Debounce: the query string (and so the request) follows the box 300 ms after the last key.
  useEffect(() => {
    if (text === q) return;
    const h = setTimeout(() => {
      const p = new URLSearchParams(params);
      if (text.trim()) p.set('q', text);
      else p.delete('q');
      p.delete('page');
      setParams(p, { replace: true });
    }, 300);
    return () => clearTimeout(h);
  }, [text, q, params, setParams]);

  const update = (key: string, value: string) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    if (key !== 'page') p.delete('page');
    setParams(p);
  };

  const query = useQuery({
    queryKey: ['organizations', q.trim(), kind, page],
    queryFn: ({ signal }) =>
      call(http.GET('/api/v1/organizations', { params: { query: { q: q.trim() || undefined, kind: ORGANIZATION_KINDS.find((k) => k === kind), page, pageSize: PAGE_SIZE } }, signal })),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <>
      <PageTitle>{t('directory.title')}</PageTitle>
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-3">
        <p className="mb-3">{t('directory.intro')}</p>
        {isPlatformAdmin && (
          <Link to="/enti/nuovo" className="btn btn-outline-primary">
            {t('directory.create')}
          </Link>
        )}
      </div>
      <form role="search" className="row g-3 align-items-start" onSubmit={(e) => e.preventDefault()}>
        <div className="col-12 col-md-7 field">
          <label htmlFor={`${searchId}-q`} className="field-label">
            {t('directory.search')}
          </label>
          <input
            id={`${searchId}-q`}
            type="search"
            className="form-control"
            value={text}
            autoComplete="off"
            aria-describedby={`${searchId}-help`}
            onChange={(e) => setText(e.target.value)}
          />
          <div id={`${searchId}-help`} className="form-text">
            {t('directory.searchHelp')}
          </div>
        </div>
        <div className="col-12 col-md-5 field">
          <label htmlFor={`${searchId}-kind`} className="field-label">
            {t('directory.kind')}
          </label>
          <select id={`${searchId}-kind`} className="form-select" value={kind} onChange={(e) => update('kind', e.target.value)}>
            <option value="">{t('kind.all')}</option>
            {ORGANIZATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </div>
      </form>

      <div aria-live="polite" className="mt-3 fw-semibold" data-testid="result-count">
        {data && !query.isFetching ? (data.total === 1 ? t('directory.oneResult') : t('directory.results', { total: formatNumber(data.total) })) : ''}
      </div>
      {query.isPending && <Loading />}
      <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      {data && data.items.length === 0 && <EmptyState>{t('directory.empty')}</EmptyState>}
      {data && data.items.length > 0 && (
        <div aria-busy={query.isFetching} className={query.isFetching ? 'opacity-75' : undefined}>
          <div className="table-responsive d-none d-md-block">
            <table className="table table-hover mt-2">
              <caption>{t('directory.caption', { total: formatNumber(data.total), page: data.page, pages })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('directory.col.name')}</th>
                  <th scope="col">{t('directory.col.kind')}</th>
                  <th scope="col">{t('directory.col.istat')}</th>
                  <th scope="col">{t('directory.col.ipa')}</th>
                  <th scope="col">{t('directory.col.place')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((o) => (
                  <tr key={o.id}>
                    <th scope="row">
                      <Link to={`/enti/${o.id}`}>{o.name}</Link>
                    </th>
                    <td>{kindLabel(o.kind)}</td>
                    <td>{o.istatCode ?? ''}</td>
                    <td>{o.ipaCode ?? ''}</td>
                    <td>{place(o)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ul className="results-list d-md-none mt-2" aria-label={t('directory.captionShort')}>
            {data.items.map((o) => (
              <li key={o.id}>
                <Link className="result-name" to={`/enti/${o.id}`}>
                  {o.name}
                </Link>
                <div className="result-meta">
                  {[kindLabel(o.kind), place(o), o.istatCode ? `${t('directory.col.istat')} ${o.istatCode}` : ''].filter(Boolean).join(' · ')}
                </div>
              </li>
            ))}
          </ul>
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(p) => update('page', String(p))} />
        </div>
      )}
    </>
  );
}
