/**
 * Build step for the reporter's first screen (src/i18n/first-screen.ts): the module
 * `virtual:kenekanko/first-screen` holds each language's native name and "choose your
 * language", and the fallback language's header messages, read from the catalogue files
 * themselves at build time. The reporter's first load thus carries none of the catalogues
 * (each is a chunk fetched when its language is chosen), and adding a language stays one
 * catalogue file.
 */
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import type { Plugin } from 'vite';
import type { FirstScreen } from '../src/i18n/first-screen.ts';
import { firstScreenOf } from '../src/i18n/first-screen.ts';
import type * as allCatalogues from '../src/i18n/all-catalogues.ts';

export const FIRST_SCREEN_MODULE = 'virtual:kenekanko/first-screen';
const RESOLVED = `\0${FIRST_SCREEN_MODULE}`;

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Evaluates the catalogues (through Vite's module runner, as the app would) and keeps what the first screen needs. */
export async function readFirstScreen(): Promise<FirstScreen> {
  const { module } = await runnerImport<typeof allCatalogues>(here('../src/i18n/all-catalogues.ts'), { configFile: false, logLevel: 'error' });
  return firstScreenOf(module.REGISTRY, 'fr');
}

export function firstScreen(): Plugin {
  return {
    name: 'kenekanko-first-screen',
    resolveId: (id) => (id === FIRST_SCREEN_MODULE ? RESOLVED : null),
    async load(id) {
      if (id !== RESOLVED) return null;
      this.addWatchFile(here('../src/i18n/languages'));
      return `export const FIRST_SCREEN = ${JSON.stringify(await readFirstScreen())};\n`;
    },
  };
}
