/**
 * Handing decrypted attachments to staff without letting them run. SECURITY (DESIGN §2:
 * active content is never rendered inline): downloads are always typed
 * application/octet-stream, so the browser never opens an HTML, SVG or PDF file itself; only
 * JPEG and PNG may be previewed, and only when the declared type and the file's magic bytes
 * agree, through an <img> (which never runs scripts) from a blob: URL of this page.
 */
import { detectKind } from '@kenekanko/scrub';
import type { ScrubKind } from '@kenekanko/scrub';
import type { AttachmentRef } from '@kenekanko/contracts';

// Only these kinds are ever previewed; every other kind the scrubber knows is download-only.
const PREVIEW_TYPES: { readonly [K in ScrubKind]?: 'image/jpeg' | 'image/png' } = { jpeg: 'image/jpeg', png: 'image/png' };

/** Whether to offer a preview before downloading: the declared type must be a previewable image. */
export function mayPreview(ref: AttachmentRef): boolean {
  return (Object.values(PREVIEW_TYPES) as string[]).includes(ref.type);
}

/** The image type to preview these bytes as, or null when they must only be downloaded. */
export function previewType(ref: AttachmentRef, bytes: Uint8Array): 'image/jpeg' | 'image/png' | null {
  const kind = detectKind(bytes);
  if (kind === undefined) return null;
  const type = PREVIEW_TYPES[kind];
  return type !== undefined && ref.type === type ? type : null;
}

const MAX_NAME = 120;
const RESERVED = new Set('<>:"|?*');

/** Control characters, and the direction marks that can disguise an extension (U+202E turns "gpj.exe" around). */
function isUnsafeChar(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
  const direction = code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
  return control || direction || RESERVED.has(char);
}

/** A file name safe to suggest for saving: no path, no control or reserved characters, no hidden file. */
export function safeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = [...base]
    .filter((char) => !isUnsafeChar(char))
    .join('')
    .replace(/^[.\s]+/, '')
    .trim();
  return cleaned === '' ? 'attachment' : cleaned.slice(-MAX_NAME);
}

/** The same bytes as a Blob part, without copying (Blob refuses views of a SharedArrayBuffer). */
function blobPart(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes.slice();
}

/** Saves decrypted bytes as a download (never opened by the browser). */
export function saveBytes(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([blobPart(bytes)], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = safeFileName(name);
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by then; the URL must not outlive its use.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A blob: URL for an <img> preview; the caller revokes it when the preview goes away. */
export function previewUrl(bytes: Uint8Array, type: 'image/jpeg' | 'image/png'): string {
  return URL.createObjectURL(new Blob([blobPart(bytes)], { type }));
}
