/**
 * Bar-chart and funnel models, drawn alike by the desk (SVG/HTML) and the PDF report (pdfkit).
 * A model is plain data: each row's length is a fraction of the longest bar, so a renderer
 * only multiplies by the width it has. Labels are already translated by the caller.
 *
 * A released cell may be suppressed (`value: null`): its bar has length 0 and renderers
 * write "< N" in its place; a suppressed row never sets the scale (its true value is hidden).
 */

export type BarInput = { readonly key: string; readonly label: string; readonly value: number | null };

export type BarRow = BarInput & {
  /** value / max, in [0, 1]; 0 for a suppressed row or when every value is 0. */
  readonly fraction: number;
};

export type BarChart = { readonly rows: readonly BarRow[]; readonly max: number };

export type BarOptions = {
  /** 'value': largest first (ties by label); 'input' (default): the given order, e.g. months. */
  readonly order?: 'input' | 'value';
  /** Keep the first `limit` rows (after ordering). */
  readonly limit?: number;
};

function checkCount(value: number | null, what: string): void {
  if (value !== null && (!Number.isFinite(value) || value < 0)) throw new Error(`${what}: values must be finite and ≥ 0`);
}

export function barChart(inputs: readonly BarInput[], options: BarOptions = {}): BarChart {
  for (const input of inputs) checkCount(input.value, 'barChart');
  const ordered =
    options.order === 'value'
      ? [...inputs].sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.label.localeCompare(b.label))
      : [...inputs];
  const kept = options.limit === undefined ? ordered : ordered.slice(0, Math.max(0, options.limit));
  const max = Math.max(0, ...kept.map((r) => r.value ?? 0));
  const rows = kept.map((r) => ({ ...r, fraction: r.value === null || max === 0 ? 0 : r.value / max }));
  return { rows, max };
}

export type FunnelInput = { readonly key: string; readonly label: string; readonly count: number };

export type FunnelStepModel = FunnelInput & {
  /** count / first step's count, in [0, 1] (0 when the first step is 0): the bar length too. */
  readonly share: number;
  /** count / previous step's count (1 for the first step; 0 when the previous is 0). */
  readonly fromPrevious: number;
};

export type Funnel = { readonly steps: readonly FunnelStepModel[] };

/** Steps in order (received first); a later step may not exceed the first (it is a subset). */
export function funnel(inputs: readonly FunnelInput[]): Funnel {
  for (const input of inputs) checkCount(input.count, 'funnel');
  const first = inputs[0]?.count ?? 0;
  const steps = inputs.map((step, i) => {
    const previous = i === 0 ? step.count : (inputs[i - 1]?.count ?? 0);
    return {
      ...step,
      share: first === 0 ? 0 : Math.min(1, step.count / first),
      fromPrevious: i === 0 ? 1 : previous === 0 ? 0 : step.count / previous,
    };
  });
  return { steps };
}

/** A share as a whole percentage for display: 0.456 → 46 (never 100 unless it is whole). */
export function percent(share: number): number {
  const p = Math.round(share * 100);
  return p === 100 && share < 1 ? 99 : p;
}
