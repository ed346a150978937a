/**
 * "Indicatori del lavoro agile" of the body (persona: the HR officer of a Province aiming at 60%):
 * the share of staff with an agreement against the body's target and the gap (with how many
 * more people it takes), the share of remote days, the last 12 months, the offices and the days
 * of the month as charts with their data tables, the target form (HR and administrators) and the
 * CSV downloads. Figures come from the roll-ups, refreshed every minute.
 */
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../i18n';
import { useSession } from '../../../api/session';
import { ApiError } from '../../../api/client';
import { EmptyState, Loading, PageTitle } from '../../../components/Page';
import { ProblemAlert, SuccessNotice } from '../../../components/Problem';
import { Chart } from '../../../components/Chart';
import { TextField } from '../../../components/Field';
import { csvUrl, indicatorKeys, saveTarget, useBodyIndicators } from './api';
import { fmtDayShort, fmtMonth, fmtMonthShort, fmtNumber, fmtPercent, fmtTime, isMonth, romeMonth } from './format';
import { Downloads, MonthPicker, ShareBar } from './parts';
import { ShareChart } from './ShareChart';
import type { BodyIndicators } from './types';
import './indicators.css';

/** People still needed to reach the target (0 when met). */
export function peopleNeeded(b: Pick<BodyIndicators, 'headcount' | 'targetPercent'> & { summary: { withAgreement: number } }): number {
  return Math.max(0, Math.ceil((b.targetPercent * b.headcount) / 100 - 1e-9) - b.summary.withAgreement);
}

function Summary({ data }: { data: BodyIndicators }) {
  const { t, lang } = useI18n();
  const s = data.summary;
  const needed = peopleNeeded(data);
  return (
    <section aria-labelledby="rwi-summary" className="my-4">
      <h2 id="rwi-summary" className="h4">
        {t('rwi.body.summaryTitle', { month: fmtMonth(data.month, lang) })}
      </h2>
      <dl className="rwi-kpis">
        <div className="rwi-kpi">
          <dt>{t('rwi.kpi.agreementShare')}</dt>
          <dd>
            <span className="rwi-kpi-value">{fmtPercent(s.agreementSharePercent, lang)}</span>
            <span className="rwi-kpi-note">{t('rwi.kpi.agreementOf', { n: fmtNumber(s.withAgreement, lang), total: fmtNumber(data.headcount, lang) })}</span>
          </dd>
        </div>
        <div className="rwi-kpi">
          <dt>{t('rwi.kpi.target')}</dt>
          <dd>
            <span className="rwi-kpi-value">{fmtPercent(data.targetPercent, lang)}</span>
            <span className="rwi-kpi-note">
              {data.gapPoints === null
                ? t('rwi.kpi.gapUnknown')
                : data.targetMet
                  ? t('rwi.kpi.targetMet', { points: fmtNumber(Math.abs(data.gapPoints), lang) })
                  : t('rwi.kpi.gap', { points: fmtNumber(data.gapPoints, lang), people: fmtNumber(needed, lang) })}
            </span>
          </dd>
        </div>
        <div className="rwi-kpi">
          <dt>{t('rwi.kpi.remoteShare')}</dt>
          <dd>
            <span className="rwi-kpi-value">{fmtPercent(s.remoteSharePercent, lang)}</span>
            <span className="rwi-kpi-note">
              {t('rwi.kpi.remoteOf', { remote: fmtNumber(s.remoteDays, lang), worked: fmtNumber(s.remoteDays + s.onsiteDays, lang) })}
            </span>
          </dd>
        </div>
        <div className="rwi-kpi">
          <dt>{t('rwi.kpi.absent')}</dt>
          <dd>
            <span className="rwi-kpi-value">{fmtNumber(s.absentDays, lang)}</span>
            <span className="rwi-kpi-note">{t('rwi.kpi.absentNote')}</span>
          </dd>
        </div>
      </dl>
      <ShareBar share={s.agreementSharePercent} target={data.targetPercent} />
    </section>
  );
}

function TargetForm({ current }: { current: number }) {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const [value, setValue] = useState(String(current).replace('.', lang === 'it' ? ',' : '.'));
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(null);
    const n = Number(value.trim().replace(',', '.'));
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) {
      setFieldError(t('rwi.target.invalid'));
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      const r = await saveTarget(Math.round(n * 100) / 100);
      setSaved(t('rwi.target.saved', { percent: fmtPercent(r.targetPercent, lang) }));
      await qc.invalidateQueries({ queryKey: indicatorKeys.all });
      await qc.invalidateQueries({ queryKey: ['remote-work', 'target'] });
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) setFieldError(err.fieldErrors().targetPercent ?? err.problem?.title);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="rwi-target" className="rwi-target my-4">
      <h2 id="rwi-target" className="h5">
        {t('rwi.target.title')}
      </h2>
      <form onSubmit={(e) => void submit(e)} noValidate className="rwi-target-form">
        <TextField
          label={t('rwi.target.label')}
          help={t('rwi.target.help')}
          inputMode="decimal"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={fieldError}
          required
        />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('rwi.target.save')}
        </button>
      </form>
      <ProblemAlert error={error} />
      <SuccessNotice>{saved}</SuccessNotice>
    </section>
  );
}

