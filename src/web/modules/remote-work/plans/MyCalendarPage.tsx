/**
 * "Il mio calendario": the employee's month on the phone — each day as a line of text (lavoro
 * agile, in sede, assente, non pianificato, or why it is not a working day; fixed days said so),
 * the swap request (a remote day of mine → another day), my requests, and the iCalendar feed
 * (made or regenerated here; its address is shown once).
 */
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../i18n';
import { ApiError } from '../../../api/client';
import { useSession } from '../../../api/session';
import { Loading, PageTitle } from '../../../components/Page';
import { SelectField, TextField } from '../../../components/Field';
import { ProblemAlert, SuccessNotice } from '../../../components/Problem';
import { createFeed, removeFeed, requestSwap, useMyCalendar } from './api';
import { dayLabel, monthLabel, monthOf, monthRange, romeToday, shiftMonth } from './dates';
import { KIND_KEY, useViolationText } from './parts';
import type { FeedCreated, MyCalendar, SwapRequest } from './types';
import './plans.css';

const STATUS_KEY = { accepted: 'rwp.swap.status.accepted', pending: 'rwp.swap.status.pending', refused: 'rwp.swap.status.refused' } as const;

function SwapForm({ cal, today, onDone }: { cal: MyCalendar; today: string; onDone: () => Promise<unknown> }) {
  const { t, lang } = useI18n();
  const why = useViolationText();
  const remote = cal.days.filter((d) => d.kind === 'remote' && d.day >= today && d.pinSource !== 'manager');
  const onsite = cal.days.filter((d) => d.kind === 'onsite' && d.day >= today && d.pinSource !== 'manager');
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<SwapRequest | null>(null);
  const [sending, setSending] = useState(false);
  const fromRef = useRef<HTMLSelectElement>(null);
  const toRef = useRef<HTMLSelectElement>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setResult(null);
    const errs: Record<string, string> = {};
    if (!fromDay) errs.fromDay = t('rwp.swap.fromRequired');
    if (!toDay) errs.toDay = t('rwp.swap.toRequired');
    setErrors(errs);
    if (errs.fromDay) return fromRef.current?.focus();
    if (errs.toDay) return toRef.current?.focus();
    setSending(true);
    try {
      const r = await requestSwap({ fromDay, toDay, ...(note.trim() ? { note: note.trim() } : {}) });
      setResult(r);
      if (r.status !== 'refused') {
        setFromDay('');
        setToDay('');
        setNote('');
      }
      await onDone();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setErrors(err.fieldErrors());
    } finally {
      setSending(false);
    }
  };
  return (
    <section aria-labelledby="swap-title" className="my-4">
      <h2 id="swap-title" className="h4">{t('rwp.swap.title')}</h2>
      <p>{cal.swapRequiresApproval ? t('rwp.swap.introApproval') : t('rwp.swap.intro')}</p>
      {result && (
        <div className={`alert ${result.status === 'accepted' ? 'alert-success' : result.status === 'pending' ? 'alert-info' : 'alert-danger'}`} role={result.status === 'refused' ? 'alert' : 'status'}>
          <p className="fw-semibold mb-1">{t(STATUS_KEY[result.status])}</p>
          <p className="mb-1">{t('rwp.swap.days', { from: dayLabel(result.fromDay, lang), to: dayLabel(result.toDay, lang) })}</p>
          {result.violations.length > 0 && (
            <ul className="mb-0">
              {result.violations.map((v, i) => <li key={i}>{why(v)}</li>)}
            </ul>
          )}
        </div>
      )}
      <ProblemAlert error={error} />
      {remote.length === 0 ? (
        <p>{t('rwp.swap.noRemote')}</p>
      ) : (
        <form noValidate onSubmit={submit} className="form-narrow">
          <SelectField ref={fromRef} label={t('rwp.swap.from')} value={fromDay} onChange={(e) => setFromDay(e.target.value)} error={errors.fromDay} required>
            <option value="">{t('rwp.swap.choose')}</option>
            {remote.map((d) => <option key={d.day} value={d.day}>{dayLabel(d.day, lang)}</option>)}
          </SelectField>
          <SelectField ref={toRef} label={t('rwp.swap.to')} value={toDay} onChange={(e) => setToDay(e.target.value)} error={errors.toDay} required help={t('rwp.swap.toHelp')}>
            <option value="">{t('rwp.swap.choose')}</option>
            {onsite.map((d) => <option key={d.day} value={d.day}>{dayLabel(d.day, lang)}</option>)}
          </SelectField>
          <TextField label={t('rwp.swap.note')} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} error={errors.note} />
          <button type="submit" className="btn btn-primary" disabled={sending}>{t('rwp.swap.submit')}</button>
        </form>
      )}
    </section>
  );
}

