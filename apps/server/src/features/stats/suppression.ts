/**
 * Small-count suppression with secondary suppression, decided stage by stage
 * (docs/adr/0017-small-count-suppression.md).
 *
 * Cells are counts; relations are the linear equations a reader knows (a table's rows sum to
 * its total, a quarter's cell is the sum of its months' cells…). Every cell under the
 * threshold is hidden (primary). Then, stage by stage in release order, while some primary
 * cell is recoverable from the published cells of this and earlier stages (exposure.ts), more
 * cells OF THIS STAGE are hidden (secondary), the smallest first, rows before totals.
 *
 * SECURITY: only the current stage's cells are ever hidden to fix an exposure, so what an
 * earlier stage published is never revised; and hiding every cell of a stage is always safe
 * (each of its relations either defines one of its own hidden cells or only sums earlier
 * relations), so the loop ends with no primary cell recoverable. A reader cannot tell a
 * primary from a secondary cell: both are published the same way.
 */
import { exposedCells } from './exposure.ts';
import type { Relation } from './exposure.ts';

export type SuppressionProblem = {
  readonly values: readonly number[];
  /** The release stage of each cell (0, 1, …). */
  readonly stages: readonly number[];
  /** Totals are hidden as a last resort: they are what readers need most. */
  readonly isTotal: readonly boolean[];
  readonly relations: readonly Relation[];
  readonly threshold: number;
};

export type SuppressionResult = { readonly hidden: readonly boolean[]; readonly primary: readonly boolean[] };

function stageOfRelation(relation: Relation, stages: readonly number[]): number {
  return relation.reduce((max, t) => Math.max(max, stages[t.cell] ?? 0), 0);
}

/** One published cell of `stage` to hide for each exposed cell, preferring relations that contain it. */
function complements(problem: SuppressionProblem, active: readonly Relation[], hidden: readonly boolean[], exposed: readonly number[], stage: number): number[] {
  const eligible = (cell: number): boolean => problem.stages[cell] === stage && hidden[cell] !== true;
  const rank = (a: number, b: number): number =>
    Number(problem.isTotal[a] === true) - Number(problem.isTotal[b] === true) || (problem.values[a] ?? 0) - (problem.values[b] ?? 0) || a - b;
  const chosen = new Set<number>();
  for (const target of exposed) {
    const near = active.filter((r) => r.some((t) => t.cell === target)).flatMap((r) => r.map((t) => t.cell)).filter(eligible);
    // One new hidden cell beside an exposed one may protect it already; the next round checks.
    if (near.some((cell) => chosen.has(cell))) continue;
    const linked = active.flatMap((r) => (r.some((t) => hidden[t.cell] === true) ? r.map((t) => t.cell) : [])).filter(eligible);
    const anyOfStage = problem.values.map((_, cell) => cell).filter(eligible);
    const pool = near.length > 0 ? near : linked.length > 0 ? linked : anyOfStage;
    const pick = [...new Set(pool)].filter((cell) => !chosen.has(cell)).sort(rank)[0] ?? [...new Set(pool)].sort(rank)[0];
    if (pick !== undefined) chosen.add(pick);
  }
  return [...chosen];
}

export function suppress(problem: SuppressionProblem): SuppressionResult {
  const primary = problem.values.map((value) => value < problem.threshold);
  const hidden = [...primary];
  const lastStage = problem.stages.reduce((max, s) => Math.max(max, s), -1);
  for (let stage = 0; stage <= lastStage; stage++) {
    const active = problem.relations.filter((r) => stageOfRelation(r, problem.stages) <= stage);
    for (;;) {
      const exposed = exposedCells(active, hidden, problem.values, primary);
      if (exposed.length === 0) break;
      const extra = complements(problem, active, hidden, exposed, stage);
      if (extra.length === 0) throw new Error('suppression could not protect a cell'); // unreachable (see header)
      for (const cell of extra) hidden[cell] = true;
    }
  }
  return { hidden, primary };
}
