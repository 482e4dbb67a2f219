/**
 * A finished recording as one of the alert's files. Its name is neutral and numbered
 * (`message-vocal-1.webm`): no date, time or device in it, since the name, though encrypted,
 * is read by everyone who handles the case.
 *
 * SECURITY: the file is 'cleaned' only when a cleaner vouched for every byte. Every container
 * goes through the same cleaning as a picked file (@kenekanko/scrub, WebM included: what
 * Chromium and Firefox record); what it cannot clean is 'uncleanable', which the form shows
 * as a warning and never sends without the reporter's explicit choice.
 */
import { webmDurationSeconds } from '@kenekanko/scrub/webm-layout';
import { pendingEntry, readAndClean } from '../files/file-entry.ts';
import type { FileEntry } from '../files/file-entry.ts';
import { CONTAINER_FILES, detectContainer } from './recording-format.ts';
import type { Container } from './recording-format.ts';

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
  const blob = new Blob([new Uint8Array(bytes)], { type });
  const entry = await readAndClean({ id, name, size: bytes.length, status: 'cleaning' }, blob);
  switch (entry.status) {
    case 'cleaned':
      // The container's audio type, whatever the cleaner's kind calls it (a WebM may be video).
      return { entry: { ...entry, type }, container, durationSeconds: container === 'webm' ? durationOf(entry.bytes) : undefined };
    case 'uncleanable':
      return { entry: { ...entry, type }, container, durationSeconds: undefined };
    default:
      // A picked file that cannot be read is left out; a recording is in hand, so the reporter decides.
      return { entry: uncleanable, container, durationSeconds: undefined };
  }
}

function durationOf(bytes: Uint8Array): number | undefined {
  try {
    return webmDurationSeconds(bytes);
  } catch {
    return undefined; // the clock's reading is shown instead
  }
}

/**
 * Fetches the cleaner for what this browser records as soon as the recorder opens, so a
 * recording made after the network dropped can still be cleaned (it is in the offline cache
 * with the service worker; without it, this is the moment the network is still there).
 */
export function prefetchVoiceCleaner(): void {
  void import('../files/file-cleaning.ts')
    .then(() => import('@kenekanko/scrub/lazy'))
    .then((scrub) => Promise.all((['webm', 'ogg', 'm4a'] as const).map((kind) => scrub.loadScrubber(kind))))
    .catch(() => undefined);
}

/** The files with this voice message added, numbered after the ones already there. */
export function addVoiceFile(files: readonly FileEntry[], voice: VoiceFile): readonly FileEntry[] {
  return [...files, { ...voice.entry, name: voiceFileName(nextVoiceNumber(files), voice.container) }];
}
