/**
 * The current language and the catalogues loaded so far; `t`, `locale` and `formats` for
 * the reporter's pages and the shared components. Catalogues are provided from outside: the
 * reporter loads one when its language is chosen (lazy-catalogues.ts), so a first load carries
 * none of them (issue 4's 60 KB budget); the desk provides them all at start
 * (all-catalogues.ts). Before any is loaded, `t` speaks the first screen's few messages
 * (first-screen.ts), provided by the reporter's entry.
 *
 * SECURITY: the language is kept in memory only (the first screen asks on every load);
 * nothing about the visit is stored in the browser, not even a preference.
 */
import { signal } from '@preact/signals';
import type { Language } from '@kenekanko/contracts';
import type { PublicKey } from './languages/fr.ts';
import type { Catalogue, Message } from './types.ts';
import { createTranslator } from './translate.ts';
import type { InterimMessages } from './translate.ts';

export const FALLBACK_LANGUAGE: Language = 'fr';

export const language = signal<Language>(FALLBACK_LANGUAGE);

type Loaded = Readonly<Partial<Record<Language, Catalogue<PublicKey>>>>;

const loaded = signal<Loaded>({});
const interim = signal<InterimMessages<PublicKey> | null>(null);

export function provideCatalogues(catalogues: readonly Catalogue<PublicKey>[]): void {
  const next: Partial<Record<Language, Catalogue<PublicKey>>> = { ...loaded.value };
  for (const catalogue of catalogues) next[catalogue.code] = catalogue;
  loaded.value = next;
}

/**
 * Adds messages to a catalogue already provided: the reporter's later views' messages, which
 * its build leaves out of each catalogue's first part (build/split-catalogues.ts).
 */
export function provideMessages(code: Language, messages: Readonly<Partial<Record<PublicKey, Message>>>): void {
  const catalogue = loaded.value[code];
  if (catalogue === undefined) throw new Error(`no catalogue '${code}' to add messages to`);
  loaded.value = { ...loaded.value, [code]: { ...catalogue, messages: { ...catalogue.messages, ...messages } } };
}

export function hasCatalogue(code: Language): boolean {
  return loaded.value[code] !== undefined;
}

/** The messages shown before any catalogue has arrived (the reporter's first screen). */
export function provideInterim(messages: InterimMessages<PublicKey>): void {
  interim.value = messages;
}

export const { t, locale, formats } = createTranslator(() => loaded.value, language, FALLBACK_LANGUAGE, () => interim.value);
