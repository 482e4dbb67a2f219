/**
 * Build step for the reporter: each catalogue takes the server's error texts in its language
 * from @kenekanko/contracts (`...apiErrorMessages('fr')`, src/i18n/api-errors.ts), which holds
 * them for every language at once. Here the call is replaced, in the reporter's build, by the
 * texts of that one language, so a French phone downloads the French error texts with the
 * French catalogue and nothing of the table itself (about 3 KB compressed, and growing with
 * every code). The desk and the tests run the call as written; the result is the same object.
 */
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import type { Plugin } from 'vite';
import type * as apiErrors from '../src/i18n/api-errors.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const CALL = /apiErrorMessages\((['"])(fr|en)\1\)/g;

/**
 * Replaces every `apiErrorMessages('<lang>')` in `code` with the object it returns; for the
 * reporter's page only the codes its routes can answer (REPORTER_ERROR_CODES).
 */
export async function foldApiErrors(code: string, reporterOnly = false): Promise<string> {
  if (!code.includes('apiErrorMessages(')) return code;
  const { module } = await runnerImport<typeof apiErrors>(here('../src/i18n/api-errors.ts'), { configFile: false, logLevel: 'error' });
  const only = reporterOnly ? module.REPORTER_ERROR_CODES : undefined;
  return code.replace(CALL, (_whole, _quote, language: 'fr' | 'en') => `(${JSON.stringify(module.apiErrorMessages(language, only))})`);
}

/** Whether a build's input is the reporter's page (index.html), not the desk's. */
function buildsReporterPage(input: unknown): boolean {
  return JSON.stringify(input ?? null).includes('index.html');
}

export function foldApiErrorsPlugin(): Plugin {
  return {
    name: 'kenekanko-fold-api-errors',
    apply: 'build',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.name === 'client',
    async transform(code, id) {
      if (!/\/src\/i18n\/languages\/[\w-]+\.ts$/.test(id)) return null;
      const folded = await foldApiErrors(code, buildsReporterPage(this.environment.config.build.rollupOptions.input));
      return folded === code ? null : { code: folded, map: null };
    },
  };
}
