/**
 * Gathers the catalogue files into the languages the reporter is offered. It takes the
 * modules as import.meta.glob hands them ({ path: { catalogue } }), so a new file under
 * src/i18n/languages/ is picked up with nothing else to edit. A file must be named for the
 * code it declares (languages/bm.ts declares 'bm'): two files cannot claim one language.
 */
import type { Catalogue } from './types.ts';

export type CatalogueModule<Key extends string, Code extends string> = { readonly catalogue: Catalogue<Key, Code> };

export type LanguageChoice<Code extends string> = { readonly code: Code; readonly nativeName: string };

export type Registry<Key extends string, Code extends string> = {
  /** In the order they are offered. */
  readonly catalogues: readonly Catalogue<Key, Code>[];
  readonly choices: readonly LanguageChoice<Code>[];
  readonly find: (code: string) => Catalogue<Key, Code> | undefined;
};

function fileCode(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.[jt]sx?$/, '');
}

/** The catalogue a file exports, checked: named for its code, twelve months, an `other` plural form. */
export function checkedCatalogue<Key extends string, Code extends string>(path: string, module: CatalogueModule<Key, Code>): Catalogue<Key, Code> {
  const { catalogue } = module;
  if (typeof catalogue !== 'object' || catalogue === null) throw new Error(`${path} exports no \`catalogue\``);
  if (catalogue.code !== fileCode(path)) throw new Error(`${path} declares the code '${catalogue.code}': name the file for its code`);
  if (catalogue.formats.months.length !== 12) throw new Error(`${path} must name twelve months`);
  if (!catalogue.plural.categories.includes('other')) throw new Error(`${path}: every plural rule has the category 'other'`);
  return catalogue;
}

/**
 * `preferred` lists codes to offer first, in that order (French, the working language, then
 * the contracts' order); any other catalogue follows, by code.
 */
export function createRegistry<Key extends string, Code extends string>(
  modules: Readonly<Record<string, CatalogueModule<Key, Code>>>,
  preferred: readonly string[] = [],
): Registry<Key, Code> {
  const rank = (code: string) => {
    const index = preferred.indexOf(code);
    return index === -1 ? preferred.length : index;
  };
  const catalogues = Object.entries(modules)
    .map(([path, module]) => checkedCatalogue(path, module))
    .sort((a, b) => rank(a.code) - rank(b.code) || a.code.localeCompare(b.code));
  return {
    catalogues,
    choices: catalogues.map(({ code, nativeName }) => ({ code, nativeName })),
    find: (code) => catalogues.find((catalogue) => catalogue.code === code),
  };
}
