import { describe, expect, it } from 'vitest';
import { id3v2, mp3Frame, tinyFlac, tinyOggVorbis, tinyWav, vorbisComment } from '../test-support/audio-fixtures.ts';
import { FAKE_VP8, tinyGif, webp } from '../test-support/image-fixtures.ts';
import { box, tinyHeif, tinyMp4, u32 } from '../test-support/iso-fixtures.ts';
import { ascii, concat, TINY_BASELINE_JPEG } from '../test-support/jpeg-fixtures.ts';
import { docx, odt, pptx, xlsx } from '../test-support/office-fixtures.ts';
import { tinyPng } from '../test-support/png-fixtures.ts';
import { detectKind } from './detect-kind.ts';
import { unsupportedReason } from './unsupported-reason.ts';

describe('detectKind', () => {
  it('tells every kind by its magic bytes', () => {
    const mp3 = concat(mp3Frame(), mp3Frame());
    const cases: [Uint8Array, string][] = [
      [TINY_BASELINE_JPEG, 'jpeg'], [tinyPng(), 'png'], [tinyGif(), 'gif'], [webp(FAKE_VP8), 'webp'], [tinyHeif(new Uint8Array()), 'heif'],
      [tinyMp4(), 'mp4'], [tinyMp4(false, 'qt  '), 'mov'], [tinyMp4(false, 'M4A '), 'm4a'], [tinyWav(), 'wav'], [tinyFlac(), 'flac'],
      [concat(id3v2(3, 'x'), tinyFlac()), 'flac'], [mp3, 'mp3'], [concat(id3v2(4, 'x'), mp3), 'mp3'], [tinyOggVorbis(vorbisComment('', [])), 'ogg'],
      [docx(), 'docx'], [xlsx(), 'xlsx'], [pptx(), 'pptx'], [odt(), 'odt'], [ascii('%PDF-1.7\n'), 'pdf'], [concat(ascii('junk\n'), ascii('%PDF-1.4')), 'pdf'],
    ];
    for (const [bytes, kind] of cases) expect(detectKind(bytes)).toBe(kind);
  });

  it('knows nothing of names, and refuses what it does not clean', () => {
    for (const bytes of [new Uint8Array(0), ascii('GIF89a'), Uint8Array.of(0xff, 0xd8), ascii('<svg xmlns="x"/>'), box('ftyp', ascii('crx '), u32(0)), mp3Frame().subarray(0, 100)]) {
      expect(detectKind(bytes)).toBeUndefined();
    }
  });

  it('gives a plain reason for what it refuses', () => {
    expect(unsupportedReason(ascii('\uFEFF<?xml version="1.0"?>\n<svg>'))).toMatch(/SVG/);
    expect(unsupportedReason(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toMatch(/Office/);
    expect(unsupportedReason(ascii('hello'))).toBe('this kind of file cannot be cleaned');
  });
});
