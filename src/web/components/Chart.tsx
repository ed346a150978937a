/**
 * A small accessible chart in SVG: bars (vertical or horizontal) and lines, with an optional
 * reference line (e.g. a capacity). The drawing is one image (role="img" named by its title and
 * described by a summary); the same figures follow as a data table, so nobody depends on the
 * picture. Series differ by pattern and marker shape as well as by colour (WCAG 1.4.1), and every
 * bar carries its value as text. The chart draws at the width it is given, so text keeps its size
 * on a phone.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import './Chart.css';

export interface ChartSeries {
  label: string;
  values: number[];
  /** 'bar' (default) or 'line'. */
  type?: 'bar' | 'line';
}

export interface ChartProps {
  title: string;
  /** One or two sentences that say what the chart shows (read by screen readers, shown under the title). */
  summary: string;
  categories: string[];
  /** Header of the category column of the data table (e.g. "Mese"). */
  categoryLabel: string;
  series: ChartSeries[];
  /** A horizontal line to compare with, such as the capacity. */
  reference?: { label: string; value: number };
  formatValue?: (n: number) => string;
  /** Bars grow to the right, one row per category (long names, many categories). */
  horizontal?: boolean;
  /** Heading level of the title (default 3). */
  headingLevel?: 2 | 3 | 4;
}

// Colours of the design system with at least 3:1 contrast on white; patterns and markers tell series apart without colour.
const COLOURS = ['#0066cc', '#8a4b08', '#00664d', '#5c2d91'];
const REFERENCE_COLOUR = '#a61e33';
const TEXT = '#17324d';
const GRID = '#c5c7c9';

/** Four or five round ticks from 0 that cover `max` (steps of 1, 2, 2.5 or 5 times a power of ten; whole numbers for counts). */
export function niceTicks(max: number, integers: boolean): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / 4;
  const exp = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 2.5, 5, 10].map((m) => m * exp).find((s) => s >= raw) ?? 10 * exp;
  if (integers) step = Math.max(1, Math.ceil(step));
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}

