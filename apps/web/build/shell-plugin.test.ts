import { describe, expect, it } from 'vitest';
import type { Rollup } from 'vite';
import { precacheFiles, reporterFiles } from './shell-plugin.ts';

type ChunkShape = { fileName: string; name: string; isEntry: boolean; imports: string[]; dynamicImports: string[]; css?: string[] };

function bundleOf(chunks: readonly ChunkShape[]): Rollup.OutputBundle {
  const entries = chunks.map((c) => [
    c.fileName,
    { type: 'chunk', fileName: c.fileName, name: c.name, isEntry: c.isEntry, imports: c.imports, dynamicImports: c.dynamicImports, code: '', viteMetadata: { importedCss: new Set(c.css ?? []), importedAssets: new Set() } },
  ]);
  // Only the fields reporterFiles reads are given; the cast stands for the rest of Rollup's shape.
  return Object.fromEntries(entries) as unknown as Rollup.OutputBundle;
}

describe('reporterFiles', () => {
  it('lists the entry, what it imports now or later, and their styles, and nothing else', () => {
    const bundle = bundleOf([
      { fileName: 'assets/index-1.js', name: 'index', isEntry: true, imports: [], dynamicImports: ['assets/index-2.js'], css: ['assets/index-1.css'] },
      { fileName: 'assets/index-2.js', name: 'follow-up', isEntry: false, imports: ['assets/index-1.js'], dynamicImports: ['assets/index-3.js'] },
      { fileName: 'assets/index-3.js', name: 'cleaners', isEntry: false, imports: [], dynamicImports: [] },
      { fileName: 'assets/other-4.js', name: 'unreached', isEntry: false, imports: [], dynamicImports: [] },
    ]);
    expect(reporterFiles(bundle)).toEqual(['assets/index-1.css', 'assets/index-1.js', 'assets/index-2.js', 'assets/index-3.js']);
  });

  it('refuses a bundle without the reporter entry', () => {
    expect(() => reporterFiles(bundleOf([{ fileName: 'assets/desk-1.js', name: 'desk', isEntry: true, imports: [], dynamicImports: [] }]))).toThrow(/no entry/);
  });

  it('precaches the entry and its small lazy chunks, not a large one nor what only it imports', () => {
    const bundle = bundleOf([
      { fileName: 'assets/index-1.js', name: 'index', isEntry: true, imports: ['assets/index-0.js'], dynamicImports: ['assets/index-2.js', 'assets/index-3.js'], css: ['assets/index-1.css'] },
      { fileName: 'assets/index-0.js', name: 'vendor', isEntry: false, imports: [], dynamicImports: [] },
      { fileName: 'assets/index-2.js', name: 'follow-up', isEntry: false, imports: ['assets/index-1.js'], dynamicImports: [] },
      { fileName: 'assets/index-3.js', name: 'cleaners', isEntry: false, imports: [], dynamicImports: ['assets/index-4.js'] },
      { fileName: 'assets/index-4.js', name: 'pdf', isEntry: false, imports: [], dynamicImports: [] },
    ]);
    const sizes: Record<string, number> = { 'assets/index-3.js': 400_000 };
    expect(precacheFiles(bundle, (file) => sizes[file] ?? 1_000)).toEqual(['assets/index-0.js', 'assets/index-1.css', 'assets/index-1.js', 'assets/index-2.js']);
  });
});
