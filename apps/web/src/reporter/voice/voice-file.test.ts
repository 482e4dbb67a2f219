import { describe, expect, it } from 'vitest';
import { filesProblem, toDraftFiles } from '../files/file-entry.ts';
import type { FileEntry } from '../files/file-entry.ts';
import { EBML_IDS } from '../../../../../packages/scrub/src/ebml.ts';
import { concat, ebmlHeader, element, indexOf, simpleBlock, streamed, text, trackEntry, uint } from '../../../../../packages/scrub/test-support/ebml-builder.ts';
import { addVoiceFile, nextVoiceNumber, voiceFile, voiceFileName } from './voice-file.ts';

const recording = concat(
  ebmlHeader(),
  streamed(
    EBML_IDS.segment,
    element(EBML_IDS.info, uint(EBML_IDS.timecodeScale, 1_000_000), text(EBML_IDS.muxingApp, 'Chrome'), text(EBML_IDS.writingApp, 'Chrome')),
    element(EBML_IDS.tracks, trackEntry()),
    streamed(EBML_IDS.cluster, uint(EBML_IDS.clusterTimecode, 0), simpleBlock(0), simpleBlock(20), simpleBlock(40)),
  ),
);

const named = (name: string): FileEntry => ({ id: 0, name, size: 1, status: 'unreadable' });

describe('voice file names', () => {
  it('are neutral and numbered after the voice messages already attached', () => {
    expect(nextVoiceNumber([])).toBe(1);
    expect(nextVoiceNumber([named('photo.jpg'), named('message-vocal-1.webm'), named('message-vocal-3.ogg')])).toBe(4);
    expect(nextVoiceNumber([named('message-vocal-x.webm'), named('mon-message-vocal-7.webm')])).toBe(1);
    expect(voiceFileName(2, 'webm')).toBe('message-vocal-2.webm');
    expect(voiceFileName(1, 'mp4')).toBe('message-vocal-1.m4a');
  });
});

describe('voiceFile', () => {
  it('cleans a WebM recording: no encoder name, a neutral name, marked cleaned and sent as cleaned', async () => {
    const voice = await voiceFile(recording, 1);
    expect(voice.entry.status).toBe('cleaned');
    if (voice.entry.status !== 'cleaned') return;
    expect(voice.entry.name).toBe('message-vocal-1.webm');
    expect(voice.entry.type).toBe('audio/webm');
    expect(indexOf(voice.entry.bytes, new TextEncoder().encode('Chrome'))).toBe(-1);
    expect(voice.durationSeconds).toBeCloseTo(0.06, 9);
    expect(toDraftFiles([voice.entry])).toEqual([{ name: 'message-vocal-1.webm', type: 'audio/webm', bytes: voice.entry.bytes, scrub: 'cleaned' }]);
  });

  it('never calls a recording it could not clean clean: the reporter must decide before sending', async () => {
    const broken = recording.subarray(0, recording.length - 3);
    const voice = await voiceFile(broken, 1);
    expect(voice.entry.status).toBe('uncleanable');
    expect(filesProblem([voice.entry])).toBe('undecided');
    expect(toDraftFiles([voice.entry])).toEqual([]);
  });

  it('hands a container it does not know to the general cleaning, which refuses to vouch for it', async () => {
    const voice = await voiceFile(new TextEncoder().encode('RIFF....not audio we know'), 2);
    expect(voice.entry.name).toBe('message-vocal-2.bin');
    expect(voice.entry.status).toBe('uncleanable');
  });
});

describe('addVoiceFile', () => {
  it('appends the message under the next free number, whatever it was called when recorded', async () => {
    const voice = await voiceFile(recording, 1);
    const files = addVoiceFile([named('message-vocal-1.webm'), named('scan.pdf')], voice);
    expect(files.map((file) => file.name)).toEqual(['message-vocal-1.webm', 'scan.pdf', 'message-vocal-2.webm']);
    expect(files[2]?.status).toBe('cleaned');
  });
});
