import { describe, expect, it } from 'vitest';
import { CONTAINERS, CONTAINER_FILES, chooseRecordingType, detectContainer } from './recording-format.ts';

describe('chooseRecordingType', () => {
  it('prefers Opus in WebM, then Opus in Ogg, then MP4, then the browser’s default', () => {
    const only = (...types: string[]) => (type: string) => types.includes(type);
    expect(chooseRecordingType(only('audio/mp4', 'audio/webm;codecs=opus', 'audio/ogg;codecs=opus'))).toBe('audio/webm;codecs=opus');
    expect(chooseRecordingType(only('audio/mp4', 'audio/ogg;codecs=opus'))).toBe('audio/ogg;codecs=opus');
    expect(chooseRecordingType(only('audio/mp4'))).toBe('audio/mp4');
    expect(chooseRecordingType(() => false)).toBe('');
  });
});

describe('detectContainer', () => {
  it('goes by magic bytes only', () => {
    expect(detectContainer(Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f]))).toBe('webm');
    expect(detectContainer(new TextEncoder().encode('OggS\0\x02'))).toBe('ogg');
    expect(detectContainer(Uint8Array.from([0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x4d, 0x34, 0x41]))).toBe('mp4');
    expect(detectContainer(new TextEncoder().encode('RIFF....WAVE'))).toBe('unknown');
    expect(detectContainer(new Uint8Array(0))).toBe('unknown');
  });

  it('names every container’s file with an audio type, except what it cannot tell', () => {
    for (const container of CONTAINERS) {
      expect(CONTAINER_FILES[container].type).toMatch(container === 'unknown' ? /^application\/octet-stream$/ : /^audio\//);
    }
  });
});
