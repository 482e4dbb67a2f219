// The error types of the scrub package. Cleaners throw them on input they cannot clean
// safely; `scrub()` catches them and returns `failed` or `unsupported`, so callers never see
// a throw. Messages name structures and offsets only, never bytes of the file: a reason may
// be shown or logged, and the file is a reporter's private evidence.

export const SCRUB_FAILURE_CODES = ['truncated', 'malformed', 'bad-checksum', 'unsupported-feature', 'internal'] as const;

export type ScrubFailureCode = (typeof SCRUB_FAILURE_CODES)[number];

export function isScrubFailureCode(value: unknown): value is ScrubFailureCode {
  return typeof value === 'string' && (SCRUB_FAILURE_CODES as readonly string[]).includes(value);
}

export class ScrubError extends Error {
  override readonly name = 'ScrubError';
  readonly code: ScrubFailureCode;

  constructor(code: ScrubFailureCode, message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * A file of a kind we know that holds something we never pass on as clean: macros, scripts,
 * ActiveX (active content). `scrub()` reports it as `unsupported`, like SVG, so the UI warns.
 */
export class UnsupportedContentError extends Error {
  override readonly name = 'UnsupportedContentError';
}

/** Throws `truncated` unless `length` bytes from `offset` lie inside `bytes`. */
export function requireBytes(bytes: Uint8Array, offset: number, length: number, what: string): void {
  if (offset < 0 || length < 0 || offset + length > bytes.length) {
    throw new ScrubError('truncated', `${what} at offset ${offset} runs past the end of the file`);
  }
}
