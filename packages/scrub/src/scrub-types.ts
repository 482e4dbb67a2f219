// Public result types. A new file kind adds its name to SCRUB_KINDS, its magic-byte test to
// detect-kind.ts and one cleaner to the registries in index.ts and load-scrubber.ts; the
// mapped types there make a missing one a type error.

import type { ScrubFailureCode } from './scrub-error.ts';

export const SCRUB_KINDS = [
  'jpeg', 'png', 'gif', 'webp', 'heif', 'avif',
  'pdf', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp',
  'mp3', 'mp4', 'mov', 'm4a', 'wav', 'ogg', 'flac', 'webm',
] as const;

export type ScrubKind = (typeof SCRUB_KINDS)[number];

export function isScrubKind(value: unknown): value is ScrubKind {
  return typeof value === 'string' && (SCRUB_KINDS as readonly string[]).includes(value);
}

/** The media type of a cleaned file of each kind, for the Blob the UI builds from `bytes`. */
export const SCRUB_KIND_MIME_TYPES: { readonly [K in ScrubKind]: string } = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heif: 'image/heif',
  avif: 'image/avif',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  flac: 'audio/flac',
  // Audio or video alike (the voice recorder labels its own recordings audio/webm).
  webm: 'video/webm',
};

export type ScrubResult =
  | {
      readonly status: 'cleaned';
      readonly kind: ScrubKind;
      /** A new array (never a view of the input), backed by a plain ArrayBuffer so it can go into a Blob. */
      readonly bytes: Uint8Array<ArrayBuffer>;
      /** Human-readable, e.g. 'EXIF (GPS, camera)', 'XMP', 'comment', 'trailing data'. */
      readonly removed: readonly string[];
    }
  | { readonly status: 'unsupported'; readonly reason: string }
  | { readonly status: 'failed'; readonly kind: ScrubKind; readonly code: ScrubFailureCode; readonly reason: string };

/** What a cleaner returns; `scrub()` adds the kind. A cleaner signals failure by throwing ScrubError. */
export type CleanOutput = {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly removed: readonly string[];
};

/** Cleans one kind. Throws ScrubError (or UnsupportedContentError) on input it cannot clean safely. */
export type CleanFunction = (bytes: Uint8Array) => CleanOutput;
