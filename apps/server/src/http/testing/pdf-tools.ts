/**
 * Test helpers that judge a PDF the way a reader's viewer would, with poppler-utils
 * (pdftotext, pdfinfo, pdffonts, pdftoppm; installed in CI with `apt-get install poppler-utils`):
 * the text a reader can copy, the metadata, and each page rendered to pixels.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Runs `fn` with the PDF written to a fresh temporary folder, then removes the folder. */
function withPdfFile<T>(pdf: Uint8Array, fn: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'kk-pdf-'));
  try {
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    return fn(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of every page, laid out as on the page (`pdftotext -layout`); pages split by form feeds. */
export function pdfText(pdf: Uint8Array): string {
  return withPdfFile(pdf, (file) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

/** pdfinfo's fields (Title, Producer, Pages…). */
export function pdfInfo(pdf: Uint8Array): Record<string, string> {
  const out = withPdfFile(pdf, (file) => execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' }));
  return Object.fromEntries(out.split('\n').flatMap((line) => {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    return match === null ? [] : [[match[1] ?? '', match[2] ?? '']];
  }));
}

/** The fonts the PDF uses, as `pdffonts` lists them: name (subset tag removed) and whether it is embedded. */
export function pdfFonts(pdf: Uint8Array): { name: string; embedded: boolean }[] {
  const out = withPdfFile(pdf, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      // name, type words…, encoding, emb, sub, uni, object, generation
      return { name: (columns[0] ?? '').replace(/^[A-Z]{6}\+/, ''), embedded: columns.at(-5) === 'yes' };
    });
}

/** Renders every page to PNG (`pdftoppm -r 50 -png`; throws on a rendering error) and returns how many were written. */
export function renderedPageCount(pdf: Uint8Array): number {
  return withPdfFile(pdf, (file, dir) => {
    execFileSync('pdftoppm', ['-r', '50', '-png', file, path.join(dir, 'page')], { stdio: ['ignore', 'ignore', 'pipe'] });
    return readdirSync(dir).filter((f) => f.endsWith('.png')).length;
  });
}

export type Raster = { readonly width: number; readonly height: number; readonly rgb: Uint8Array; readonly dpi: number };

/** One page as RGB pixels (pdftoppm's default output: a binary P6 file, trivial to read without a PNG decoder). */
export function renderPage(pdf: Uint8Array, page: number, dpi = 50): Raster {
  return withPdfFile(pdf, (file, dir) => {
    const out = path.join(dir, 'page');
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, out]);
    const bytes = readFileSync(`${out}.ppm`);
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'));
    if (header === null) throw new Error('not a P6 PPM');
    return { width: Number(header[1]), height: Number(header[2]), rgb: new Uint8Array(bytes.subarray(header[0].length)), dpi };
  });
}

const hexRgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/** How many pixels within `box` (in PDF points) are within `tolerance` of `hex` on each channel. */
export function countColour(raster: Raster, hex: string, box: { x: number; y: number; w: number; h: number }, tolerance = 6): number {
  const [r, g, b] = hexRgb(hex);
  const scale = raster.dpi / 72;
  let n = 0;
  for (let y = Math.floor(box.y * scale); y < Math.min(raster.height, (box.y + box.h) * scale); y++) {
    for (let x = Math.floor(box.x * scale); x < Math.min(raster.width, (box.x + box.w) * scale); x++) {
      const i = (y * raster.width + x) * 3;
      if (Math.abs((raster.rgb[i] ?? 0) - r) <= tolerance && Math.abs((raster.rgb[i + 1] ?? 0) - g) <= tolerance && Math.abs((raster.rgb[i + 2] ?? 0) - b) <= tolerance) n++;
    }
  }
  return n;
}

/** The vertical extent (in PDF points) of the pixels of colour `hex` within `box`, or null when there are none. */
export function rowsOf(raster: Raster, hex: string, box: { x: number; y: number; w: number; h: number }, tolerance = 6): { top: number; bottom: number } | null {
  const step = 72 / raster.dpi;
  let top: number | null = null;
  let bottom: number | null = null;
  for (let y = box.y; y < box.y + box.h; y += step) {
    if (countColour(raster, hex, { x: box.x, y, w: box.w, h: step }, tolerance) === 0) continue;
    top ??= y;
    bottom = y + step;
  }
  return top === null || bottom === null ? null : { top, bottom };
}
