/**
 * The manager's month grid ("Piano del lavoro agile"): for each office, its people × the month's
 * working days, each day written as text (LA lavoro agile, S in sede, A assente, – non
 * pianificato; * fissato) and not only as a colour; a click or Enter/Space on a day fixes it in
 * lavoro agile → in sede → frees it, and the office is re-planned around it (arrow keys move
 * between days). Under each table the coverage of every day, with shortfalls highlighted and
 * explained. "Ripianifica" plans the month (from today) with a progress bar when it runs in the
 * background. Pending swap requests and, for HR, whether swaps need approval.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../i18n';
import { useSession } from '../../../api/session';
import { EmptyState, Loading, PageTitle } from '../../../components/Page';
import { SelectField } from '../../../components/Field';
import { ProblemAlert, SuccessNotice } from '../../../components/Problem';
import { useOffices } from '../offices/api';
import { createPlan, decideSwap, planKeys, setPins, showRun, updateSettings, usePendingSwaps, usePlanGrid, usePlanSettings } from './api';
import { dayLabel, monthLabel, monthOf, monthRange, romeToday, shiftMonth, shortDayLabel } from './dates';
import { CELL_CODE, KIND_KEY, ReportPanel } from './parts';
import type { GridOffice, PinConflict, PlanRun, SwapRequest } from './types';
import './plans.css';

type Next = 'remote' | 'onsite' | null;

function nextPin(kind: string, pinned: boolean): Next {
  if (!pinned) return 'remote';
  if (kind === 'remote') return 'onsite';
  return null;
}

function ReplanBox({ month, officeId, disabled, onDone }: { month: string; officeId: string; disabled: boolean; onDone: (run: PlanRun) => void }) {
  const { t, lang } = useI18n();
  const [run, setRun] = useState<PlanRun | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const cancelled = useRef(false);
  useEffect(() => () => {
    cancelled.current = true;
  }, []);
  const today = romeToday();
  const range = monthRange(month);
  const from = range.from < today ? today : range.from;
  const past = range.to < today;
  const start = async () => {
    setError(null);
    setBusy(true);
    try {
      let r = await createPlan({ from, to: range.to, ...(officeId ? { officeIds: [officeId] } : {}) });
      setRun(r);
      while (!cancelled.current && (r.status === 'queued' || r.status === 'running')) {
        await new Promise((res) => setTimeout(res, 1000));
        r = await showRun(r.id);
        setRun(r);
      }
      if (r.status === 'done') onDone(r);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const progress = run && (run.status === 'queued' || run.status === 'running') ? run.progress : null;
  return (
    <section aria-labelledby="replan-title" className="rwp-replan my-3">
      <h2 id="replan-title" className="h5">{t('rwp.replan.title')}</h2>
      <p className="mb-2">{past ? t('rwp.replan.past') : t('rwp.replan.text', { from: dayLabel(from, lang), to: dayLabel(range.to, lang) })}</p>
      <button type="button" className="btn btn-primary" onClick={() => void start()} disabled={busy || disabled || past} aria-describedby="replan-status">
        {t('rwp.replan.button', { month: monthLabel(month, lang) })}
      </button>
      <div id="replan-status" role="status" aria-live="polite" className="mt-2">
        {busy && (
          <>
            <span>{progress === null ? t('rwp.replan.running') : t('rwp.replan.progress', { percent: progress })}</span>
            <progress className="rwp-progress d-block mt-1" max={100} value={progress ?? undefined} aria-label={t('rwp.replan.progressLabel')} />
          </>
        )}
        {!busy && run?.status === 'done' && <span>{t('rwp.replan.done', { seconds: ((run.durationMs ?? 0) / 1000).toFixed(1) })}</span>}
      </div>
      {run?.status === 'failed' && <div className="alert alert-danger mt-2" role="alert">{t('rwp.replan.failed')} {run.error}</div>}
      <ProblemAlert error={error} />
    </section>
  );
}

function OfficeTable({
  office, days, today, canPin, onPin, busy,
}: { office: GridOffice; days: string[]; today: string; canPin: boolean; onPin: (employeeId: string, name: string, day: string, next: Next) => void; busy: boolean }) {
  const { t, lang } = useI18n();
  const [focus, setFocus] = useState<[number, number]>([0, Math.max(0, days.findIndex((d) => d >= today))]);
  const table = useRef<HTMLTableElement>(null);
  const hint = `rwp-hint-${office.id}`;
  const move = (e: KeyboardEvent<HTMLTableElement>) => {
    const deltas: Record<string, [number, number]> = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0] };
    let d = deltas[e.key];
    if (e.key === 'Home') d = [0, -days.length];
    if (e.key === 'End') d = [0, days.length];
    if (!d) return;
    e.preventDefault();
    const r = Math.min(office.employees.length - 1, Math.max(0, focus[0] + d[0]));
    const c = Math.min(days.length - 1, Math.max(0, focus[1] + d[1]));
    setFocus([r, c]);
    table.current?.querySelector<HTMLButtonElement>(`[data-r="${r}"][data-c="${c}"]`)?.focus();
  };
  const short = office.coverage.filter((c) => c.short > 0 || c.skills.some((s) => s.short > 0));
  const skillNames = [...new Set(office.coverage.flatMap((c) => c.skills.map((s) => s.skill)))];
  return (
    <section aria-labelledby={`office-${office.id}`} className="mb-5">
      <h2 id={`office-${office.id}`} className="h4">{office.name}</h2>
      {office.employees.length === 0 ? (
        <p>{t('rwp.grid.noPeople')}</p>
      ) : (
        <div className="table-responsive rwp-grid-wrap">
          <table ref={table} className="table table-sm rwp-grid" onKeyDown={move} aria-busy={busy || undefined}>
            <caption>{t('rwp.grid.caption', { office: office.name })}</caption>
            <thead>
              <tr>
                <th scope="col" className="rwp-name">{t('rwp.grid.person')}</th>
                {days.map((d) => {
                  const l = shortDayLabel(d, lang);
                  return (
                    <th scope="col" key={d} className="rwp-day">
                      <span aria-hidden="true">{l.weekday}<br />{l.day}</span>
                      <span className="visually-hidden">{dayLabel(d, lang)}</span>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {office.employees.map((e, r) => (
                <tr key={e.id}>
                  <th scope="row" className="rwp-name">
                    {e.name}
                    {!e.hasAgreement && <span className="rwp-noagr"> {t('rwp.grid.noAgreement')}</span>}
                  </th>
                  {days.map((d, c) => {
                    const kind = e.kinds[c];
                    const pinned = e.pinned[c];
                    const past = d < today;
                    const next = nextPin(kind, pinned);
                    const editable = canPin && !past;
                    return (
                      <td key={d} className={`rwp-cell rwp-${kind}${pinned ? ' rwp-pinned' : ''}`}>
                        <button
                          type="button"
                          data-r={r}
                          data-c={c}
                          tabIndex={focus[0] === r && focus[1] === c ? 0 : -1}
                          aria-disabled={!editable || undefined}
                          aria-describedby={editable ? hint : undefined}
                          onFocus={() => setFocus([r, c])}
                          onClick={() => editable && !busy && onPin(e.id, e.name, d, next)}
                        >
                          <span className="visually-hidden">{e.name}, {dayLabel(d, lang)}: </span>
                          <span aria-hidden="true">{CELL_CODE[kind]}{pinned ? '*' : ''}</span>
                          <span className="visually-hidden">
                            {t(KIND_KEY[kind])}
                            {pinned ? `, ${t('rwp.grid.pinned')}` : ''}
                            {editable ? `. ${t(next === 'remote' ? 'rwp.grid.next.remote' : next === 'onsite' ? 'rwp.grid.next.onsite' : 'rwp.grid.next.free')}` : ''}
                          </span>
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="rwp-name">{t('rwp.grid.coverage')}</th>
                {office.coverage.map((c) => (
                  <td key={c.day} className={`rwp-cov${c.short > 0 ? ' rwp-short' : ''}`}>
                    {c.onSite}/{c.required}
                    {c.short > 0 && (
                      <>
                        <span aria-hidden="true"> !</span>
                        <span className="visually-hidden"> {t('rwp.grid.shortBy', { n: c.short })}</span>
                      </>
                    )}
                  </td>
                ))}
              </tr>
              {skillNames.map((skill) => (
                <tr key={skill}>
                  <th scope="row" className="rwp-name">{t('rwp.grid.skillCoverage', { skill })}</th>
                  {office.coverage.map((c) => {
                    const s = c.skills.find((x) => x.skill === skill);
                    return (
                      <td key={c.day} className={`rwp-cov${s && s.short > 0 ? ' rwp-short' : ''}`}>
                        {s ? `${s.onSite}/${s.required}` : '–'}
                        {s && s.short > 0 && (
                          <>
                            <span aria-hidden="true"> !</span>
                            <span className="visually-hidden"> {t('rwp.grid.shortBy', { n: s.short })}</span>
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tfoot>
          </table>
        </div>
      )}
      <p id={hint} className="visually-hidden">{t('rwp.grid.hint')}</p>
      {short.length > 0 && (
        <div className="rwp-short-list mt-2">
          <h3 className="h6">{t('rwp.grid.shortTitle', { office: office.name })}</h3>
          <ul>
            {short.map((c) => (
              <li key={c.day}>
                <strong>{dayLabel(c.day, lang)}</strong>:{' '}
                {c.short > 0 && t('rwp.grid.shortLine', { required: c.required, onSite: c.onSite, short: c.short, absent: c.absent, remote: c.remote })}
                {c.skills.filter((s) => s.short > 0).map((s) => ` ${t('rwp.grid.shortSkillLine', { skill: s.skill, required: s.required, onSite: s.onSite, short: s.short })}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function PendingSwaps() {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const pending = usePendingSwaps(true);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const decide = async (s: SwapRequest, decision: 'accepted' | 'refused') => {
    setError(null);
    try {
      const r = await decideSwap(s.id, { decision });
      setNotice(r.status === 'accepted'
        ? t('rwp.pending.accepted', { name: s.employeeName })
        : t('rwp.pending.refused', { name: s.employeeName, reason: r.reason ?? '' }));
      await qc.invalidateQueries({ queryKey: ['remote-work'] });
    } catch (err) {
      setError(err);
    }
  };
  const items = pending.data?.items ?? [];
  return (
    <section aria-labelledby="pending-title" className="my-4">
      <h2 id="pending-title" className="h4">{t('rwp.pending.title')}</h2>
      <SuccessNotice>{notice}</SuccessNotice>
      <ProblemAlert error={error ?? pending.error} />
      {pending.isSuccess && items.length === 0 && <p>{t('rwp.pending.none')}</p>}
      {items.length > 0 && (
        <ul className="list-unstyled">
          {items.map((s) => (
            <li key={s.id} className="rwp-pending mb-2">
              <p className="mb-1">
                {t('rwp.pending.line', { name: s.employeeName, office: s.officeName, from: dayLabel(s.fromDay, lang), to: dayLabel(s.toDay, lang) })}
                {s.note && <> — <q>{s.note}</q></>}
              </p>
              <button type="button" className="btn btn-primary btn-sm me-2" onClick={() => void decide(s, 'accepted')}>
                {t('rwp.pending.accept')}<span className="visually-hidden"> — {s.employeeName}</span>
              </button>
              <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => void decide(s, 'refused')}>
                {t('rwp.pending.refuse')}<span className="visually-hidden"> — {s.employeeName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SwapSetting() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const settings = usePlanSettings();
  const [error, setError] = useState<unknown>(null);
  if (!settings.data) return null;
  const toggle = async (v: boolean) => {
    setError(null);
    try {
      await updateSettings(v);
      await qc.invalidateQueries({ queryKey: planKeys.settings });
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="settings-title" className="my-4">
      <h2 id="settings-title" className="h5">{t('rwp.settings.title')}</h2>
      <div className="form-check">
        <input id="swap-approval" className="form-check-input" type="checkbox" checked={settings.data.swapRequiresApproval} onChange={(e) => void toggle(e.target.checked)} />
        <label htmlFor="swap-approval" className="form-check-label">{t('rwp.settings.approval')}</label>
      </div>
      <ProblemAlert error={error} />
    </section>
  );
}

export default function PlanGridPage() {
  const { t, lang } = useI18n();
  const { session, hasRole } = useSession();
  const qc = useQueryClient();
  const wholeBody = hasRole('hr_manager', 'body_admin');
  const manager = wholeBody || hasRole('office_manager');
  const today = romeToday();
  const [month, setMonth] = useState(monthOf(today));
  const offices = useOffices();
  const plannable = useMemo(
    () => (offices.data?.items ?? []).filter((o) => wholeBody || o.managerUserId === session?.user.id),
    [offices.data, wholeBody, session],
  );
  const [officeId, setOfficeId] = useState('');
  useEffect(() => {
    if (!officeId && plannable.length > 0) setOfficeId(plannable[0].id);
  }, [plannable, officeId]);
  const range = monthRange(month);
  const grid = usePlanGrid(range.from, range.to, officeId, manager && (officeId !== '' || (wholeBody && offices.isSuccess)));
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<PinConflict[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [lastRun, setLastRun] = useState<PlanRun | null>(null);

  if (!manager) {
    return (
      <>
        <PageTitle>{t('rwp.grid.title')}</PageTitle>
        <p>{t('rwp.grid.forbidden')}</p>
        <Link to="/lavoro-agile/il-mio-calendario">{t('rwp.my.title')}</Link>
      </>
    );
  }
  const refresh = () => qc.invalidateQueries({ queryKey: ['remote-work', 'plan-grid'] });
  const pin = async (employeeId: string, name: string, day: string, next: Next) => {
    setError(null);
    setBusy(true);
    setStatus(t('rwp.grid.saving'));
    try {
      const r = await setPins([{ employeeId, day, kind: next }]);
      setConflicts(r.pinConflicts);
      if (r.run) setLastRun(r.run);
      await refresh();
      const what = next === 'remote' ? t('rwp.kind.remote') : next === 'onsite' ? t('rwp.kind.onsite') : t('rwp.grid.freed');
      setStatus(t('rwp.grid.pinDone', { name, day: dayLabel(day, lang), what }) + (r.pinConflicts.length ? ` ${t('rwp.grid.pinConflicts', { n: r.pinConflicts.length })}` : ''));
    } catch (err) {
      setError(err);
      setStatus(null);
    } finally {
      setBusy(false);
    }
  };
  const data = grid.data;
  return (
    <>
      <PageTitle>{t('rwp.grid.title')}</PageTitle>
      <p className="lead">{t('rwp.grid.intro')}</p>
      <form className="rwp-controls" onSubmit={(e) => e.preventDefault()}>
        <SelectField label={t('rwp.grid.office')} value={officeId} onChange={(e) => setOfficeId(e.target.value)}>
          {wholeBody && <option value="">{t('rwp.grid.allOffices')}</option>}
          {plannable.map((o) => (
            <option key={o.id} value={o.id}>{o.name}</option>
          ))}
        </SelectField>
        <div className="rwp-month" role="group" aria-label={t('rwp.grid.month')}>
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setMonth(shiftMonth(month, -1))}>
            <span aria-hidden="true">‹ </span>{t('rwp.grid.prev')}
          </button>
          <p className="h5 mb-0" aria-live="polite">{monthLabel(month, lang)}</p>
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setMonth(shiftMonth(month, 1))}>
            {t('rwp.grid.next')}<span aria-hidden="true"> ›</span>
          </button>
        </div>
      </form>
      {offices.isSuccess && plannable.length === 0 && <EmptyState>{t('rwp.grid.noOffices')}</EmptyState>}
      <ReplanBox month={month} officeId={officeId} disabled={plannable.length === 0} onDone={(r) => { setLastRun(r); setConflicts(r.report?.pinConflicts ?? []); void refresh(); }} />
      <div role="status" aria-live="polite" className="rwp-status">{status}</div>
      <ProblemAlert error={error} />
      {lastRun?.report && <ReportPanel report={lastRun.report} conflicts={conflicts} title={t('rwp.report.titleRun')} />}
      {!lastRun && data?.latestRun && (
        <ReportPanel
          report={{ message: data.latestRun.message, messageEn: data.latestRun.messageEn, shortfalls: data.latestRun.shortfalls, pinConflicts: data.latestRun.pinConflicts }}
          conflicts={data.latestRun.pinConflicts}
          title={t('rwp.report.titleLatest')}
        />
      )}
      {grid.isPending && officeId !== '' && <Loading />}
      <ProblemAlert error={grid.error} onRetry={() => void grid.refetch()} />
      {data && (
        <>
          <details className="rwp-legend my-3" open>
            <summary>{t('rwp.legend.title')}</summary>
            <ul>
              {(['remote', 'onsite', 'absent', 'unplanned'] as const).map((k) => (
                <li key={k}><span className={`rwp-swatch rwp-${k}`} aria-hidden="true">{CELL_CODE[k]}</span> {t(KIND_KEY[k])}</li>
              ))}
              <li><span className="rwp-swatch rwp-pinned" aria-hidden="true">*</span> {t('rwp.legend.pinned')}</li>
              <li>{t('rwp.legend.cycle')}</li>
              <li>{t('rwp.legend.coverage')}</li>
            </ul>
            {data.nonWorkingDays.filter((d) => d.reason !== 'sabato' && d.reason !== 'domenica').length > 0 && (
              <p className="mb-0">
                {t('rwp.legend.closed')}{' '}
                {data.nonWorkingDays.filter((d) => d.reason !== 'sabato' && d.reason !== 'domenica').map((d) => `${dayLabel(d.day, lang)} (${d.reason})`).join('; ')}
              </p>
            )}
          </details>
          {data.offices.length === 0 && <EmptyState>{t('rwp.grid.noOffices')}</EmptyState>}
          {data.offices.map((o) => (
            <OfficeTable key={o.id} office={o} days={data.workingDays} today={today} canPin onPin={(e, n, d, next) => void pin(e, n, d, next)} busy={busy} />
          ))}
        </>
      )}
      <PendingSwaps />
      {wholeBody && <SwapSetting />}
    </>
  );
}

