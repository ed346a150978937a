/**
 * The usage report of a platform for its operator: hours booked and peak connections per month
 * (against the capacity), bookings per body, as charts with their data tables, and the CSV.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n';
import { apiHref, call, http } from '../../api/client';
import { Chart } from '../../components/Chart';
import { EmptyState, Loading, PageTitle } from '../../components/Page';
import { ProblemAlert } from '../../components/Problem';
import { keys, usePlatform } from './api';
import { ConferencingNav } from './ConferencingNav';
import { useFormats } from './format';
import { addDays, addMonths, firstOfMonth, isDate, todayRome } from './rome-time';

function defaultRange(): { from: string; to: string } {
  const first = firstOfMonth(todayRome());
  return { from: addMonths(first, -11), to: addDays(addMonths(first, 1), -1) };
}

export default function UsagePage() {
  const { id } = useParams();
  const { t } = useI18n();
  const f = useFormats();
  const fid = useId().replace(/:/g, '');
  const [params, setParams] = useSearchParams();
  const def = defaultRange();
  const fromDate = isDate(params.get('dal') ?? '') ? params.get('dal')! : def.from;
  const toDate = isDate(params.get('al') ?? '') ? params.get('al')! : def.to;
  const [draft, setDraft] = useState({ from: fromDate, to: toDate });
  const [formError, setFormError] = useState<string | null>(null);
  const platform = usePlatform(id);
  // the API takes calendar days in Rome time, both included
  const usage = useQuery({
    queryKey: keys.usage(id ?? '', fromDate, toDate),
    queryFn: ({ signal }) => call(http.GET('/api/v1/conference-platforms/{id}/usage', { params: { path: { id: id! }, query: { from: fromDate, to: toDate } }, signal })),
    enabled: !!id && toDate >= fromDate,
  });
  const u = usage.data;
  const name = platform.data?.name ?? '';
  const title = name ? t('conf.usage.title', { name }) : t('conf.usage.titleFallback');

  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (!isDate(draft.from) || !isDate(draft.to)) return setFormError(t('conf.form.invalid.date'));
    if (draft.to < draft.from) return setFormError(t('conf.usage.toBeforeFrom'));
    if (draft.to > addDays(draft.from, 365)) return setFormError(t('conf.usage.tooLong'));
    setFormError(null);
    const p = new URLSearchParams(params);
    p.set('dal', draft.from);
    p.set('al', draft.to);
    setParams(p);
  };

  const months = u?.byMonth ?? [];
  const monthLabels = months.map((m) => f.shortMonth(m.month));
  const busiest = months.reduce<(typeof months)[number] | null>((a, m) => (!a || m.hours > a.hours ? m : a), null);
  const peak = months.reduce<(typeof months)[number] | null>((a, m) => (!a || m.peakConnections > a.peakConnections ? m : a), null);
  const bodies = [...(u?.byOrganization ?? [])].sort((a, b) => b.bookings - a.bookings || a.name.localeCompare(b.name));
  const period = t('conf.usage.period', { from: f.day(fromDate), to: f.day(toDate) });

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <ConferencingNav />
      <ProblemAlert error={platform.error} />
      <form className="row g-3 align-items-end mb-3" onSubmit={apply} noValidate aria-label={t('conf.usage.periodLabel')}>
        <div className="col-6 col-md-4 col-lg-3 field">
          <label htmlFor={`${fid}-from`} className="field-label">
            {t('conf.op.from')}
          </label>
          <input id={`${fid}-from`} type="date" className="form-control" value={draft.from} onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))} />
        </div>
        <div className="col-6 col-md-4 col-lg-3 field">
          <label htmlFor={`${fid}-to`} className="field-label">
            {t('conf.op.to')}
          </label>
          <input id={`${fid}-to`} type="date" className="form-control" value={draft.to} onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))} />
        </div>
        <div className="col-12 col-md-4 col-lg-3 field">
          <button type="submit" className="btn btn-primary">
            {t('conf.usage.apply')}
          </button>
        </div>
      </form>
      {formError && (
        <p className="field-error" role="alert">
          {formError}
        </p>
      )}
      <p className="fw-semibold">{period}</p>
      {usage.isPending && <Loading />}
      <ProblemAlert error={usage.error} onRetry={() => void usage.refetch()} />
      {u && (
        <>
          <p>
            <a className="btn btn-outline-primary" href={apiHref('/api/v1/conference-platforms/{id}/usage.csv', { path: { id: id ?? '' }, query: { from: fromDate, to: toDate } })} download={`utilizzo-${fromDate}-${toDate}.csv`}>
              {t('conf.usage.csv')}
            </a>
          </p>
          <h2 className="h4">{t('conf.usage.totals')}</h2>
          <dl className="conf-totals">
            <div>
              <dt>{t('conf.usage.bookings')}</dt>
              <dd>{f.number(u.totals.bookings)}</dd>
            </div>
            <div>
              <dt>{t('conf.usage.hours')}</dt>
              <dd>{f.hours(u.totals.hours)}</dd>
            </div>
            <div>
              <dt>{t('conf.usage.peak')}</dt>
              <dd>{t('conf.usage.peakOf', { peak: f.number(u.totals.peakConnections), capacity: f.number(u.capacity) })}</dd>
            </div>
          </dl>
          {u.totals.bookings === 0 ? (
            <EmptyState>{t('conf.usage.empty')}</EmptyState>
          ) : (
            <>
              <Chart
                title={t('conf.usage.hoursChart')}
                summary={t('conf.usage.hoursSummary', {
                  total: f.hours(u.totals.hours),
                  month: busiest ? f.month(busiest.month) : '',
                  hours: busiest ? f.hours(busiest.hours) : '0',
                })}
                categories={monthLabels}
                categoryLabel={t('conf.usage.month')}
                series={[{ label: t('conf.usage.hours'), values: months.map((m) => m.hours) }]}
                formatValue={f.hours}
                headingLevel={2}
              />
              <Chart
                title={t('conf.usage.peakChart')}
                summary={t('conf.usage.peakSummary', {
                  peak: peak ? f.number(peak.peakConnections) : '0',
                  month: peak ? f.month(peak.month) : '',
                  capacity: f.number(u.capacity),
                })}
                categories={monthLabels}
                categoryLabel={t('conf.usage.month')}
                series={[{ label: t('conf.usage.peak'), values: months.map((m) => m.peakConnections), type: 'line' }]}
                reference={{ label: t('conf.usage.capacity'), value: u.capacity }}
                formatValue={f.number}
                headingLevel={2}
              />
              <Chart
                title={t('conf.usage.bodiesChart')}
                summary={t('conf.usage.bodiesSummary', {
                  n: f.number(bodies.length),
                  top: bodies[0]?.name ?? '',
                  bookings: f.number(bodies[0]?.bookings ?? 0),
                })}
                categories={bodies.map((b) => b.name)}
                categoryLabel={t('conf.col.body')}
                series={[{ label: t('conf.usage.bookings'), values: bodies.map((b) => b.bookings) }]}
                formatValue={f.number}
                horizontal
                headingLevel={2}
              />
              {/* a table wider than a phone scrolls, and the keyboard can scroll it (focusable region) */}
              <div className="table-responsive" role="region" aria-label={t('conf.usage.bodiesTable')} tabIndex={0}>
                <table className="table">
                  <caption>{t('conf.usage.bodiesTable')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('conf.col.body')}</th>
                      <th scope="col" className="text-end">
                        {t('conf.usage.bookings')}
                      </th>
                      <th scope="col" className="text-end">
                        {t('conf.usage.hours')}
                      </th>
                      <th scope="col" className="text-end">
                        {t('conf.usage.peak')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {bodies.map((b) => (
                      <tr key={b.organizationId}>
                        <th scope="row">{b.name}</th>
                        <td className="text-end">{f.number(b.bookings)}</td>
                        <td className="text-end">{f.hours(b.hours)}</td>
                        <td className="text-end">{f.number(b.peakConnections)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
      <p className="mt-3">
        <Link to={`/videoconferenze/piattaforme/${id}`}>{t('conf.usage.backToCalendar')}</Link>
      </p>
    </>
  );
}
