// Lazy loading for the browser. `scrub()` in index.ts imports every cleaner, pdf-lib and
// fflate included; a page that imports only this module gets detection and a loader, and each
// cleaner arrives in its own chunk (bundlers split at `import()`) when a file of its kind is
// picked. The PDF cleaner is the heavy one (pdf-lib); office documents bring fflate.

import { detectKind } from './detect-kind.ts';
import { runCleaner } from './run-cleaner.ts';
import type { CleanFunction, ScrubKind, ScrubResult } from './scrub-types.ts';
import { unsupportedReason } from './unsupported-reason.ts';

const LOADERS: { readonly [K in ScrubKind]: () => Promise<CleanFunction> } = {
  jpeg: () => import('./jpeg-scrub.ts').then((m) => m.cleanJpeg),
  png: () => import('./png-scrub.ts').then((m) => m.cleanPng),
  gif: () => import('./gif-scrub.ts').then((m) => m.cleanGif),
  webp: () => import('./webp-scrub.ts').then((m) => m.cleanWebp),
  heif: () => import('./heif-scrub.ts').then((m) => m.cleanHeif),
  avif: () => import('./heif-scrub.ts').then((m) => m.cleanHeif),
  pdf: () => import('./pdf-scrub.ts').then((m) => m.cleanPdf),
  docx: () => import('./ooxml-scrub.ts').then((m) => m.cleanOoxml),
  xlsx: () => import('./ooxml-scrub.ts').then((m) => m.cleanOoxml),
  pptx: () => import('./ooxml-scrub.ts').then((m) => m.cleanOoxml),
  odt: () => import('./odf-scrub.ts').then((m) => m.cleanOdf),
  ods: () => import('./odf-scrub.ts').then((m) => m.cleanOdf),
  odp: () => import('./odf-scrub.ts').then((m) => m.cleanOdf),
  mp3: () => import('./mp3-scrub.ts').then((m) => m.cleanMp3),
  mp4: () => import('./mp4-scrub.ts').then((m) => m.cleanMp4),
  mov: () => import('./mp4-scrub.ts').then((m) => m.cleanMp4),
  m4a: () => import('./mp4-scrub.ts').then((m) => m.cleanMp4),
  wav: () => import('./wav-scrub.ts').then((m) => m.cleanWav),
  ogg: () => import('./ogg-scrub.ts').then((m) => m.cleanOgg),
  flac: () => import('./flac-scrub.ts').then((m) => m.cleanFlac),
  webm: () => import('./webm-scrub.ts').then((m) => m.cleanWebm),
};

/**
 * Loads the cleaner for `kind`. The promise resolves to a function with scrub()'s contract
 * (never throws); it rejects only if the code itself cannot be fetched (offline, say).
 */
export async function loadScrubber(kind: ScrubKind): Promise<(bytes: Uint8Array) => ScrubResult> {
  const clean = await LOADERS[kind]();
  return (bytes) => runCleaner(kind, clean, bytes);
}

/** Detects the kind, loads its cleaner and cleans. Never rejects: a cleaner that cannot be loaded gives `failed`. */
export async function scrubLazily(bytes: Uint8Array): Promise<ScrubResult> {
  if (!(bytes instanceof Uint8Array)) return { status: 'unsupported', reason: 'input is not a byte array' };
  const kind = detectKind(bytes);
  if (kind === undefined) return { status: 'unsupported', reason: unsupportedReason(bytes) };
  try {
    return (await loadScrubber(kind))(bytes);
  } catch {
    return { status: 'failed', kind, code: 'internal', reason: 'the cleaner for this kind of file could not be loaded' };
  }
}

export { detectKind };
