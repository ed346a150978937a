/** Pieces shared by the indicators' pages: the month picker, the share-against-target bar, the CSV links. */
import { useId } from 'react';
import { useI18n } from '../../../i18n';
import { SelectField } from '../../../components/Field';
import { fmtMonth, fmtPercent, monthChoices, shiftMonth } from './format';

export function MonthPicker({ month, now, onChange }: { month: string; now: string; onChange(m: string): void }) {
  const { t, lang } = useI18n();
  const choices = monthChoices(now);
  const options = choices.includes(month) ? choices : [month, ...choices];
  return (
    <div className="rwi-month">
      <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => onChange(shiftMonth(month, -1))}>
        {t('rwi.month.prev')}
      </button>
      <SelectField label={t('rwi.month.label')} value={month} onChange={(e) => onChange(e.target.value)}>
        {options.map((m) => (
          <option key={m} value={m}>
            {fmtMonth(m, lang)}
            {m === now ? ` (${t('rwi.month.current')})` : ''}
          </option>
        ))}
      </SelectField>
      <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => onChange(shiftMonth(month, 1))}>
        {t('rwi.month.next')}
      </button>
    </div>
  );
}

/** The share as a bar with the target marked; the same figures are in the text next to it. */
export function ShareBar({ share, target, targetLabel }: { share: number | null; target: number; targetLabel?: string }) {
  const { t, lang } = useI18n();
  const id = useId();
  const value = share ?? 0;
  return (
    <figure className="rwi-sharebar my-3" aria-labelledby={`${id}-c`}>
      <div className="rwi-sharebar-track" aria-hidden="true">
        <div className={`rwi-sharebar-fill${share !== null && share >= target ? ' met' : ''}`} style={{ width: `${Math.min(100, value)}%` }} />
        <div className="rwi-sharebar-target" style={{ left: `${Math.min(100, target)}%` }} />
      </div>
      <figcaption id={`${id}-c`} className="small">
        {t('rwi.bar.caption', { share: fmtPercent(share, lang), target: fmtPercent(target, lang), what: targetLabel ?? t('rwi.series.target').toLowerCase() })}
      </figcaption>
    </figure>
  );
}

export function Downloads({ links }: { links: { href: string; label: string }[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="rwi-downloads" className="my-4">
      <h2 id="rwi-downloads" className="h5">
        {t('rwi.csv.title')}
      </h2>
      <ul className="rwi-downloads">
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href} download>
              {l.label}
              <span className="visually-hidden"> ({t('rwi.csv.format')})</span>
            </a>
          </li>
        ))}
      </ul>
      <p className="small text-muted">{t('rwi.csv.help')}</p>
    </section>
  );
}
