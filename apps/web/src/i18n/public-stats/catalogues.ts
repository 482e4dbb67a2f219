/// <reference types="vite/client" />
/**
 * The public statistics page's translator. French is in the page's script (the default, and
 * the fallback of any missing message); English and Bambara are chunks fetched when chosen,
 * so a reader pays only for the language they read. A new language is one more file here
 * named for its code (the catalogue tests hold it to French).
 *
 * SECURITY: the language is kept in memory and in the page's address fragment (#lang=…),
 * which the browser never sends; a language's chunk is the same file for everyone who reads
 * it, so fetching it tells only that someone reads that language. Nothing is stored.
 */
import { signal } from '@preact/signals';
import { LANGUAGES } from '@kenekanko/contracts';
import type { Language } from '@kenekanko/contracts';
import { checkedCatalogue } from '../registry.ts';
import type { CatalogueModule } from '../registry.ts';
import { createTranslator } from '../translate.ts';
import type { Catalogue } from '../types.ts';
import { catalogue as french } from './fr.ts';
import type { PublicStatsKey } from './fr.ts';

type StatsCatalogue = Catalogue<PublicStatsKey, Language>;

const modules = import.meta.glob<CatalogueModule<PublicStatsKey, Language>>(['./*.ts', '!./fr.ts', '!./catalogues.ts', '!./*.test.ts']);

/** Every language the page is written in, in the contracts' order (French first). */
export const STATS_LANGUAGES: readonly Language[] = LANGUAGES.filter((code) => code === 'fr' || modules[`./${code}.ts`] !== undefined);

export const statsLanguage = signal<Language>('fr');
const loaded = signal<Readonly<Partial<Record<Language, StatsCatalogue>>>>({ fr: french });

export const { t, formats } = createTranslator(() => loaded.value, statsLanguage, 'fr');

/** Switches to `code` once its catalogue is here (fetched once); an unknown code is refused. */
export async function chooseStatsLanguage(code: Language): Promise<void> {
  if (loaded.value[code] === undefined) {
    const path = `./${code}.ts`;
    const load = modules[path];
    if (load === undefined) throw new Error(`no public statistics catalogue for '${code}'`);
    const catalogue = checkedCatalogue(path, await load());
    loaded.value = { ...loaded.value, [code]: catalogue };
  }
  statsLanguage.value = code;
}

/** Each language's own name, for the switch. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { fr: 'Français', en: 'English', bm: 'Bamanankan' };
