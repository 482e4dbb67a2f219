// The ZIP container of office documents (OOXML and ODF): every entry inflated and checked
// against its size and CRC, and written back deterministically (zip-archive.ts). Shared by
// ooxml-scrub.ts and odf-scrub.ts; the only module besides them that needs fflate.

import { deflateSync, inflateSync } from 'fflate';
import { ScrubError } from './scrub-error.ts';
import { checkEntry, readZipForCleaning, writeZip } from './zip-archive.ts';

export type Part = { readonly name: string; readonly data: Uint8Array; readonly stored: boolean };

// SECURITY: a ZIP bomb must not exhaust a phone's memory: the declared sizes are summed before
// anything is inflated, and each entry inflates into a buffer of its declared size only.
const MAX_TOTAL_SIZE = 512 * 1024 * 1024;

export function readParts(bytes: Uint8Array): Part[] {
  const entries = readZipForCleaning(bytes);
  if (entries.reduce((sum, e) => sum + e.size, 0) > MAX_TOTAL_SIZE) {
    throw new ScrubError('unsupported-feature', 'the document expands to more than 512 MiB');
  }
  return entries.map((e): Part => {
    const raw = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    let data: Uint8Array;
    try {
      data = e.method === 0 ? raw : inflateSync(raw, { out: new Uint8Array(e.size) });
    } catch (error) {
      throw new ScrubError('malformed', 'a compressed entry of the archive is damaged', { cause: error });
    }
    checkEntry(e, data);
    return { name: e.name, data, stored: e.method === 0 };
  });
}

/** Writes `parts` in order; those marked `stored` stay uncompressed (ODF's mimetype must). */
export function writeParts(parts: readonly Part[]): Uint8Array<ArrayBuffer> {
  return writeZip(parts.map((p) => ({ name: p.name, data: p.data, compressed: p.stored ? undefined : deflateSync(p.data, { level: 6 }) })));
}

const utf8 = new TextDecoder('utf-8', { fatal: false });
const encoder = new TextEncoder();

/** An XML part as text; UTF-16 parts (allowed, never seen from Office) are refused. */
export function partText(part: Part): string {
  if ((part.data[0] === 0xff && part.data[1] === 0xfe) || (part.data[0] === 0xfe && part.data[1] === 0xff)) {
    throw new ScrubError('unsupported-feature', 'an XML part of the document is UTF-16');
  }
  return utf8.decode(part.data);
}

export function textPart(name: string, text: string, stored = false): Part {
  return { name, data: encoder.encode(text), stored };
}

/** `part` with `edit` applied to its text; the original bytes when the edit changed nothing. */
export function editPart(part: Part, edit: (text: string) => string): Part {
  const before = partText(part);
  const after = edit(before);
  return after === before ? part : textPart(part.name, after, part.stored);
}
