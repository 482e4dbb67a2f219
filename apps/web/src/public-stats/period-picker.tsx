/**
 * The choice of period: ended months, quarters and years only (the server releases nothing
 * else), grouped, newest first. A period reached through the address but older than the
 * list is added at the top so the picker always shows what is on screen.
 */
import { t } from '../i18n/public-stats/catalogues.ts';
import { periodLabel } from './names.ts';
import { endedPeriods } from './periods.ts';

export function PeriodPicker(props: { readonly today: string; readonly value: string; readonly onChange: (period: string) => void }) {
  const { months, quarters, years } = endedPeriods(props.today);
  const listed = [...months, ...quarters, ...years].includes(props.value);
  const options = (ids: readonly string[]) =>
    ids.map((id) => (
      <option key={id} value={id}>
        {periodLabel(id)}
      </option>
    ));
  return (
    <div class="field public-stats__period">
      <label class="field__label" for="stats-period">
        {t('stats.period.label')}
      </label>
      <select id="stats-period" data-testid="stats-period" value={props.value} onChange={(event) => props.onChange(event.currentTarget.value)}>
        {listed ? null : <option value={props.value}>{periodLabel(props.value)}</option>}
        <optgroup label={t('stats.period.quarters')}>{options(quarters)}</optgroup>
        <optgroup label={t('stats.period.months')}>{options(months)}</optgroup>
        <optgroup label={t('stats.period.years')}>{options(years)}</optgroup>
      </select>
    </div>
  );
}
