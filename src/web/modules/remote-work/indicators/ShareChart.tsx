/**
 * A section of the indicators' pages: its heading, then the share of staff with an agreement and
 * the share of remote days per month, office, region or province against a target or reference
 * line, as a chart followed by its data table (both drawn by the shared Chart).
 */
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n';
import { Chart } from '../../../components/Chart';
import { fmtPercent } from './format';

interface ShareRow {
  agreementSharePercent: number | null;
  remoteSharePercent: number | null;
}

export function ShareChart({
  id,
  heading,
  title,
  summary,
  categories,
  categoryLabel,
  rows,
  reference,
  horizontal,
  remoteAsLine,
}: {
  /** The id of the section's heading, which names the section. */
  id: string;
  heading: ReactNode;
  title: string;
  summary: string;
  /** One label per row, in the same order. */
  categories: string[];
  categoryLabel: string;
  rows: ShareRow[];
  reference: { label: string; value: number };
  horizontal?: boolean;
  /** Draws the remote days' share as a line over the bars (a trend over months). */
  remoteAsLine?: boolean;
}) {
  const { t, lang } = useI18n();
  const pct = (n: number) => fmtPercent(n, lang);
  return (
    <section aria-labelledby={id} className="my-5">
      <h2 id={id} className="h4">
        {heading}
      </h2>
      <Chart
        horizontal={horizontal}
        title={title}
        summary={summary}
        categories={categories}
        categoryLabel={categoryLabel}
        series={[
          { label: t('rwi.series.agreementShare'), values: rows.map((r) => r.agreementSharePercent ?? 0) },
          { label: t('rwi.series.remoteShare'), values: rows.map((r) => r.remoteSharePercent ?? 0), type: remoteAsLine ? 'line' : 'bar' },
        ]}
        reference={reference}
        formatValue={pct}
      />
    </section>
  );
}
