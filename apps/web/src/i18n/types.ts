/**
 * The shape of a translation catalogue. A catalogue is plain data in one file per language
 * (src/i18n/languages/), holding everything the language needs: its code, its own name, its
 * plural rule, its month names and number symbols, and its strings. The registry picks the
 * files up, so adding a language (Songhay, Fulfulde, …) is one new file that the type
 * checker and the catalogue tests hold to the French one.
 */
import type { Language } from '@kenekanko/contracts';

/** Plural categories as Unicode CLDR (and Intl.PluralRules) name them. */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** Plural forms of one message; `other` is the one every language has. */
export type PluralMessage = { readonly [C in Exclude<PluralCategory, 'other'>]?: string } & { readonly other: string };

/** A message is text with `{name}` placeholders, or plural forms chosen by the `count` parameter. */
export type Message = string | PluralMessage;

export type MessageTable<Key extends string> = { readonly [K in Key]: Message };

/**
 * How a language picks a plural form. `categories` is every form the language uses: each
 * plural message of its catalogue must give all of them (the catalogue tests check it).
 */
export type PluralRule = {
  readonly categories: readonly PluralCategory[];
  readonly select: (count: number) => PluralCategory;
};

export type TwelveMonths = readonly [string, string, string, string, string, string, string, string, string, string, string, string];

/**
 * Days, numbers and sizes, written out by the catalogue rather than asked of Intl: browsers
 * do not all carry data for every language (Chromium has none for Bambara), and a date must
 * read the same on every phone.
 */
export type LanguageFormats = {
  /** January first. */
  readonly months: TwelveMonths;
  /** A whole day, with the placeholders {day}, {month} and {year}. */
  readonly dayPattern: string;
  /** Between groups of three digits (French and Bambara: U+202F, a narrow no-break space). */
  readonly groupSeparator: string;
  readonly decimalSeparator: string;
  /** Short words for bytes, kibibytes and mebibytes, in that order. */
  readonly byteUnits: readonly [string, string, string];
};

/** Metadata for maintainers only, never shown to reporters. */
export type ReviewStatus = 'needs-native-review' | 'reviewed';

export type Catalogue<Key extends string, Code extends string = Language> = {
  /** The ISO 639 code: the page's lang attribute and the language recorded with an alert. */
  readonly code: Code;
  /** The language's name in itself, shown on the first screen and the language switch. */
  readonly nativeName: string;
  /** A BCP 47 tag for the staff desk's Intl formatting (the reporter's pages use `formats`). */
  readonly locale: string;
  readonly plural: PluralRule;
  readonly formats: LanguageFormats;
  readonly review: ReviewStatus;
  readonly messages: MessageTable<Key>;
};

export type MessageParams = Readonly<Record<string, string | number>>;
