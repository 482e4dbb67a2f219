/**
 * The partners' PDF, judged as a reader's viewer sees it (poppler-utils): the figures, labels
 * and "< 5" of the release are in its text, Bambara letters survive, every page renders, the
 * map is coloured by the counts, and nothing about the server leaks into its metadata.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLASS_FILLS, SUPPRESSED_FILL, ZERO_FILL } from '@kenekanko/charts';
import type { ReleasedCell, ReleasedPeriod, StatsRelease } from '@kenekanko/contracts';
import { WRONGDOING_KINDS } from '@kenekanko/contracts';
import { countColour, pdfFonts, pdfInfo, pdfText, renderedPageCount, renderPage, rowsOf } from '../../http/testing/pdf-tools.ts';
import type { Raster } from '../../http/testing/pdf-tools.ts';
import { releasePdf } from './report-pdf.ts';

const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
const fonts = { regular: readFileSync(`${FONT_DIR}/DejaVuSans.ttf`), bold: readFileSync(`${FONT_DIR}/DejaVuSans-Bold.ttf`) };

const cell = (value: number | null): ReleasedCell => (value === null ? { value: null, suppressed: true } : { value, suppressed: false });
const rows = (entries: readonly [string, string, number | null][]) => entries.map(([key, label, value]) => ({ key, label, cell: cell(value) }));

const REGIONS: [string, string, number | null][] = [
  ['district-bamako', 'Bamako', 12],
  ['region-gao', 'Gao', 0],
  ['region-kayes', 'Kayes', 0],
  ['region-kidal', 'Kidal', 0],
  ['region-koulikoro', 'Koulikoro', 0],
  ['region-menaka', 'Ménaka', 0],
  ['region-mopti', 'Mopti', 31],
  ['region-segou', 'Ségou', null],
  ['region-sikasso', 'Sikasso', null],
  ['region-taoudenit', 'Taoudénit', 0],
  ['region-tombouctou', 'Tombouctou', 7],
];

/** A quarter's tables; `mopti` lets a test change one region's cell. */
function quarter(id: string, kind: ReleasedPeriod['kind'], alerts: number | null, mopti: number | null = 31): ReleasedPeriod {
  const kinds = WRONGDOING_KINDS.map((k): [string, string, number | null] => [k, k, k === 'bribery' ? 27 : k === 'embezzlement' ? 16 : k === 'extortion' ? null : 0]);
  const regions = REGIONS.map(([key, label, value]): [string, string, number | null] => [key, label, key === 'region-mopti' ? mopti : value]);
  const authorities = rows([['oclei', 'OCLEI', 8], ['jɛ', 'Radio Jɛkafɔ ŋ', null]]);
  return {
    period: id,
    kind,
    tables: [
      { measure: 'alerts', dimension: null, total: cell(alerts), rows: [] },
      { measure: 'alerts', dimension: 'kind', total: cell(alerts), rows: rows(kinds) },
      { measure: 'alerts', dimension: 'region', total: cell(alerts), rows: rows(regions) },
      { measure: 'alerts', dimension: 'organisation', total: cell(alerts), rows: rows([['a', 'Association Ɲɛtaa', 38], ['b', 'Coalition', null]]) },
      { measure: 'forwarded', dimension: null, total: cell(11), rows: [] },
      { measure: 'forwarded', dimension: 'authority', total: cell(11), rows: authorities },
      { measure: 'answered', dimension: null, total: cell(null), rows: [] },
      { measure: 'answered', dimension: 'authority', total: cell(null), rows: rows([['oclei', 'OCLEI', null], ['jɛ', 'Radio Jɛkafɔ ŋ', 0]]) },
    ],
  };
}

const month = (id: string): ReleasedPeriod => ({ period: id, kind: 'month', tables: [] });
const release = (mopti: number | null = 31): StatsRelease => ({
  period: '2025-Q2',
  threshold: 5,
  computedMonth: '2025-07',
  periods: [quarter('2025-Q2', 'quarter', 50, mopti), quarter('2025-04', 'month', 20, mopti), month('2025-05'), month('2025-06')],
});

/** The first page with a map (the page whose text has the map's caption), rendered. */
function mapPage(pdf: Uint8Array): Raster {
  const page = pdfText(pdf).split('\f').findIndex((text) => text.includes('Carte des régions'));
  expect(page).toBeGreaterThan(0);
  return renderPage(pdf, page + 1);
}

/** Collapses runs of spaces, so a test reads "Mopti 31 62 %" whatever the column widths. */
const squeeze = (text: string): string => text.replace(/[ \t]+/g, ' ');