function useWidth(initial: number): [React.RefObject<HTMLDivElement>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** The fill pattern of series i: solid, diagonal lines, dots, cross-hatch. */
function PatternDefs({ prefix, count }: { prefix: string; count: number }) {
  return (
    <defs>
      {Array.from({ length: count }, (_, i) => {
        const c = COLOURS[i % COLOURS.length];
        const kind = i % 4;
        return (
          <pattern key={i} id={`${prefix}-p${i}`} patternUnits="userSpaceOnUse" width="8" height="8">
            <rect width="8" height="8" fill={kind === 0 ? c : '#fff'} />
            {kind === 1 && <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke={c} strokeWidth="2.5" />}
            {kind === 2 && (
              <>
                <rect width="8" height="8" fill={c} opacity="0.25" />
                <circle cx="4" cy="4" r="2.2" fill={c} />
              </>
            )}
            {kind === 3 && <path d="M0,0 L8,8 M8,0 L0,8" stroke={c} strokeWidth="2" />}
          </pattern>
        );
      })}
    </defs>
  );
}

function Marker({ i, x, y }: { i: number; x: number; y: number }) {
  const c = COLOURS[i % COLOURS.length];
  switch (i % 3) {
    case 0:
      return <circle cx={x} cy={y} r={4.5} fill="#fff" stroke={c} strokeWidth={2.5} />;
    case 1:
      return <rect x={x - 4.5} y={y - 4.5} width={9} height={9} fill={c} />;
    default:
      return <path d={`M${x},${y - 5.5} L${x + 5.5},${y + 4.5} L${x - 5.5},${y + 4.5} Z`} fill={c} />;
  }
}

function Swatch({ prefix, i, type }: { prefix: string; i: number; type: 'bar' | 'line' }) {
  return (
    <svg width="28" height="16" aria-hidden="true" focusable="false" className="chart-swatch">
      {type === 'bar' ? (
        <rect x="1" y="1" width="26" height="14" fill={`url(#${prefix}-p${i})`} stroke={COLOURS[i % COLOURS.length]} strokeWidth="1.5" />
      ) : (
        <>
          <line x1="0" y1="8" x2="28" y2="8" stroke={COLOURS[i % COLOURS.length]} strokeWidth="2.5" />
          <Marker i={i} x={14} y={8} />
        </>
      )}
    </svg>
  );
}

export function Chart({ title, summary, categories, categoryLabel, series, reference, formatValue, horizontal, headingLevel = 3 }: ChartProps) {
  const { t } = useI18n();
  const fmt = formatValue ?? ((n: number) => String(n));
  const prefix = `c${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const [boxRef, width] = useWidth(640);
  const H = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  const all = series.flatMap((s) => s.values);
  const integers = [...all, reference?.value ?? 0].every((v) => Number.isInteger(v));
  const ticks = niceTicks(Math.max(0, ...all, reference?.value ?? 0), integers);
  const max = ticks[ticks.length - 1];
  const n = categories.length;
  const bars = series.map((s, i) => ({ s, i })).filter(({ s }) => (s.type ?? 'bar') === 'bar');
  const lines = series.map((s, i) => ({ s, i })).filter(({ s }) => s.type === 'line');

  let drawing: JSX.Element;
  if (horizontal) {
    const labelW = Math.min(200, Math.max(90, Math.floor(width * 0.35)));
    const rowH = Math.max(28, bars.length * 18 + 10);
    const top = 8;
    const bottom = 28;
    const right = 56;
    const height = top + Math.max(1, n) * rowH + bottom;
    const plotW = Math.max(40, width - labelW - right);
    const x = (v: number) => labelW + (v / max) * plotW;
    const barH = (rowH - 10) / Math.max(1, bars.length);
    drawing = (
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${prefix}-t ${prefix}-d`} className="chart-svg">
        <title id={`${prefix}-t`}>{title}</title>
        <desc id={`${prefix}-d`}>{summary}</desc>
        <PatternDefs prefix={prefix} count={series.length} />
        {ticks.map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={top} y2={height - bottom} stroke={GRID} />
            <text x={x(v)} y={height - bottom + 16} textAnchor="middle" fontSize="12" fill={TEXT}>
              {fmt(v)}
            </text>
          </g>
        ))}
        {categories.map((c, ci) => (
          <g key={ci}>
            <text x={labelW - 6} y={top + ci * rowH + rowH / 2 + 4} textAnchor="end" fontSize="12" fill={TEXT}>
              {truncate(c, Math.floor(labelW / 7))}
            </text>
            {bars.map(({ s, i }, bi) => {
              const v = s.values[ci] ?? 0;
              const y = top + ci * rowH + 5 + bi * barH;
              return (
                <g key={i}>
                  <rect x={labelW} y={y} width={Math.max(0, x(v) - labelW)} height={barH - 2} fill={`url(#${prefix}-p${i})`} stroke={COLOURS[i % COLOURS.length]} />
                  <text x={x(v) + 4} y={y + barH / 2 + 3} fontSize="12" fill={TEXT}>
                    {fmt(v)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
        {reference && (
          <g>
            <line x1={x(reference.value)} x2={x(reference.value)} y1={top} y2={height - bottom} stroke={REFERENCE_COLOUR} strokeWidth="2" strokeDasharray="6 4" />
          </g>
        )}
        <line x1={labelW} x2={labelW} y1={top} y2={height - bottom} stroke={TEXT} />
      </svg>
    );
  } else {
    const left = 52;
    const right = 12;
    const top = 16;
    const slot = (width - left - right) / Math.max(1, n);
    const rotate = slot < 56;
    const bottom = rotate ? 64 : 32;
    const height = 260 + bottom;
    const plotH = height - top - bottom;
    const y = (v: number) => top + plotH - (v / max) * plotH;
    const cx = (ci: number) => left + slot * ci + slot / 2;
    const groupW = slot * 0.7;
    const barW = groupW / Math.max(1, bars.length);
    drawing = (
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${prefix}-t ${prefix}-d`} className="chart-svg">
        <title id={`${prefix}-t`}>{title}</title>
        <desc id={`${prefix}-d`}>{summary}</desc>
        <PatternDefs prefix={prefix} count={series.length} />
        {ticks.map((v) => (
          <g key={v}>
            <line x1={left} x2={width - right} y1={y(v)} y2={y(v)} stroke={GRID} />
            <text x={left - 6} y={y(v) + 4} textAnchor="end" fontSize="12" fill={TEXT}>
              {fmt(v)}
            </text>
          </g>
        ))}
        {categories.map((c, ci) => (
          <text
            key={ci}
            x={cx(ci)}
            y={height - bottom + 16}
            fontSize="12"
            fill={TEXT}
            textAnchor={rotate ? 'end' : 'middle'}
            transform={rotate ? `rotate(-45 ${cx(ci)} ${height - bottom + 16})` : undefined}
          >
            {truncate(c, 14)}
          </text>
        ))}
        {bars.map(({ s, i }, bi) =>
          s.values.map((v, ci) => {
            const x0 = cx(ci) - groupW / 2 + bi * barW;
            return (
              <g key={`${i}-${ci}`}>
                <rect x={x0} y={y(v)} width={Math.max(1, barW - 2)} height={Math.max(0, y(0) - y(v))} fill={`url(#${prefix}-p${i})`} stroke={COLOURS[i % COLOURS.length]} />
                {barW >= 22 && (
                  <text x={x0 + (barW - 2) / 2} y={y(v) - 4} textAnchor="middle" fontSize="11" fill={TEXT}>
                    {fmt(v)}
                  </text>
                )}
              </g>
            );
          }),
        )}
        {reference && (
          <g>
            <line x1={left} x2={width - right} y1={y(reference.value)} y2={y(reference.value)} stroke={REFERENCE_COLOUR} strokeWidth="2" strokeDasharray="6 4" />
            <text x={width - right} y={y(reference.value) - 5} textAnchor="end" fontSize="12" fontWeight="600" fill={REFERENCE_COLOUR}>
              {`${reference.label}: ${fmt(reference.value)}`}
            </text>
          </g>
        )}
        {lines.map(({ s, i }) => (
          <g key={i}>
            <polyline
              points={s.values.map((v, ci) => `${cx(ci)},${y(v)}`).join(' ')}
              fill="none"
              stroke={COLOURS[i % COLOURS.length]}
              strokeWidth="2.5"
            />
            {s.values.map((v, ci) => (
              <g key={ci}>
                <Marker i={i} x={cx(ci)} y={y(v)} />
                {slot >= 40 && (
                  <text x={cx(ci)} y={y(v) - 9} textAnchor="middle" fontSize="11" fill={TEXT}>
                    {fmt(v)}
                  </text>
                )}
              </g>
            ))}
          </g>
        ))}
        <line x1={left} x2={width - right} y1={y(0)} y2={y(0)} stroke={TEXT} />
      </svg>
    );
  }

  return (
    <figure className="chart">
      <H className="chart-title">{title}</H>
      <p className="chart-summary">{summary}</p>
      <div ref={boxRef} className="chart-box">
        {drawing}
      </div>
      <ul className="chart-legend" aria-label={t('chart.legend')}>
        {series.map((s, i) => (
          <li key={i}>
            <Swatch prefix={prefix} i={i} type={s.type ?? 'bar'} />
            {s.label}
          </li>
        ))}
        {reference && (
          <li>
            <svg width="28" height="16" aria-hidden="true" focusable="false" className="chart-swatch">
              <line x1="0" y1="8" x2="28" y2="8" stroke={REFERENCE_COLOUR} strokeWidth="2" strokeDasharray="6 4" />
            </svg>
            {`${reference.label}: ${fmt(reference.value)}`}
          </li>
        )}
      </ul>
      <details className="chart-data">
        <summary>{t('chart.showData')}</summary>
        <div className="table-responsive" role="region" aria-label={title} tabIndex={0}>
          <table className="table table-sm">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{categoryLabel}</th>
                {series.map((s, i) => (
                  <th scope="col" key={i} className="text-end">
                    {s.label}
                  </th>
                ))}
                {reference && (
                  <th scope="col" className="text-end">
                    {reference.label}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {categories.map((c, ci) => (
                <tr key={ci}>
                  <th scope="row">{c}</th>
                  {series.map((s, i) => (
                    <td key={i} className="text-end">
                      {fmt(s.values[ci] ?? 0)}
                    </td>
                  ))}
                  {reference && <td className="text-end">{fmt(reference.value)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
