import { build } from 'vite';
import type { Plugin } from 'vite';
import { brotliCompressSync } from 'node:zlib';
const report: Plugin = { name: 'sizes', generateBundle(_o, bundle) {
  for (const f of Object.values(bundle)) if (f.type === 'chunk' && f.isEntry && f.name === 'index') {
    const rows = Object.entries(f.modules).map(([id, m]) => [brotliCompressSync(Buffer.from(m.code ?? '')).length, m.renderedLength, id.replace(/.*\/work\/main\//, '')] as const).sort((a, b) => b[0] - a[0]);
    let total = 0; for (const [n] of rows) total += n; console.log('total br (separately)', total, 'chunk br', brotliCompressSync(Buffer.from(f.code)).length);
    for (const [n, r, id] of rows.slice(0, 40)) console.log(String(n).padStart(6), String(r).padStart(7), id);
  } } };
await build({ configFile: './vite.config.ts', logLevel: 'silent', plugins: [report], build: { write: false } as never });
