/** The report's fonts: found in REPORT_FONT_DIR, named when missing, and picked up once installed. */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../http/app-error.ts';
import { loadReportFonts, REPORT_FONT_FILES, reportFontsProblem } from './report-fonts.ts';

const DEBIAN_DIR = '/usr/share/fonts/truetype/dejavu';

describe('report fonts', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names the missing files for the start-up warning, and nothing when both are there', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kk-fonts-'));
    expect(await reportFontsProblem(dir)).toBe('DejaVuSans.ttf, DejaVuSans-Bold.ttf');
    copyFileSync(path.join(DEBIAN_DIR, REPORT_FONT_FILES.regular), path.join(dir, REPORT_FONT_FILES.regular));
    expect(await reportFontsProblem(dir)).toBe('DejaVuSans-Bold.ttf');
    expect(await reportFontsProblem(DEBIAN_DIR)).toBeNull();
  });

  it('answers stats-report-unavailable while a font is missing, and loads them once installed, without a restart', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kk-fonts-'));
    const error = await loadReportFonts(dir).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('stats-report-unavailable');
    for (const file of Object.values(REPORT_FONT_FILES)) copyFileSync(path.join(DEBIAN_DIR, file), path.join(dir, file));
    const fonts = await loadReportFonts(dir);
    // TrueType files start with the version 1.0 tag.
    expect([...fonts.regular.subarray(0, 4)]).toEqual([0, 1, 0, 0]);
    expect(fonts.bold.length).toBeGreaterThan(100_000);
    expect(await loadReportFonts(dir)).toBe(fonts);
  });
});
