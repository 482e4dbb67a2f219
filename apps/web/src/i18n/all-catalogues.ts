/// <reference types="vite/client" />
/**
 * Every reporter-side catalogue, loaded at once: for the staff desk (desk.html, whose weight
 * does not matter on 2G), the build's first-screen step and the tests. Never imported by the
 * reporter's pages, which load one catalogue when its language is chosen (lazy-catalogues.ts).
 *
 * Every file in ./languages/ is a catalogue (see types.ts); its code must be one of LANGUAGES
 * in @kenekanko/contracts, because the encrypted answers record the reporter's language and
 * the desk must be able to read it (the type checker says so when a code is missing).
 */
import { LANGUAGES } from '@kenekanko/contracts';
import type { Language } from '@kenekanko/contracts';
import type { PublicKey } from './languages/fr.ts';
import { createRegistry } from './registry.ts';
import type { CatalogueModule } from './registry.ts';
import type { Catalogue } from './types.ts';

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