function Feed({ cal, onChange }: { cal: MyCalendar; onChange: () => Promise<unknown> }) {
  const { t, formatDateTime } = useI18n();
  const [made, setMade] = useState<FeedCreated | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const urlRef = useRef<HTMLInputElement>(null);
  const make = async () => {
    setError(null);
    setConfirming(false);
    try {
      const f = await createFeed();
      setMade(f);
      setNotice(null);
      await onChange();
      setTimeout(() => urlRef.current?.focus(), 0);
    } catch (err) {
      setError(err);
    }
  };
  const off = async () => {
    setError(null);
    try {
      await removeFeed();
      setMade(null);
      setNotice(t('rwp.feed.removed'));
      await onChange();
    } catch (err) {
      setError(err);
    }
  };
  const copy = async () => {
    if (!made) return;
    try {
      await navigator.clipboard.writeText(made.url);
      setNotice(t('rwp.feed.copied'));
    } catch {
      urlRef.current?.select();
      setNotice(t('rwp.feed.copyManual'));
    }
  };
  return (
    <section aria-labelledby="feed-title" className="my-4">
      <h2 id="feed-title" className="h4">{t('rwp.feed.title')}</h2>
      <p>{t('rwp.feed.intro')}</p>
      <SuccessNotice>{notice}</SuccessNotice>
      <ProblemAlert error={error} />
      {made && (
        <div className="rwp-feed">
          <TextField ref={urlRef} label={t('rwp.feed.url')} readOnly value={made.url} help={t('rwp.feed.once')} onFocus={(e) => e.target.select()} />
          <div className="d-flex flex-wrap gap-2">
            <button type="button" className="btn btn-primary" onClick={() => void copy()}>{t('rwp.feed.copy')}</button>
            <a className="btn btn-outline-primary" href={made.webcalUrl}>{t('rwp.feed.open')}</a>
          </div>
        </div>
      )}
      {!made && cal.feed.active && (
        <p>{t('rwp.feed.active', { since: formatDateTime(cal.feed.createdAt) })}{cal.feed.lastUsedAt ? ` ${t('rwp.feed.lastUsed', { at: formatDateTime(cal.feed.lastUsedAt) })}` : ''}</p>
      )}
      <div className="d-flex flex-wrap gap-2 mt-2">
        {!cal.feed.active && !made && <button type="button" className="btn btn-primary" onClick={() => void make()}>{t('rwp.feed.create')}</button>}
        {(cal.feed.active || made) && !confirming && (
          <button type="button" className="btn btn-outline-primary" onClick={() => setConfirming(true)}>{t('rwp.feed.regenerate')}</button>
        )}
        {(cal.feed.active || made) && <button type="button" className="btn btn-outline-danger" onClick={() => void off()}>{t('rwp.feed.remove')}</button>}
      </div>
      {confirming && (
        <div className="alert alert-warning mt-2" role="alert">
          <p>{t('rwp.feed.confirm')}</p>
          <button type="button" className="btn btn-primary btn-sm me-2" onClick={() => void make()}>{t('rwp.feed.confirmYes')}</button>
          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setConfirming(false)}>{t('rwp.feed.confirmNo')}</button>
        </div>
      )}
    </section>
  );
}

export default function MyCalendarPage() {
  const { t, lang } = useI18n();
  const { hasRole } = useSession();
  const qc = useQueryClient();
  const today = romeToday();
  const [month, setMonth] = useState(monthOf(today));
  const range = monthRange(month);
  const cal = useMyCalendar(range.from, range.to);
  const refresh = () => qc.invalidateQueries({ queryKey: ['remote-work', 'my-calendar'] });
  const data = cal.data;
  const count = (k: string) => data?.days.filter((d) => d.kind === k).length ?? 0;
  const notEmployee = cal.error instanceof ApiError && cal.error.problem?.code === 'plan.not_an_employee';
  return (
    <>
      <PageTitle>{t('rwp.my.title')}</PageTitle>
      {hasRole('hr_manager', 'body_admin', 'office_manager') && (
        <p><Link to="/lavoro-agile/piano">{t('rwp.my.toGrid')}</Link></p>
      )}
      {notEmployee ? (
        <div className="callout note my-3"><div className="callout-inner"><p className="mb-0">{t('rwp.my.notEmployee')}</p></div></div>
      ) : (
        <ProblemAlert error={cal.error} onRetry={() => void cal.refetch()} />
      )}
      {cal.isPending && <Loading />}
      {data && (
        <>
          <p className="lead">{t('rwp.my.office', { office: data.employee.officeName })}</p>
          <div className="rwp-month" role="group" aria-label={t('rwp.grid.month')}>
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setMonth(shiftMonth(month, -1))}>
              <span aria-hidden="true">‹ </span>{t('rwp.grid.prev')}
            </button>
            <h2 className="h5 mb-0" aria-live="polite">{monthLabel(month, lang)}</h2>
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setMonth(shiftMonth(month, 1))}>
              {t('rwp.grid.next')}<span aria-hidden="true"> ›</span>
            </button>
          </div>
          <p className="mt-2">{t('rwp.my.counts', { remote: count('remote'), onsite: count('onsite'), absent: count('absent') })}</p>
          <ul className="rwp-days list-unstyled" aria-label={t('rwp.my.daysLabel', { month: monthLabel(month, lang) })}>
            {data.days.map((d) => (
              <li key={d.day} className={`rwp-dayrow rwp-${d.kind}${d.day === today ? ' rwp-today' : ''}`}>
                <span className="rwp-dayname">{dayLabel(d.day, lang)}{d.day === today ? ` (${t('rwp.my.today')})` : ''}</span>
                <span className="rwp-daykind">
                  {t(KIND_KEY[d.kind])}
                  {d.kind === 'non_working' && d.reason ? ` — ${d.reason}` : ''}
                  {d.pinned ? ` · ${d.pinSource === 'swap' ? t('rwp.my.swapped') : t('rwp.grid.pinned')}` : ''}
                </span>
              </li>
            ))}
          </ul>
          <SwapForm cal={data} today={today} onDone={refresh} />
          {data.swaps.length > 0 && (
            <section aria-labelledby="my-swaps" className="my-4">
              <h2 id="my-swaps" className="h4">{t('rwp.my.swaps')}</h2>
              <ul className="list-unstyled">
                {data.swaps.map((s) => (
                  <li key={s.id} className="mb-2">
                    {t('rwp.swap.days', { from: dayLabel(s.fromDay, lang), to: dayLabel(s.toDay, lang) })}: <strong>{t(STATUS_KEY[s.status])}</strong>
                    {s.reason && <span className="d-block small">{s.reason}</span>}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <Feed cal={data} onChange={refresh} />
        </>
      )}
    </>
  );
}
