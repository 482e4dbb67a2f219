/**
 * The desk's translator: the reporter catalogue (kinds, institutions, errors) plus the desk's
 * own messages, for the same language signal. Imported only from src/desk.
 */
import { LANGUAGES } from '@kenekanko/contracts';
import type { Language } from '@kenekanko/contracts';
import { PUBLIC_CATALOGUES, REGISTRY } from '../all-catalogues.ts';
import { FALLBACK_LANGUAGE, language, provideCatalogues } from '../catalogues.ts';
import type { PublicKey } from '../languages/fr.ts';
import type { LanguageChoice } from '../registry.ts';
import type { Catalogue, MessageTable } from '../types.ts';
import { createTranslator } from '../translate.ts';
import { deskFr } from './fr.ts';
import type { DeskKey } from './fr.ts';
import { deskEn } from './en.ts';

export type DeskMessageKey = PublicKey | DeskKey;

/**
 * Desk translations are optional per language: a language added for reporters (Bambara, say)
 * shows the desk in French until someone writes its desk catalogue.
 */
export const DESK_MESSAGES: Readonly<Partial<Record<Language, MessageTable<DeskKey>>>> = { fr: deskFr, en: deskEn };

/** The desk's language switch offers only the languages it is written in. */
export const DESK_LANGUAGE_CHOICES: readonly LanguageChoice<Language>[] = LANGUAGES.filter((code) => DESK_MESSAGES[code] !== undefined).map(
  (code) => ({ code, nativeName: PUBLIC_CATALOGUES[code].nativeName }),
);

function withDesk(code: Language): Catalogue<DeskMessageKey> {
  const base = PUBLIC_CATALOGUES[code];
  return { ...base, messages: { ...base.messages, ...(DESK_MESSAGES[code] ?? deskFr) } };
}

// Every language in LANGUAGES gets an entry, so the cast only restores what fromEntries forgets.
const DESK_CATALOGUES = Object.fromEntries(LANGUAGES.map((code) => [code, withDesk(code)])) as Record<Language, Catalogue<DeskMessageKey>>;

export const { t, locale } = createTranslator(() => DESK_CATALOGUES, language, FALLBACK_LANGUAGE);

// The shared components (header, errors, language switch) speak the reporter catalogue: the desk has them all.
provideCatalogues(REGISTRY.catalogues);
