// We must clean every JPEG/PNG that mat2 (the reference metadata remover) cleans, and leave
// no more than it does. The table is printed so a run shows how the two differ.

import { beforeAll, describe, expect, it } from 'vitest';
import { compareWithMat2, formatTable, type Mat2Row } from '../test-support/compare-mat2.ts';
import { corpusAvailable, corpusImages } from '../test-support/corpus.ts';
import { toolsAvailable } from '../test-support/external-tools.ts';

const ready = corpusAvailable() && toolsAvailable('exiftool', 'djpeg', 'pngcheck', 'mat2');

describe.skipIf(!ready)('compared with mat2', () => {
  let rows: Mat2Row[] = [];
  beforeAll(() => {
    rows = compareWithMat2(corpusImages());
    console.log(`\n${formatTable(rows)}`);
  }, 300_000);

  it('cleans every file mat2 cleans', () => {
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.mat2.ok && !r.ours.ok).map((r) => r.name)).toEqual([]);
  });

  it('leaves nothing identifying, keeps pixels and orientation, on every file', () => {
    for (const r of rows) expect({ name: r.name, ...r.ours }).toMatchObject({ name: r.name, ok: true, identifyingLeft: 0, upright: true, samePixels: true });
  });

  it('leaves no more identifying metadata than mat2', () => {
    for (const r of rows.filter((row) => row.mat2.ok)) expect(r.ours.identifyingLeft).toBeLessThanOrEqual(r.mat2.identifyingLeft);
  });
});
