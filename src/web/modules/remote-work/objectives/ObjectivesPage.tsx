/**
 * "Obiettivi": the objectives the person may see — HR all, an office manager his offices', an
 * employee his own and his teams' — each with its progress as a bar and in words (achieved against
 * expected by today, status), filtered by period and title.
 */
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { useSession } from '../../../api/session';
import { EmptyState, Loading, PageTitle } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { ProblemAlert, SuccessNotice } from '../../../components/Problem';
import { useObjectives } from './api';
import { ProgressBar, useObjFormat } from './parts';
import { PERIODS, type Period } from './types';

const PAGE_SIZE = 20;

export default function ObjectivesPage() {
  const { t } = useI18n();
  const f = useObjFormat();
  const { hasRole } = useSession();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('periodo') as Period | null;
  const period: Period = asked && PERIODS.includes(asked) ? asked : 'current';
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('pagina')) || 1);
  const [search, setSearch] = useState(q);
  const notice = (location.state as { notice?: string } | null)?.notice ?? null;
  const list = useObjectives(period, q, page, PAGE_SIZE);
  const manager = hasRole('hr_manager', 'body_admin', 'office_manager');

  const update = (changes: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') p.delete(k);
      else p.set(k, v);
    }
    setParams(p);
  };
  const submitSearch = (e: FormEvent) => {
    e.preventDefault();
    update({ q: search.trim(), pagina: null });
  };
  const items = list.data?.items ?? [];

  return (
    <>
      <PageTitle>{t('rwobj.title')}</PageTitle>
      <p>{manager ? t('rwobj.intro.manager') : t('rwobj.intro.employee')}</p>
      <SuccessNotice>{notice}</SuccessNotice>
      <div className="d-flex flex-wrap gap-2 mb-3">
        {list.data?.canCreate && (
          <Link className="btn btn-primary" to="/lavoro-agile/obiettivi/nuovo">
            {t('rwobj.new')}
          </Link>
        )}
        {manager && (
          <Link className="btn btn-outline-primary" to="/lavoro-agile/gruppi">
            {t('rwobj.teams')}
          </Link>
        )}
      </div>
      <div role="group" aria-label={t('rwobj.filter.label')} className="btn-group flex-wrap mb-3">
        {PERIODS.map((p) => (
          <button key={p} type="button" className={`btn btn-sm ${period === p ? 'btn-primary' : 'btn-outline-primary'}`} aria-pressed={period === p} onClick={() => update({ periodo: p, pagina: null })}>
            {t(`rwobj.filter.${p}`)}
          </button>
        ))}
      </div>
      <form className="d-flex flex-wrap align-items-end gap-2 mb-3" role="search" onSubmit={submitSearch}>
        <div>
          <label htmlFor="rwobj-search" className="field-label">
            {t('rwobj.search')}
          </label>
          <input id="rwobj-search" className="form-control" type="search" value={search} maxLength={100} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <button type="submit" className="btn btn-outline-primary">
          {t('rwobj.searchButton')}
        </button>
      </form>
      {list.isPending && <Loading />}
      <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isSuccess && items.length === 0 && <EmptyState>{t('rwobj.empty')}</EmptyState>}
      {items.length > 0 && (
        <div aria-busy={list.isFetching}>
          <p className="visually-hidden" aria-live="polite">
            {t('rwobj.count', { n: list.data?.total ?? 0 })}
          </p>
          <ul className="rwobj-cards" aria-label={t('rwobj.count', { n: list.data?.total ?? 0 })}>
            {items.map((o) => (
              <li key={o.id} data-testid="objective-card">
                <h2 className="h5 mb-1">
                  <Link to={`/lavoro-agile/obiettivi/${o.id}`}>{o.title}</Link>
                </h2>
                <p className="mb-1">
                  {t(`rwobj.scope.${o.scope}`)}: <strong>{o.ownerName}</strong> · {t('rwobj.period', { from: f.day(o.startsOn), to: f.day(o.endsOn) })}
                </p>
                <ProgressBar achieved={o.progress.achievedPercent} expected={o.progress.expectedPercent} status={o.progress.status} label={t('rwobj.progress.label', { title: o.title })} />
                <p className="mb-0 form-text">
                  {o.responsibles.length > 0 && <>{t('rwobj.responsibles', { names: o.responsibles.map((r) => r.name).join(', ') })} · </>}
                  {o.lastReportOn ? t('rwobj.lastReport', { date: f.day(o.lastReportOn) }) : t('rwobj.noReport')}
                </p>
              </li>
            ))}
          </ul>
          <Pager page={page} pageSize={PAGE_SIZE} total={list.data?.total ?? 0} onPage={(p) => update({ pagina: String(p) })} />
        </div>
      )}
    </>
  );
}
