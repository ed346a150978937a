/**
 * Booking a platform, or changing a booking. While the date and times are typed, the free
 * connections over the chosen range are shown (a debounced availability call; the least free at
 * any instant). A refusal is explained in plain words: for lack of capacity, where and by how
 * much, and the nearest free ranges as buttons that fill the form. A new booking carries an
 * Idempotency-Key, so a double click or a retry after a network error books once.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../i18n';
import { ApiError, call, http, NetworkError } from '../../api/client';
import { useSession } from '../../api/session';
import { Loading, PageTitle } from '../../components/Page';
import { ProblemAlert } from '../../components/Problem';
import { useRecordFields } from '../../components/RecordFields';
import { useDebounced } from '../../components/useDebounced';
import { fetchAvailability, keys, newIdempotencyKey, usePlatform } from './api';
import { isOpen, loadOver, withoutOwn } from './availability';
import { ConferencingNav } from './ConferencingNav';
import { useFormats } from './format';
import { capacityRefusal, useConferencingLabels } from './labels';
import { rulesSummary } from './PlatformsPage';
import { addDays, isDate, isItalianHoliday, isTime, minutesOf, romeInstant, romeParts, todayRome, weekdayOf } from './rome-time';
import { BOOKING_KINDS, type Booking, type BookingKind, type Platform } from './types';
import { isValidEmail } from '../../../platform/email-rules';

const FIELDS = ['title', 'kind', 'date', 'start', 'end', 'connections', 'organiserName', 'organiserEmail', 'organiserPhone'] as const;
type FieldName = (typeof FIELDS)[number];
type Form = Record<FieldName, string>;

/** API field names → form field names (for the API's field errors). */
const API_FIELDS: Record<string, FieldName> = {
  title: 'title',
  kind: 'kind',
  start: 'start',
  end: 'end',
  expectedConnections: 'connections',
  organiserName: 'organiserName',
  organiserEmail: 'organiserEmail',
  organiserPhone: 'organiserPhone',
};

/** The instants of the form's date and times; an end at 00:00 is the midnight after the date. */
export function rangeOf(form: Pick<Form, 'date' | 'start' | 'end'>): { start: string; end: string } | null {
  if (!isDate(form.date) || !isTime(form.start) || !isTime(form.end)) return null;
  const start = romeInstant(form.date, form.start);
  const end = form.end === '00:00' ? romeInstant(addDays(form.date, 1), '00:00') : romeInstant(form.date, form.end);
  if (!start || !end || Date.parse(end) <= Date.parse(start)) return null;
  return { start, end };
}

/** Non-binding hints from the platform's rules (the API decides): notice, holidays, opening hours. */
function ruleHints(p: Platform, form: Form, t: ReturnType<typeof useI18n>['t']): string[] {
  const out: string[] = [];
  if (!isDate(form.date)) return out;
  if (form.date < addDays(todayRome(), p.minNoticeDays)) out.push(p.minNoticeDays === 1 ? t('conf.form.hint.noticeOne') : t('conf.form.hint.notice', { days: p.minNoticeDays }));
  if (!p.openOnHolidays && isItalianHoliday(form.date)) out.push(t('conf.form.hint.holiday'));
  if (isTime(form.start) && isTime(form.end)) {
    const a = minutesOf(form.start);
    const b = form.end === '00:00' ? 1440 : minutesOf(form.end);
    const windows = p.openingHours[String(weekdayOf(form.date))] ?? [];
    const inside = windows.some(([x, y]) => minutesOf(x) <= a && minutesOf(y) >= b);
    if (b > a && !inside) out.push(isOpen(p, form.date, 0, 1440) ? t('conf.form.hint.hours') : t('conf.form.hint.closedDay'));
    if (b - a > p.maxDurationMinutes) out.push(t('conf.form.hint.tooLong', { hours: Math.round((p.maxDurationMinutes / 60) * 10) / 10 }));
  }
  return out;
}

