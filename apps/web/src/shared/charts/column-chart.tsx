/**
 * Counts over time as vertical columns (months left to right), figures written above each
 * column and the period under it. The SVG is one image named by `title`; its figures are text
 * in the SVG and are also given in `BarTable` form by the page for screen readers.
 */
import { useId } from 'preact/hooks';
import type { BarChart, BarRow } from '@kenekanko/charts';
import './charts.css';

export type ColumnChartProps = {
  readonly chart: BarChart;
  readonly title: string;
  readonly valueText: (row: BarRow) => string;
  /** Short label under a column ("mars 25"). */
  readonly columnLabel: (row: BarRow) => string;
  readonly testId?: string;
};

const HEIGHT = 160;
const TOP = 18;
const BOTTOM = 22;
const COLUMN = 44;
const GAP = 10;

export function ColumnChart(props: ColumnChartProps) {
  const id = useId();
  const { rows } = props.chart;
  const width = Math.max(1, rows.length) * (COLUMN + GAP) + GAP;
  const plot = HEIGHT - TOP - BOTTOM;
  // Drawn at its natural size; a long series scrolls sideways instead of shrinking its text.
  return (
    <div class="column-chart__scroll" tabIndex={0} role="region" aria-label={props.title}>
      <svg class="column-chart" viewBox={`0 0 ${width} ${HEIGHT}`} width={width} height={HEIGHT} role="img" aria-labelledby={`${id}-title`} data-testid={props.testId}>
        <title id={`${id}-title`}>{props.title}</title>
        <line x1="0" y1={HEIGHT - BOTTOM} x2={width} y2={HEIGHT - BOTTOM} class="column-chart__axis" />
        {rows.map((row, i) => {
          const x = GAP + i * (COLUMN + GAP);
          const h = Math.round(row.fraction * plot * 10) / 10;
          const y = HEIGHT - BOTTOM - h;
          return (
            <g key={row.key} data-key={row.key}>
              <rect x={x} y={y} width={COLUMN} height={h} class="column-chart__bar" />
              <text x={x + COLUMN / 2} y={y - 4} text-anchor="middle" class="column-chart__value">
                {props.valueText(row)}
              </text>
              <text x={x + COLUMN / 2} y={HEIGHT - 6} text-anchor="middle" class="column-chart__label">
                {props.columnLabel(row)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
