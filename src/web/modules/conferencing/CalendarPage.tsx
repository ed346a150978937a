/**
 * A platform's calendar, week (hour by hour) and month (day by day), with the used and free
 * connections from the availability timeline, in Rome time. Every cell says in words what it
 * shows (free connections, full, closed, holiday); patterns repeat it for sighted users, so colour
 * is never the only signal. On a phone the week becomes a list of days that open to their hours.
 */
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { useSession } from '../../api/session';
import { Loading, PageTitle } from '../../components/Page';
import { ProblemAlert } from '../../components/Problem';
import { useAvailability, usePlatform } from './api';
import { cellOf, hourSpan, instantAt, openSpan, type Cell, type CellState } from './availability';
import { ConferencingNav, mayBook, useOperated } from './ConferencingNav';
import { useFormats, type Formats } from './format';
import { rulesSummary } from './PlatformsPage';
import { addDays, addMonths, firstOfMonth, isDate, isItalianHoliday, mondayOf, monthGrid, todayRome } from './rome-time';
import type { Platform, Segment } from './types';

type View = 'week' | 'month';
const STATES: CellState[] = ['free', 'partial', 'low', 'full', 'closed', 'holiday'];

function useCellText() {
  const { t } = useI18n();
  const f = useFormats();
  /** Short text shown in the cell. */
  const short = (c: Cell): string => {
    switch (c.state) {
      case 'closed':
        return t('conf.cal.closed');
      case 'holiday':
        return t('conf.cal.holiday');
      case 'full':
        return t('conf.cal.full');
      default:
        return t('conf.cal.freeShort', { n: f.number(c.minFree) });
    }
  };
  /** The whole sentence a screen reader reads for the cell. */
  const long = (c: Cell, when: string, capacity: number): string => {
    const state =
      c.state === 'closed'
        ? t('conf.cal.closedLong')
        : c.state === 'holiday'
          ? t('conf.cal.holidayLong')
          : c.state === 'full'
            ? t('conf.cal.fullLong', { capacity: f.number(capacity) })
            : t('conf.cal.freeLong', { free: f.number(c.minFree), capacity: f.number(capacity), used: f.number(c.maxUsed) });
    return `${when}: ${state}`;
  };
  return { short, long };
}

function CellContent({ label, shortText }: { label: string; shortText: string }) {
  return (
    <>
      <span aria-hidden="true" className="conf-cell-text">
        {shortText}
      </span>
      <span className="visually-hidden">{label}</span>
    </>
  );
}

function hourLabel(h: number): string {
  return `${String(h).padStart(2, '0')}:00`;
}

