/**
 * A finished recording as one of the alert's files. Its name is neutral and numbered
 * (`message-vocal-1.webm`): no date, time or device in it, since the name, though encrypted,
 * is read by everyone who handles the case.
 *
 * SECURITY: the file is 'cleaned' only when a cleaner vouched for every byte. WebM (what
 * Chromium and Firefox record) is cleaned here; any other container goes through the same
 * cleaning as a picked file; what neither can clean is 'uncleanable', which the form shows
 * as a warning and never sends without the reporter's explicit choice.
 */
import { pendingEntry, readAndClean } from '../files/file-entry.ts';
import type { FileEntry } from '../files/file-entry.ts';
import { CONTAINER_FILES, detectContainer } from './recording-format.ts';
import type { Container } from './recording-format.ts';
import { cleanWebm } from './webm-cleaner.ts';

export const VOICE_FILE_PREFIX = 'message-vocal-';

/** One more than the highest voice message number among the files already attached. */
export function nextVoiceNumber(files: readonly { readonly name: string }[]): number {
  const pattern = new RegExp(`^${VOICE_FILE_PREFIX}(\\d+)\\.`);
  const numbers = files.map((file) => Number(pattern.exec(file.name)?.[1] ?? 0));
  return Math.max(0, ...numbers) + 1;
}

export function voiceFileName(number: number, container: Container): string {
  return `${VOICE_FILE_PREFIX}${number}.${CONTAINER_FILES[container].extension}`;
}

export type VoiceFile = {
  readonly entry: FileEntry;
  readonly container: Container;
  /** From the file itself when the cleaner could read it. */
  readonly durationSeconds: number | undefined;
};

/** Cleans a recording and makes it the file entry the attachments list shows and sends. */
export async function voiceFile(bytes: Uint8Array, number: number): Promise<VoiceFile> {
  const container = detectContainer(bytes);
  const name = voiceFileName(number, container);
  const { type } = CONTAINER_FILES[container];
  const { id } = pendingEntry({ name, size: bytes.length });
  const uncleanable: FileEntry = { id, name, size: bytes.length, status: 'uncleanable', bytes, type, sendAnyway: false };
  if (container !== 'webm') {
    const blob = new Blob([new Uint8Array(bytes)], { type });
    const entry = await readAndClean({ id, name, size: bytes.length, status: 'cleaning' }, blob);
    // A picked file that cannot be read is left out; a recording is in hand, so the reporter decides.
    return { entry: entry.status === 'unreadable' ? uncleanable : entry, container, durationSeconds: undefined };
  }
  const cleaned = cleanWebm(bytes);
  if (!cleaned.ok) return { entry: uncleanable, container, durationSeconds: undefined };
  const entry: FileEntry = { id, name, size: cleaned.bytes.length, status: 'cleaned', bytes: cleaned.bytes, type, removed: cleaned.removed };
  return { entry, container, durationSeconds: cleaned.durationSeconds };
}

/** The files with this voice message added, numbered after the ones already there. */
export function addVoiceFile(files: readonly FileEntry[], voice: VoiceFile): readonly FileEntry[] {
  return [...files, { ...voice.entry, name: voiceFileName(nextVoiceNumber(files), voice.container) }];
}
