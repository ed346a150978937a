/**
 * Labels and texts of the agreements' pages: statuses, periods, remote days, and the messages of
 * the rules (agreement-rules.ts, the same file the API enforces) in the user's language.
 */
import { useI18n } from '../../../i18n';
import type { MessageKey } from '../../../i18n/it.js';
import type { RuleViolation } from '../../../../modules/remote-work/agreements/agreement-rules';
import type { Agreement } from './types';

/** The dictionary key of a rule's message (some rules have variants). */
export function ruleKey(v: RuleViolation): string {
  const p = v.params;
  switch (v.code) {
    case 'agreement.invalid_term':
      return p.reason === 'order' ? `rwa.rule.${v.code}.order` : `rwa.rule.${v.code}`;
    case 'agreement.remote_days_beyond_weekdays':
      return p.month ? `rwa.rule.${v.code}.month` : `rwa.rule.${v.code}`;
    case 'agreement.plan_invalid':
      return p.day ? `rwa.rule.${v.code}.day` : `rwa.rule.${v.code}`;
    case 'agreement.plan_beyond_caps':
      return `rwa.rule.${v.code}.${p.unit === 'week' ? 'week' : 'month'}`;
    case 'agreement.working_hours_invalid':
      return p.reason === 'disconnection' ? `rwa.rule.${v.code}.disconnection` : `rwa.rule.${v.code}`;
    default:
      return `rwa.rule.${v.code}`;
  }
}

export function useAgreementFormat() {
  const { t, lang } = useI18n();
  const locale = lang === 'it' ? 'it-IT' : 'en-GB';
  const day = (d: string | null | undefined) => {
    if (!d) return '';
    const [y, m, dd] = d.slice(0, 10).split('-').map(Number);
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, dd)));
  };
  const month = (ym: string) => {
    const [y, m] = ym.split('-').map(Number);
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
  };
  const weekday = (n: number | string) => t(`rwa.weekday.${n}` as MessageKey);
  const list = (items: string[]) => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
  const weekdays = (days: number[]) => list([...days].sort((a, b) => a - b).map(weekday));
  const period = (a: Pick<Agreement, 'startsOn' | 'endsOn'>) => (a.endsOn ? t('rwa.period.fixed', { from: day(a.startsOn), to: day(a.endsOn) }) : t('rwa.period.open', { from: day(a.startsOn) }));
  const days = (a: Pick<Agreement, 'maxRemotePerWeek' | 'maxRemotePerMonth' | 'allowedWeekdays' | 'monthlyPlan'>) => {
    const parts: string[] = [];
    if (a.maxRemotePerWeek !== null) parts.push(t('rwa.days.week', { n: a.maxRemotePerWeek }));
    if (a.maxRemotePerMonth !== null) parts.push(t('rwa.days.month', { n: a.maxRemotePerMonth }));
    if (a.monthlyPlan) parts.push(t('rwa.days.plan'));
    return `${parts.join(', ')} ${t('rwa.days.on', { weekdays: weekdays(a.allowedWeekdays) })}`;
  };
  const status = (s: string) => t(`rwa.status.${s}` as MessageKey);
  /** A rule's message, with weekdays, months and days written out. */
  const rule = (v: RuleViolation) => {
    const p: Record<string, string | number> = { ...v.params };
    if (p.weekday !== undefined && p.weekday !== '') p.weekday = weekday(p.weekday);
    if (typeof p.month === 'string' && p.month) p.month = month(p.month);
    if (typeof p.day === 'string' && p.day) p.day = day(p.day);
    if (v.code === 'agreement.plan_beyond_caps') p.period = p.unit === 'week' ? day(String(p.period)) : month(String(p.period));
    return t(ruleKey(v) as MessageKey, p);
  };
  return { day, month, weekday, weekdays, period, days, status, rule };
}
