// We must clean every corpus file mat2 (the reference metadata remover) cleans, and the ones
// it fails on, leaving no more than it does. SVG is the exception by design: we refuse active
// content instead of cleaning it. The table is printed so a run shows how the two differ.

import { beforeAll, describe, expect, it } from 'vitest';
import { compareWithMat2, formatTable, type Mat2Row } from '../test-support/compare-mat2.ts';
import { corpusAvailable, corpusFiles } from '../test-support/corpus.ts';
import { toolsAvailable } from '../test-support/external-tools.ts';

const ready = corpusAvailable() && toolsAvailable('exiftool', 'djpeg', 'pngcheck', 'mat2', 'ffmpeg', 'heif-convert', 'pdftoppm', 'python3');

describe.skipIf(!ready)('compared with mat2', () => {
  let rows: Mat2Row[] = [];
  beforeAll(() => {
    rows = compareWithMat2(corpusFiles());
    console.log(`\n${formatTable(rows)}`);
  }, 600_000);

  it('cleans every file mat2 cleans, except the SVG we refuse on purpose', () => {
    expect(rows).toHaveLength(23);
    expect(rows.filter((r) => r.mat2.ok && !r.ours.ok).map((r) => r.name)).toEqual(['mat2-dirty.svg']);
  });

  it('cleans the files mat2 fails on', () => {
    const mat2Failed = rows.filter((r) => !r.mat2.ok);
    console.log(`mat2 failed on: ${mat2Failed.map((r) => r.name).join(', ')}`);
    expect(mat2Failed.length).toBeGreaterThan(0);
    expect(mat2Failed.filter((r) => !r.ours.ok).map((r) => r.name)).toEqual([]);
  });

  it('leaves nothing identifying, keeps content and orientation, on every file it cleans', () => {
    for (const r of rows.filter((row) => row.kind !== 'svg')) {
      expect({ name: r.name, ...r.ours }).toMatchObject({ name: r.name, ok: true, identifyingLeft: 0, upright: true, sameContent: true });
    }
  });

  it('leaves no more identifying metadata than mat2', () => {
    for (const r of rows.filter((row) => row.mat2.ok && row.ours.ok)) expect(r.ours.identifyingLeft).toBeLessThanOrEqual(r.mat2.identifyingLeft);
  });
});
