/**
 * The CSV of a release, for spreadsheets: UTF-8 with a byte-order mark (so Excel reads
 * accents and ɛ ɔ ɲ ŋ correctly), ';' between cells (what Excel expects under a French
 * locale), CRLF line ends, one row per cell.
 * SECURITY: a cell that starts with = + - @, a tab or a carriage return is prefixed with an
 * apostrophe, so a spreadsheet never runs a name (an organisation's, a place's) as a formula.
 */
import type { ReleasedCell, StatsRelease } from '@kenekanko/contracts';

export const CSV_BOM = '\uFEFF';
const SEPARATOR = ';';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(raw: string): string {
  const text = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const shown = (cell: ReleasedCell, threshold: number): string => (cell.value === null ? `< ${threshold}` : String(cell.value));

const HEADER = ['période', 'mesure', 'ventilation', 'clé', 'libellé', 'valeur'];

export function releaseCsv(release: StatsRelease): string {
  const rows: string[][] = [HEADER];
  for (const period of release.periods) {
    for (const table of period.tables) {
      if (table.dimension === null) {
        rows.push([period.period, table.measure, 'total', '', '', shown(table.total, release.threshold)]);
        continue;
      }
      for (const row of table.rows) rows.push([period.period, table.measure, table.dimension, row.key, row.label, shown(row.cell, release.threshold)]);
    }
  }
  rows.push([`« < ${release.threshold} » : moins de ${release.threshold}, ou masqué pour qu'un tel effectif ne puisse pas être déduit des totaux.`]);
  return CSV_BOM + rows.map((r) => r.map(csvCell).join(SEPARATOR)).join('\r\n') + '\r\n';
}
