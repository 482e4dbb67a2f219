// Rule by rule, on hand-built files: WAV, FLAC, MP3 (tags around the frames, the LAME tag)
// and Ogg (the comment header replaced, pages renumbered with valid CRCs).

import { describe, expect, it } from 'vitest';
import {
  apeTag, flacBlock, id3v1, id3v2, lameFrame, listInfo, mp3Frame, riffChunk, tinyFlac, tinyOggOpus, tinyOggVorbis, tinyWav, vorbisComment,
} from '../test-support/audio-fixtures.ts';
import { ascii, concat } from '../test-support/jpeg-fixtures.ts';
import { cleanFlac } from './flac-scrub.ts';
import { cleanMp3 } from './mp3-scrub.ts';
import { packetsOf, parseOggPages } from './ogg-pages.ts';
import { cleanOgg } from './ogg-scrub.ts';
import { ScrubError } from './scrub-error.ts';
import { cleanWav } from './wav-scrub.ts';

const has = (bytes: Uint8Array, text: string): boolean => Buffer.from(bytes).includes(text);

describe('WAV', () => {
  it('keeps format and samples, drops INFO, ID3, bext and padding, and fixes the RIFF size', () => {
    const wav = tinyWav(listInfo({ IART: 'Alice', ICMT: 'secret' }), riffChunk('id3 ', id3v2(4, 'x')), riffChunk('bext', ascii('Studio')), riffChunk('JUNK', new Uint8Array(9)));
    const out = cleanWav(wav);
    expect(out.removed).toEqual(['RIFF INFO (title, artist, comment, dates, software)', 'ID3', 'broadcast extension (originator, dates)']);
    expect(Buffer.from(out.bytes).equals(Buffer.from(tinyWav()))).toBe(true);
    expect(has(out.bytes, 'Alice') || has(out.bytes, 'Studio')).toBe(false);
  });

  it('fails without a format chunk, on a truncated chunk, and on RF64', () => {
    expect(() => cleanWav(tinyWav().subarray(0, 50))).toThrow(ScrubError);
    const rf64 = tinyWav();
    rf64.set(ascii('RF64'), 0);
    expect(() => cleanWav(rf64)).toThrow(/RF64/);
  });
});

describe('FLAC', () => {
  const comment = vorbisComment('reference libFLAC', ['ARTIST=Alice']);

  it('keeps STREAMINFO and SEEKTABLE, drops comments, pictures, padding, and sets the last-block flag', () => {
    const flac = tinyFlac([3, new Uint8Array(18)], [4, comment], [6, ascii('cover')], [1, new Uint8Array(8)]);
    const out = cleanFlac(flac);
    expect(out.removed).toEqual(['Vorbis comments (tags, encoder)', 'embedded picture']);
    expect(Buffer.from(out.bytes).equals(Buffer.from(tinyFlac([3, new Uint8Array(18)])))).toBe(true);
  });

  it('drops an ID3v2 tag before fLaC and an ID3v1 tag after the frames', () => {
    const out = cleanFlac(concat(id3v2(3, 'Alice'), tinyFlac(), id3v1('Alice')));
    expect(out.removed).toEqual(['ID3']);
    expect(has(out.bytes, 'Alice')).toBe(false);
  });

  it('fails when STREAMINFO is not first, or no frame follows', () => {
    const bad = concat(ascii('fLaC'), flacBlock(4, comment, true), Uint8Array.of(0xff, 0xf8));
    expect(() => cleanFlac(bad)).toThrow(/STREAMINFO/);
    expect(() => cleanFlac(concat(tinyFlac().subarray(0, 42), ascii('junk')))).toThrow(/audio frame/);
  });
});

