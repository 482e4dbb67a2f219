/**
 * t(key, params): the one way text reaches the screen. Placeholders are `{name}`; a plural
 * message picks its form from `params.count` with the catalogue's plural rule (French `one`
 * covers 0 and 1 and it has `many`, English one/other, Bambara `other` only). Numbers in
 * params are written with the catalogue's separators. Reading the language signal inside
 * t() makes components re-render on a switch.
 */
import type { ReadonlySignal } from '@preact/signals';
import { formatNumber } from './format.ts';
import { selectPlural } from './plural.ts';
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

export function createTranslator<Key extends string, Code extends string>(
  catalogues: Readonly<Record<Code, Catalogue<Key, Code>>>,
  language: ReadonlySignal<Code>,
  fallback: Code,
): Translator<Key> {
  return {
    t(key, params) {
      const catalogue = catalogues[language.value];
      const message = catalogue.messages[key] ?? catalogues[fallback].messages[key];
      return formatMessage(message ?? key, catalogue, params);
    },
    locale: () => catalogues[language.value].locale,
    formats: () => catalogues[language.value].formats,
  };
}
