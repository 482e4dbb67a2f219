/**
 * Drawing helpers of the PDF report over pdfkit: a page cursor that starts a new page when a
 * block would not fit, bar charts and tables of figures (from @kenekanko/charts' bar model),
 * and the choropleth map of Mali (the same projection and classes as the desk's SVG).
 * Suppressed cells are drawn as a short hatched grey bar with "< N", never as "a little".
 */
import type { BarChart, LegendClass, MaliMap } from '@kenekanko/charts';
import { choropleth, maliRegionShapes, polygonValues, SUPPRESSED_FILL } from '@kenekanko/charts';
import type { ReleasedCell } from '@kenekanko/contracts';
import type { ReportWords } from './report-pdf-text.ts';

export const PAGE = { width: 595.28, height: 841.89, margin: 50 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const BOTTOM = PAGE.height - PAGE.margin - 10; // room for the footer
// Not a colour of the map's palette (blues), so a bar never reads as a map class.
const BAR_FILL = '#d95f0e';
const HATCH_STROKE = '#737373';
const TEXT = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#bbbbbb';

export type FontNames = { readonly regular: string; readonly bold: string };

/** The document and where the next block goes; every helper below moves `y` down. */
export type Cursor = { readonly doc: PDFKit.PDFDocument; y: number; readonly fonts: FontNames; readonly words: ReportWords; readonly threshold: number };

export function newPage(c: Cursor): void {
  c.doc.addPage();
  c.y = PAGE.margin;
}

/** Starts a new page unless `height` points still fit on this one. */
export function ensure(c: Cursor, height: number): void {
  if (c.y + height > BOTTOM) newPage(c);
}

export const shown = (cell: ReleasedCell, threshold: number): string => (cell.value === null ? `< ${threshold}` : String(cell.value));

/** A paragraph across the content width. */
export function paragraph(c: Cursor, text: string, options: { size?: number; bold?: boolean; color?: string; gap?: number } = {}): void {
  const { doc } = c;
  doc.font(options.bold === true ? c.fonts.bold : c.fonts.regular).fontSize(options.size ?? 10);
  const height = doc.heightOfString(text, { width: CONTENT_WIDTH });
  ensure(c, height);
  doc.fillColor(options.color ?? TEXT).text(text, PAGE.margin, c.y, { width: CONTENT_WIDTH });
  c.y += height + (options.gap ?? 6);
}

/** One line of text in a box, cut with an ellipsis when too long (never wraps, never breaks the page). */
function cellText(c: Cursor, text: string, x: number, y: number, width: number, options: { bold?: boolean; align?: 'left' | 'right' | 'center'; size?: number; color?: string } = {}): void {
  c.doc
    .font(options.bold === true ? c.fonts.bold : c.fonts.regular)
    .fontSize(options.size ?? 9)
    .fillColor(options.color ?? TEXT)
    .text(text, x, y, { width, height: 12, ellipsis: true, lineBreak: false, align: options.align ?? 'left' });
}

/** A grey box with diagonal hatching: the mark of a suppressed cell (bars and map alike). */
function hatch(doc: PDFKit.PDFDocument, clipPath: () => void, box: { x: number; y: number; w: number; h: number }): void {
  doc.save();
  clipPath();
  doc.clip('even-odd');
  doc.rect(box.x, box.y, box.w, box.h).fill(SUPPRESSED_FILL);
  doc.lineWidth(0.6).strokeColor(HATCH_STROKE);
  for (let d = -box.h; d < box.w; d += 4) doc.moveTo(box.x + d, box.y + box.h).lineTo(box.x + d + box.h, box.y).stroke();
  doc.restore();
}

const ROW = 14;
const LABEL_W = 170;
const VALUE_W = 50;
const SUPPRESSED_BAR = 18;

/** A chart's title, on the page where at least `following` points of its chart fit too. */
export function titleBlock(c: Cursor, title: string, following: number): void {
  ensure(c, 18 + following);
  cellText(c, title, PAGE.margin, c.y, CONTENT_WIDTH, { bold: true, size: 11 });
  c.y += 18;
}

export const barsHeight = (rows: number): number => ROW * rows + 6;

/** Horizontal bars, one per row, each with its figure (or "< N" and a hatched stub). */
export function barChartBlock(c: Cursor, chart: BarChart): void {
  const barX = PAGE.margin + LABEL_W + 6;
  const barW = CONTENT_WIDTH - LABEL_W - VALUE_W - 12;
  for (const row of chart.rows) {
    ensure(c, ROW);
    cellText(c, row.label, PAGE.margin, c.y + 2, LABEL_W);
    const box = { x: barX, y: c.y + 2, h: ROW - 5 };
    if (row.value === null) {
      hatch(c.doc, () => c.doc.rect(box.x, box.y, SUPPRESSED_BAR, box.h), { ...box, w: SUPPRESSED_BAR });
    } else if (row.fraction > 0) {
      c.doc.rect(box.x, box.y, Math.max(1, row.fraction * barW), box.h).fill(BAR_FILL);
    }
    const end = row.value === null ? barX + SUPPRESSED_BAR : barX + row.fraction * barW;
    cellText(c, row.value === null ? `< ${c.threshold}` : String(row.value), end + 4, c.y + 2, VALUE_W);
    c.y += ROW;
  }
  c.y += 6;
}

export type TableRow = { readonly label: string; readonly cells: readonly string[]; readonly bold?: boolean };

/** A table of figures: a wrapping label column and right-aligned figure columns. */
export function tableBlock(c: Cursor, header: readonly string[], rows: readonly TableRow[]): void {
  const { doc } = c;
  const columns = header.length - 1;
  const figureW = 90;
  const labelW = CONTENT_WIDTH - figureW * columns;
  const line = (y: number): void => {
    doc.moveTo(PAGE.margin, y).lineTo(PAGE.margin + CONTENT_WIDTH, y).lineWidth(0.5).strokeColor(RULE).stroke();
  };
  const headerRow = (): void => {
    header.forEach((h, i) => cellText(c, h, i === 0 ? PAGE.margin : PAGE.margin + labelW + figureW * (i - 1), c.y, i === 0 ? labelW : figureW - 4, { bold: true, align: i === 0 ? 'left' : 'right', color: MUTED }));
    c.y += 13;
    line(c.y - 1);
  };
  ensure(c, 13 + ROW * Math.min(rows.length, 3));
  headerRow();
  for (const row of rows) {
    doc.font(row.bold === true ? c.fonts.bold : c.fonts.regular).fontSize(9);
    const height = Math.max(ROW - 2, doc.heightOfString(row.label, { width: labelW - 6 }) + 2);
    if (c.y + height > BOTTOM) {
      newPage(c);
      headerRow();
    }
    doc.fillColor(TEXT).text(row.label, PAGE.margin, c.y + 1, { width: labelW - 6 });
    row.cells.forEach((cell, i) => cellText(c, cell, PAGE.margin + labelW + figureW * i, c.y + 1, figureW - 4, { align: 'right', bold: row.bold === true }));
    c.y += height;
  }
  line(c.y);
  c.y += 14;
}

const MAP_WIDTH = 300;

const mapShapes = (): MaliMap => maliRegionShapes(MAP_WIDTH);
/** The height of the map block (map and caption). */
export const mapHeight = (): number => mapShapes().height + 30;

/** The choropleth of the region rows, with its legend and its caption. */
export function mapBlock(c: Cursor, rows: readonly { readonly key: string; readonly cell: ReleasedCell }[]): void {
  const { doc, words } = c;
  const map = mapShapes();
  ensure(c, map.height + 30);
  const cells = new Map(rows.map((r) => [r.key, r.cell.value]));
  // Released view: a polygon holding a suppressed place is suppressed as a whole (charts/choropleth.ts).
  const values = polygonValues(map.shapes, (placeId) => cells.get(placeId), 'released');
  const model = choropleth(values, { threshold: c.threshold });
  const x0 = PAGE.margin;
  const y0 = c.y;
  for (const shape of map.shapes) {
    const cls = model.classOf.get(shape.iso);
    const draw = (): void => {
      doc.save().translate(x0, y0);
      doc.path(shape.d);
    };
    if (cls === undefined || cls.pattern === 'hatch') {
      hatch(doc, () => doc.translate(x0, y0).path(shape.d), { x: 0, y: 0, w: map.width, h: map.height });
    } else {
      draw();
      doc.fill(cls.fill, 'even-odd');
      doc.restore();
    }
    draw();
    doc.lineWidth(0.6).strokeColor('#ffffff').stroke();
    doc.restore();
    cellText(c, shape.name, x0 + shape.label.x - 40, y0 + shape.label.y - 4, 80, { size: 6.5, align: 'center', color: TEXT });
  }
  legend(c, model.classes, x0 + MAP_WIDTH + 30, y0 + 10);
  c.y = y0 + map.height + 6;
  paragraph(c, words.mapCaption, { size: 8, color: MUTED, gap: 10 });
}

function legend(c: Cursor, classes: readonly LegendClass[], x: number, y: number): void {
  classes.forEach((cls, i) => {
    const top = y + i * 16;
    if (cls.pattern === 'hatch') hatch(c.doc, () => c.doc.rect(x, top, 18, 11), { x, y: top, w: 18, h: 11 });
    else c.doc.rect(x, top, 18, 11).fill(cls.fill);
    c.doc.rect(x, top, 18, 11).lineWidth(0.4).strokeColor(RULE).stroke();
    cellText(c, cls.key === 'zero' ? `0 (${c.words.legendZero})` : cls.text, x + 24, top + 1, 120, { size: 8.5 });
  });
}
