/** The language of error messages: French unless the Accept-Language header prefers English. */
import type { Language } from '@kenekanko/contracts';

type Weighted = { readonly tag: string; readonly q: number };

function parseAcceptLanguage(header: string): Weighted[] {
  return header
    .split(',')
    .slice(0, 20)
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const q = qParam === undefined ? 1 : Number(qParam.slice(2));
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0 };
    });
}

function weightOf(entries: readonly Weighted[], language: Language): number {
  return Math.max(0, ...entries.filter((e) => e.tag === language || e.tag.startsWith(`${language}-`)).map((e) => e.q));
}

export function preferredLanguage(header: string | undefined): Language {
  if (header === undefined || header === '') return 'fr';
  const entries = parseAcceptLanguage(header);
  const en = weightOf(entries, 'en');
  return en > 0 && en > weightOf(entries, 'fr') ? 'en' : 'fr';
}
