/// <reference types="vite/client" />
/**
 * The reporter's catalogues, one chunk per language, fetched when the language is chosen
 * (issue 4: the first load stays under 60 KB, and a phone pays only for its own language).
 * The service worker stores every catalogue chunk when it installs (build/shell-plugin.ts
 * precaches the entry's small lazy chunks), so after one visit any language opens offline;
 * without a worker a language needs the network once, and the chooser says so if it fails.
 */
import type { Language } from '@kenekanko/contracts';
import { hasCatalogue, language, provideCatalogues } from './catalogues.ts';
import type { PublicKey } from './languages/fr.ts';
import { checkedCatalogue } from './registry.ts';
import type { CatalogueModule } from './registry.ts';

const modules = import.meta.glob<CatalogueModule<PublicKey, Language>>(['./languages/*.ts', '!./languages/*.test.ts']);

const pending = new Map<Language, Promise<void>>();

/** Fetches `code`'s catalogue once (a failed fetch may be tried again). */
export function loadCatalogue(code: Language): Promise<void> {
  if (hasCatalogue(code)) return Promise.resolve();
  const path = `./languages/${code}.ts`;
  const load = modules[path];
  if (load === undefined) return Promise.reject(new Error(`no catalogue file for '${code}'`));
  const started = pending.get(code) ?? load().then((module) => provideCatalogues([checkedCatalogue(path, module)]));
  pending.set(code, started);
  started.catch(() => pending.delete(code));
  return started;
}

/** Switches to `code` once its catalogue is here; until then the page stays in the current one. */
export async function chooseLanguage(code: Language): Promise<void> {
  await loadCatalogue(code);
  language.value = code;
}
