/**
 * The page's state in its address fragment: `/stats#period=2026-Q3&lang=bm`, so a link can be
 * shared or bookmarked (a partner's newsletter, the reporter's pages in Bambara).
 * SECURITY: the fragment never leaves the browser, so the language a reader chose stays with
 * them. The period does reach the server, as the figures' own request
 * (/api/public/stats?period=…), which the request log records by route pattern only, without
 * the query (http/request-log.ts).
 */
import { LANGUAGES } from '@kenekanko/contracts';
import type { Language } from '@kenekanko/contracts';
import { periodKind } from './periods.ts';

export type PageAddress = { readonly period: string | null; readonly language: Language | null };

const isLanguage = (code: string): code is Language => (LANGUAGES as readonly string[]).includes(code);

/** Reads '#period=…&lang=…'; anything unknown or malformed is ignored (the defaults apply). */
export function readAddress(hash: string): PageAddress {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const period = params.get('period');
  const language = params.get('lang');
  return {
    period: period !== null && periodKind(period) !== null ? period : null,
    language: language !== null && isLanguage(language) ? language : null,
  };
}

export function writeAddress(address: { readonly period: string; readonly language: Language }): string {
  return `#${new URLSearchParams({ period: address.period, lang: address.language }).toString()}`;
}
