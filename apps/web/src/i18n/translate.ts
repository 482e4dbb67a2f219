/**
 * t(key, params): the one way text reaches the screen. Placeholders are `{name}`; a plural
 * message picks its form from `params.count` with Intl.PluralRules (French `one` covers 0
 * and 1, English `one` only 1), falling back to `other`. Numbers in params are formatted for
 * the language. Reading the language signal inside t() makes components re-render on a switch.
 */
import type { ReadonlySignal } from '@preact/signals';
import type { Language } from '@kenekanko/contracts';
import type { Catalogue, Message, MessageParams, PluralMessage } from './types.ts';

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function rulesFor(locale: string): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (rules === undefined) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules;
}

export function formatNumber(value: number, locale: string): string {
  let format = numberFormats.get(locale);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

export function selectPlural(message: PluralMessage, count: number, locale: string): string {
  const category = rulesFor(locale).select(count);
  // `category` is one of Intl's names; a catalogue may omit every form but `other`.
  return message[category] ?? message.other;
}

export function formatMessage(message: Message, locale: string, params: MessageParams = {}): string {
  const count = params['count'];
  const text = typeof message === 'string' ? message : selectPlural(message, typeof count === 'number' ? count : 0, locale);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, locale) : value;
  });
}

export type Translator<Key extends string> = {
  readonly t: (key: Key, params?: MessageParams) => string;
  /** The Intl locale of the current language. */
  readonly locale: () => string;
};

export function createTranslator<Key extends string>(
  catalogues: Readonly<Record<Language, Catalogue<Key>>>,
  language: ReadonlySignal<Language>,
  fallback: Language = 'fr',
): Translator<Key> {
  return {
    t(key, params) {
      const catalogue = catalogues[language.value];
      const message = catalogue.messages[key] ?? catalogues[fallback].messages[key];
      return formatMessage(message ?? key, catalogue.locale, params);
    },
    locale: () => catalogues[language.value].locale,
  };
}
