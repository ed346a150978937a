/** Shared parts of the objectives pages: formatting, status label, progress bar with its text. */
import { useMemo } from 'react';
import { useI18n } from '../../../i18n';
import type { ProgressStatus, ValueType } from './types';
import './objectives.css';

export function useObjFormat() {
  const { lang, formatDate } = useI18n();
  return useMemo(() => {
    const locale = lang === 'it' ? 'it-IT' : 'en-GB';
    const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const pct = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const short = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: '2-digit', timeZone: 'UTC' });
    return {
      day: (d: string | null) => (d ? formatDate(`${d}T12:00:00Z`) : ''),
      /** A short date for chart axes ("26 ott 26"). */
      shortDay: (d: string) => short.format(new Date(`${d}T12:00:00Z`)),
      value: (v: number | null, type: ValueType, unit: string) => (v === null ? '' : type === 'percent' ? `${num.format(v)}%` : `${num.format(v)}${unit ? ` ${unit}` : ''}`),
      percent: (v: number) => `${pct.format(v)}%`,
      number: (v: number) => num.format(v),
    };
  }, [lang, formatDate]);
}

export function StatusBadge({ status }: { status: ProgressStatus }) {
  const { t } = useI18n();
  return <span className={`rwobj-status rwobj-status-${status}`}>{t(`rwobj.status.${status}`)}</span>;
}

/** A bar from 0 to 100% with a tick at the expected share, and the same figures in words. */
export function ProgressBar({ achieved, expected, status, label }: { achieved: number; expected: number | null; status: ProgressStatus | null; label: string }) {
  const { t } = useI18n();
  const f = useObjFormat();
  const text = expected === null ? f.percent(achieved) : t('rwobj.progress.text', { achieved: f.percent(achieved), expected: f.percent(expected) });
  return (
    <div>
      <div
        className={`rwobj-bar${status ? ` rwobj-bar-${status}` : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={achieved}
        aria-valuetext={text}
      >
        <div className="rwobj-bar-fill" style={{ width: `${Math.max(0, Math.min(100, achieved))}%` }} />
        {expected !== null && <div className="rwobj-bar-expected" style={{ left: `calc(${Math.max(0, Math.min(100, expected))}% - 1px)` }} aria-hidden="true" />}
      </div>
      <p className="mb-0 small">
        {text}
        {status && (
          <>
            {' '}
            <StatusBadge status={status} />
          </>
        )}
      </p>
    </div>
  );
}
