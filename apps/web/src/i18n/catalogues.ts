/**
 * The registry of the reporter-side catalogues and the current language. Adding a language:
 * write its catalogue file (typed as Catalogue<PublicKey>), add it to LANGUAGES in
 * @kenekanko/contracts and to the object below.
 *
 * SECURITY: the language is kept in memory only (French on every load); nothing about the
 * visit is stored in the browser, not even a preference.
 */
import { signal } from '@preact/signals';
import { LANGUAGES } from '@kenekanko/contracts';
import type { Language } from '@kenekanko/contracts';
import { fr } from './fr.ts';
import type { PublicKey } from './fr.ts';
import { en } from './en.ts';
import type { Catalogue } from './types.ts';
import { createTranslator } from './translate.ts';

export const PUBLIC_CATALOGUES: Readonly<Record<Language, Catalogue<PublicKey>>> = { fr, en };

export const language = signal<Language>('fr');

export const LANGUAGE_CHOICES: readonly { readonly language: Language; readonly nativeName: string }[] = LANGUAGES.map(
  (code) => ({ language: code, nativeName: PUBLIC_CATALOGUES[code].nativeName }),
);

export const { t, locale } = createTranslator(PUBLIC_CATALOGUES, language);
