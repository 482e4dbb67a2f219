/**
 * What the reporter's first screen needs before any catalogue is loaded: each language's own
 * name and its way of asking "choose your language", plus the few messages of the fallback
 * language that the header shows above the choice (name, quick exit) and the chooser's own
 * notices. The build computes it from the catalogue files themselves
 * (build/first-screen-plugin.ts), so a new language is still one catalogue file, and the
 * reporter's first load carries a few hundred bytes instead of every catalogue.
 */
import type { Language } from '@kenekanko/contracts';
import type { PublicKey } from './languages/fr.ts';
import type { LanguageChoice, Registry } from './registry.ts';
import { formatMessage } from './translate.ts';
import type { InterimMessages } from './translate.ts';
import { OTHER_ONLY } from './plural.ts';

/** Keys the header and the chooser show before a language is chosen. */
export const FIRST_SCREEN_KEYS = [
  'app.name',
  'app.tagline',
  'app.loading',
  'exit.label',
  'exit.description',
  'language.switch',
  'error.network',
  'action.retry',
] as const satisfies readonly PublicKey[];

export type FirstScreenChoice = LanguageChoice<Language> & {
  /** "Choose your language", written in this language. */
  readonly choose: string;
};

export type FirstScreen = {
  readonly choices: readonly FirstScreenChoice[];
  readonly fallback: Language;
  readonly interim: InterimMessages<PublicKey>;
};

export function firstScreenOf(registry: Registry<PublicKey, Language>, fallback: Language): FirstScreen {
  const base = registry.find(fallback);
  if (base === undefined) throw new Error(`no catalogue for the fallback language '${fallback}'`);
  const text = (key: PublicKey, from = base) => formatMessage(from.messages[key], { plural: OTHER_ONLY, formats: from.formats });
  return {
    choices: registry.catalogues.map((catalogue) => ({ code: catalogue.code, nativeName: catalogue.nativeName, choose: text('language.choose', catalogue) })),
    fallback,
    interim: {
      locale: base.locale,
      formats: base.formats,
      messages: Object.fromEntries(FIRST_SCREEN_KEYS.map((key) => [key, text(key)])),
    },
  };
}
