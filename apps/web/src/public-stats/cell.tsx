/** One released figure as the page writes it: the number, or "< 5" marked as suppressed. */
import type { ReleasedCell } from '@kenekanko/contracts';
import { formatNumber } from '../i18n/format.ts';
import { formats } from '../i18n/public-stats/catalogues.ts';
import { cellText } from './figures.ts';

export function Cell(props: { readonly cell: ReleasedCell | undefined; readonly threshold: number }) {
  const suppressed = props.cell?.suppressed === true;
  return (
    <span class={suppressed ? 'public-stats__suppressed' : undefined} data-suppressed={suppressed ? 'true' : 'false'}>
      {cellText(props.cell, props.threshold, formats())}
    </span>
  );
}

/** A chart's value (null: suppressed) as the page writes it. */
export function valueText(value: number | null, threshold: number): string {
  return value === null ? `< ${formatNumber(threshold, formats())}` : formatNumber(value, formats());
}
