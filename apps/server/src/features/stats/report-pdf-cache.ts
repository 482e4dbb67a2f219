/**
 * The last few PDFs rendered, by release and language. Rendering a year's report takes about
 * a second of CPU on a small server; the same release always gives the same bytes, so a
 * coordinator clicking twice, or several partners downloading the same quarter, costs one
 * rendering. A changed release (new data, a new computed month) is a new key.
 */
import type { ReportLanguage, StatsRelease } from '@kenekanko/contracts';

export type PdfCache = {
  /** The cached bytes of this release in this language, or `render()`'s, then kept. */
  get(release: StatsRelease, lang: ReportLanguage, render: () => Promise<Uint8Array<ArrayBuffer>>): Promise<Uint8Array<ArrayBuffer>>;
};

export function createPdfCache(max = 8): PdfCache {
  const entries = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  return {
    get(release, lang, render) {
      const key = `${lang}\n${JSON.stringify(release)}`;
      const hit = entries.get(key);
      if (hit !== undefined) {
        // Most recently used last: the first key is the one to drop.
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const pending = render();
      entries.set(key, pending);
      pending.catch(() => entries.delete(key));
      while (entries.size > max) entries.delete(entries.keys().next().value ?? key);
      return pending;
    },
  };
}