function LiveCapacity({ platform, form, own }: { platform: Platform; form: Form; own: Booking | null }) {
  const { t } = useI18n();
  const f = useFormats();
  const range = rangeOf(form);
  const debounced = useDebounced(range ? `${range.start}|${range.end}` : '', 400);
  const [from, to] = debounced ? debounced.split('|') : [null, null];
  const q = useQuery({
    queryKey: keys.availability(platform.id, from ?? '', to ?? ''),
    queryFn: ({ signal }) => fetchAvailability(platform.id, from!, to!, signal),
    enabled: !!from && !!to,
    staleTime: 5_000,
  });
  const holds = own && (own.status === 'accepted' || own.status === 'pending');
  const segments = q.data ? withoutOwn(q.data, holds ? { start: own.start, end: own.end, connections: own.expectedConnections } : null, platform.capacity) : null;
  const load = segments && from && to ? loadOver(segments, Date.parse(from), Date.parse(to), platform.capacity) : null;
  const wanted = Number(form.connections);
  const short = load && Number.isInteger(wanted) && wanted > load.minFree;
  const stale = !range || !debounced || debounced !== `${range.start}|${range.end}`;
  let body: JSX.Element | string = t('conf.form.live.choose');
  if (range && (stale || q.isFetching) && !load) body = t('conf.form.live.checking');
  else if (q.error) body = t('conf.form.live.unavailable');
  else if (load && from && to) {
    body = (
      <>
        <p className="mb-1 fw-semibold">{t('conf.form.live.free', { range: f.range(from, to), free: f.number(load.minFree), capacity: f.number(platform.capacity) })}</p>
        <div className="conf-meter" aria-hidden="true">
          <span style={{ width: `${Math.min(100, (load.minFree / platform.capacity) * 100)}%` }} />
        </div>
        {short && <p className="mb-0 fw-semibold text-danger">{t('conf.form.live.short', { wanted: f.number(wanted), free: f.number(load.minFree), missing: f.number(wanted - load.minFree) })}</p>}
        {!short && Number.isInteger(wanted) && wanted > 0 && <p className="mb-0">{t('conf.form.live.fits', { wanted: f.number(wanted) })}</p>}
      </>
    );
  }
  return (
    <div className={`conf-live${short ? ' conf-live-warning' : ''}`} role="status" aria-live="polite" aria-atomic="true" data-testid="live-capacity">
      <h2 className="h6 mb-1">{t('conf.form.live.title')}</h2>
      {typeof body === 'string' ? <p className="mb-0">{body}</p> : body}
    </div>
  );
}

