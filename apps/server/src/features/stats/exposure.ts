/**
 * What a reader can recover from published cells: the linear relations of a release (each
 * `Σ coefficient · cell = 0`) with the published values substituted. A hidden cell is exposed
 * when (1) it is fixed by the relations alone: its unit vector lies in the row space of the
 * relations restricted to hidden cells (Gaussian elimination to reduced row echelon form; the
 * cell is fixed iff some reduced row is that unit vector), or (2) its bounds meet: counts are
 * non-negative, so each relation bounds each of its hidden cells by the bounds of the others
 * (interval propagation to a fixpoint); a cell whose lowest and highest possible values are
 * equal is known. Rule 2 is what a reader does with "x + y = 6, x ≤ 3, y ≤ 3"; it includes the
 * one-signed relation whose published part is 0 (every hidden cell in it is 0). Entries are ±1 and the systems small, so
 * floating point with a tolerance is exact in practice.
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

/** At most this many sweeps of interval propagation (each sweep only narrows; a cap keeps it cheap). */
const BOUND_SWEEPS = 64;

type Bounds = { readonly lo: number[]; readonly hi: number[] };

/** Narrows the bounds of the hidden cells of one relation; true when something narrowed. */
function narrow(relation: Relation, hidden: readonly boolean[], values: readonly number[], b: Bounds): boolean {
  const unknown = relation.filter((t) => hidden[t.cell] === true);
  if (unknown.length === 0) return false;
  // Σ over hidden of coefficient · x = rest.
  const rest = -relation.reduce((sum, t) => (hidden[t.cell] === true ? sum : sum + t.coefficient * (values[t.cell] ?? 0)), 0);
  const low = (t: Term): number => (t.coefficient === 1 ? (b.lo[t.cell] ?? 0) : -(b.hi[t.cell] ?? Infinity));
  const high = (t: Term): number => (t.coefficient === 1 ? (b.hi[t.cell] ?? Infinity) : -(b.lo[t.cell] ?? 0));
  const sumLow = unknown.reduce((sum, t) => sum + low(t), 0);
  const sumHigh = unknown.reduce((sum, t) => sum + high(t), 0);
  let changed = false;
  for (const t of unknown) {
    // coefficient · x = rest − Σ others, whose range follows from the others' bounds (Infinity stays Infinity).
    const othersHigh = low(t) === -Infinity || high(t) === Infinity ? excluding(unknown, t, high) : sumHigh - high(t);
    const othersLow = low(t) === -Infinity || high(t) === Infinity ? excluding(unknown, t, low) : sumLow - low(t);
    const [from, to] = t.coefficient === 1 ? [rest - othersHigh, rest - othersLow] : [othersLow - rest, othersHigh - rest];
    if (from > (b.lo[t.cell] ?? 0) + EPSILON) {
      b.lo[t.cell] = from;
      changed = true;
    }
    if (to < (b.hi[t.cell] ?? Infinity) - EPSILON) {
      b.hi[t.cell] = to;
      changed = true;
    }
  }
  return changed;
}

const excluding = (terms: readonly Term[], skip: Term, bound: (t: Term) => number): number => terms.reduce((sum, t) => (t === skip ? sum : sum + bound(t)), 0);

/** Hidden cells whose possible values, counts being non-negative, reduce to one (rule 2). */
export function boundedToOne(relations: readonly Relation[], hidden: readonly boolean[], values: readonly number[]): Set<number> {
  const b: Bounds = { lo: values.map(() => 0), hi: values.map(() => Infinity) };
  const touching = relations.filter((relation) => relation.some((t) => hidden[t.cell] === true));
  for (let sweep = 0; sweep < BOUND_SWEEPS; sweep++) {
    let changed = false;
    for (const relation of touching) changed = narrow(relation, hidden, values, b) || changed;
    if (!changed) break;
  }
  const known = new Set<number>();
  hidden.forEach((isHidden, cell) => {
    if (isHidden && Math.abs((b.hi[cell] ?? Infinity) - (b.lo[cell] ?? 0)) <= EPSILON) known.add(cell);
  });
  return known;
}

/**
 * The protected cells (primary: under the threshold) that a reader can recover. A recovered
 * cell is as good as published, so both rules are applied again until nothing new is found.
 */
export function exposedCells(relations: readonly Relation[], hidden: readonly boolean[], values: readonly number[], isProtected: readonly boolean[]): number[] {
  const unknown = [...hidden];
  const recovered = new Set<number>();
  for (;;) {
    const found = [...linearlyFixed(relations, unknown), ...boundedToOne(relations, unknown, values)].filter((cell) => !recovered.has(cell));
    if (found.length === 0) break;
    for (const cell of found) {
      recovered.add(cell);
      unknown[cell] = false;
    }
  }
  return [...recovered].filter((cell) => isProtected[cell] === true && hidden[cell] === true).sort((a, b) => a - b);
}
