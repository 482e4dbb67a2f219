/** The CSV opens in Excel (BOM, ';', CRLF) and never hands a spreadsheet a formula. */
import { describe, expect, it } from 'vitest';
import type { StatsRelease } from '@kenekanko/contracts';
import { csvCell, releaseCsv } from './report-csv.ts';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+33 1', "'+33 1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['Ségou; Mopti', '"Ségou; Mopti"'],
    ['Tɔgɔ ɲɛ ŋ', 'Tɔgɔ ɲɛ ŋ'],
    ['12', '12'],
  ])('escapes %j as %j', (raw, expected) => {
    expect(csvCell(raw)).toBe(expected);
  });
});

describe('releaseCsv', () => {
  const release: StatsRelease = {
    period: '2026-Q3',
    threshold: 5,
    computedMonth: '2026-12',
    periods: [
      {
        period: '2026-Q3',
        kind: 'quarter',
        tables: [
          { measure: 'alerts', dimension: null, total: { value: 40, suppressed: false }, rows: [] },
          {
            measure: 'alerts',
            dimension: 'organisation',
            total: { value: 40, suppressed: false },
            rows: [
              { key: 'o1', label: '=cmd|" /C calc"!A0', cell: { value: 37, suppressed: false } },
              { key: 'o2', label: 'Association Ɲɛtaa', cell: { value: null, suppressed: true } },
            ],
          },
        ],
      },
    ],
  };

  it('starts with a UTF-8 BOM, shows suppressed cells as "< 5" and escapes formula-like names', () => {
    const csv = releaseCsv(release);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.slice(0, 4)).toEqual([
      'période;mesure;ventilation;clé;libellé;valeur',
      '2026-Q3;alerts;total;;;40',
      `2026-Q3;alerts;organisation;o1;"'=cmd|"" /C calc""!A0";37`,
      '2026-Q3;alerts;organisation;o2;Association Ɲɛtaa;< 5',
    ]);
    expect(lines[4]).toContain('« < 5 »');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