describe('releasePdf', () => {
  it('holds the period, the rule of "< 5", the computed month and the figures of every table', async () => {
    const text = squeeze(pdfText(await releasePdf(release(), { fonts, lang: 'fr' })));
    expect(text).toContain('Kenekanko — rapport statistique');
    expect(text).toContain('Période : 2e trimestre 2025 (2025-Q2)');
    expect(text).toContain('Chiffres calculés en juillet 2025.');
    expect(text).toContain('tout effectif inférieur à 5 est affiché « < 5 »');
    // The totals table: the quarter and each of its months.
    expect(text).toMatch(/2e trimestre 2025 50 11 < ?5\n/);
    expect(text).toMatch(/avril 2025 20 11 < ?5\n/);
    expect(text).toMatch(/mai 2025 — — —\n/);
    // Kinds in French, largest first, with their share of the total; a suppressed cell is "< 5" without a share.
    expect(text).toMatch(/Alertes par type d'atteinte — 2e trimestre 2025/);
    expect(text).toMatch(/Corruption et racket 27 54 ?%\n/);
    expect(text).toMatch(/Détournement de fonds 16 32 ?%\n/);
    expect(text).toMatch(/Extorsion < ?5 —\n/);
    expect(text).toMatch(/Violation des droits humains 0 0 ?%\n/);
    expect(text).not.toContain('embezzlement');
    // Regions, organisations and authorities, names as registered (ɛ ɔ ɲ ŋ included).
    expect(text).toMatch(/Mopti 31 62 ?%\n/);
    expect(text).toMatch(/Tombouctou 7 14 ?%\n/);
    expect(text).toMatch(/Ségou < ?5 —\n/);
    expect(text).toMatch(/Association Ɲɛtaa 38 76 ?%\n/);
    expect(text).toMatch(/Radio Jɛkafɔ ŋ < ?5 —\n/);
    expect(text).toMatch(/OCLEI 8 72,7 ?%\n/);
    expect(text).toMatch(/Total < ?5\n/);
    expect(text).toContain('Ménaka est comptée avec Gao');
    expect(text).toContain('Aucune donnée pour cette période.');
  });

  it('embeds DejaVu Sans, so ɛ ɔ ɲ ŋ are drawn with real glyphs, and no other font', async () => {
    const fontsUsed = pdfFonts(await releasePdf(release(), { fonts, lang: 'fr' }));
    expect(fontsUsed).toEqual([
      { name: 'DejaVuSans-Bold', embedded: true },
      { name: 'DejaVuSans', embedded: true },
    ]);
  });

  it('renders every page: a cover, then each period on its own pages', async () => {
    const pdf = await releasePdf(release(), { fonts, lang: 'fr' });
    const info = pdfInfo(pdf);
    // Cover 1; the quarter and April 2 pages each (charts, map, tables); May and June (no data) 1 each.
    expect(info.Pages).toBe('7');
    expect(info['Page size']).toContain('595.28 x 841.89 pts (A4)');
    expect(renderedPageCount(pdf)).toBe(7);
    expect(squeeze(pdfText(pdf))).toContain('page 7 / 7');
  });

  it('colours the map by the counts: a class per count, grey hatching where a region is suppressed', async () => {
    const shown = mapPage(await releasePdf(release(), { fonts, lang: 'fr' }));
    // The map: 300 pt wide at the left margin (the legend lies to its right), as tall as its
    // regions with no alert (Kayes, Gao, Kidal… in the zero class) reach; the bars lie below it.
    const column = { x: 50, y: 0, w: 300, h: 842 };
    const rows = rowsOf(shown, ZERO_FILL, column);
    expect(rows).not.toBeNull();
    const mapArea = { ...column, y: rows?.top ?? 0, h: (rows?.bottom ?? 0) - (rows?.top ?? 0) };
    expect(mapArea.h).toBeGreaterThan(150);
    // Mopti (31 of a largest 31: classes of 10) is the only region in the fourth class.
    const moptiFill = CLASS_FILLS[3] ?? '';
    expect(countColour(shown, moptiFill, mapArea)).toBeGreaterThan(150);
    expect(countColour(shown, ZERO_FILL, mapArea)).toBeGreaterThan(150);
    const hatched = countColour(shown, SUPPRESSED_FILL, mapArea, 12);
    expect(hatched).toBeGreaterThan(50);
    // With Mopti's cell suppressed, its colour is gone and more of the map is hatched.
    const hidden = mapPage(await releasePdf(release(null), { fonts, lang: 'fr' }));
    expect(countColour(hidden, moptiFill, mapArea)).toBe(0);
    expect(countColour(hidden, SUPPRESSED_FILL, mapArea, 12)).toBeGreaterThan(hatched);
  });

  it('gives the same bytes for the same release, compressed, with metadata that say nothing about the server', async () => {
    const first = await releasePdf(release(), { fonts, lang: 'fr' });
    const second = await releasePdf(release(), { fonts, lang: 'fr' });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const info = pdfInfo(first);
    expect([info.Producer, info.Creator, info.CreationDate, info.Title]).toEqual(['Kenekanko', 'Kenekanko', '2025-07-01T00:00:00Z', 'Kenekanko — rapport statistique — 2025-Q2']);
    const raw = Buffer.from(first).toString('latin1');
    expect(raw).toContain('/FlateDecode');
    expect(raw).not.toMatch(/PDFKit|ModDate|Author/);
    // Compressed: the text of the tables is not readable in the raw bytes.
    expect(raw).not.toContain('Mopti');
  });

  it('writes the report in English when asked', async () => {
    const text = squeeze(pdfText(await releasePdf(release(), { fonts, lang: 'en' })));
    expect(text).toContain('Period: Q2 2025 (2025-Q2)');
    expect(text).toContain('Figures computed in July 2025.');
    expect(text).toMatch(/Bribery and racketeering 27 54 ?%\n/);
    expect(text).toContain('Alerts by kind of wrongdoing — Q2 2025');
    expect(text).not.toContain('Corruption et racket');
  });
});
