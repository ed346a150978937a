/**
 * "Lavoro agile nel territorio": Italy, a region or a province — the share of staff with an
 * agreement and of remote days against the national 30%, the regions or provinces side by side
 * (chart + table), the months; for a region officer (persona: comparing the bodies of his region)
 * the bodies with their own target and gap, page by page. Everyone signed in sees the totals.
 */
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../i18n';
import { useSession } from '../../../api/session';
import { call, http } from '../../../api/client';
import { Loading, PageTitle } from '../../../components/Page';
import { ProblemAlert } from '../../../components/Problem';
import { Pager } from '../../../components/Pager';
import { Chart } from '../../../components/Chart';
import { SelectField } from '../../../components/Field';
import { csvUrl, useTerritoryBodies, useTerritoryIndicators } from './api';
import { fmtMonth, fmtMonthShort, fmtNumber, fmtPercent, fmtTime, isMonth, romeMonth } from './format';
import { Downloads, MonthPicker, ShareBar } from './parts';
import { ShareChart } from './ShareChart';
import type { TerritoryIndicators, TerritoryLevel } from './types';
import './indicators.css';

function Totals({ data }: { data: TerritoryIndicators }) {
  const { t, lang } = useI18n();
  const s = data.summary;
  return (
    <section aria-labelledby="rwi-t-summary" className="my-4">
      <h2 id="rwi-t-summary" className="h4">
        {t('rwi.territory.summaryTitle', { name: data.name, month: fmtMonth(data.month, lang) })}
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
          <dt>{t('rwi.kpi.remoteShare')}</dt>
          <dd>
            <span className="rwi-kpi-value">{fmtPercent(s.remoteSharePercent, lang)}</span>
            <span className="rwi-kpi-note">
              {t('rwi.kpi.remoteOf', { remote: fmtNumber(s.remoteDays, lang), worked: fmtNumber(s.remoteDays + s.onsiteDays, lang) })}
            </span>
          </dd>
        </div>
        <div className="rwi-kpi">
          <dt>{t('rwi.kpi.bodies')}</dt>
          <dd>
            <span className="rwi-kpi-value">{fmtNumber(data.bodies, lang)}</span>
            <span className="rwi-kpi-note">{t('rwi.kpi.bodiesNote', { n: fmtNumber(data.bodiesWithFigures, lang) })}</span>
          </dd>
        </div>
      </dl>
      <ShareBar share={s.agreementSharePercent} target={data.referencePercent} targetLabel={t('rwi.series.reference').toLowerCase()} />
    </section>
  );
}

function Children({ data }: { data: TerritoryIndicators }) {
  const { t, lang } = useI18n();
  if (data.children.length === 0) return null;
  const regions = data.level === 'nation';
  return (
    <ShareChart
      id="rwi-children"
      heading={regions ? t('rwi.territory.regionsTitle') : t('rwi.territory.provincesTitle', { name: data.name })}
      horizontal
      title={regions ? t('rwi.territory.regionsChart') : t('rwi.territory.provincesChart')}
      summary={t('rwi.territory.childrenSummary', { reference: fmtPercent(data.referencePercent, lang) })}
      categories={data.children.map((c) => c.name)}
      categoryLabel={regions ? t('rwi.col.region') : t('rwi.col.province')}
      rows={data.children}
      reference={{ label: t('rwi.series.reference'), value: data.referencePercent }}
    />
  );
}

function Months({ data }: { data: TerritoryIndicators }) {
  const { t, lang } = useI18n();
  return (
    <ShareChart
      id="rwi-t-months"
      heading={t('rwi.months.title')}
      title={t('rwi.territory.monthsChart', { name: data.name })}
      summary={t('rwi.territory.monthsSummary', { reference: fmtPercent(data.referencePercent, lang) })}
      categories={data.months.map((m) => fmtMonthShort(m.month, lang))}
      categoryLabel={t('rwi.col.month')}
      rows={data.months}
      reference={{ label: t('rwi.series.reference'), value: data.referencePercent }}
      remoteAsLine
    />
  );
}

