/**
 * What a reader can recover from published cells: the linear relations of a release (each
 * `Σ coefficient · cell = 0`) with the published values substituted. A hidden cell is exposed
 * when (1) it is fixed by the relations alone: its unit vector lies in the row space of the
 * relations restricted to hidden cells (Gaussian elimination to reduced row echelon form; the
 * cell is fixed iff some reduced row is that unit vector), or (2) counts being non-negative, a
 * relation whose hidden cells all have the same sign and whose published part sums to zero
 * forces every one of them to 0. Entries are ±1 and the systems small, so floating point with
 * a tolerance is exact in practice.
 */

export type Term = { readonly cell: number; readonly coefficient: 1 | -1 };
/** Σ coefficient · value(cell) = 0. */
export type Relation = readonly Term[];

const EPSILON = 1e-9;

/** A dense matrix, row-major; `at` reads 0 outside it. */
type Matrix = { readonly data: Float64Array; readonly rows: number; readonly width: number };
const at = (m: Matrix, r: number, c: number): number => m.data[r * m.width + c] ?? 0;

function swapRows(m: Matrix, a: number, b: number): void {
  if (a === b) return;
  for (let c = 0; c < m.width; c++) {
    const x = at(m, a, c);
    m.data[a * m.width + c] = at(m, b, c);
    m.data[b * m.width + c] = x;
  }
}

/** The row below `from` with the largest entry in `column`, or -1 when all are zero. */
function pivotRow(m: Matrix, column: number, from: number): number {
  let best = -1;
  for (let r = from; r < m.rows; r++) {
    if (Math.abs(at(m, r, column)) > EPSILON && (best < 0 || Math.abs(at(m, r, column)) > Math.abs(at(m, best, column)))) best = r;
  }
  return best;
}

/** Reduced row echelon form in place; returns the pivot column of each non-zero row. */
function reduce(m: Matrix): number[] {
  const pivots: number[] = [];
  for (let column = 0; column < m.width && pivots.length < m.rows; column++) {
    const rank = pivots.length;
    const best = pivotRow(m, column, rank);
    if (best < 0) continue;
    swapRows(m, rank, best);
    const scale = at(m, rank, column);
    for (let c = 0; c < m.width; c++) m.data[rank * m.width + c] = at(m, rank, c) / scale;
    for (let r = 0; r < m.rows; r++) {
      const factor = at(m, r, column);
      if (r === rank || Math.abs(factor) <= EPSILON) continue;
      for (let c = 0; c < m.width; c++) m.data[r * m.width + c] = at(m, r, c) - factor * at(m, rank, c);
    }
    pivots.push(column);
  }
  return pivots;
}

/** Hidden cells fixed by the relations (rule 1). */
export function linearlyFixed(relations: readonly Relation[], hidden: readonly boolean[]): Set<number> {
  const isHidden = (cell: number): boolean => hidden[cell] === true;
  const touching = relations.filter((relation) => relation.some((t) => isHidden(t.cell)));
  const columns = new Map<number, number>();
  for (const relation of touching) {
    for (const t of relation) if (isHidden(t.cell) && !columns.has(t.cell)) columns.set(t.cell, columns.size);
  }
  const m: Matrix = { data: new Float64Array(touching.length * columns.size), rows: touching.length, width: columns.size };
  touching.forEach((relation, r) => {
    for (const t of relation) {
      const column = columns.get(t.cell);
      if (column !== undefined) m.data[r * m.width + column] = at(m, r, column) + t.coefficient;
    }
  });
  const cellOf = [...columns.keys()];
  const fixed = new Set<number>();
  reduce(m).forEach((column, r) => {
    let nonZero = 0;
    for (let c = 0; c < m.width; c++) if (Math.abs(at(m, r, c)) > EPSILON) nonZero++;
    const cell = cellOf[column];
    if (nonZero === 1 && cell !== undefined) fixed.add(cell);
  });
  return fixed;
}

/** Hidden cells forced to 0 by a one-signed relation whose published part is 0 (rule 2). */
export function forcedToZero(relations: readonly Relation[], hidden: readonly boolean[], values: readonly number[]): Set<number> {
  const forced = new Set<number>();
  for (const relation of relations) {
    const unknown = relation.filter((t) => hidden[t.cell] === true);
    if (unknown.length === 0) continue;
    const signs = new Set(unknown.map((t) => t.coefficient));
    const published = relation.reduce((sum, t) => (hidden[t.cell] === true ? sum : sum + t.coefficient * (values[t.cell] ?? 0)), 0);
    if (signs.size === 1 && published === 0) for (const t of unknown) forced.add(t.cell);
  }
  return forced;
}

/**
 * The protected cells (primary: under the threshold) that a reader can recover. A recovered
 * cell is as good as published, so both rules are applied again until nothing new is found.
 */
export function exposedCells(relations: readonly Relation[], hidden: readonly boolean[], values: readonly number[], isProtected: readonly boolean[]): number[] {
  const unknown = [...hidden];
  const recovered = new Set<number>();
  for (;;) {
    const found = [...linearlyFixed(relations, unknown), ...forcedToZero(relations, unknown, values)].filter((cell) => !recovered.has(cell));
    if (found.length === 0) break;
    for (const cell of found) {
      recovered.add(cell);
      unknown[cell] = false;
    }
  }
  return [...recovered].filter((cell) => isProtected[cell] === true && hidden[cell] === true).sort((a, b) => a - b);
}
