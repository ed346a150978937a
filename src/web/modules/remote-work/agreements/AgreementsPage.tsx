/**
 * "Accordi di lavoro agile". For the employee: his own agreements and the way to ask for one. For
 * the office manager and HR: the requests to decide, the approved ones to register, the registered
 * and those ending soon, with approve / refuse (reason required) / register / withdraw on each row.
 */
import { useCallback, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../i18n';
import { call, http } from '../../../api/client';
import { useSession } from '../../../api/session';
import type { QueryOf } from '../../../api/types';
import { EmptyState, Loading, PageTitle } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { ProblemAlert, SuccessNotice } from '../../../components/Problem';
import { ActionDialog, dialogActionOf, type DialogAction } from './ActionDialog';
import { useAgreementFormat } from './format';
import { StatusBadge } from './parts';
import type { Agreement } from './types';

const PAGE_SIZE = 20;
const VIEWS = ['toDecide', 'toRegister', 'inForce', 'expiring', 'all', 'mine'] as const;
type View = (typeof VIEWS)[number];

function queryOf(view: View): QueryOf<'listRemoteWorkAgreements'> {
  switch (view) {
    case 'toDecide':
      return { status: 'requested' };
    case 'toRegister':
      return { status: 'approved' };
    case 'inForce':
      return { status: 'registered' };
    case 'expiring':
      return { expiringWithinDays: 60 };
    case 'mine':
      return { mine: 'true' };
    default:
      return {};
  }
}

export default function AgreementsPage() {
  const { t } = useI18n();
  const f = useAgreementFormat();
  const { hasRole } = useSession();
  const location = useLocation();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const staff = hasRole('hr_manager', 'body_admin', 'office_manager');
  const hr = hasRole('hr_manager', 'body_admin');
  const views: View[] = staff ? VIEWS.filter((v) => v !== 'toRegister' || hr) : ['mine'];
  const asked = params.get('vista') as View | null;
  const view: View = asked && views.includes(asked) ? asked : staff ? (hr ? 'toRegister' : 'toDecide') : 'mine';
  const page = Math.max(1, Number(params.get('pagina')) || 1);
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const [target, setTarget] = useState<{ a: Agreement; action: DialogAction } | null>(null);

  const query = useQuery({
    queryKey: ['rw-agreements', view, page],
    queryFn: ({ signal }) => call(http.GET('/api/v1/remote-work/agreements', { params: { query: { ...queryOf(view), page, pageSize: PAGE_SIZE } }, signal })),
    placeholderData: keepPreviousData,
  });
  const items = query.data?.items ?? [];

  const setView = (v: View) => {
    const p = new URLSearchParams(params);
    p.set('vista', v);
    p.delete('pagina');
    setParams(p);
  };
  const closeDialog = useCallback(() => setTarget(null), []);
  const done = async (a: Agreement, action: DialogAction) => {
    setNotice(action === 'withdraw' ? t('rwa.action.done.withdraw', { date: f.day(a.lastDayInForce) }) : action === 'cancel' ? t('rwa.action.done.cancel') : t(`rwa.action.done.${action}`, { name: a.employeeName }));
    await qc.invalidateQueries({ queryKey: ['rw-agreements'] });
    document.getElementById('rwa-notice')?.focus();
  };

  const rowActions = (a: Agreement) => (
    <div className="d-flex flex-wrap gap-2">
      <Link className="btn btn-outline-primary btn-sm" to={`/lavoro-agile/accordi/${a.id}`}>
        {t('rwa.open')}
        <span className="visually-hidden"> — {a.employeeName}</span>
      </Link>
      {(['approve', 'refuse', 'register', 'withdraw'] as const)
        .filter((x) => a.actions.includes(x))
        .map((x) => {
          const d = dialogActionOf(a, x);
          return (
            <button key={x} type="button" className={`btn btn-sm ${x === 'approve' || x === 'register' ? 'btn-primary' : 'btn-outline-danger'}`} onClick={() => setTarget({ a, action: d })}>
              {t(`rwa.action.${d}`)}
              <span className="visually-hidden"> — {a.employeeName}</span>
            </button>
          );
        })}
    </div>
  );

  return (
    <>
      <PageTitle>{staff ? t('rwa.title') : t('rwa.mineTitle')}</PageTitle>
      <p>{staff ? t('rwa.intro.staff') : t('rwa.intro.employee')}</p>
      <div id="rwa-notice" tabIndex={-1}>
        <SuccessNotice>{notice}</SuccessNotice>
      </div>
      <p>
        <Link className="btn btn-primary" to="/lavoro-agile/accordi/nuovo">
          {t('rwa.new')}
        </Link>
        {hr && (
          <>
            {' '}
            <Link className="btn btn-outline-primary" to="/lavoro-agile/accordi/nuovo?per=dipendente">
              {t('rwa.hr.new')}
            </Link>
          </>
        )}
      </p>
      {views.length > 1 && (
        <div role="group" aria-label={t('rwa.filter.label')} className="btn-group flex-wrap mb-3">
          {views.map((v) => (
            <button key={v} type="button" className={`btn btn-sm ${view === v ? 'btn-primary' : 'btn-outline-primary'}`} aria-pressed={view === v} onClick={() => setView(v)}>
              {t(`rwa.filter.${v}`)}
            </button>
          ))}
        </div>
      )}
      {query.isPending && <Loading />}
      <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      {query.isSuccess && items.length === 0 && <EmptyState>{view === 'mine' ? t('rwa.emptyMine') : t('rwa.empty')}</EmptyState>}
      {items.length > 0 && (
        <div aria-busy={query.isFetching}>
          <div className="table-responsive d-none d-md-block">
            <table className="table">
              <caption>{t('rwa.caption', { total: query.data?.total ?? 0 })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('rwa.col.employee')}</th>
                  <th scope="col">{t('rwa.col.office')}</th>
                  <th scope="col">{t('rwa.col.period')}</th>
                  <th scope="col">{t('rwa.col.days')}</th>
                  <th scope="col">{t('rwa.col.status')}</th>
                  <th scope="col">{t('rwa.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => (
                  <tr key={a.id} data-testid="agreement-row">
                    <th scope="row">{a.employeeName}</th>
                    <td>{a.officeName}</td>
                    <td>
                      {f.period(a)}
                      {a.lastDayInForce && a.lastDayInForce !== a.endsOn && <div className="form-text">{t('rwa.period.until', { date: f.day(a.lastDayInForce) })}</div>}
                    </td>
                    <td>{f.days(a)}</td>
                    <td>
                      <StatusBadge status={a.status} />
                    </td>
                    <td>{rowActions(a)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ul className="rwa-cards d-md-none" aria-label={t('rwa.caption', { total: query.data?.total ?? 0 })}>
            {items.map((a) => (
              <li key={a.id} data-testid="agreement-card">
                <h2 className="h5 mb-1">{a.employeeName}</h2>
                <p className="mb-1">
                  <StatusBadge status={a.status} /> {a.officeName}
                </p>
                <p className="mb-1">{f.period(a)}</p>
                <p className="mb-2 form-text">{f.days(a)}</p>
                {rowActions(a)}
              </li>
            ))}
          </ul>
          <Pager page={page} pageSize={PAGE_SIZE} total={query.data?.total ?? 0} onPage={(p) => setParams((old) => { const n = new URLSearchParams(old); n.set('pagina', String(p)); return n; })} />
        </div>
      )}
      <ActionDialog agreement={target?.a ?? null} action={target?.action ?? null} onDone={(a, action) => void done(a, action)} onClose={closeDialog} />
    </>
  );
}
