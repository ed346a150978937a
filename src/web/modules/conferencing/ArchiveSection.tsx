/**
 * Archiving a platform, in a confirmation dialog. The first confirmation asks the API to archive;
 * if bookings that have not started exist, the API refuses (platform.has_future_bookings, with how
 * many and the first start) and the dialog says so: confirming again archives with
 * cancelBookings=true, which cancels them all, each organiser getting the cancellation by e-mail.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../i18n';
import { ApiError, call, http } from '../../api/client';
import { ProblemAlert } from '../../components/Problem';
import { ConfirmDialog } from './ConfirmDialog';
import { useFormats } from './format';
import { PLATFORMS_HOME } from './platform-form';
import type { Platform } from './types';

interface Upcoming {
  bookings: number;
  firstStart: string;
}

export function ArchiveSection({ platform }: { platform: Platform }) {
  const { t } = useI18n();
  const f = useFormats();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [upcoming, setUpcoming] = useState<Upcoming | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const archive = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await call(
        http.DELETE('/api/v1/conference-platforms/{id}', {
          params: { path: { id: platform.id }, query: upcoming ? { cancelBookings: 'true' } : undefined },
        }),
      );
      await qc.invalidateQueries({ queryKey: ['conferencing'] });
      const notice =
        r.cancelledBookings > 0
          ? t('conf.pf.archive.doneCancelled', { name: platform.name, n: r.cancelledBookings })
          : t('conf.pf.archive.done', { name: platform.name });
      setOpen(false);
      navigate(PLATFORMS_HOME, { state: { notice } });
    } catch (err) {
      if (err instanceof ApiError && err.problem?.code === 'platform.has_future_bookings') {
        const p = err.problem as unknown as Upcoming;
        setUpcoming({ bookings: p.bookings, firstStart: p.firstStart });
      } else {
        setError(err);
      }
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    setOpen(false);
    setUpcoming(null);
    setError(null);
  };

  const when = (iso: string) => f.range(iso, iso).replace(/–.*$/, '');
  return (
    <section className="conf-form-section conf-archive" aria-labelledby="pf-archive-title">
      <h2 id="pf-archive-title" className="h4">
        {t('conf.pf.archive.title')}
      </h2>
      <p>{t('conf.pf.archive.intro')}</p>
      <button type="button" className="btn btn-outline-danger" onClick={() => setOpen(true)}>
        {t('conf.pf.archive.button')}
      </button>
      <ConfirmDialog
        open={open}
        title={
          upcoming
            ? upcoming.bookings === 1
              ? t('conf.pf.archive.cancelTitleOne')
              : t('conf.pf.archive.cancelTitle', { n: upcoming.bookings })
            : t('conf.pf.archive.confirmTitle', { name: platform.name })
        }
        confirmLabel={
          upcoming
            ? upcoming.bookings === 1
              ? t('conf.pf.archive.cancelConfirmOne')
              : t('conf.pf.archive.cancelConfirm', { n: upcoming.bookings })
            : t('conf.pf.archive.confirm')
        }
        cancelLabel={t('conf.pf.archive.keep')}
        danger
        busy={busy}
        onConfirm={() => void archive()}
        onClose={close}
      >
        {upcoming ? (
          <div role="alert" data-testid="archive-upcoming">
            <p className="mb-1">
              {upcoming.bookings === 1
                ? t('conf.pf.archive.upcomingOne', { first: when(upcoming.firstStart) })
                : t('conf.pf.archive.upcoming', { n: upcoming.bookings, first: when(upcoming.firstStart) })}
            </p>
            <p className="mb-0">{t('conf.pf.archive.organisersMailed')}</p>
          </div>
        ) : (
          <>
            <p className="mb-1">{t('conf.pf.archive.explain')}</p>
            <p className="mb-0">{t('conf.pf.archive.explainBookings')}</p>
          </>
        )}
        <ProblemAlert error={error} />
      </ConfirmDialog>
    </section>
  );
}
