// Rule by rule, on hand-built MP4 and HEIF files: metadata goes in place, no offset moves.

import { describe, expect, it } from 'vitest';
import { identifyingIccProfile, SECRET } from '../test-support/icc-fixtures.ts';
import { EXIF_DATA, GPS_SAMPLES, IMAGE_DATA, THUMB_DATA, tinyHeif, tinyMp4, VIDEO_SAMPLES, XMP_DATA } from '../test-support/iso-fixtures.ts';
import { concat } from '../test-support/jpeg-fixtures.ts';
import { cleanHeif } from './heif-scrub.ts';
import { readItemInfos, readItemLocations } from './heif-items.ts';
import { childBoxes, fullBoxBody } from './iso-bmff-boxes.ts';
import { cleanMp4 } from './mp4-scrub.ts';
import { ScrubError } from './scrub-error.ts';

const has = (bytes: Uint8Array, text: string | Uint8Array): boolean => Buffer.from(bytes).includes(typeof text === 'string' ? text : Buffer.from(text));

describe('MP4', () => {
  it('neutralizes user data, item lists and uuid boxes in place and zeroes dates and names', () => {
    const original = tinyMp4();
    const out = cleanMp4(original);
    expect(out.removed).toEqual(['dates', 'handler names', 'encoder name', 'user data (tags, encoder, location)', 'other metadata (uuid)']);
    expect(out.bytes.length).toBe(original.length);
    for (const s of ['12.6392', 'HandBrake', 'Alice', 'x264', 'Core Media', 'appl', 'vendor block']) expect(has(out.bytes, s)).toBe(false);
    // The sample data and its offset are untouched.
    expect(Buffer.from(out.bytes.subarray(-VIDEO_SAMPLES.length)).equals(Buffer.from(VIDEO_SAMPLES))).toBe(true);
    expect(cleanMp4(out.bytes)).toEqual({ bytes: out.bytes, removed: [] });
  });

  it('removes a timed-metadata track and zeroes its samples, keeping the video', () => {
    const out = cleanMp4(tinyMp4(true));
    expect(out.removed).toContain('timed metadata track');
    expect(has(out.bytes, GPS_SAMPLES)).toBe(false);
    expect(has(out.bytes, VIDEO_SAMPLES)).toBe(true);
    const moov = childBoxes(out.bytes, 0, out.bytes.length, 'file').find((b) => b.type === 'moov');
    const tracks = moov === undefined ? [] : childBoxes(out.bytes, moov.payload, moov.end, 'moov').map((b) => b.type);
    expect(tracks).toEqual(['mvhd', 'trak', 'free', 'free', 'free']);
  });

  it('cuts off trailing bytes that are not a box, and fails on a broken box', () => {
    const out = cleanMp4(concat(tinyMp4(), new TextEncoder().encode('SEFT trailer with a location')));
    expect(out.removed).toContain('trailing data');
    expect(out.bytes.length).toBe(tinyMp4().length);
    const broken = tinyMp4();
    broken[30] = 0xff; // the movie header's size now runs past the movie box
    expect(() => cleanMp4(broken)).toThrow(ScrubError);
  });
});

describe('HEIF', () => {
  it('removes EXIF, XMP and thumbnail items: bytes zeroed, table entries gone, size unchanged', () => {
    const original = tinyHeif(identifyingIccProfile());
    const out = cleanHeif(original);
    expect(out.removed).toEqual(['EXIF (GPS, camera)', 'XMP', 'thumbnail', 'ICC profile names and dates']);
    expect(out.bytes.length).toBe(original.length);
    for (const data of [EXIF_DATA, XMP_DATA, THUMB_DATA]) expect(has(out.bytes, data)).toBe(false);
    expect(has(out.bytes, SECRET)).toBe(false);
    expect(Buffer.from(out.bytes.subarray(-(IMAGE_DATA.length + EXIF_DATA.length + XMP_DATA.length + THUMB_DATA.length))).subarray(0, IMAGE_DATA.length).equals(Buffer.from(IMAGE_DATA))).toBe(true);
    const meta = childBoxes(out.bytes, 0, out.bytes.length, 'file').find((b) => b.type === 'meta');
    if (meta === undefined) throw new Error('no meta');
    const children = childBoxes(out.bytes, fullBoxBody(meta), meta.end, 'meta');
    expect(children.map((c) => c.type)).toEqual(['hdlr', 'pitm', 'iinf', 'iloc', 'iprp', 'free']);
    const iinf = children.find((c) => c.type === 'iinf');
    const iloc = children.find((c) => c.type === 'iloc');
    expect(iinf && readItemInfos(out.bytes, iinf).map((i) => [i.id, i.type])).toEqual([[1, 'hvc1']]);
    expect(iloc && readItemLocations(out.bytes, iloc).map((l) => l.extents)).toEqual([[{ offset: original.length - IMAGE_DATA.length - EXIF_DATA.length - XMP_DATA.length - THUMB_DATA.length, length: IMAGE_DATA.length }]]);
    expect(has(out.bytes, 'irot')).toBe(true);
    expect(cleanHeif(out.bytes)).toEqual({ bytes: out.bytes, removed: [] });
  });
});
