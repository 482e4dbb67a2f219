/**
 * t(key, params): the one way text reaches the screen. Placeholders are `{name}`; a plural
 * message picks its form from `params.count` with the catalogue's plural rule (French `one`
 * covers 0 and 1 and it has `many`, English one/other, Bambara `other` only). Numbers in
 * params are written with the catalogue's separators. Reading the language signal inside
 * t() makes components re-render on a switch.
 */
import type { ReadonlySignal } from '@preact/signals';
import { formatNumber } from './format.ts';
import { OTHER_ONLY, selectPlural } from './plural.ts';
import type { Catalogue, LanguageFormats, Message, MessageParams, PluralRule } from './types.ts';

/** What formatting a message needs from its catalogue. */
export type MessageContext = { readonly plural: PluralRule; readonly formats: LanguageFormats };

export function formatMessage(message: Message, context: MessageContext, params: MessageParams = {}): string {
  const count = params['count'];
  const text = typeof message === 'string' ? message : selectPlural(message, typeof count === 'number' ? count : 0, context.plural);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, context.formats) : value;
  });
}

export type Translator<Key extends string> = {
  readonly t: (key: Key, params?: MessageParams) => string;
  /** The current catalogue's Intl tag (the desk's Intl formatting). */
  readonly locale: () => string;
  /** The current catalogue's declared formats (the reporter's days, amounts and sizes). */
  readonly formats: () => LanguageFormats;
};

/**
 * What speaks before any catalogue has loaded (the reporter's first screen): a few messages of
 * the fallback language, its formats and locale. Only plain data: no plural rule, so its
 * messages are plain strings.
 */
export type InterimMessages<Key extends string> = {
  readonly locale: string;
  readonly formats: LanguageFormats;
  readonly messages: { readonly [K in Key]?: string };
};

/**
 * `catalogues` is read on every call (a signal's value, say): a catalogue loaded later is used
 * at once, and components re-render when it arrives. A message missing from the current
 * catalogue comes from the fallback's, then from `interim`, else the key itself is shown.
 */
export function createTranslator<Key extends string, Code extends string>(
  catalogues: () => Readonly<Partial<Record<Code, Catalogue<Key, Code>>>>,
  language: ReadonlySignal<Code>,
  fallback: Code,
  interim: () => InterimMessages<Key> | null = () => null,
): Translator<Key> {
  const current = () => {
    const all = catalogues();
    return all[language.value] ?? all[fallback];
  };
  return {
    t(key, params) {
      const catalogue = current();
      const message = catalogue?.messages[key] ?? catalogues()[fallback]?.messages[key];
      if (catalogue !== undefined) return formatMessage(message ?? key, catalogue, params);
      const early = interim();
      return early === null ? key : formatMessage(early.messages[key] ?? key, { plural: OTHER_ONLY, formats: early.formats }, params);
    },
    locale: () => current()?.locale ?? interim()?.locale ?? 'fr',
    formats: () => current()?.formats ?? interim()?.formats ?? NO_FORMATS,
  };
}

/** Formats of last resort, before anything is loaded (never seen once a language is chosen). */
const NO_FORMATS: LanguageFormats = {
  months: ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'],
  dayPattern: '{day}/{month}/{year}',
  groupSeparator: ' ',
  decimalSeparator: ',',
  byteUnits: ['B', 'KiB', 'MiB'],
};
