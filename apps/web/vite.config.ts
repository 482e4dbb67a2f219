/**
 * Two pages, two bundles: index.html (the reporter's pages, kept small for 2G/3G) and
 * desk.html (setup and the staff desk). The reporter's entry imports nothing from src/desk,
 * so no desk code reaches a reporter's phone; shared chunks hold only what both use.
 *
 * SECURITY: nothing is inlined into the HTML (no module preload polyfill, no data: assets),
 * so the server's CSP can forbid 'unsafe-inline'; no source maps are published.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import preact from '@preact/preset-vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** In development only, serve desk.html for /desk, /desk/* and /setup, as the server does. */
function deskPagesInDev(): Plugin {
  return {
    name: 'kenekanko-desk-pages',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        if (path === '/desk' || path.startsWith('/desk/') || path === '/setup') req.url = '/desk.html';
        next();
      });
    },
  };
}

// The API server the dev server forwards /api to (`npm run dev` at the root starts it).
const apiTarget = process.env['KENEKANKO_DEV_API'] ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/',
  plugins: [preact(), deskPagesInDev()],
  server: { proxy: { '/api': apiTarget, '/healthz': apiTarget } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // noble's curves need BigInt (and its literals). We serve browsers from 2020 on:
    // Chrome/Android WebView 80+, Firefox 78+ (the ESR Tor Browser was built on), Safari/iOS 14+.
    // Older browsers (Opera Mini, KaiOS 2.5) cannot run the crypto and are not served.
    target: ['es2020', 'chrome80', 'firefox78', 'safari14'],
    modulePreload: { polyfill: false },
    sourcemap: false,
    assetsInlineLimit: 0,
    cssCodeSplit: true,
    rolldownOptions: {
      input: { index: here('./index.html'), desk: here('./desk.html') },
      output: {
        entryFileNames: 'assets/[name]-[hash].js',
        // Chunks shared by both pages hold only what the reporter's page needs as well.
        chunkFileNames: 'assets/shared-[hash].js',
        assetFileNames: (asset) => {
          const name = asset.names[0] ?? '';
          const shared = name.endsWith('.css') && name !== 'index.css' && name !== 'desk.css';
          return shared ? 'assets/shared-[hash][extname]' : 'assets/[name]-[hash][extname]';
        },
      },
    },
  },
});
