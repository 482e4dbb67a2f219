/**
 * Plural rules for catalogues. Where every browser we serve knows the language (French,
 * English), Intl.PluralRules decides; where some do not (Chromium has no Bambara data), the
 * catalogue declares its rule in code, so a count reads the same on every phone.
 */
import type { PluralCategory, PluralMessage, PluralRule } from './types.ts';

/**
 * A rule from Intl for `locale`, limited to the categories the catalogue declares: a form
 * Intl knows but the catalogue does not write (an older or newer CLDR) falls to `other`.
 */
export function intlPluralRule(locale: string, categories: readonly PluralCategory[]): PluralRule {
  let rules: Intl.PluralRules | null = null;
  return {
    categories,
    select(count) {
      rules ??= new Intl.PluralRules(locale);
      const category = rules.select(count);
      return categories.includes(category) ? category : 'other';
    },
  };
}

/** Languages whose nouns do not change with number (Bambara, CLDR: `other` only). */
export const OTHER_ONLY: PluralRule = { categories: ['other'], select: () => 'other' };

export function selectPlural(message: PluralMessage, count: number, rule: PluralRule): string {
  return message[rule.select(count)] ?? message.other;
}
