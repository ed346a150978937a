/**
 * One objective: who it belongs to, its period and responsible people, each indicator with its
 * latest value against the target (bar and words), a chart over time per indicator (with the
 * target as reference line and the figures as a table), the reports, and — for the responsible
 * people — the report form.
 */
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../i18n';
import { ApiError, call, http } from '../../../api/client';
import { Loading, PageTitle } from '../../../components/Page';
import { ProblemAlert, SuccessNotice } from '../../../components/Problem';
import { TextField } from '../../../components/Field';
import { Chart } from '../../../components/Chart';
import { objectiveKeys, useObjective } from './api';
import { ProgressBar, StatusBadge, useObjFormat } from './parts';
import type { ObjectiveDetail } from './types';
import { romeToday } from '../../../components/today';

function parseValue(s: string): number | null {
  const v = s.trim().replace(',', '.');
  if (!v) return null;
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
}

function ReportForm({ o, onSent }: { o: ObjectiveDetail; onSent(date: string): void }) {
  const { t } = useI18n();
  const today = romeToday();
  const max = o.endsOn < today ? o.endsOn : today;
  const [reportedOn, setReportedOn] = useState(max);
  const [values, setValues] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const server = error instanceof ApiError ? error.fieldErrors() : {};

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const errs: Record<string, string> = {};
    const list = o.indicators.map((i) => {
      const v = parseValue(values[i.id] ?? '');
      if (v === null || Number.isNaN(v)) errs[i.id] = t('rwobj.report.notNumber');
      return { indicatorId: i.id, value: v ?? 0 };
    });
    setLocal(errs);
    const first = Object.keys(errs)[0];
    if (first) {
      document.getElementById(`report-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await call(
        http.POST('/api/v1/remote-work/objectives/{id}/reports', {
          params: { path: { id: o.id } },
          body: { reportedOn, comment, values: list },
          headers: { 'Idempotency-Key': `report-${o.id}-${crypto.randomUUID()}` },
        }),
      );
      setValues({});
      setComment('');
      onSent(reportedOn);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="rwobj-report-h" className="mb-5">
      <h2 id="rwobj-report-h">{t('rwobj.report.title')}</h2>
      <p>{t('rwobj.report.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField id="report-date" type="date" label={t('rwobj.report.date')} min={o.startsOn} max={max} value={reportedOn} onChange={(e) => setReportedOn(e.target.value)} error={server.reportedOn} required />
        {o.indicators.map((i, k) => (
          <TextField
            key={i.id}
            id={`report-${i.id}`}
            label={i.unit ? t('rwobj.report.value', { name: i.name, unit: i.unit }) : t('rwobj.report.valueNoUnit', { name: i.name })}
            help={t(`rwobj.report.valueHelp.${i.valueType}`)}
            inputMode="decimal"
            value={values[i.id] ?? ''}
            onChange={(e) => setValues({ ...values, [i.id]: e.target.value })}
            error={local[i.id] ?? server[`values.${k}.value`]}
            required
          />
        ))}
        <div className="field mb-4">
          <label htmlFor="report-comment" className="field-label">
            {t('rwobj.report.comment')}
          </label>
          <textarea id="report-comment" className="form-control" rows={3} maxLength={4000} value={comment} onChange={(e) => setComment(e.target.value)} />
        </div>
        <ProblemAlert error={error} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('form.saving') : t('rwobj.report.submit')}
        </button>
      </form>
    </section>
  );
}

export default function ObjectivePage() {
  const { id } = useParams();
  const { t } = useI18n();
  const f = useObjFormat();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const q = useObjective(id);
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const o = q.data;

  const sent = async (date: string) => {
    await qc.invalidateQueries({ queryKey: objectiveKeys.all });
    setNotice(t('rwobj.report.sent', { date: f.day(date) }));
    document.getElementById('rwobj-notice')?.focus();
  };
  const remove = async () => {
    if (!o || !window.confirm(t('rwobj.detail.confirmDelete', { title: o.title }))) return;
    try {
      await call(http.DELETE('/api/v1/remote-work/objectives/{id}', { params: { path: { id: o.id } } }));
      await qc.invalidateQueries({ queryKey: objectiveKeys.all });
      navigate('/lavoro-agile/obiettivi', { state: { notice: t('rwobj.detail.deleted', { title: o.title }) } });
    } catch (err) {
      setDeleteError(err);
    }
  };

  if (!o) {
    return (
      <>
        <PageTitle>{t('rwobj.title')}</PageTitle>
        {q.isPending && <Loading />}
        <ProblemAlert error={q.error} />
        <p>
          <Link to="/lavoro-agile/obiettivi">{t('rwobj.detail.backToList')}</Link>
        </p>
      </>
    );
  }
  const progressOf = new Map(o.progress.indicators.map((p) => [p.indicatorId, p]));
  return (
    <>
      <p>
        <Link to="/lavoro-agile/obiettivi">{t('rwobj.detail.backToList')}</Link>
      </p>
      <PageTitle>{o.title}</PageTitle>
      <div id="rwobj-notice" tabIndex={-1}>
        <SuccessNotice>{notice}</SuccessNotice>
      </div>
      <p className="mb-1">
        {t('rwobj.detail.owner', { scope: t(`rwobj.scope.${o.scope}`), name: o.ownerName })} · {t('rwobj.period', { from: f.day(o.startsOn), to: f.day(o.endsOn) })}
      </p>
      {o.description && <p>{o.description}</p>}
      <p>{t('rwobj.responsibles', { names: o.responsibles.map((r) => r.name).join(', ') })}</p>
      <ProgressBar achieved={o.progress.achievedPercent} expected={o.progress.expectedPercent} status={o.progress.status} label={t('rwobj.progress.label', { title: o.title })} />
      {o.canEdit && (
        <div className="d-flex flex-wrap gap-2 my-3">
          <Link className="btn btn-outline-primary btn-sm" to={`/lavoro-agile/obiettivi/${o.id}/modifica`}>
            {t('rwobj.detail.edit')}
          </Link>
          <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => void remove()}>
            {t('rwobj.detail.delete')}
          </button>
        </div>
      )}
      <ProblemAlert error={deleteError} />

      <section aria-labelledby="rwobj-ind-h" className="my-4">
        <h2 id="rwobj-ind-h">{t('rwobj.detail.indicators')}</h2>
        <div className="table-responsive" tabIndex={0} role="region" aria-label={t('rwobj.detail.indicators')}>
          <table className="table">
            <caption className="visually-hidden">{t('rwobj.detail.indicators')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rwobj.detail.col.indicator')}</th>
                <th scope="col">{t('rwobj.detail.col.baseline')}</th>
                <th scope="col">{t('rwobj.detail.col.target')}</th>
                <th scope="col">{t('rwobj.detail.col.latest')}</th>
                <th scope="col">{t('rwobj.detail.col.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {o.indicators.map((i) => {
                const p = progressOf.get(i.id);
                return (
                  <tr key={i.id}>
                    <th scope="row">
                      {i.name}
                      <div className="form-text">{t(`rwobj.detail.direction.${i.direction}`)}</div>
                    </th>
                    <td>{f.value(i.baseline, i.valueType, i.unit)}</td>
                    <td>{f.value(i.target, i.valueType, i.unit)}</td>
                    <td>
                      {p?.latestValue !== null && p?.latestValue !== undefined ? (
                        <>
                          {f.value(p.latestValue, i.valueType, i.unit)}
                          <div className="form-text">{t('rwobj.detail.latestOn', { date: f.day(p.latestOn) })}</div>
                        </>
                      ) : (
                        t('rwobj.detail.none')
                      )}
                    </td>
                    <td>
                      {p?.achievedPercent !== null && p?.achievedPercent !== undefined ? (
                        <ProgressBar achieved={p.achievedPercent} expected={null} status={null} label={t('rwobj.progress.indicatorLabel', { name: i.name })} />
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p>
          <StatusBadge status={o.progress.status} />
        </p>
      </section>

      <section aria-labelledby="rwobj-charts-h" className="my-4">
        <h2 id="rwobj-charts-h">{t('rwobj.detail.charts')}</h2>
        {o.reports.length === 0 ? (
          <p>{t('rwobj.detail.noChart')}</p>
        ) : (
          o.indicators.map((i) => {
            const points = o.reports.flatMap((r) => r.values.filter((v) => v.indicatorId === i.id).map((v) => ({ day: r.reportedOn, value: v.value })));
            const latest = points.at(-1);
            return (
              <Chart
                key={i.id}
                title={t('rwobj.detail.chartTitle', { name: i.name })}
                summary={t('rwobj.detail.chartSummary', { n: points.length, latest: latest ? f.value(latest.value, i.valueType, i.unit) : '', target: f.value(i.target, i.valueType, i.unit) })}
                categories={points.map((x) => f.shortDay(x.day))}
                categoryLabel={t('rwobj.detail.chartDate')}
                series={[{ label: i.name, values: points.map((x) => x.value), type: 'line' }]}
                reference={{ label: t('rwobj.detail.chartTarget'), value: i.target }}
                formatValue={(v) => f.value(v, i.valueType, i.unit)}
                headingLevel={3}
              />
            );
          })
        )}
      </section>

      <section aria-labelledby="rwobj-reports-h" className="my-4">
        <h2 id="rwobj-reports-h">{t('rwobj.detail.reports')}</h2>
        {o.reports.length === 0 ? (
          <p>{t('rwobj.detail.noReports')}</p>
        ) : (
          <div className="table-responsive" tabIndex={0} role="region" aria-label={t('rwobj.detail.reportsCaption')}>
            <table className="table">
              <caption>{t('rwobj.detail.reportsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('rwobj.detail.col.date')}</th>
                  {o.indicators.map((i) => (
                    <th key={i.id} scope="col">
                      {i.name}
                    </th>
                  ))}
                  <th scope="col">{t('rwobj.detail.col.comment')}</th>
                  <th scope="col">{t('rwobj.detail.col.by')}</th>
                </tr>
              </thead>
              <tbody>
                {o.reports.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{f.day(r.reportedOn)}</th>
                    {o.indicators.map((i) => {
                      const v = r.values.find((x) => x.indicatorId === i.id);
                      return <td key={i.id}>{v ? f.value(v.value, i.valueType, i.unit) : '—'}</td>;
                    })}
                    <td>{r.comment}</td>
                    <td>{r.reportedByName ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {o.canReport && <ReportForm o={o} onSent={(d) => void sent(d)} />}
    </>
  );
}
