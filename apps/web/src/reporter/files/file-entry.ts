/**
 * A file the reporter picked, after metadata removal. Files are cleaned as soon as they are
 * chosen, so the reporter sees what was removed, or is warned, before anything is sent.
 *
 * SECURITY: a file we could not clean is never sent silently: it stays 'uncleanable' and
 * blocks sending until the reporter explicitly chooses to send it anyway or removes it.
 * The original bytes of a cleaned file are dropped at once; only the cleaned copy is kept.
 */
import type { DraftFile } from '@kenekanko/client';

/** The server's default per-file cap (IntakeResponse.limits.maxFileBytes); it refuses larger files itself. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export type FileEntry = { readonly id: number; readonly name: string; readonly size: number } & (
  | { readonly status: 'cleaning' }
  | { readonly status: 'cleaned'; readonly bytes: Uint8Array; readonly type: string; readonly removed: readonly string[] }
  | { readonly status: 'uncleanable'; readonly bytes: Uint8Array; readonly type: string; readonly sendAnyway: boolean }
  | { readonly status: 'too-large' }
  | { readonly status: 'unreadable' }
  /** Its kind's cleaner was never fetched and the network is gone: left out, and the reporter is told to add it later. */
  | { readonly status: 'needs-network' }
);

let nextId = 1;

export function pendingEntry(file: { readonly name: string; readonly size: number }): FileEntry {
  return { id: nextId++, name: file.name, size: file.size, status: 'cleaning' };
}

export async function readAndClean(pending: FileEntry, file: Blob, maxBytes: number = MAX_FILE_BYTES): Promise<FileEntry> {
  // Refuse before reading, so a huge file never sits in a small phone's memory.
  if (file.size > maxBytes) return { id: pending.id, name: pending.name, size: pending.size, status: 'too-large' };
  const { id, name, size } = pending;
  // The cleaners load on the first file picked: a text alert never downloads them.
  const [code, bytes] = await Promise.allSettled([import('./file-cleaning.ts'), file.arrayBuffer()]);
  if (bytes.status === 'rejected') return { id, name, size, status: 'unreadable' };
  // Offline, without the service worker's cache: cleaning needs the network once, to fetch the code.
  if (code.status === 'rejected') return { id, name, size, status: 'needs-network' };
  try {
    return await code.value.cleanEntry(pending, new Uint8Array(bytes.value), file.type, maxBytes);
  } catch {
    return { id, name, size, status: 'unreadable' };
  }
}

export type FilesProblem = 'pending' | 'undecided' | 'too-large' | null;

/** Why these files cannot be sent yet, if they cannot. Unreadable files and those waiting for the network are left out (and say so). */
export function filesProblem(entries: readonly FileEntry[]): FilesProblem {
  if (entries.some((entry) => entry.status === 'cleaning')) return 'pending';
  if (entries.some((entry) => entry.status === 'too-large')) return 'too-large';
  if (entries.some((entry) => entry.status === 'uncleanable' && !entry.sendAnyway)) return 'undecided';
  return null;
}

/** The files to send; call only when filesProblem() is null. */
export function toDraftFiles(entries: readonly FileEntry[]): DraftFile[] {
  const files: DraftFile[] = [];
  for (const entry of entries) {
    if (entry.status === 'cleaned') files.push({ name: entry.name, type: entry.type, bytes: entry.bytes, scrub: 'cleaned' });
    if (entry.status === 'uncleanable' && entry.sendAnyway) {
      files.push({ name: entry.name, type: entry.type, bytes: entry.bytes, scrub: 'not-cleaned' });
    }
  }
  return files;
}
