/**
 * The operator's view: every booking of the platforms the operator runs, filtered by platform,
 * status and dates, with approval or refusal of those waiting (refusal asks for confirmation).
 */
import { useCallback, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../i18n';
import { call, http } from '../../api/client';
import { EmptyState, Loading, PageTitle } from '../../components/Page';
import { ProblemAlert, SuccessNotice } from '../../components/Problem';
import { useOrganizationNames } from './api';
import { BookingActions, BookingList, ConfirmBookingDialog, HiddenTitle } from './BookingRows';
import { ConferencingNav, useOperated } from './ConferencingNav';
import { useFormats } from './format';
import { useConferencingLabels } from './labels';
import { addDays, isDate, romeInstant } from './rome-time';
import { BOOKING_STATUSES, type Booking } from './types';

const PAGE_SIZE = 25;

export default function OperatorBookingsPage() {
  const { t } = useI18n();
  const f = useFormats();
  const { kindLabel, statusLabel } = useConferencingLabels();
  const { operated, isOperator, loading } = useOperated();
  const qc = useQueryClient();
  const id = useId().replace(/:/g, '');
  const [params, setParams] = useSearchParams();
  const platformId = params.get('piattaforma') ?? '';
  // a status the API knows, or none (any other value in the address is no filter)
  const status = BOOKING_STATUSES.find((s) => s === params.get('stato')) ?? '';
  const fromDate = params.get('dal') ?? '';
  const toDate = params.get('al') ?? '';
  const page = Math.max(1, Number(params.get('pagina')) || 1);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [toRefuse, setToRefuse] = useState<Booking | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const from = isDate(fromDate) ? romeInstant(fromDate, '00:00') : null;
  const to = isDate(toDate) ? romeInstant(addDays(toDate, 1), '00:00') : null;
  const ids = platformId ? [platformId] : operated.map((p) => p.id);
  const query = useQuery({
    queryKey: ['conferencing', 'bookings', 'operator', platformId, status, from, to, page],
    queryFn: ({ signal }) =>
      call(
        http.GET('/api/v1/bookings', {
          params: { query: { platformId: platformId || undefined, status: status || undefined, from: from ?? undefined, to: to ?? undefined, page, pageSize: PAGE_SIZE } },
          signal,
        }),
      ),
    enabled: isOperator,
    placeholderData: keepPreviousData,
  });
  // only the operated platforms' bookings (the body's own bookings elsewhere belong to "my bookings")
  const items = (query.data?.items ?? []).filter((b) => ids.includes(b.platformId));
  const names = useOrganizationNames(items.filter((b) => !b.organizationName).map((b) => b.organizationId));
  const bodyName = (b: Booking) => b.organizationName ?? names[b.organizationId] ?? '';
  const platformName = (pid: string) => operated.find((p) => p.id === pid)?.name ?? '';

  const update = (key: string, value: string) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    if (key !== 'pagina') p.delete('pagina');
    setParams(p, { replace: true });
  };

  const decide = async (b: Booking, decision: 'accepted' | 'refused') => {
    setBusy(b.id);
    setActionError(null);
    try {
      const saved = await call(http.POST('/api/v1/bookings/{id}/decision', { params: { path: { id: b.id } }, body: { decision } }));
      setNotice(t(decision === 'accepted' ? 'conf.op.accepted' : 'conf.op.refused', { title: saved.title, range: f.range(saved.start, saved.end) }));
      await qc.invalidateQueries({ queryKey: ['conferencing'] });
      // the row's buttons are gone: start again from the page, where the notice is
      document.getElementById('main')?.focus();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(null);
      setToRefuse(null);
    }
  };
  const closeDialog = useCallback(() => setToRefuse(null), []);

  const actions = (b: Booking) => (
    <BookingActions booking={b}>
      {b.status === 'pending' && Date.parse(b.start) > Date.now() && (
        <>
          <button type="button" className="btn btn-primary btn-sm" disabled={busy === b.id} onClick={() => void decide(b, 'accepted')}>
            {t('conf.op.accept')}
            <HiddenTitle booking={b} />
          </button>
          <button type="button" className="btn btn-outline-danger btn-sm" disabled={busy === b.id} onClick={() => setToRefuse(b)}>
            {t('conf.op.refuse')}
            <HiddenTitle booking={b} />
          </button>
        </>
      )}
    </BookingActions>
  );

  if (!loading && !isOperator) {
    return (
      <>
        <PageTitle>{t('conf.op.title')}</PageTitle>
        <ConferencingNav />
        <EmptyState>{t('conf.op.notOperator')}</EmptyState>
      </>
    );
  }

  return (
    <>
      <PageTitle>{t('conf.op.title')}</PageTitle>
      <ConferencingNav />
      <p>{t('conf.op.intro')}</p>
      <SuccessNotice>{notice}</SuccessNotice>
      <ProblemAlert error={actionError} />
      <form className="row g-3 align-items-end mb-2" onSubmit={(e) => e.preventDefault()} aria-label={t('conf.op.filters')}>
        <div className="col-12 col-md-6 col-lg-3 field">
          <label htmlFor={`${id}-platform`} className="field-label">
            {t('conf.col.platform')}
          </label>
          <select id={`${id}-platform`} className="form-select" value={platformId} onChange={(e) => update('piattaforma', e.target.value)}>
            <option value="">{t('conf.op.allPlatforms')}</option>
            {operated.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="col-12 col-md-6 col-lg-3 field">
          <label htmlFor={`${id}-status`} className="field-label">
            {t('conf.col.status')}
          </label>
          <select id={`${id}-status`} className="form-select" value={status} onChange={(e) => update('stato', e.target.value)}>
            <option value="">{t('conf.op.allStatuses')}</option>
            {BOOKING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="col-6 col-lg-3 field">
          <label htmlFor={`${id}-from`} className="field-label">
            {t('conf.op.from')}
          </label>
          <input id={`${id}-from`} type="date" className="form-control" value={fromDate} onChange={(e) => update('dal', e.target.value)} />
        </div>
        <div className="col-6 col-lg-3 field">
          <label htmlFor={`${id}-to`} className="field-label">
            {t('conf.op.to')}
          </label>
          <input id={`${id}-to`} type="date" className="form-control" value={toDate} onChange={(e) => update('al', e.target.value)} />
        </div>
      </form>
      {platformId && (
        <p>
          <Link to={`/videoconferenze/piattaforme/${platformId}/utilizzo`}>{t('conf.op.usageOf', { name: platformName(platformId) })}</Link>
        </p>
      )}
      <div aria-live="polite" className="fw-semibold my-2" data-testid="result-count">
        {query.data && !query.isFetching ? t('conf.op.count', { n: f.number(query.data.total) }) : ''}
      </div>
      {(loading || query.isPending) && <Loading />}
      <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      {query.isSuccess && items.length === 0 && <EmptyState>{t('conf.op.empty')}</EmptyState>}
      {items.length > 0 && (
        <BookingList
          items={items}
          page={query.data}
          onPage={(p) => update('pagina', String(p))}
          fetching={query.isFetching}
          caption={t('conf.op.caption')}
          rowTestId="operator-row"
          platformName={platformName}
          bodyName={bodyName}
          detail={(b) => (
            <>
              {kindLabel(b.kind)} · {b.organiserName} ({b.organiserEmail}
              {b.organiserPhone ? `, ${b.organiserPhone}` : ''})
            </>
          )}
          phoneMeta={(b) => `${bodyName(b)} · ${f.range(b.start, b.end)}`}
          phoneLead={(b) => platformName(b.platformId)}
          actions={actions}
        />
      )}
      <ConfirmBookingDialog
        booking={toRefuse}
        title={t('conf.op.refuseTitle')}
        confirmLabel={t('conf.op.refuseConfirm')}
        cancelLabel={t('conf.op.refuseKeep')}
        text={(b) => t('conf.op.refuseText', { title: b.title, body: bodyName(b), range: f.range(b.start, b.end) })}
        busy={!!busy}
        onConfirm={(b) => void decide(b, 'refused')}
        onClose={closeDialog}
      />
    </>
  );
}
