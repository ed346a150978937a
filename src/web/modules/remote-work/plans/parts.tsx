/** Shared pieces of the planner's pages: the text codes of a day, the run report, the reasons of a refused swap. */
import { useI18n } from '../../../i18n';
import type { MessageKey } from '../../../i18n/it';
import { dayLabel } from './dates';
import type { CellKind, PinConflict, PlanReport, SwapViolation, ViolationKind } from './types';

/** Short text of a day in the grid (never colour alone). */
export const CELL_CODE: Record<CellKind, string> = { remote: 'LA', onsite: 'S', absent: 'A', unplanned: '–' };
export const KIND_KEY: Record<CellKind | 'non_working', MessageKey> = {
  remote: 'rwp.kind.remote',
  onsite: 'rwp.kind.onsite',
  absent: 'rwp.kind.absent',
  unplanned: 'rwp.kind.unplanned',
  non_working: 'rwp.kind.nonWorking',
};
export const VIOLATION_KEY: Record<ViolationKind, MessageKey> = {
  'coverage': 'rwp.violation.coverage',
  'skill-coverage': 'rwp.violation.skill-coverage',
  'weekly-cap': 'rwp.violation.weekly-cap',
  'monthly-cap': 'rwp.violation.monthly-cap',
  'no-agreement': 'rwp.violation.no-agreement',
  'forbidden-weekday': 'rwp.violation.forbidden-weekday',
  'non-working-day': 'rwp.violation.non-working-day',
  'absence-day': 'rwp.violation.absence-day',
  'pin-not-respected': 'rwp.violation.pin-not-respected',
  'malformed': 'rwp.violation.malformed',
};

/** A refused swap's reason in the user's language: office, day and people short for coverage. */
export function useViolationText() {
  const { t, lang } = useI18n();
  return (v: SwapViolation): string => {
    if ((v.kind === 'coverage' || v.kind === 'skill-coverage') && v.officeName && v.day && v.required !== null && v.actual !== null) {
      return t(v.kind === 'coverage' ? 'rwp.swap.why.coverage' : 'rwp.swap.why.skill', {
        office: v.officeName, day: dayLabel(v.day, lang), required: v.required, actual: v.actual, short: v.peopleShort ?? v.required - v.actual, skill: v.skill ?? '',
      });
    }
    if (v.kind === 'weekly-cap' || v.kind === 'monthly-cap') return t(v.kind === 'weekly-cap' ? 'rwp.swap.why.weekly' : 'rwp.swap.why.monthly', { max: v.required ?? 0, n: v.actual ?? 0 });
    return lang === 'it' ? v.message : `${t(VIOLATION_KEY[v.kind])}${v.day ? ` (${dayLabel(v.day, lang)})` : ''}`;
  };
}

export function ReportPanel({ report, conflicts, title }: { report: PlanReport; conflicts: PinConflict[]; title: string }) {
  const { t, lang } = useI18n();
  const shortfalls = report.shortfalls ?? [];
  return (
    <section aria-labelledby="report-title" className="rwp-report callout my-3">
      <div className="callout-inner">
        <h2 id="report-title" className="h5">{title}</h2>
        {(lang === 'it' ? report.message : report.messageEn) && <p>{lang === 'it' ? report.message : report.messageEn}</p>}
        {shortfalls.length > 0 && (
          <>
            <h3 className="h6">{t('rwp.report.shortfalls')}</h3>
            <ul>
              {shortfalls.map((s) => (
                <li key={s.officeId}>
                  <strong>{s.officeName}</strong>:{' '}
                  {s.days.map((d) => t(d.skill ? 'rwp.report.daySkill' : 'rwp.report.day', { day: dayLabel(d.day, lang), short: d.peopleShort, required: d.required, skill: d.skill ?? '' })).join('; ')}
                </li>
              ))}
            </ul>
          </>
        )}
        {conflicts.length > 0 && (
          <>
            <h3 className="h6">{t('rwp.report.conflicts')}</h3>
            <ul>
              {conflicts.map((c) => (
                <li key={`${c.employeeId}-${c.day}-${c.kind}`}>{lang === 'it' ? c.message : `${t(VIOLATION_KEY[c.kind])} — ${dayLabel(c.day, lang)}: ${c.message}`}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
