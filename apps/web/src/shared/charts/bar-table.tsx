/**
 * A bar chart that is also its own table: one row per item with its label, a bar whose length
 * is the row's fraction of the largest (model from @kenekanko/charts), and the figure as text.
 * Screen readers read an ordinary table; the bars are decoration (aria-hidden). Used by the
 * desk's dashboard and the public page; every word comes through props.
 */
import type { BarChart, BarRow } from '@kenekanko/charts';
import './charts.css';

export type BarTableProps = {
  readonly chart: BarChart;
  /** The table's caption (its accessible name). */
  readonly caption: string;
  readonly labelHeading: string;
  readonly valueHeading: string;
  /** The figure of a row ("12", "< 5", "12 (30 %)"). */
  readonly valueText: (row: BarRow) => string;
  /** Shown instead of an empty table. */
  readonly emptyText: string;
  readonly testId?: string;
};

export function BarTable(props: BarTableProps) {
  if (props.chart.rows.length === 0) {
    return (
      <div class="bar-table__empty" data-testid={props.testId} data-empty="true">
        <p class="bar-table__caption">{props.caption}</p>
        <p>{props.emptyText}</p>
      </div>
    );
  }
  return (
    <table class="bar-table" data-testid={props.testId}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.labelHeading}</th>
          <th scope="col">{props.valueHeading}</th>
        </tr>
      </thead>
      <tbody>
        {props.chart.rows.map((row) => (
          <tr key={row.key} data-key={row.key}>
            <th scope="row" class="bar-table__label">
              {row.label}
            </th>
            <td>
              <span class="bar-table__cell">
                <span class="bar-table__track" aria-hidden="true">
                  <span class="bar-table__bar" style={{ width: `${(row.fraction * 100).toFixed(1)}%` }} />
                </span>
                <span class="bar-table__value" data-value={row.value ?? ''}>
                  {props.valueText(row)}
                </span>
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
