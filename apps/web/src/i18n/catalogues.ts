/// <reference types="vite/client" />
/**
 * The reporter-side catalogues and the current language. Every file in ./languages/ is a
 * catalogue (see types.ts) and is picked up here; its code must be one of LANGUAGES in
 * @kenekanko/contracts, because the encrypted answers record the reporter's language and the
 * desk must be able to read it (the type checker says so when a code is missing).
 *
 * SECURITY: the language is kept in memory only (the first screen asks on every load);
 * nothing about the visit is stored in the browser, not even a preference.
 */
import { signal } from '@preact/signals';
import { LANGUAGES } from '@kenekanko/contracts';
import type { Language } from '@kenekanko/contracts';
import type { PublicKey } from './languages/fr.ts';
import { createRegistry } from './registry.ts';
import type { CatalogueModule } from './registry.ts';
import type { Catalogue, MessageParams } from './types.ts';
import { createTranslator, formatMessage } from './translate.ts';

const modules = import.meta.glob<CatalogueModule<PublicKey, Language>>(['./languages/*.ts', '!./languages/*.test.ts'], { eager: true });

export const REGISTRY = createRegistry(modules, LANGUAGES);

function byLanguage(): Readonly<Record<Language, Catalogue<PublicKey>>> {
  const entries = LANGUAGES.map((code) => {
    const catalogue = REGISTRY.find(code);
    if (catalogue === undefined) throw new Error(`no catalogue for the language '${code}' in src/i18n/languages/`);
    return [code, catalogue] as const;
  });
  // Every language of LANGUAGES has its entry (checked above); fromEntries only forgets the key type.
  return Object.fromEntries(entries) as Record<Language, Catalogue<PublicKey>>;
}

export const PUBLIC_CATALOGUES = byLanguage();

export const FALLBACK_LANGUAGE: Language = 'fr';

export const language = signal<Language>(FALLBACK_LANGUAGE);

/** What the first screen and the language switch offer, each name in its own language. */
export const LANGUAGE_CHOICES = REGISTRY.choices;

export const { t, locale, formats } = createTranslator(PUBLIC_CATALOGUES, language, FALLBACK_LANGUAGE);

/** A message in a given language rather than the current one (the first screen speaks all of them). */
export function tIn(code: Language, key: PublicKey, params?: MessageParams): string {
  const catalogue = PUBLIC_CATALOGUES[code];
  return formatMessage(catalogue.messages[key], catalogue, params);
}