describe('MP3', () => {
  const frames = concat(mp3Frame(), mp3Frame(), mp3Frame());

  it('drops ID3v2 of every version (footer included), ID3v1 and APE tags; keeps the frames', () => {
    for (const head of [id3v2(2, 'Alice'), id3v2(3, 'Alice'), id3v2(4, 'Alice', true), concat(id3v2(3, 'a'), id3v2(4, 'Alice'))]) {
      const out = cleanMp3(concat(head, frames, apeTag(), id3v1('Alice')));
      expect(out.removed).toEqual(['ID3', 'APE tag']);
      expect(Buffer.from(out.bytes).equals(Buffer.from(frames))).toBe(true);
    }
  });

  it('drops bytes between frames and after them', () => {
    const out = cleanMp3(concat(mp3Frame(), mp3Frame(), ascii('secret note'), mp3Frame(), mp3Frame(), ascii('tail')));
    expect(out.removed).toEqual(['unknown data between frames', 'trailing data']);
    expect(out.bytes.length).toBe(4 * 417);
  });

  it('zeroes the LAME encoder version but keeps the family decoders look for', () => {
    const out = cleanMp3(concat(lameFrame('LAME3.99r'), frames));
    expect(out.removed).toEqual(['encoder version']);
    expect(Buffer.from(out.bytes.subarray(156, 165)).toString('latin1')).toBe('LAME\0\0\0\0\0');
    expect(cleanMp3(out.bytes).removed).toEqual([]);
    const other = cleanMp3(concat(lameFrame('MyApp 2.1'), frames));
    expect(Buffer.from(other.bytes.subarray(156, 165)).every((v) => v === 0)).toBe(true);
  });

  it('fails when there is no frame at all', () => {
    expect(() => cleanMp3(concat(id3v2(3, 'x'), ascii('not audio')))).toThrow(/no MPEG audio frame/);
  });
});

describe('Ogg', () => {
  const dirty = vorbisComment('Xiph.Org libVorbis I 20101101', ['ARTIST=Alice', 'COMMENT=secret']);

  it('replaces the Vorbis comment header with an empty one and keeps every other packet', () => {
    const original = tinyOggVorbis(dirty);
    const out = cleanOgg(original);
    expect(out.removed).toEqual(['Vorbis comments (tags, encoder)']);
    expect(has(out.bytes, 'Alice') || has(out.bytes, 'Xiph')).toBe(false);
    const before = packetsOf(parseOggPages(original).pages).packets;
    const after = packetsOf(parseOggPages(out.bytes).pages).packets; // parsing checks every CRC
    expect(after).toHaveLength(before.length);
    expect(after[1]).toEqual(Uint8Array.of(3, 0x76, 0x6f, 0x72, 0x62, 0x69, 0x73, 0, 0, 0, 0, 0, 0, 0, 0, 1));
    expect(after.filter((_, i) => i !== 1)).toEqual(before.filter((_, i) => i !== 1));
  });

  it('renumbers pages when the headers take fewer pages, with valid CRCs', () => {
    const big = vorbisComment('v', [`COMMENT=${'x'.repeat(70_000)}`]);
    const out = cleanOgg(tinyOggVorbis(big));
    const pages = parseOggPages(out.bytes).pages;
    expect(pages.map((p) => p.sequence)).toEqual(pages.map((_, i) => i));
  });

  it('cleans Opus tags too', () => {
    const out = cleanOgg(tinyOggOpus(vorbisComment('libopus 1.3', ['ARTIST=Alice'])));
    expect(out.removed).toEqual(['Opus comments (tags, encoder)']);
    expect(has(out.bytes, 'Alice')).toBe(false);
  });

  it('fails on a bad CRC, on several streams and on codecs it does not know', () => {
    const damaged = tinyOggVorbis(dirty);
    damaged[damaged.length - 5] = (damaged[damaged.length - 5] ?? 0) ^ 1;
    expect(() => cleanOgg(damaged)).toThrow(/CRC/);
    expect(() => cleanOgg(concat(tinyOggVorbis(dirty), tinyOggVorbis(dirty, 1, 99)))).toThrow(/several streams/);
    const speex = tinyOggVorbis(dirty);
    expect(() => cleanOgg(concat(speex.subarray(0, 28), ascii('Speex   '), speex.subarray(36)))).toThrow(ScrubError);
  });
});
