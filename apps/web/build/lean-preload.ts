/**
 * Vite wraps every dynamic import of a client build in a helper that preloads the chunk's
 * dependencies and styles (about 4 KB before compression). The reporter's build never has
 * any to preload (modulePreload is off and all styles are in the one stylesheet, so every
 * list Vite passes is empty), so this step swaps the helper for one that just imports,
 * and fails loudly should a dependency list ever appear (a changed setting would then
 * show at once in the browser tests rather than as a chunk silently not loaded).
 */
import type { Plugin } from 'vite';

const HELPER_ID = '\0vite/preload-helper.js';

export const LEAN_PRELOAD_HELPER = `export const __vitePreload = (load, deps) => {
  if (deps && deps.length > 0) throw new Error('lean-preload: a chunk has dependencies to preload; see build/lean-preload.ts');
  return load();
};
`;

export function leanPreload(): Plugin {
  return {
    name: 'kenekanko-lean-preload',
    apply: 'build',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.name === 'client',
    resolveId: (id) => (id === HELPER_ID ? HELPER_ID : null),
    load: (id) => (id === HELPER_ID ? LEAN_PRELOAD_HELPER : null),
  };
}
