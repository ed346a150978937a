/**
 * The employees of the body (HR) or of one's offices (office managers): filter by office, text
 * and status, a page at a time; links to add, import and export.
 */
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { apiHref } from '../../../api/client';
import type { QueryOf } from '../../../api/types';
import { EmptyState, Loading, PageTitle } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { SelectField, TextField } from '../../../components/Field';
import { ProblemAlert, SuccessNotice } from '../../../components/Problem';
import { useEmployees, useManagesBody, useOffices } from './api';
import { OfficesNav } from './OfficesNav';
import { officeOptions } from './OfficesPage';
import { weekdayShortKey } from './weekdays';

const PAGE_SIZE = 25;

type Status = NonNullable<QueryOf<'listRemoteWorkEmployees'>['status']>;
const STATUSES: readonly Status[] = ['active', 'inactive', 'all'];
/** The status filter from the address or the select; anything else is the default, the active people. */
const statusOf = (s: string | null): Status => STATUSES.find((x) => x === s) ?? 'active';

export default function EmployeesPage() {
  const { t } = useI18n();
  const body = useManagesBody();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('pagina') ?? '1') || 1);
  const officeId = params.get('officeId') ?? '';
  const q = params.get('q') ?? '';
  const status = statusOf(params.get('stato'));
  const [draft, setDraft] = useState({ officeId, q, status });
  const offices = useOffices();
  const list = useEmployees({ page, pageSize: PAGE_SIZE, officeId: officeId || undefined, q: q || undefined, status });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (draft.officeId) next.set('officeId', draft.officeId);
    if (draft.q.trim()) next.set('q', draft.q.trim());
    if (draft.status !== 'active') next.set('stato', draft.status);
    setParams(next);
  };
  const goTo = (p: number) => {
    const next = new URLSearchParams(params);
    next.set('pagina', String(p));
    setParams(next);
  };
  const items = list.data?.items ?? [];
  const exportHref = apiHref('/api/v1/remote-work/employees/export', { query: { officeId: officeId || undefined } });
  return (
    <>
      <PageTitle>{t('rwo.employees.title')}</PageTitle>
      <OfficesNav />
      <SuccessNotice>{notice}</SuccessNotice>
      <p>{t('rwo.employees.intro')}</p>
      <div className="rwo-actions mb-4">
        {body && (
          <Link to="/lavoro-agile/dipendenti/nuovo" className="btn btn-primary">
            {t('rwo.employees.new')}
          </Link>
        )}
        {body && (
          <Link to="/lavoro-agile/dipendenti/importa" className="btn btn-outline-primary">
            {t('rwo.employees.import')}
          </Link>
        )}
        <a href={exportHref} className="btn btn-outline-primary" download>
          {officeId ? t('rwo.employees.exportOffice') : t('rwo.employees.export')}
        </a>
      </div>
      <form onSubmit={apply} className="row g-3 align-items-end" aria-label={t('rwo.employees.filters')}>
        <div className="col-12 col-md-4">
          <SelectField label={t('rwo.employees.office')} value={draft.officeId} onChange={(e) => setDraft({ ...draft, officeId: e.target.value })}>
            <option value="">{t('rwo.employees.allOffices')}</option>
            {officeOptions(offices.data?.items ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-4">
          <TextField label={t('rwo.employees.search')} help={t('rwo.employees.searchHelp')} type="search" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        </div>
        <div className="col-12 col-md-2">
          <SelectField label={t('rwo.employees.status')} value={draft.status} onChange={(e) => setDraft({ ...draft, status: statusOf(e.target.value) })}>
            <option value="active">{t('rwo.employees.statusActive')}</option>
            <option value="inactive">{t('rwo.employees.statusInactive')}</option>
            <option value="all">{t('rwo.employees.statusAll')}</option>
          </SelectField>
        </div>
        <div className="col-12 col-md-2">
          <button type="submit" className="btn btn-primary mb-4">
            {t('rwo.employees.apply')}
          </button>
        </div>
      </form>
      {list.isPending && <Loading />}
      <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isSuccess && items.length === 0 && <EmptyState>{t('rwo.employees.empty')}</EmptyState>}
      {items.length > 0 && (
        <div className="table-responsive">
          <table className="table">
            <caption>{t('rwo.employees.caption', { total: list.data!.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rwo.employees.col.name')}</th>
                <th scope="col">{t('rwo.employees.col.taxCode')}</th>
                <th scope="col">{t('rwo.employees.col.office')}</th>
                <th scope="col">{t('rwo.employees.col.skills')}</th>
                <th scope="col">{t('rwo.employees.col.days')}</th>
                <th scope="col">{t('rwo.employees.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <Link to={`/lavoro-agile/dipendenti/${e.id}`}>
                      {e.lastName} {e.firstName}
                    </Link>
                  </th>
                  <td className="text-nowrap">{e.taxCode}</td>
                  <td>{e.officeName}</td>
                  <td>{e.skills.join(', ') || '—'}</td>
                  <td>{e.preferredWeekdays.map((d) => t(weekdayShortKey(d))).join(', ') || '—'}</td>
                  <td>{e.active ? t('rwo.employees.active') : t('rwo.employees.inactive')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={goTo} />}
    </>
  );
}
