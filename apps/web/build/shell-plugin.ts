/**
 * Build step for the installable, offline reporter (docs/adr/0006-offline-reporter.md):
 * after Vite has written the bundle, list every file the reporter's page can load (its entry,
 * the chunks it imports now or later, their styles), bundle the hand-written service worker
 * with that list into /sw.js, and emit the web manifest and its two icons.
 *
 * Nothing of the desk is listed: the worker never caches staff pages or their code.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Plugin, Rollup } from 'vite';
import type { ShellManifest } from '../src/reporter/offline/shell-rules.ts';
import { appIconPng } from './app-icon.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const THEME_COLOUR = '#0b5a46';
export const ICON_SIZES = [192, 512] as const;

type Bundle = Rollup.OutputBundle;

/**
 * Lazy chunks larger than this are cached when first used rather than when the worker
 * installs: the file cleaners weigh more than the whole form, and a phone on 2G should not
 * pay for them unless its owner attaches a file.
 */
export const PRECACHE_MAX_BYTES = 32 * 1024;

/** The reporter's files: the entry chunk of index.html and everything it can reach. */
export function reporterFiles(bundle: Bundle, entryName = 'index'): string[] {
  const chunks = Object.values(bundle).filter((file): file is Rollup.OutputChunk => file.type === 'chunk');
  const entry = chunks.find((chunk) => chunk.isEntry && chunk.name === entryName);
  if (entry === undefined) throw new Error(`no entry chunk named ${entryName}`);
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const files = new Set<string>();
  const visit = (chunk: Rollup.OutputChunk) => {
    if (files.has(chunk.fileName)) return;
    files.add(chunk.fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
    for (const asset of chunk.viteMetadata?.importedAssets ?? []) files.add(asset);
    for (const next of [...chunk.imports, ...chunk.dynamicImports]) {
      const found = byName.get(next);
      if (found !== undefined) visit(found);
    }
  };
  visit(entry);
  return [...files].sort();
}

function webManifest(): string {
  return JSON.stringify({
    name: 'Kenekanko',
    short_name: 'Kenekanko',
    lang: 'fr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#f4f5f2',
    theme_color: THEME_COLOUR,
    icons: ICON_SIZES.map((size) => ({ src: `/icons/icon-${size}.png`, sizes: `${size}x${size}`, type: 'image/png', purpose: 'any maskable' })),
  });
}

/** A chunk and what it imports statically, with their styles. */
function withStaticImports(chunks: readonly Rollup.OutputChunk[], root: Rollup.OutputChunk, into: Set<string>): void {
  if (into.has(root.fileName)) return;
  into.add(root.fileName);
  for (const css of root.viteMetadata?.importedCss ?? []) into.add(css);
  for (const next of root.imports) {
    const found = chunks.find((other) => other.fileName === next);
    if (found !== undefined) withStaticImports(chunks, found, into);
  }
}

/**
 * What the worker stores at install: the entry with its static imports (the page cannot start
 * without them), and the lazy chunks the entry imports directly when they are small (the
 * follow-up, the outbox, the voice recorder) with theirs. A large one (the file cleaners) and
 * what only it imports are stored when first fetched.
 */
export function precacheFiles(bundle: Bundle, size: (file: string) => number, entryName = 'index'): string[] {
  const chunks = Object.values(bundle).filter((output): output is Rollup.OutputChunk => output.type === 'chunk');
  const entry = chunks.find((chunk) => chunk.isEntry && chunk.name === entryName);
  if (entry === undefined) throw new Error(`no entry chunk named ${entryName}`);
  const files = new Set<string>();
  withStaticImports(chunks, entry, files);
  for (const lazy of entry.dynamicImports) {
    const chunk = chunks.find((other) => other.fileName === lazy);
    if (chunk !== undefined && size(lazy) <= PRECACHE_MAX_BYTES) withStaticImports(chunks, chunk, files);
  }
  return [...files].sort();
}

async function serviceWorkerCode(manifest: ShellManifest, target: string[]): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    define: { __KENEKANKO_SHELL__: JSON.stringify(manifest) },
    build: {
      write: false,
      target,
      minify: true,
      sourcemap: false,
      lib: { entry: here('../src/reporter/offline/service-worker.ts'), formats: ['iife'], name: 'kenekankoServiceWorker', fileName: () => 'sw.js' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((output) => output.output).find((file) => file.type === 'chunk');
  if (chunk === undefined || chunk.type !== 'chunk') throw new Error('the service worker did not build');
  return chunk.code;
}

export function offlineShell(target: string[]): Plugin {
  return {
    name: 'kenekanko-offline-shell',
    apply: 'build',
    // After Vite's own HTML step, so the page is in the bundle to be hashed.
    enforce: 'post',
    // Only the reporter's build (Vite's 'client' environment) has a shell; the desk's has none.
    applyToEnvironment: (environment) => environment.name === 'client',
    async generateBundle(_options, bundle) {
      const files = reporterFiles(bundle);
      const assets = files.map((file) => `/${file}`);
      const size = (file: string) => {
        const output = bundle[file];
        if (output === undefined) return 0;
        return output.type === 'chunk' ? output.code.length : typeof output.source === 'string' ? output.source.length : output.source.byteLength;
      };
      const precache = precacheFiles(bundle, size).map((file) => `/${file}`);
      const page = bundle['index.html'];
      const pageSource = page?.type === 'asset' ? String(page.source) : '';
      const id = createHash('sha256').update(JSON.stringify(assets)).update(pageSource).digest('hex').slice(0, 16);
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: await serviceWorkerCode({ build: id, assets, precache }, target) });
      this.emitFile({ type: 'asset', fileName: 'manifest.webmanifest', source: webManifest() });
      for (const pixels of ICON_SIZES) this.emitFile({ type: 'asset', fileName: `icons/icon-${pixels}.png`, source: appIconPng(pixels) });
    },
  };
}