function MonthsChart({ data }: { data: BodyIndicators }) {
  const { t, lang } = useI18n();
  return (
    <ShareChart
      id="rwi-months"
      heading={t('rwi.months.title')}
      title={t('rwi.months.chart')}
      summary={t('rwi.months.summary', { target: fmtPercent(data.targetPercent, lang) })}
      categories={data.months.map((m) => fmtMonthShort(m.month, lang))}
      categoryLabel={t('rwi.col.month')}
      rows={data.months}
      reference={{ label: t('rwi.series.target'), value: data.targetPercent }}
      remoteAsLine
    />
  );
}

function OfficesChart({ data }: { data: BodyIndicators }) {
  const { t, lang } = useI18n();
  if (data.offices.length === 0) return <EmptyState>{t('rwi.offices.none')}</EmptyState>;
  return (
    <ShareChart
      id="rwi-offices"
      heading={t('rwi.offices.title', { month: fmtMonth(data.month, lang) })}
      horizontal
      title={t('rwi.offices.chart')}
      summary={t('rwi.offices.summary', { target: fmtPercent(data.targetPercent, lang) })}
      categories={data.offices.map((o) => `${o.name} (${fmtNumber(o.withAgreement, lang)}/${fmtNumber(o.headcount, lang)})`)}
      categoryLabel={t('rwi.col.office')}
      rows={data.offices}
      reference={{ label: t('rwi.series.target'), value: data.targetPercent }}
    />
  );
}

function DaysChart({ data }: { data: BodyIndicators }) {
  const { t, lang } = useI18n();
  const days = data.days.filter((d) => d.remoteDays + d.onsiteDays + d.absentDays > 0);
  return (
    <section aria-labelledby="rwi-days" className="my-5">
      <h2 id="rwi-days" className="h4">
        {t('rwi.days.title', { month: fmtMonth(data.month, lang) })}
      </h2>
      {days.length === 0 ? (
        <EmptyState>{t('rwi.days.none')}</EmptyState>
      ) : (
        <Chart
          title={t('rwi.days.chart')}
          summary={t('rwi.days.summary')}
          categories={days.map((d) => fmtDayShort(d.day, lang))}
          categoryLabel={t('rwi.col.day')}
          series={[
            { label: t('rwi.series.remoteDays'), values: days.map((d) => d.remoteDays) },
            { label: t('rwi.series.onsiteDays'), values: days.map((d) => d.onsiteDays) },
            { label: t('rwi.series.absentDays'), values: days.map((d) => d.absentDays) },
          ]}
          formatValue={(n) => fmtNumber(n, lang)}
        />
      )}
    </section>
  );
}

export default function IndicatorsPage() {
  const { t, lang } = useI18n();
  const { session, hasRole } = useSession();
  const [params, setParams] = useSearchParams();
  const now = romeMonth();
  const raw = params.get('mese');
  const month = isMonth(raw) ? raw : now;
  const q = useBodyIndicators(month);
  const setMonth = (m: string) => setParams(m === now ? {} : { mese: m }, { replace: true });
  const forbidden = q.error instanceof ApiError && q.error.status === 403;
  return (
    <>
      <PageTitle>{t('rwi.body.title')}</PageTitle>
      {session?.organization && <p className="lead">{session.organization.name}</p>}
      <p>{t('rwi.body.intro')}</p>
      <MonthPicker month={month} now={now} onChange={setMonth} />
      {q.isPending && <Loading />}
      {forbidden ? <ProblemAlert error={q.error} title={t('rwi.body.forbidden')} /> : <ProblemAlert error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <>
          <Summary data={q.data} />
          {hasRole('hr_manager', 'body_admin') && <TargetForm key={q.data.targetPercent} current={q.data.targetPercent} />}
          <MonthsChart data={q.data} />
          <OfficesChart data={q.data} />
          <DaysChart data={q.data} />
          <Downloads
            links={[
              { href: csvUrl('body', 'months', month), label: t('rwi.csv.months') },
              { href: csvUrl('body', 'offices', month), label: t('rwi.csv.offices', { month: fmtMonth(month, lang) }) },
              { href: csvUrl('body', 'days', month), label: t('rwi.csv.days', { month: fmtMonth(month, lang) }) },
            ]}
          />
          <p className="text-muted small">
            {q.data.refreshedAt ? t('rwi.refreshed', { at: fmtTime(q.data.refreshedAt, lang) }) : t('rwi.notYet')} {t('rwi.definitions')}
          </p>
        </>
      )}
      <p className="mt-4">
        <Link to="/lavoro-agile/indicatori/territorio">{t('rwi.toTerritory')}</Link>
      </p>
    </>
  );
}
