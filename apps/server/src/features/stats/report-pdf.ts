/**
 * The partners' PDF report of a released period (issue 5): A4, French by default, DejaVu Sans
 * embedded (so ɛ ɔ ɲ ŋ in place and organisation names print), compressed. A first page with
 * the period, the suppression rule and the totals of the period and of every nested period;
 * then, period by period, its totals and each breakdown as a bar chart followed by its table
 * of figures (the regions also as a choropleth map of Mali).
 *
 * SECURITY: drawn from the suppressed release only, so it shows exactly the cells the JSON
 * and CSV show; the only figures it adds are shares of two published cells. Its metadata say
 * nothing about the server: a fixed producer and creator, and as creation date the first day
 * of the release's computed month (no exact date, DESIGN §2). The same release gives the same
 * bytes.
 */
import PDFDocument from 'pdfkit';
import { barChart } from '@kenekanko/charts';
import type { ReleasedCell, ReleasedPeriod, ReleasedTable, ReportLanguage, StatsRelease } from '@kenekanko/contracts';
import { RELEASE_MEASURES } from '@kenekanko/contracts';
import type { Cursor } from './report-pdf-draw.ts';
import { barChartBlock, barsHeight, mapBlock, mapHeight, newPage, PAGE, paragraph, shown, tableBlock, titleBlock } from './report-pdf-draw.ts';
import { reportWords } from './report-pdf-text.ts';

/** TrueType bytes of the regular and bold faces (adapters/report-fonts.ts reads them). */
export type ReportFonts = { readonly regular: Uint8Array; readonly bold: Uint8Array };

export type PdfOptions = { readonly fonts: ReportFonts; readonly lang: ReportLanguage };

const HIDDEN: ReleasedCell = { value: null, suppressed: true };

const FONTS = { regular: 'report-regular', bold: 'report-bold' } as const;

const tableOf = (period: ReleasedPeriod, measure: string, dimension: string | null): ReleasedTable | undefined =>
  period.tables.find((t) => t.measure === measure && t.dimension === dimension);

/** A share of the total, only from two published cells (never from a suppressed one). */
function share(cell: ReleasedCell, total: ReleasedCell, lang: ReportLanguage): string {
  if (cell.value === null || total.value === null || total.value === 0) return '—';
  const percent = Math.round((cell.value / total.value) * 1000) / 10;
  return `${lang === 'fr' ? String(percent).replace('.', ',') : String(percent)} %`;
}

function coverPage(c: Cursor, release: StatsRelease): void {
  const w = c.words;
  paragraph(c, w.title, { size: 20, bold: true, gap: 10 });
  paragraph(c, w.period(w.periodLabel(release.period), release.period), { size: 13, bold: true, gap: 4 });
  paragraph(c, w.computed(w.monthLabel(release.computedMonth)), { size: 10, gap: 14 });
  paragraph(c, w.threshold(release.threshold), { size: 10, gap: 6 });
  paragraph(c, w.contentNote, { size: 10, gap: 6 });
  for (const measure of RELEASE_MEASURES) paragraph(c, `${w.measures[measure]}${w.colon}${w.measureNotes[measure]}`, { size: 9, gap: 3 });
  c.y += 12;
  paragraph(c, w.summary, { size: 13, bold: true, gap: 6 });
  const total = (p: ReleasedPeriod, measure: string): string => {
    const table = tableOf(p, measure, null);
    return table === undefined ? '—' : shown(table.total, c.threshold);
  };
  tableBlock(
    c,
    [w.periodColumn, ...RELEASE_MEASURES.map((m) => w.measureColumns[m])],
    release.periods.map((p, i) => ({ label: w.periodLabel(p.period), cells: RELEASE_MEASURES.map((m) => total(p, m)), bold: i === 0 })),
  );
}

function breakdown(c: Cursor, period: ReleasedPeriod, table: ReleasedTable, lang: ReportLanguage): void {
  const w = c.words;
  const dimension = table.dimension;
  if (dimension === null) return;
  const rows = table.rows.map((r) => ({ key: r.key, label: w.rowLabel(dimension, r.key, r.label), cell: r.cell }));
  const chart = barChart(rows.map((r) => ({ key: r.key, label: r.label, value: r.cell.value })), { order: 'value' });
  const title = w.chartTitle(table.measure, dimension);
  // The map comes first, under its title: the bars and the table may then flow onto the next page.
  titleBlock(c, `${title} — ${w.periodLabel(period.period)}`, dimension === 'region' ? mapHeight() : barsHeight(Math.min(chart.rows.length, 4)));
  if (dimension === 'region') mapBlock(c, table.rows);
  barChartBlock(c, chart);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  tableBlock(c, ['', w.figure, '%'], [
    ...chart.rows.map((r) => {
      const cell = byKey.get(r.key)?.cell ?? HIDDEN;
      return { label: r.label, cells: [shown(cell, c.threshold), share(cell, table.total, lang)] };
    }),
    { label: w.total, cells: [shown(table.total, c.threshold), ''], bold: true },
  ]);
}

function periodSection(c: Cursor, period: ReleasedPeriod, lang: ReportLanguage): void {
  const w = c.words;
  newPage(c);
  paragraph(c, w.periodLabel(period.period), { size: 16, bold: true, gap: 4 });
  const totals = RELEASE_MEASURES.flatMap((m) => {
    const table = tableOf(period, m, null);
    return table === undefined ? [] : [`${w.measures[m]}${w.colon}${shown(table.total, c.threshold)}`];
  });
  if (totals.length === 0) {
    paragraph(c, w.noData);
    return;
  }
  paragraph(c, totals.join('   ·   '), { size: 10, gap: 12 });
  for (const table of period.tables) breakdown(c, period, table, lang);
}

/** Page numbers and the period on every page, written once all pages exist. */
function footers(doc: PDFKit.PDFDocument, c: Cursor, release: StatsRelease): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONTS.regular).fontSize(8).fillColor('#555555');
    doc.text(`Kenekanko · ${release.period} · ${c.words.page(i + 1 - range.start, range.count)}`, PAGE.margin, PAGE.height - 32, { width: PAGE.width - 2 * PAGE.margin, align: 'center', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
}

/** The PDF bytes of a release. */
export async function releasePdf(release: StatsRelease, options: PdfOptions): Promise<Uint8Array<ArrayBuffer>> {
  const words = reportWords(options.lang);
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    compress: true,
    bufferPages: true,
    autoFirstPage: false,
    lang: options.lang,
    displayTitle: true,
    // SECURITY: fixed values only; pdfkit's defaults would stamp its name and the exact time.
    info: { Title: `${words.title} — ${release.period}`, Producer: 'Kenekanko', Creator: 'Kenekanko', CreationDate: new Date(`${release.computedMonth}-01T00:00:00.000Z`) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont(FONTS.regular, options.fonts.regular);
  doc.registerFont(FONTS.bold, options.fonts.bold);
  const c: Cursor = { doc, y: PAGE.margin, fonts: FONTS, words, threshold: release.threshold };
  newPage(c);
  coverPage(c, release);
  for (const period of release.periods) periodSection(c, period, options.lang);
  footers(doc, c, release);
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}
