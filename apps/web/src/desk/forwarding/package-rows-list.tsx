/** A package's labelled lines as a definition list (the answers view's layout), wrapped, never cut. */
import type { PackageRow } from './package-rows.ts';

export function PackageRows(props: { readonly rows: readonly PackageRow[]; readonly testId: string }) {
  return (
    <dl class="answers" data-testid={props.testId}>
      {props.rows.map((row) => (
        <div key={row.key} class={row.key === 'description' ? 'answers__row answers__row--wide' : 'answers__row'}>
          <dt>{row.label}</dt>
          <dd class="answers__text" data-testid={`package-${row.key}`}>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
