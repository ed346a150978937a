/**
 * The optional plan of office and remote days of an agreement (the API's `monthlyPlan`): one month
 * at a time, each working day (Monday–Friday, inside the agreement's term) is a toggle button that
 * goes unmarked → "agile" → "in sede" → unmarked. The state is written in the button's text, not
 * only in its colour, and `aria-pressed` says whether the day is marked.
 */
import { useI18n } from '../../../i18n';
import { addDays, daysInMonth, isoWeekday } from '../../../../modules/remote-work/agreements/agreement-rules';
import { useAgreementFormat } from './format';

export type PlanKind = 'remote' | 'onsite';

interface Props {
  plan: Record<string, PlanKind>;
  month: string; // YYYY-MM
  startsOn: string;
  endsOn: string | null;
  onMonth: (ym: string) => void;
  onChange: (plan: Record<string, PlanKind>) => void;
  error?: string;
}

function shiftMonth(ym: string, by: number): string {
  const [y, m] = ym.split('-').map(Number);
  const n = y * 12 + (m - 1) + by;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

export function PlanCalendar({ plan, month, startsOn, endsOn, onMonth, onChange, error }: Props) {
  const { t } = useI18n();
  const f = useAgreementFormat();
  const [y, m] = month.split('-').map(Number);
  const first = `${month}-01`;
  const lead = isoWeekday(first) - 1;
  const cells: (string | null)[] = [...Array<null>(lead).fill(null)];
  for (let d = 1; d <= daysInMonth(y, m); d++) cells.push(addDays(first, d - 1));
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  const inTerm = (d: string) => d >= startsOn && (endsOn === null || d <= endsOn) && isoWeekday(d) <= 5;
  const toggle = (d: string) => {
    const next = { ...plan };
    if (!next[d]) next[d] = 'remote';
    else if (next[d] === 'remote') next[d] = 'onsite';
    else delete next[d];
    onChange(next);
  };
  const remote = Object.entries(plan).filter(([d, k]) => d.startsWith(month) && k === 'remote').length;
  const onsite = Object.entries(plan).filter(([d, k]) => d.startsWith(month) && k === 'onsite').length;
  const kindText = (k: PlanKind | undefined) => (k === 'remote' ? t('rwa.plan.remote') : k === 'onsite' ? t('rwa.plan.onsite') : t('rwa.plan.unmarked'));
  const errorId = 'rwa-plan-error';

  return (
    <div id="rwa-plan" className="rwa-plan" aria-describedby={error ? errorId : undefined}>
      <p className="form-text" id="rwa-plan-help">
        {t('rwa.plan.help')}
      </p>
      <div className="rwa-plan-nav">
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => onMonth(shiftMonth(month, -1))}>
          {t('rwa.plan.prev')}
        </button>
        <h3 className="h6 mb-0" aria-live="polite">
          {f.month(month)}
        </h3>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => onMonth(shiftMonth(month, 1))}>
          {t('rwa.plan.next')}
        </button>
      </div>
      <table className="rwa-plan-table">
        <caption className="visually-hidden">{t('rwa.plan.caption', { month: f.month(month) })}</caption>
        <thead>
          <tr>
            {[1, 2, 3, 4, 5, 6, 7].map((w) => (
              <th key={w} scope="col">
                <abbr title={f.weekday(w)}>{f.weekday(w).slice(0, 3)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, i) => (
            <tr key={i}>
              {week.map((d, j) =>
                d === null ? (
                  <td key={j} />
                ) : inTerm(d) ? (
                  <td key={d}>
                    <button
                      type="button"
                      className={`rwa-plan-day rwa-plan-${plan[d] ?? 'none'}`}
                      aria-pressed={plan[d] !== undefined}
                      aria-label={`${f.day(d)}: ${kindText(plan[d])}`}
                      onClick={() => toggle(d)}
                    >
                      <span aria-hidden="true">{Number(d.slice(8))}</span>
                      <span aria-hidden="true" className="rwa-plan-kind">
                        {plan[d] === 'remote' ? t('rwa.plan.remoteShort') : plan[d] === 'onsite' ? t('rwa.plan.onsiteShort') : '·'}
                      </span>
                    </button>
                  </td>
                ) : (
                  <td key={d} className="rwa-plan-off">
                    {Number(d.slice(8))}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="form-text" data-testid="rwa-plan-count">
        {t('rwa.plan.count', { remote, onsite })}
      </p>
      {error && (
        <div id={errorId} className="invalid-feedback d-block" role="status">
          {error}
        </div>
      )}
    </div>
  );
}
