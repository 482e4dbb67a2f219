/**
 * The shape of a translation catalogue. A catalogue is plain data in one file per language,
 * so adding a language (Bambara, Songhay, …) is one new file that the type checker and the
 * completeness test hold to the French one.
 */

/** Plural forms as Intl.PluralRules names them; `other` is the one every language has. */
export type PluralMessage = {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
};

/** A message is text with `{name}` placeholders, or plural forms chosen by the `count` parameter. */
export type Message = string | PluralMessage;

export type MessageTable<Key extends string> = { readonly [K in Key]: Message };

export type Catalogue<Key extends string> = {
  /** BCP 47 tag for Intl (dates, numbers, plural rules). */
  readonly locale: string;
  /** The language's name in itself, shown on the language switch. */
  readonly nativeName: string;
  readonly messages: MessageTable<Key>;
};

export type MessageParams = Readonly<Record<string, string | number>>;
