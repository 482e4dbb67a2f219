/// <reference types="vite/client" />
/**
 * The reporter's catalogues, one chunk per language, fetched when the language is chosen
 * (issue 4: the first load stays under 60 KB, and a phone pays only for its own language).
 * The service worker stores every catalogue chunk when it installs (build/shell-plugin.ts
 * precaches the entry's small lazy chunks), so after one visit any language opens offline;
 * without a worker a language needs the network once, and the chooser says so if it fails.
 *
 * Each catalogue comes in two parts (build/split-catalogues.ts): what the home page, the form
 * and the receipt show, fetched when the language is chosen, and the later views' messages
 * (follow-up, voice recorder, outbox), fetched with those views' code (`withLaterMessages`).
 */
import type { Language } from '@kenekanko/contracts';
import { hasCatalogue, language, provideCatalogues, provideMessages } from './catalogues.ts';
import type { PublicKey } from './languages/fr.ts';
import { checkedCatalogue } from './registry.ts';
import type { CatalogueModule } from './registry.ts';
import type { Message } from './types.ts';

const modules = import.meta.glob<CatalogueModule<PublicKey, Language>>(['./languages/*.ts', '!./languages/*.test.ts']);

type LaterModule = { readonly messages?: Readonly<Partial<Record<PublicKey, Message>>> };
const laterModules = import.meta.glob<LaterModule>(['./languages/*.ts', '!./languages/*.test.ts'], { query: '?later' });

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

const laterPending = new Map<Language, Promise<void>>();
/** Set once a later view is wanted: from then on a language switch brings its later part too. */
let laterWanted = false;

/** Fetches `code`'s whole catalogue: its first part, then the later views' messages (once; a failure may be retried). */
export function loadLaterMessages(code: Language): Promise<void> {
  laterWanted = true;
  const path = `./languages/${code}.ts`;
  const load = laterModules[path];
  if (load === undefined) return Promise.reject(new Error(`no catalogue file for '${code}'`));
  const started = laterPending.get(code) ?? loadCatalogue(code).then(async () => provideMessages(code, (await load()).messages ?? {}));
  laterPending.set(code, started);
  started.catch(() => laterPending.delete(code));
  return started;
}

/** A later view's code and its messages in the current language, fetched together. */
export async function withLaterMessages<T>(loadCode: () => Promise<T>): Promise<T> {
  const [value] = await Promise.all([loadCode(), loadLaterMessages(language.value)]);
  return value;
}

/** Switches to `code` once its catalogue is here; until then the page stays in the current one. */
export async function chooseLanguage(code: Language): Promise<void> {
  await loadCatalogue(code);
  // A later view's messages, if one was opened; offline without a worker the switch still happens.
  if (laterWanted) await loadLaterMessages(code).catch(() => undefined);
  language.value = code;
}
