/**
 * The fonts of the PDF report, read from REPORT_FONT_DIR (config.ts) once per process.
 * DejaVu Sans covers the Bambara letters (ɛ ɔ ɲ ŋ) that the PDF standard fonts lack, so
 * place and organisation names print as they are written.
 * A missing font is not a start-up failure (the dashboard, CSV and JSON do not need it): the
 * server warns at start (`reportFontsProblem`) and the PDF route answers a clear error.
 */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../http/app-error.ts';
import type { ReportFonts } from '../features/stats/index.ts';

export const REPORT_FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

const loaded = new Map<string, Promise<ReportFonts>>();

async function readFonts(dir: string): Promise<ReportFonts> {
  const [regular, bold] = await Promise.all([readFile(path.join(dir, REPORT_FONT_FILES.regular)), readFile(path.join(dir, REPORT_FONT_FILES.bold))]);
  return { regular, bold };
}

/** The report's fonts, or AppError('stats-report-unavailable') when a file is missing or unreadable. */
export async function loadReportFonts(dir: string): Promise<ReportFonts> {
  let fonts = loaded.get(dir);
  if (fonts === undefined) {
    fonts = readFonts(dir);
    loaded.set(dir, fonts);
    // A failed read is not kept: the administrator may install the fonts without a restart.
    fonts.catch(() => loaded.delete(dir));
  }
  try {
    return await fonts;
  } catch (cause) {
    throw new AppError('stats-report-unavailable', { cause });
  }
}

/** For the start-up log: the missing font file names (never their content), or null when both are readable. */
export async function reportFontsProblem(dir: string): Promise<string | null> {
  const missing: string[] = [];
  for (const file of Object.values(REPORT_FONT_FILES)) {
    await access(path.join(dir, file)).catch(() => missing.push(file));
  }
  return missing.length === 0 ? null : missing.join(', ');
}
