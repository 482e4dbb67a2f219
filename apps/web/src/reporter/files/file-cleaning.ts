/**
 * Metadata removal for a picked file, split from file-entry.ts so that the cleaners
 * (@kenekanko/scrub) load only when a reporter picks a file (readAndClean imports this
 * module on demand): a text alert never downloads them. Each kind's cleaner is its own
 * chunk (`@kenekanko/scrub/lazy`), so a photo never pulls in the PDF library.
 */
import { SCRUB_KIND_MIME_TYPES } from '@kenekanko/scrub';
import { detectKind, loadScrubber } from '@kenekanko/scrub/lazy';
import type { ScrubResult } from '@kenekanko/scrub';
import { assertNever } from '../../shared/assert-never.ts';
import { MAX_FILE_BYTES } from './file-entry.ts';
import type { FileEntry } from './file-entry.ts';

/** Cleans the bytes of a picked file. Pure apart from scrub; the caller reads the file. */
export async function cleanEntry(
  pending: FileEntry,
  bytes: Uint8Array,
  declaredType: string,
  maxBytes: number = MAX_FILE_BYTES,
): Promise<FileEntry> {
  const { id, name, size } = pending;
  if (bytes.length > maxBytes) return { id, name, size, status: 'too-large' };
  const kind = detectKind(bytes);
  let result: ScrubResult = { status: 'unsupported', reason: 'this kind of file cannot be cleaned' };
  if (kind !== undefined) {
    try {
      result = (await loadScrubber(kind))(bytes);
    } catch {
      // This kind's cleaner was never fetched and cannot be now: say so, never send the file uncleaned.
      return { id, name, size, status: 'needs-network' };
    }
  }
  switch (result.status) {
    case 'cleaned':
      return { id, name, size: result.bytes.length, status: 'cleaned', bytes: result.bytes, type: SCRUB_KIND_MIME_TYPES[result.kind], removed: result.removed };
    case 'unsupported':
    case 'failed':
      return { id, name, size, status: 'uncleanable', bytes, type: declaredType || 'application/octet-stream', sendAnyway: false };
    default:
      return assertNever(result);
  }
}
