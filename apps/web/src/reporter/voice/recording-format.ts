/**
 * Which format to record in, and what a recording's bytes turn out to be. Opus in WebM is
 * preferred (Chromium, Firefox, recent Safari), then Opus in Ogg, then AAC in MP4 (older
 * Safari); at a low bit rate for speech, because each megabyte costs the reporter money.
 */

/** Opus speech stays clear at this rate: about 120 KB a minute. */
export const VOICE_BITS_PER_SECOND = 16_000;

const PREFERRED_TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/webm', 'audio/ogg', 'audio/mp4'] as const;

/** The MIME type to ask MediaRecorder for; '' lets the browser choose its default. */
export function chooseRecordingType(isTypeSupported: (type: string) => boolean): string {
  return PREFERRED_TYPES.find((type) => isTypeSupported(type)) ?? '';
}

export const CONTAINERS = ['webm', 'ogg', 'mp4', 'unknown'] as const;
export type Container = (typeof CONTAINERS)[number];

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean => prefix.every((byte, index) => bytes[at + index] === byte);

/** SECURITY: decided by magic bytes, never by the type the browser claims. */
export function detectContainer(bytes: Uint8Array): Container {
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return 'webm';
  if (startsWith(bytes, [0x4f, 0x67, 0x67, 0x53])) return 'ogg';
  if (startsWith(bytes, [0x66, 0x74, 0x79, 0x70], 4)) return 'mp4';
  return 'unknown';
}

/** The file name's extension and the type declared to the organisation, for each container. */
export const CONTAINER_FILES: { readonly [C in Container]: { readonly extension: string; readonly type: string } } = {
  webm: { extension: 'webm', type: 'audio/webm' },
  ogg: { extension: 'ogg', type: 'audio/ogg' },
  mp4: { extension: 'm4a', type: 'audio/mp4' },
  unknown: { extension: 'bin', type: 'application/octet-stream' },
};