function WeekView({ platform, segments, monday, today, bookable }: { platform: Platform; segments: Segment[]; monday: string; today: string; bookable: boolean }) {
  const { t } = useI18n();
  const f = useFormats();
  const text = useCellText();
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const { first, last } = hourSpan(platform);
  const hours = Array.from({ length: last - first }, (_, i) => first + i);
  const firstBookable = addDays(today, platform.minNoticeDays);
  const canBook = (d: string) => bookable && d >= firstBookable && openSpan(platform, d) !== null && (platform.openOnHolidays || !isItalianHoliday(d));
  const bookLink = (d: string) => `/videoconferenze/piattaforme/${platform.id}/prenota?data=${d}`;
  const cells = days.map((d) => hours.map((h) => cellOf(platform, segments, d, h * 60, (h + 1) * 60)));
  const daySummary = (d: string, di: number) => {
    const span = openSpan(platform, d);
    const open = span ? cellOf(platform, segments, d, span[0], span[1]) : cells[di][0];
    return open;
  };
  return (
    <>
      <div className="table-responsive d-none d-md-block">
        <table className="table conf-calendar conf-week">
          <caption>{t('conf.cal.weekCaption', { from: f.day(days[0]), to: f.day(days[6]), capacity: f.number(platform.capacity) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('conf.cal.hour')}</th>
              {days.map((d) => (
                <th scope="col" key={d} aria-current={d === today ? 'date' : undefined} className={d === today ? 'conf-today' : undefined}>
                  <span className="d-block">{f.shortDay(d)}</span>
                  {canBook(d) && (
                    <Link to={bookLink(d)} className="conf-day-book">
                      {t('conf.cal.bookDay')}
                      <span className="visually-hidden"> {f.day(d)}</span>
                    </Link>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {hours.map((h, hi) => (
              <tr key={h}>
                <th scope="row" className="conf-hour">
                  {hourLabel(h)}–{hourLabel(h + 1)}
                </th>
                {days.map((d, di) => {
                  const c = cells[di][hi];
                  const label = text.long(c, `${f.day(d)}, ${hourLabel(h)}–${hourLabel(h + 1)}`, platform.capacity);
                  return (
                    <td key={d} className={`conf-cell conf-${c.state}`} data-testid="calendar-cell">
                      <CellContent label={label} shortText={text.short(c)} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="conf-day-list d-md-none" aria-label={t('conf.cal.weekList', { from: f.day(days[0]), to: f.day(days[6]) })}>
        {days.map((d, di) => {
          const s = daySummary(d, di);
          return (
            <li key={d}>
              <details open={d === today || (di === 0 && (today < days[0] || today > days[6]))}>
                <summary className={`conf-day-summary conf-${s.state}`}>
                  <span className="conf-day-name">{f.day(d)}</span>{' '}
                  <span className="conf-day-state">{s.state === 'free' || s.state === 'partial' || s.state === 'low' ? t('conf.cal.atLeastFree', { n: f.number(s.minFree) }) : text.short(s)}</span>
                </summary>
                <ul className="conf-hour-list">
                  {hours.map((h, hi) => {
                    const c = cells[di][hi];
                    return (
                      <li key={h} className={`conf-cell conf-${c.state}`} data-testid="calendar-phone-cell">
                        <span aria-hidden="true" className="conf-hour">
                          {hourLabel(h)}–{hourLabel(h + 1)}
                        </span>
                        <CellContent label={text.long(c, `${hourLabel(h)}–${hourLabel(h + 1)}`, platform.capacity)} shortText={text.short(c)} />
                      </li>
                    );
                  })}
                </ul>
                {canBook(d) && (
                  <Link to={bookLink(d)} className="btn btn-primary btn-sm mt-2">
                    {t('conf.cal.bookThisDay')}
                    <span className="visually-hidden"> {f.day(d)}</span>
                  </Link>
                )}
              </details>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function MonthView({ platform, segments, anchor, today, onWeek }: { platform: Platform; segments: Segment[]; anchor: string; today: string; onWeek(d: string): string }) {
  const { t } = useI18n();
  const f = useFormats();
  const text = useCellText();
  const weeks = monthGrid(anchor);
  const month = anchor.slice(0, 7);
  const dayCell = (d: string): Cell => {
    const span = openSpan(platform, d) ?? [0, 1440];
    return cellOf(platform, segments, d, span[0], span[1]);
  };
  const weekdayNames = weeks[0].map((d) => f.shortDay(d).split(' ')[0]);
  const dayText = (c: Cell) => (c.state === 'free' || c.state === 'partial' || c.state === 'low' ? t('conf.cal.atLeastFree', { n: f.number(c.minFree) }) : text.short(c));
  return (
    <>
      <div className="table-responsive d-none d-md-block">
        <table className="table conf-calendar conf-month">
          <caption>{t('conf.cal.monthCaption', { month: f.month(anchor), capacity: f.number(platform.capacity) })}</caption>
          <thead>
            <tr>
              {weekdayNames.map((n, i) => (
                <th scope="col" key={i}>
                  {n}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w[0]}>
                {w.map((d) => {
                  const c = dayCell(d);
                  const inMonth = d.startsWith(month);
                  return (
                    <td
                      key={d}
                      className={`conf-cell conf-${c.state}${inMonth ? '' : ' conf-other-month'}${d === today ? ' conf-today' : ''}`}
                      aria-current={d === today ? 'date' : undefined}
                      data-testid="calendar-cell"
                    >
                      <Link to={onWeek(d)} className="conf-day-number">
                        <span aria-hidden="true">{Number(d.slice(8))}</span>
                        <span className="visually-hidden">{text.long(c, f.day(d), platform.capacity)}</span>
                      </Link>
                      <span aria-hidden="true" className="conf-cell-text d-block">
                        {dayText(c)}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="conf-day-list d-md-none" aria-label={t('conf.cal.monthList', { month: f.month(anchor) })}>
        {weeks
          .flat()
          .filter((d) => d.startsWith(month))
          .map((d) => {
            const c = dayCell(d);
            return (
              <li key={d} className={`conf-cell conf-${c.state}`} data-testid="calendar-phone-cell">
                <Link to={onWeek(d)}>
                  <span aria-hidden="true">
                    <span className="conf-day-name">{f.shortDay(d)}</span> <span className="conf-day-state">{dayText(c)}</span>
                  </span>
                  <span className="visually-hidden">{text.long(c, f.day(d), platform.capacity)}</span>
                </Link>
              </li>
            );
          })}
      </ul>
    </>
  );
}

function Legend() {
  const { t } = useI18n();
  return (
    <div className="conf-legend">
      <h2 className="h6 mb-1">{t('conf.cal.legend')}</h2>
      <ul>
        {STATES.map((s) => (
          <li key={s}>
            <span className={`conf-swatch conf-${s}`} aria-hidden="true" />
            {t(`conf.cal.legend.${s}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function openingText(p: Platform, t: ReturnType<typeof useI18n>['t'], f: Formats): string[] {
  const out: string[] = [];
  for (let d = 1; d <= 7; d++) {
    const w = p.openingHours[String(d)] ?? [];
    // 2027-01-04 is a Monday: its weekday names label the ISO weekdays
    const name = f.day(addDays('2027-01-04', d - 1)).split(' ')[0];
    out.push(`${name}: ${w.length ? w.map(([a, b]) => `${a}–${b}`).join(', ') : t('conf.cal.closed').toLowerCase()}`);
  }
  return out;
}

export default function CalendarPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const f = useFormats();
  const { session } = useSession();
  const { operated } = useOperated();
  const [params, setParams] = useSearchParams();
  const today = todayRome();
  const view: View = params.get('vista') === 'mese' ? 'month' : 'week';
  const given = params.get('data') ?? '';
  const anchor = isDate(given) ? given : today;
  const platform = usePlatform(id);
  const p = platform.data;

  const rangeStart = view === 'week' ? mondayOf(anchor) : monthGrid(anchor)[0][0];
  const rangeEnd = view === 'week' ? addDays(rangeStart, 7) : addDays(monthGrid(anchor).at(-1)![6], 1);
  const from = new Date(instantAt(rangeStart, 0)).toISOString();
  const to = new Date(instantAt(rangeEnd, 0)).toISOString();
  const availability = useAvailability(id, from, to);

  const go = (next: { vista?: View; data?: string }) => {
    const q = new URLSearchParams(params);
    const v = next.vista ?? view;
    q.set('vista', v === 'month' ? 'mese' : 'settimana');
    q.set('data', next.data ?? anchor);
    setParams(q, { replace: true });
  };
  const weekHref = (d: string) => `/videoconferenze/piattaforme/${id}?vista=settimana&data=${d}`;
  const step = (n: number) => (view === 'week' ? addDays(anchor, 7 * n) : addMonths(firstOfMonth(anchor), n));
  const period = view === 'week' ? t('conf.cal.weekOf', { from: f.day(rangeStart), to: f.day(addDays(rangeStart, 6)) }) : f.month(anchor);
  const isOperator = !!p && operated.some((o) => o.id === p.id);

  return (
    <>
      <PageTitle title={p ? t('conf.cal.title', { name: p.name }) : t('conf.cal.titleFallback')}>{p ? t('conf.cal.title', { name: p.name }) : t('conf.cal.titleFallback')}</PageTitle>
      <ConferencingNav />
      {platform.isPending && <Loading />}
      <ProblemAlert error={platform.error} onRetry={() => void platform.refetch()} />
      {p && (
        <>
          <div className="d-flex flex-wrap justify-content-between align-items-start gap-3 mb-3">
            <div>
              <p className="conf-capacity mb-1">{t('conf.platforms.capacity', { n: f.number(p.capacity) })}</p>
              <p className="mb-1">{rulesSummary(p, t, f.number).join(' · ')}</p>
              <details className="mb-2">
                <summary>{t('conf.cal.openingHours')}</summary>
                <ul className="mb-0">
                  {openingText(p, t, f).map((l) => (
                    <li key={l}>{l}</li>
                  ))}
                </ul>
              </details>
            </div>
            <div className="d-flex flex-wrap gap-2">
              {mayBook(p, session?.organization?.id) && (
                <Link className="btn btn-primary" to={`/videoconferenze/piattaforme/${p.id}/prenota${anchor > today ? `?data=${anchor}` : ''}`}>
                  {t('conf.platforms.book')}
                </Link>
              )}
              {isOperator && (
                <Link className="btn btn-outline-primary" to={`/videoconferenze/piattaforme/${p.id}/utilizzo`}>
                  {t('conf.platforms.usage')}
                </Link>
              )}
            </div>
          </div>

          <div className="conf-toolbar d-flex flex-wrap align-items-center gap-2 mb-2">
            <div role="group" aria-label={t('conf.cal.view')} className="btn-group">
              <button type="button" className={`btn btn-sm ${view === 'week' ? 'btn-primary' : 'btn-outline-primary'}`} aria-pressed={view === 'week'} onClick={() => go({ vista: 'week' })}>
                {t('conf.cal.week')}
              </button>
              <button type="button" className={`btn btn-sm ${view === 'month' ? 'btn-primary' : 'btn-outline-primary'}`} aria-pressed={view === 'month'} onClick={() => go({ vista: 'month' })}>
                {t('conf.cal.month')}
              </button>
            </div>
            <div role="group" aria-label={t('conf.cal.move')} className="d-flex flex-wrap gap-2">
              <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => go({ data: step(-1) })}>
                {view === 'week' ? t('conf.cal.prevWeek') : t('conf.cal.prevMonth')}
              </button>
              <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => go({ data: today })}>
                {t('conf.cal.today')}
              </button>
              <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => go({ data: step(1) })}>
                {view === 'week' ? t('conf.cal.nextWeek') : t('conf.cal.nextMonth')}
              </button>
            </div>
          </div>
          <h2 className="h4 conf-period" aria-live="polite">
            {period}
          </h2>
          <p className="form-text">{t('conf.cal.timesInRome')}</p>
          <Legend />
          {availability.isPending && <Loading />}
          <ProblemAlert error={availability.error} onRetry={() => void availability.refetch()} />
          {availability.data && (
            <div aria-busy={availability.isFetching}>
              {view === 'week' ? (
                <WeekView platform={p} segments={availability.data} monday={rangeStart} today={today} bookable={mayBook(p, session?.organization?.id)} />
              ) : (
                <MonthView platform={p} segments={availability.data} anchor={anchor} today={today} onWeek={weekHref} />
              )}
            </div>
          )}
        </>
      )}
    </>
  );
}
