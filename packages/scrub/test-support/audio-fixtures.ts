// Small hand-built audio files for the rule-by-rule tests: WAV, FLAC, MP3 and Ogg. The audio
// payloads are placeholders (the cleaners never decode them); the containers are exact.

import { buildPage, paginateHeaders, PAGE_FLAG } from '../src/ogg-pages.ts';
import { ascii, concat } from './jpeg-fixtures.ts';

export function u32le(v: number): Uint8Array {
  return Uint8Array.of(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24);
}

export function riffChunk(id: string, data: Uint8Array): Uint8Array {
  return concat(ascii(id), u32le(data.length), data, data.length % 2 ? new Uint8Array(1) : new Uint8Array());
}

export function riff(form: string, ...chunks: readonly Uint8Array[]): Uint8Array {
  const body = concat(ascii(form), ...chunks);
  return concat(ascii('RIFF'), u32le(body.length), body);
}

/** 16-bit stereo PCM at 8 kHz, with optional extra chunks after the samples. */
export function tinyWav(...extra: readonly Uint8Array[]): Uint8Array {
  const fmt = Uint8Array.of(1, 0, 2, 0, 0x40, 0x1f, 0, 0, 0, 0x7d, 0, 0, 4, 0, 16, 0);
  return riff('WAVE', riffChunk('fmt ', fmt), riffChunk('data', new Uint8Array(64).fill(7)), ...extra);
}

export function listInfo(fields: Readonly<Record<string, string>>): Uint8Array {
  return riffChunk('LIST', concat(ascii('INFO'), ...Object.entries(fields).map(([id, v]) => riffChunk(id, ascii(`${v}\0`)))));
}

/** An ID3v2 tag of the given version with one text frame; v2.4 can carry a footer. */
export function id3v2(version: 2 | 3 | 4, text: string, footer = false): Uint8Array {
  const frame = version === 2 ? concat(ascii('TT2'), Uint8Array.of(0, 0, text.length + 1, 0), ascii(text)) : concat(ascii('TIT2'), Uint8Array.of(0, 0, 0, text.length + 1, 0, 0, 0), ascii(text));
  const size = frame.length;
  const head = concat(ascii('ID3'), Uint8Array.of(version, 0, footer ? 0x10 : 0, 0, 0, (size >> 7) & 0x7f, size & 0x7f));
  const tail = footer ? concat(ascii('3DI'), head.subarray(3)) : new Uint8Array();
  return concat(head, frame, tail);
}

export function id3v1(title: string): Uint8Array {
  const out = new Uint8Array(128);
  out.set(ascii('TAG'), 0);
  out.set(ascii(title).subarray(0, 30), 3);
  return out;
}

export function apeTag(): Uint8Array {
  const item = concat(u32le(5), u32le(0), ascii('Artist\0Alice'));
  const footer = concat(ascii('APETAGEX'), u32le(2000), u32le(item.length + 32), u32le(1), u32le(0), new Uint8Array(8));
  return concat(item, footer);
}

/** One MPEG-1 Layer III frame, 128 kb/s, 44.1 kHz, stereo: 417 bytes. */
export function mp3Frame(fill = 0x55): Uint8Array {
  const frame = new Uint8Array(417).fill(fill);
  frame.set([0xff, 0xfb, 0x90, 0x00], 0);
  return frame;
}

/** A first frame holding a Xing "Info" tag and a LAME extension naming the encoder. */
export function lameFrame(encoder: string): Uint8Array {
  const frame = mp3Frame(0);
  frame.set(ascii('Info'), 36);
  frame.set([0, 0, 0, 0x0f], 40); // frames, bytes, TOC, quality
  const tag = 44 + 4 + 4 + 100 + 4;
  frame.set(ascii(encoder.padEnd(9, '\0').slice(0, 9)), tag);
  return frame;
}

export function flacBlock(type: number, data: Uint8Array, last = false): Uint8Array {
  return concat(Uint8Array.of((last ? 0x80 : 0) | type, data.length >> 16, (data.length >> 8) & 0xff, data.length & 0xff), data);
}

/** fLaC, STREAMINFO, the given blocks (the last flagged), then a placeholder frame. */
export function tinyFlac(...blocks: readonly [number, Uint8Array][]): Uint8Array {
  const all: [number, Uint8Array][] = [[0, new Uint8Array(34).fill(1)], ...blocks];
  return concat(ascii('fLaC'), ...all.map(([t, d], i) => flacBlock(t, d, i === all.length - 1)), Uint8Array.of(0xff, 0xf8, 0x69, 0x08), new Uint8Array(20));
}

export function vorbisComment(vendor: string, comments: readonly string[]): Uint8Array {
  return concat(u32le(vendor.length), ascii(vendor), u32le(comments.length), ...comments.map((c) => concat(u32le(c.length), ascii(c))));
}

const SERIAL = 0x1234;

/** An Ogg Vorbis file: identification page, comment + setup pages, then `audioPages` audio pages. */
export function tinyOggVorbis(comment: Uint8Array, audioPages = 2, serial = SERIAL): Uint8Array {
  const ident = concat(Uint8Array.of(1), ascii('vorbis'), new Uint8Array(23).fill(2));
  const headers = [concat(Uint8Array.of(3), ascii('vorbis'), comment, Uint8Array.of(1)), concat(Uint8Array.of(5), ascii('vorbis'), new Uint8Array(600).fill(9))];
  return oggFile(ident, headers, audioPages, serial);
}

export function tinyOggOpus(tags: Uint8Array): Uint8Array {
  const head = concat(ascii('OpusHead'), Uint8Array.of(1, 2, 0x38, 1, 0x80, 0xbb, 0, 0, 0, 0, 0));
  return oggFile(head, [concat(ascii('OpusTags'), tags)], 2, SERIAL);
}

function oggFile(first: Uint8Array, headers: readonly Uint8Array[], audioPages: number, serial: number): Uint8Array {
  const pages = [...paginateHeaders([first], serial, 0, PAGE_FLAG.firstPage), ...paginateHeaders(headers, serial, 1, 0)];
  for (let i = 0; i < audioPages; i++) {
    const granule = new Uint8Array(8);
    granule[0] = (i + 1) * 64;
    const last = i === audioPages - 1 ? PAGE_FLAG.lastPage : 0;
    pages.push(buildPage(last, granule, serial, pages.length, [100, 50], new Uint8Array(150).fill(i + 3)));
  }
  return concat(...pages);
}
