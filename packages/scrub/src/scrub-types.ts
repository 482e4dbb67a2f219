// Public result types. A new file kind adds its name to SCRUB_KINDS and one cleaner to the
// registry in index.ts; the mapped type there makes a missing cleaner a type error.

import type { ScrubFailureCode } from './scrub-error.ts';

export const SCRUB_KINDS = ['jpeg', 'png'] as const;

export type ScrubKind = (typeof SCRUB_KINDS)[number];

export function isScrubKind(value: unknown): value is ScrubKind {
  return typeof value === 'string' && (SCRUB_KINDS as readonly string[]).includes(value);
}

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

export type Cleaner = {
  /** True when the magic bytes say this kind. Must not throw, must not look at anything but bytes. */
  readonly detect: (bytes: Uint8Array) => boolean;
  readonly clean: (bytes: Uint8Array) => CleanOutput;
};
