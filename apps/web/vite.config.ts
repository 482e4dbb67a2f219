/**
 * Two pages, two separate builds: index.html (the reporter's pages, kept small for 2G/3G)
 * and desk.html (setup and the staff desk); a third, stats.html, is the small public statistics
 * page (/stats). Each has its own module graph, so tree-shaking
 * keeps in the reporter's bundle only what the reporter's pages use, and no chunk is shared
 * with the desk: the reporter's first load is one script and one stylesheet
 * (docs/adr/0006-offline-reporter.md). Code only some reporters need (file cleaners, the
 * follow-up, each language's catalogue) is split into chunks loaded on demand; the first
 * screen's few words come from build/first-screen-plugin.ts.
 *
 * The reporter's build also writes its offline shell (build/shell-plugin.ts): /sw.js, the web
 * manifest and its icons.
 *
 * SECURITY: nothing is inlined into the HTML (no module preload polyfill, no data: assets),
 * so the server's CSP can forbid 'unsafe-inline'; no source maps are published.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import type { BuildEnvironmentOptions, Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { firstScreen } from './build/first-screen-plugin.ts';
import { foldApiErrorsPlugin } from './build/fold-api-errors.ts';
import { leanPreload } from './build/lean-preload.ts';
import { offlineShell } from './build/shell-plugin.ts';
import { splitCatalogues } from './build/split-catalogues.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** In development only, serve desk.html for /desk, /desk/* and /setup, as the server does. */
function deskPagesInDev(): Plugin {
  return {
    name: 'kenekanko-desk-pages',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        if (path === '/desk' || path.startsWith('/desk/') || path === '/setup') req.url = '/desk.html';
        if (path === '/stats') req.url = '/stats.html';
        next();
      });
    },
  };
}

// The API server the dev server forwards /api to (`npm run dev` at the root starts it).
const apiTarget = process.env['KENEKANKO_DEV_API'] ?? 'http://127.0.0.1:8080';

// noble's curves need BigInt (and its literals). We serve browsers from 2020 on:
// Chrome/Android WebView 80+, Firefox 78+ (the ESR Tor Browser was built on), Safari/iOS 14+.
// Older browsers (Opera Mini, KaiOS 2.5) cannot run the crypto and are not served.
const TARGET = ['es2020', 'chrome80', 'firefox78', 'safari14'];

/** One page's build; `page` names its entry, its files and its chunks. */
function pageBuild(page: 'index' | 'desk' | 'stats', emptyOutDir: boolean): BuildEnvironmentOptions {
  return {
    // No outDir here: the top-level one (default 'dist') applies, so `vite build --outDir …`
    // builds elsewhere (the browser tests build into their own folder while another build runs).
    emptyOutDir,
    assetsDir: 'assets',
    target: TARGET,
    // No module preload: a lazy chunk's only import is the entry, already loaded.
    modulePreload: false,
    sourcemap: false,
    assetsInlineLimit: 0,
    // One stylesheet per page: on 2G every request costs a round trip and its headers.
    cssCodeSplit: false,
    rolldownOptions: {
      input: { [page]: here(`./${page}.html`) },
      output: {
        entryFileNames: `assets/${page}-[hash].js`,
        chunkFileNames: `assets/${page}-[hash].js`,
        assetFileNames: `assets/${page}-[hash][extname]`,
      },
    },
  };
}

export default defineConfig({
  base: '/',
  plugins: [preact(), deskPagesInDev(), firstScreen(), splitCatalogues(), foldApiErrorsPlugin(), leanPreload(), offlineShell(TARGET)],
  server: { proxy: { '/api': apiTarget, '/healthz': apiTarget } },
  // `vite build` builds all three, the reporter first (it empties dist/), then the desk and the public statistics beside it.
  builder: {
    async buildApp(builder) {
      await builder.build(builder.environments['client'] ?? missing('client'));
      await builder.build(builder.environments['desk'] ?? missing('desk'));
      await builder.build(builder.environments['stats'] ?? missing('stats'));
    },
  },
  environments: {
    client: { build: pageBuild('index', true) },
    desk: { consumer: 'client', build: pageBuild('desk', false) },
    // The public statistics page (stats.html, /stats): its own small build, nothing shared.
    stats: { consumer: 'client', build: pageBuild('stats', false) },
  },
});

function missing(name: string): never {
  throw new Error(`no ${name} environment`);
}