function Refusal({ error, onUse, refRegion }: { error: unknown; onUse(s: { start: string; end: string }): void; refRegion: React.RefObject<HTMLDivElement> }) {
  const { t, lang } = useI18n();
  const f = useFormats();
  const { problemTitle } = useConferencingLabels();
  if (!error) return null;
  const capacity = capacityRefusal(error);
  const title = problemTitle(error);
  if (!title) {
    return (
      <div ref={refRegion} tabIndex={-1}>
        <ProblemAlert error={error} />
      </div>
    );
  }
  const detail = error instanceof ApiError ? error.problem?.detail : undefined;
  return (
    <div ref={refRegion} tabIndex={-1} className="alert alert-danger my-3" role="alert" data-testid="booking-refusal">
      <p className="fw-semibold mb-1">{title}</p>
      {lang === 'it' && detail && !capacity && <p className="mb-1">{detail}</p>}
      {capacity && (
        <>
          <p className="mb-1">{t('conf.refusal.where')}</p>
          <ul className="mb-2">
            {capacity.overflows.map((o) => (
              <li key={o.start}>
                {t('conf.refusal.overflow', {
                  range: f.range(o.start, o.end),
                  used: f.number(o.used),
                  requested: f.number(o.requested),
                  capacity: f.number(o.capacity),
                  excess: f.number(o.excess),
                })}
              </li>
            ))}
          </ul>
          {capacity.suggestions.length > 0 ? (
            <>
              <p className="mb-1 fw-semibold">{t('conf.refusal.suggestions')}</p>
              <ul className="conf-suggestions mb-0">
                {capacity.suggestions.map((s) => (
                  <li key={s.start}>
                    <button type="button" className="btn btn-outline-primary btn-sm bg-white" onClick={() => onUse(s)}>
                      {t('conf.refusal.use', { range: f.range(s.start, s.end) })}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="mb-0">{t('conf.refusal.noSuggestions')}</p>
          )}
        </>
      )}
    </div>
  );
}

function BookingForm({ platform, booking }: { platform: Platform; booking: Booking | null }) {
  const { t, lang } = useI18n();
  const f = useFormats();
  const { kindLabel } = useConferencingLabels();
  const { session } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  const prefill = new URLSearchParams(location.search);
  const [form, setForm] = useState<Form>(() => {
    if (booking) {
      const a = romeParts(booking.start);
      const b = romeParts(booking.end);
      return {
        title: booking.title,
        kind: booking.kind,
        date: a.date,
        start: a.time,
        end: b.time,
        connections: String(booking.expectedConnections),
        organiserName: booking.organiserName,
        organiserEmail: booking.organiserEmail,
        organiserPhone: booking.organiserPhone ?? '',
      };
    }
    const date = prefill.get('data') ?? '';
    return {
      title: '',
      kind: 'council_session',
      date: isDate(date) ? date : '',
      start: isTime(prefill.get('inizio') ?? '') ? prefill.get('inizio')! : '',
      end: isTime(prefill.get('fine') ?? '') ? prefill.get('fine')! : '',
      connections: '',
      organiserName: session?.user.displayName ?? '',
      organiserEmail: session?.user.email ?? '',
      organiserPhone: '',
    };
  });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [filled, setFilled] = useState<string | null>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  const filledRef = useRef<HTMLParagraphElement>(null);
  const inFlight = useRef(false);
  const idempotency = useRef<{ key: string; payload: string } | null>(null);
  const hints = useMemo(() => ruleHints(platform, form, t), [platform, form, t]);

  useEffect(() => {
    if (error) refusalRef.current?.focus();
  }, [error]);
  useEffect(() => {
    if (filled) filledRef.current?.focus();
  }, [filled]);

  const set = (k: FieldName) => (e: { target: { value: string } }) => {
    setForm((v) => ({ ...v, [k]: e.target.value }));
    setFilled(null);
  };

  const validate = (): Partial<Record<FieldName, string>> => {
    const fe: Partial<Record<FieldName, string>> = {};
    if (!form.title.trim()) fe.title = t('conf.form.required.title');
    if (!isDate(form.date)) fe.date = t('conf.form.invalid.date');
    if (!isTime(form.start)) fe.start = t('conf.form.invalid.time');
    else if (isDate(form.date) && !romeInstant(form.date, form.start)) fe.start = t('conf.form.invalid.dst');
    if (!isTime(form.end)) fe.end = t('conf.form.invalid.time');
    else if (!fe.start && !fe.date && !rangeOf(form)) fe.end = t('conf.form.invalid.endBeforeStart');
    const n = Number(form.connections);
    if (!form.connections.trim() || !Number.isInteger(n) || n < 1) fe.connections = t('conf.form.invalid.connections');
    else if (n > platform.capacity) fe.connections = t('conf.form.invalid.overCapacity', { capacity: f.number(platform.capacity) });
    if (!form.organiserName.trim()) fe.organiserName = t('conf.form.required.organiserName');
    if (!isValidEmail(form.organiserEmail.trim())) fe.organiserEmail = t('conf.form.invalid.email');
    return fe;
  };

  const fields = useRecordFields({ form, set, errors: fieldErrors });
  const focusFirst = (errs: Partial<Record<FieldName, string>>) => fields.focusFirst(FIELDS, errs);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (inFlight.current) return; // a second click while the first request runs does nothing
    setFilled(null);
    const fe = validate();
    setFieldErrors(fe);
    if (Object.keys(fe).length) {
      setError(null);
      return focusFirst(fe);
    }
    const range = rangeOf(form)!;
    const changes = {
      title: form.title.trim(),
      kind: form.kind as BookingKind,
      start: range.start,
      end: range.end,
      expectedConnections: Number(form.connections),
      organiserName: form.organiserName.trim(),
      organiserEmail: form.organiserEmail.trim(),
      organiserPhone: form.organiserPhone.trim() || null,
    };
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      let saved: Booking;
      if (booking) {
        saved = await call(http.PATCH('/api/v1/bookings/{id}', { params: { path: { id: booking.id } }, body: changes }));
      } else {
        // One key per request content, kept until a definite answer: a retry after a network error is the same booking.
        const body = { platformId: platform.id, ...changes };
        const payload = JSON.stringify(body);
        if (!idempotency.current || idempotency.current.payload !== payload) idempotency.current = { key: newIdempotencyKey(), payload };
        saved = await call(http.POST('/api/v1/bookings', { body, headers: { 'Idempotency-Key': idempotency.current.key } }));
      }
      idempotency.current = null;
      await qc.invalidateQueries({ queryKey: ['conferencing'] });
      const when = f.range(saved.start, saved.end);
      const notice =
        saved.status === 'pending'
          ? t('conf.form.done.pending', { title: saved.title, range: when })
          : booking
            ? t('conf.form.done.changed', { title: saved.title, range: when })
            : t('conf.form.done.accepted', { title: saved.title, range: when });
      navigate('/videoconferenze/prenotazioni', { state: { notice } });
    } catch (err) {
      if (!(err instanceof NetworkError) && !(err instanceof ApiError && err.status >= 500)) idempotency.current = null;
      setError(err);
      if (err instanceof ApiError) {
        const mapped: Partial<Record<FieldName, string>> = {};
        for (const [k, msg] of Object.entries(err.fieldErrors())) {
          const name = API_FIELDS[k];
          if (name) mapped[name] = msg;
        }
        setFieldErrors(mapped);
      }
      // refresh the live capacity: the refusal may come from bookings made meanwhile
      void qc.invalidateQueries({ queryKey: ['conferencing', 'availability', platform.id] });
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  const applySuggestion = (s: { start: string; end: string }) => {
    const a = romeParts(s.start);
    const b = romeParts(s.end);
    setForm((v) => ({ ...v, date: a.date, start: a.time, end: b.time }));
    setFieldErrors({});
    setError(null);
    setFilled(f.range(s.start, s.end));
  };

  return (
    <>
      <p className="conf-capacity mb-1">{t('conf.platforms.capacity', { n: f.number(platform.capacity) })}</p>
      <p>{rulesSummary(platform, t, f.number).join(' · ')}</p>
      <p className="form-text">{t('conf.cal.timesInRome')}</p>
      <form noValidate onSubmit={submit} className="form-narrow">
        {fields.text('title', t('conf.form.title'), { required: true, maxLength: 200, help: t('conf.form.titleHelp') })}
        {fields.choice('kind', t('conf.form.kind'), BOOKING_KINDS, kindLabel)}
        {fields.text('date', t('conf.form.date'), { type: 'date', required: true, min: addDays(todayRome(), platform.minNoticeDays), lang })}
        <div className="conf-form-grid">
          {fields.text('start', t('conf.form.start'), { type: 'time', required: true, step: 300 })}
          {fields.text('end', t('conf.form.end'), { type: 'time', required: true, step: 300, help: t('conf.form.endHelp') })}
        </div>
        {fields.text('connections', t('conf.form.connections'), {
          type: 'number',
          inputMode: 'numeric',
          min: 1,
          max: platform.capacity,
          required: true,
          help: t('conf.form.connectionsHelp', { capacity: f.number(platform.capacity) }),
        })}
        <LiveCapacity platform={platform} form={form} own={booking} />
        {hints.length > 0 && (
          <div className="callout warning my-3" data-testid="rule-hints">
            <div className="callout-inner">
              <p className="fw-semibold mb-1">{t('conf.form.hint.title')}</p>
              <ul className="mb-0">
                {hints.map((h) => (
                  <li key={h}>{h}</li>
                ))}
              </ul>
            </div>
          </div>
        )}
        <fieldset className="mb-3">
          <legend className="h5">{t('conf.form.organiser')}</legend>
          {fields.text('organiserName', t('conf.form.organiserName'), { required: true, maxLength: 200, autoComplete: 'name' })}
          {fields.text('organiserEmail', t('conf.form.organiserEmail'), { type: 'email', required: true, maxLength: 254, autoComplete: 'email', help: t('conf.form.organiserEmailHelp') })}
          {fields.text('organiserPhone', t('conf.form.organiserPhone'), { type: 'tel', maxLength: 40, autoComplete: 'tel' })}
        </fieldset>
        <Refusal error={error} onUse={applySuggestion} refRegion={refusalRef} />
        {filled && (
          <p ref={filledRef} tabIndex={-1} role="status" className="alert alert-info" data-testid="suggestion-filled">
            {t('conf.refusal.filled', { range: filled })}
          </p>
        )}
        <div className="d-flex flex-wrap gap-2">
          <button type="submit" className="btn btn-primary" disabled={busy} aria-disabled={busy}>
            {busy ? t('conf.form.submitting') : booking ? t('conf.form.save') : t('conf.form.submit')}
          </button>
          <Link className="btn btn-outline-primary" to={booking ? '/videoconferenze/prenotazioni' : `/videoconferenze/piattaforme/${platform.id}`}>
            {t('conf.form.back')}
          </Link>
        </div>
      </form>
    </>
  );
}

/** /videoconferenze/piattaforme/:id/prenota — a new booking. */
export function NewBookingPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const platform = usePlatform(id);
  const title = platform.data ? t('conf.form.newTitle', { name: platform.data.name }) : t('conf.form.newTitleFallback');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <ConferencingNav />
      {platform.isPending && <Loading />}
      <ProblemAlert error={platform.error} onRetry={() => void platform.refetch()} />
      {platform.data && <BookingForm platform={platform.data} booking={null} />}
    </>
  );
}

/** /videoconferenze/prenotazioni/:id/modifica — change a booking that has not started. */
export function EditBookingPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const f = useFormats();
  const booking = useQuery({
    queryKey: ['conferencing', 'booking', id],
    queryFn: ({ signal }) => call(http.GET('/api/v1/bookings/{id}', { params: { path: { id: id! } }, signal })),
    enabled: !!id,
  });
  const platform = usePlatform(booking.data?.platformId);
  const b = booking.data;
  const title = b ? t('conf.form.editTitle', { title: b.title }) : t('conf.form.editTitleFallback');
  const readOnly = b && (Date.parse(b.start) <= Date.now() || b.status === 'cancelled' || b.status === 'refused');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <ConferencingNav />
      {(booking.isPending || (b && platform.isPending)) && <Loading />}
      <ProblemAlert error={booking.error ?? platform.error} />
      {b && readOnly && (
        <div className="callout note my-3">
          <div className="callout-inner">
            <p className="mb-1">{t('conf.form.readOnly', { range: f.range(b.start, b.end) })}</p>
            <Link to="/videoconferenze/prenotazioni">{t('conf.form.back')}</Link>
          </div>
        </div>
      )}
      {b && !readOnly && platform.data && <BookingForm platform={platform.data} booking={b} />}
    </>
  );
}