function Bodies({ level, code, month }: { level: 'region' | 'province'; code: string; month: string }) {
  const { t, lang, kindLabel } = useI18n();
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [level, code, month]);
  const q = useTerritoryBodies(level, code, month, page, true);
  const pct = (n: number) => fmtPercent(n, lang);
  return (
    <section aria-labelledby="rwi-bodies" className="my-5">
      <h2 id="rwi-bodies" className="h4">
        {t('rwi.bodies.title')}
      </h2>
      <p>{t('rwi.bodies.intro')}</p>
      {q.isPending && <Loading />}
      <ProblemAlert error={q.error} />
      {q.data && q.data.items.length === 0 && <p>{t('rwi.bodies.none')}</p>}
      {q.data && q.data.items.length > 0 && (
        <>
          <Chart
            horizontal
            title={t('rwi.bodies.chart', { page: q.data.page })}
            summary={t('rwi.bodies.summary')}
            categories={q.data.items.map((b) => b.name)}
            categoryLabel={t('rwi.col.body')}
            series={[
              { label: t('rwi.series.agreementShare'), values: q.data.items.map((b) => b.agreementSharePercent ?? 0) },
              { label: t('rwi.series.bodyTarget'), values: q.data.items.map((b) => b.targetPercent) },
            ]}
            formatValue={pct}
          />
          <div className="rwi-table-wrap" role="region" aria-labelledby="rwi-bodies-caption" tabIndex={0}>
            <table className="table table-sm rwi-table mt-3">
              <caption id="rwi-bodies-caption">{t('rwi.bodies.caption', { total: fmtNumber(q.data.total, lang), month: fmtMonth(month, lang) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('rwi.col.body')}</th>
                  <th scope="col" className="num">{t('rwi.col.headcount')}</th>
                  <th scope="col" className="num">{t('rwi.col.withAgreement')}</th>
                  <th scope="col" className="num">{t('rwi.col.agreementShare')}</th>
                  <th scope="col" className="num">{t('rwi.col.target')}</th>
                  <th scope="col" className="num">{t('rwi.col.gap')}</th>
                  <th scope="col" className="num">{t('rwi.col.remoteShare')}</th>
                </tr>
              </thead>
              <tbody>
                {q.data.items.map((b) => (
                  <tr key={b.organizationId}>
                    <th scope="row">
                      {b.name}
                      <span className="d-block small fw-normal">{kindLabel(b.kind)}</span>
                    </th>
                    <td className="num">{fmtNumber(b.headcount, lang)}</td>
                    <td className="num">{fmtNumber(b.withAgreement, lang)}</td>
                    <td className="num">{fmtPercent(b.agreementSharePercent, lang)}</td>
                    <td className="num">{fmtPercent(b.targetPercent, lang)}</td>
                    <td className="num">
                      {b.gapPoints === null ? '–' : b.targetMet ? t('rwi.bodies.met') : t('rwi.bodies.gap', { points: fmtNumber(b.gapPoints, lang) })}
                    </td>
                    <td className="num">{fmtPercent(b.remoteSharePercent, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={q.data.page} pageSize={q.data.pageSize} total={q.data.total} onPage={setPage} />
          <p>
            <a href={csvUrl(level, 'bodies', month, code)} download>
              {t('rwi.csv.bodies')}
              <span className="visually-hidden"> ({t('rwi.csv.format')})</span>
            </a>
          </p>
        </>
      )}
    </section>
  );
}

/** The region of a region officer's body (his default territory). */
function useOwnRegion(enabled: boolean, organizationId: string | undefined) {
  return useQuery({
    queryKey: ['organizations', organizationId, 'region'],
    queryFn: ({ signal }) => call(http.GET('/api/v1/organizations/{id}', { params: { path: { id: organizationId ?? '' } }, signal })),
    enabled: enabled && !!organizationId,
    staleTime: 300_000,
  });
}

export default function TerritoryPage() {
  const { t, lang } = useI18n();
  const { session, hasRole, isPlatformAdmin } = useSession();
  const [params, setParams] = useSearchParams();
  const now = romeMonth();
  const month = isMonth(params.get('mese')) ? params.get('mese')! : now;
  const officer = hasRole('region_officer');
  const own = useOwnRegion(officer && !isPlatformAdmin, session?.organization?.id);
  const ownRegion = own.data?.kind === 'region' ? own.data.regionCode : null;
  const rawLevel = params.get('livello');
  const level: TerritoryLevel = rawLevel === 'region' || rawLevel === 'province' || rawLevel === 'nation' ? rawLevel : ownRegion ? 'region' : 'nation';
  const region = params.get('regione') ?? (rawLevel ? null : ownRegion);
  const province = params.get('provincia');
  const update = (next: Record<string, string | null>) => {
    const p: Record<string, string> = {};
    const merged = { livello: level, regione: region, provincia: province, mese: month === now ? null : month, ...next };
    for (const [k, v] of Object.entries(merged)) if (v) p[k] = v;
    setParams(p, { replace: true });
  };

  const nation = useTerritoryIndicators('nation', null, month);
  const regionView = useTerritoryIndicators('region', level === 'nation' ? null : region, month);
  const provinceView = useTerritoryIndicators('province', level === 'province' ? province : null, month);
  const shown = level === 'nation' ? nation : level === 'region' ? regionView : provinceView;
  const shownCode = level === 'nation' ? 'IT' : level === 'region' ? region : province;
  const mayCompare = (officer || isPlatformAdmin) && level !== 'nation' && !!shown.data;
  const comparableRegion = shown.data?.regionCode ?? null;
  const compare = mayCompare && (isPlatformAdmin || comparableRegion === ownRegion);

  return (
    <>
      <PageTitle>{t('rwi.territory.title')}</PageTitle>
      <p>{t('rwi.territory.intro')}</p>
      <div className="rwi-controls">
        <SelectField label={t('rwi.territory.level')} value={level} onChange={(e) => update({ livello: e.target.value, provincia: null })}>
          <option value="nation">{t('rwi.territory.level.nation')}</option>
          <option value="region">{t('rwi.territory.level.region')}</option>
          <option value="province">{t('rwi.territory.level.province')}</option>
        </SelectField>
        {level !== 'nation' && (
          <SelectField label={t('rwi.col.region')} value={region ?? ''} onChange={(e) => update({ regione: e.target.value || null, provincia: null })}>
            <option value="">{t('rwi.territory.choose')}</option>
            {(nation.data?.children ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </SelectField>
        )}
        {level === 'province' && (
          <SelectField label={t('rwi.col.province')} value={province ?? ''} onChange={(e) => update({ provincia: e.target.value || null })} disabled={!regionView.data}>
            <option value="">{t('rwi.territory.choose')}</option>
            {(regionView.data?.children ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <MonthPicker month={month} now={now} onChange={(m) => update({ mese: m === now ? null : m })} />
      {level !== 'nation' && !shownCode && <p>{level === 'region' ? t('rwi.territory.pickRegion') : t('rwi.territory.pickProvince')}</p>}
      {shownCode && shown.isPending && <Loading />}
      <ProblemAlert error={shown.error} onRetry={() => void shown.refetch()} />
      {shown.data && (
        <>
          <Totals data={shown.data} />
          <Children data={shown.data} />
          <Months data={shown.data} />
          {compare && <Bodies level={level as 'region' | 'province'} code={shownCode!} month={month} />}
          {officer && level !== 'nation' && !compare && <p>{t('rwi.bodies.otherRegion')}</p>}
          <Downloads
            links={[
              { href: csvUrl(level, 'months', month, level === 'nation' ? null : shownCode), label: t('rwi.csv.months') },
              ...(shown.data.children.length ? [{ href: csvUrl(level, 'children', month, level === 'nation' ? null : shownCode), label: t(level === 'nation' ? 'rwi.csv.regions' : 'rwi.csv.provinces') }] : []),
              { href: csvUrl(level, 'days', month, level === 'nation' ? null : shownCode), label: t('rwi.csv.days', { month: fmtMonth(month, lang) }) },
            ]}
          />
          <p className="text-muted small">
            {shown.data.refreshedAt ? t('rwi.refreshed', { at: fmtTime(shown.data.refreshedAt, lang) }) : t('rwi.notYet')} {t('rwi.territory.definitions')}
          </p>
        </>
      )}
    </>
  );
}
