/**
 * "Le mie prenotazioni": the bookings I made, or all those of my body; upcoming or past. Those not
 * yet started can be changed or cancelled (after a confirmation); started and past ones are
 * read-only. Each has its invitation (iCalendar) to download.
 */
import { useCallback, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../i18n';
import { call, http } from '../../api/client';
import { useSession } from '../../api/session';
import { EmptyState, Loading, PageTitle } from '../../components/Page';
import { ProblemAlert, SuccessNotice } from '../../components/Problem';
import { usePlatforms } from './api';
import { BookingActions, BookingList, ConfirmBookingDialog, HiddenTitle, isChangeable } from './BookingRows';
import { ConferencingNav } from './ConferencingNav';
import { useFormats } from './format';
import { useConferencingLabels } from './labels';
import type { Booking } from './types';

const PAGE_SIZE = 20;

function Toggle({ label, options, value, onChange }: { label: string; options: { value: string; label: string }[]; value: string; onChange(v: string): void }) {
  return (
    <div role="group" aria-label={label} className="btn-group flex-wrap">
      {options.map((o) => (
        <button key={o.value} type="button" className={`btn btn-sm ${value === o.value ? 'btn-primary' : 'btn-outline-primary'}`} aria-pressed={value === o.value} onClick={() => onChange(o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}

export default function MyBookingsPage() {
  const { t } = useI18n();
  const f = useFormats();
  const { kindLabel } = useConferencingLabels();
  const { session } = useSession();
  const location = useLocation();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const scope = params.get('chi') === 'ente' ? 'body' : 'mine';
  const period = params.get('quando') === 'passate' ? 'past' : 'upcoming';
  const page = Math.max(1, Number(params.get('pagina')) || 1);
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const [toCancel, setToCancel] = useState<Booking | null>(null);
  const [cancelError, setCancelError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const orgId = session?.organization?.id;
  // the instant the list was asked for, rounded to the minute so the query key stays put
  const [now] = useState(() => new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString());

  const platforms = usePlatforms();
  const platformName = (id: string) => platforms.data?.items.find((p) => p.id === id)?.name ?? '';
  const query = useQuery({
    queryKey: ['conferencing', 'bookings', 'mine', scope, period, page, orgId],
    queryFn: ({ signal }) =>
      call(
        http.GET('/api/v1/bookings', {
          params: {
            query: {
              mine: scope === 'mine' ? 'true' : undefined,
              organizationId: scope === 'body' ? orgId : undefined,
              from: period === 'upcoming' ? now : undefined,
              to: period === 'past' ? now : undefined,
              page,
              pageSize: PAGE_SIZE,
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
  // the body's own bookings only (an operator also sees other bodies' bookings of its platforms)
  const items = (query.data?.items ?? []).filter((b) => !orgId || b.organizationId === orgId);

  const update = (key: string, value: string | null) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    if (key !== 'pagina') p.delete('pagina');
    setParams(p);
  };
  const closeDialog = useCallback(() => setToCancel(null), []);

  const cancel = async () => {
    if (!toCancel) return;
    setBusy(true);
    setCancelError(null);
    try {
      const b = await call(http.DELETE('/api/v1/bookings/{id}', { params: { path: { id: toCancel.id } } }));
      setNotice(t('conf.mine.cancelled', { title: b.title, range: f.range(b.start, b.end) }));
      setToCancel(null);
      await qc.invalidateQueries({ queryKey: ['conferencing'] });
      document.getElementById('main')?.focus();
    } catch (err) {
      setCancelError(err);
      setToCancel(null);
    } finally {
      setBusy(false);
    }
  };

  const actions = (b: Booking) => (
    <BookingActions booking={b}>
      {isChangeable(b) ? (
        <>
          <Link className="btn btn-outline-primary btn-sm" to={`/videoconferenze/prenotazioni/${b.id}/modifica`}>
            {t('conf.mine.change')}
            <HiddenTitle booking={b} />
          </Link>
          <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setToCancel(b)}>
            {t('conf.mine.cancel')}
            <HiddenTitle booking={b} />
          </button>
        </>
      ) : (
        <span className="form-text">{Date.parse(b.start) <= Date.now() ? t('conf.mine.readOnly') : ''}</span>
      )}
    </BookingActions>
  );

  return (
    <>
      <PageTitle>{t('conf.mine.title')}</PageTitle>
      <ConferencingNav />
      <SuccessNotice>{notice}</SuccessNotice>
      <ProblemAlert error={cancelError} title={t('conf.mine.cancelFailed')} />
      <div className="d-flex flex-wrap gap-3 mb-3">
        <Toggle
          label={t('conf.mine.scope')}
          value={scope}
          onChange={(v) => update('chi', v === 'body' ? 'ente' : null)}
          options={[
            { value: 'mine', label: t('conf.mine.scopeMine') },
            { value: 'body', label: t('conf.mine.scopeBody') },
          ]}
        />
        <Toggle
          label={t('conf.mine.period')}
          value={period}
          onChange={(v) => update('quando', v === 'past' ? 'passate' : null)}
          options={[
            { value: 'upcoming', label: t('conf.mine.upcoming') },
            { value: 'past', label: t('conf.mine.past') },
          ]}
        />
      </div>
      {query.isPending && <Loading />}
      <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      {query.isSuccess && items.length === 0 && (
        <EmptyState>
          {t('conf.mine.empty')} <Link to="/videoconferenze">{t('conf.mine.emptyLink')}</Link>
        </EmptyState>
      )}
      {items.length > 0 && (
        <BookingList
          items={items}
          page={query.data}
          onPage={(p) => update('pagina', String(p))}
          fetching={query.isFetching}
          caption={scope === 'mine' ? t('conf.mine.captionMine') : t('conf.mine.captionBody')}
          rowTestId="booking-row"
          platformName={platformName}
          detail={(b) => kindLabel(b.kind)}
          phoneMeta={(b) => `${f.range(b.start, b.end)} · ${platformName(b.platformId)}`}
          phoneLead={(b) => kindLabel(b.kind)}
          actions={actions}
        />
      )}
      <ConfirmBookingDialog
        booking={toCancel}
        title={t('conf.mine.cancelTitle')}
        confirmLabel={t('conf.mine.cancelConfirm')}
        cancelLabel={t('conf.mine.cancelKeep')}
        text={(b) => t('conf.mine.cancelText', { title: b.title, range: f.range(b.start, b.end) })}
        busy={busy}
        onConfirm={() => void cancel()}
        onClose={closeDialog}
      />
    </>
  );
}
