/**
 * What "Le mie prenotazioni" and the operator's view share: the list of bookings (a table on wide
 * screens, a list on phones), the status badge, the row's actions with the invitation to download,
 * and the confirmation asked before a booking is cancelled or refused.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { apiHref } from '../../api/client';
import { Pager } from '../../components/Pager';
import { ConfirmDialog } from './ConfirmDialog';
import { useFormats } from './format';
import { useConferencingLabels } from './labels';
import type { Booking, BookingPage } from './types';

export function StatusBadge({ status }: { status: Booking['status'] }) {
  const { statusLabel } = useConferencingLabels();
  return <span className={`conf-status conf-status-${status}`}>{statusLabel(status)}</span>;
}

/** Not started, not cancelled or refused: it can still be changed. */
export function isChangeable(b: Booking, now = Date.now()): boolean {
  return Date.parse(b.start) > now && (b.status === 'accepted' || b.status === 'pending');
}

export function invitationHref(b: Booking): string {
  return apiHref('/api/v1/bookings/{id}/invitation.ics', { path: { id: b.id } });
}

/** The booking's title after an action's label, for screen readers only ("Annulla — Consiglio"). */
export function HiddenTitle({ booking }: { booking: Booking }) {
  return <span className="visually-hidden"> — {booking.title}</span>;
}

/** A row's buttons, then the invitation (iCalendar) to download unless the booking was refused. */
export function BookingActions({ booking, children }: { booking: Booking; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="d-flex flex-wrap gap-2">
      {children}
      {booking.status !== 'refused' && (
        <a className="btn btn-link btn-sm" href={invitationHref(booking)} download={`prenotazione-${booking.id.slice(0, 8)}.ics`}>
          {t('conf.mine.invitation')}
          <HiddenTitle booking={booking} />
        </a>
      )}
    </div>
  );
}

interface BookingListProps {
  items: Booking[];
  /** The page the items come from, for the pager under the list. */
  page: BookingPage | undefined;
  onPage(page: number): void;
  fetching: boolean;
  caption: string;
  rowTestId: string;
  platformName(platformId: string): string;
  /** The smaller line under the meeting's title in the table. */
  detail(b: Booking): ReactNode;
  /** Adds the column of the body that booked (the operator's view). */
  bodyName?(b: Booking): string;
  /** On a phone: the first line under the title, and what starts the second one. */
  phoneMeta(b: Booking): ReactNode;
  phoneLead(b: Booking): ReactNode;
  actions(b: Booking): ReactNode;
}

/** The bookings as a table on wide screens and as a list on phones, then the pager. */
export function BookingList({ items, page, onPage, fetching, caption, rowTestId, platformName, detail, bodyName, phoneMeta, phoneLead, actions }: BookingListProps) {
  const { t } = useI18n();
  const f = useFormats();
  return (
    <div aria-busy={fetching}>
      <div className="table-responsive d-none d-md-block">
        <table className="table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('conf.col.meeting')}</th>
              {bodyName && <th scope="col">{t('conf.col.body')}</th>}
              <th scope="col">{t('conf.col.platform')}</th>
              <th scope="col">{t('conf.col.when')}</th>
              <th scope="col" className="text-end">
                {t('conf.col.connections')}
              </th>
              <th scope="col">{t('conf.col.status')}</th>
              <th scope="col">{t('conf.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((b) => (
              <tr key={b.id} data-testid={rowTestId}>
                <th scope="row">
                  {b.title}
                  <div className="form-text fw-normal">{detail(b)}</div>
                </th>
                {bodyName && <td>{bodyName(b)}</td>}
                <td>{platformName(b.platformId)}</td>
                <td>{f.range(b.start, b.end)}</td>
                <td className="text-end">{f.number(b.expectedConnections)}</td>
                <td>
                  <StatusBadge status={b.status} />
                </td>
                <td>{actions(b)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="results-list d-md-none" aria-label={caption}>
        {items.map((b) => (
          <li key={b.id}>
            <p className="result-name mb-1">{b.title}</p>
            <p className="result-meta mb-1">{phoneMeta(b)}</p>
            <p className="result-meta mb-1">
              {phoneLead(b)} · {t('conf.mine.connections', { n: f.number(b.expectedConnections) })} · <StatusBadge status={b.status} />
            </p>
            {actions(b)}
          </li>
        ))}
      </ul>
      {page && <Pager page={page.page} pageSize={page.pageSize} total={page.total} onPage={onPage} />}
    </div>
  );
}

/** Asks before a booking is cancelled or refused; the focus goes back to the button that opened it. */
export function ConfirmBookingDialog({
  booking,
  title,
  confirmLabel,
  cancelLabel,
  text,
  busy,
  onConfirm,
  onClose,
}: {
  booking: Booking | null;
  title: string;
  confirmLabel: string;
  cancelLabel: string;
  text(b: Booking): string;
  busy: boolean;
  onConfirm(b: Booking): void;
  /** Keep it stable (useCallback): the dialog listens for its close event with it. */
  onClose(): void;
}) {
  return (
    <ConfirmDialog
      open={!!booking}
      title={title}
      confirmLabel={confirmLabel}
      cancelLabel={cancelLabel}
      danger
      busy={busy}
      onConfirm={() => booking && onConfirm(booking)}
      onClose={onClose}
    >
      {booking && <p className="mb-0">{text(booking)}</p>}
    </ConfirmDialog>
  );
}
