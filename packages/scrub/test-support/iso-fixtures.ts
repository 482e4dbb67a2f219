// Small hand-built ISO base media files for the rule-by-rule tests: an MP4 with a video track
// (and optionally a timed-metadata track), user data and an item list; a HEIF with an image,
// an EXIF item, an XMP item and a thumbnail. Sample and item data are placeholders.

import { ascii, concat, tiffBlock } from './jpeg-fixtures.ts';

export function u32(v: number): Uint8Array {
  return Uint8Array.of(v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
}

export function box(type: string, ...payload: readonly Uint8Array[]): Uint8Array {
  const body = concat(...payload);
  return concat(u32(8 + body.length), ascii(type), body);
}

export function fullBox(type: string, version: number, ...payload: readonly Uint8Array[]): Uint8Array {
  return box(type, Uint8Array.of(version, 0, 0, 0), ...payload);
}

const DATES = concat(u32(0xc7caeea7), u32(0xc7caeea8)); // 2010-03-20
export const VIDEO_SAMPLES = ascii('VIDEO-SAMPLE-DATA');
export const GPS_SAMPLES = ascii('+12.6392-008.0029/');

function handler(type: string, name: string): Uint8Array {
  return fullBox('hdlr', 0, u32(0), ascii(type), ascii('appl'), new Uint8Array(8), ascii(`${name}\0`));
}

function sampleTable(entry: Uint8Array, size: number, offset: number): Uint8Array {
  return box(
    'stbl',
    fullBox('stsd', 0, u32(1), entry),
    fullBox('stts', 0, u32(1), u32(1), u32(1)),
    fullBox('stsc', 0, u32(1), u32(1), u32(1), u32(1)),
    fullBox('stsz', 0, u32(0), u32(1), u32(size)),
    fullBox('stco', 0, u32(1), u32(offset)),
  );
}

function track(id: number, handlerType: string, entry: Uint8Array, size: number, offset: number): Uint8Array {
  return box(
    'trak',
    fullBox('tkhd', 0, DATES, u32(id), new Uint8Array(68)),
    box('mdia', fullBox('mdhd', 0, DATES, u32(600), u32(600), new Uint8Array(4)), handler(handlerType, 'Core Media Video'), box('minf', sampleTable(entry, size, offset))),
    box('udta', box('name', ascii('Alice camera'))),
  );
}

function visualEntry(): Uint8Array {
  const name = new Uint8Array(32);
  name.set(ascii('\x04x264'));
  return box('avc1', new Uint8Array(6), Uint8Array.of(0, 1), new Uint8Array(4), ascii('appl'), new Uint8Array(8), Uint8Array.of(0, 2, 0, 2), u32(0x480000), u32(0x480000), u32(0), Uint8Array.of(0, 1), name, Uint8Array.of(0, 24, 0xff, 0xff));
}

/** ftyp, moov, mdat. With `metadataTrack`, a second track of handler 'meta' holds GPS samples. */
export function tinyMp4(metadataTrack = false, brand = 'isom'): Uint8Array {
  const build = (mdatStart: number): Uint8Array => {
    const tracks = [track(1, 'vide', visualEntry(), VIDEO_SAMPLES.length, mdatStart)];
    if (metadataTrack) tracks.push(track(2, 'meta', box('mebx', new Uint8Array(8)), GPS_SAMPLES.length, mdatStart + VIDEO_SAMPLES.length));
    const udta = box('udta', box('\xa9xyz', ascii('+12.6392-008.0029/')), box('meta', u32(0), handler('mdir', ''), box('ilst', box('\xa9too', ascii('HandBrake')))));
    return box('moov', fullBox('mvhd', 0, DATES, u32(600), u32(600), new Uint8Array(80)), ...tracks, udta, box('uuid', new Uint8Array(16).fill(0x11), ascii('vendor block')));
  };
  const ftyp = box('ftyp', ascii(brand), u32(0), ascii(brand));
  const probe = build(0);
  const moov = build(ftyp.length + probe.length + 8);
  return concat(ftyp, moov, box('mdat', VIDEO_SAMPLES, metadataTrack ? GPS_SAMPLES : new Uint8Array()));
}

export const IMAGE_DATA = ascii('HEVC-IMAGE-DATA');
export const XMP_DATA = ascii('<x:xmpmeta>Alice</x:xmpmeta>');
export const EXIF_DATA = concat(u32(6), ascii('Exif\0\0'), tiffBlock({ make: 'Nokia', gps: true }));
export const THUMB_DATA = ascii('THUMBNAIL-DATA');

function infe(id: number, type: string, extra: Uint8Array = ascii('\0')): Uint8Array {
  return fullBox('infe', 2, Uint8Array.of(0, id, 0, 0), ascii(type), extra);
}

function reference(type: string, from: number, to: number): Uint8Array {
  return box(type, Uint8Array.of(0, from, 0, 1, 0, to));
}

/** A HEIF: image 1 (primary, rotated by irot), EXIF item 2, XMP item 3, thumbnail 4. */
export function tinyHeif(icc: Uint8Array): Uint8Array {
  const items = [IMAGE_DATA, EXIF_DATA, XMP_DATA, THUMB_DATA];
  const build = (mdatData: number): Uint8Array => {
    let at = mdatData;
    const locations = items.map((data, i) => {
      const entry = concat(Uint8Array.of(0, i + 1, 0, 0, 0, 0, 0, 1), u32(at), u32(data.length));
      at += data.length;
      return entry;
    });
    return fullBox(
      'meta', 0,
      handler('pict', ''),
      fullBox('pitm', 0, Uint8Array.of(0, 1)),
      fullBox('iinf', 0, Uint8Array.of(0, 4), infe(1, 'hvc1'), infe(2, 'Exif'), infe(3, 'mime', ascii('\0application/rdf+xml\0')), infe(4, 'hvc1')),
      fullBox('iref', 0, reference('cdsc', 2, 1), reference('cdsc', 3, 1), reference('thmb', 4, 1)),
      fullBox('iloc', 1, Uint8Array.of(0x44, 0x00, 0, 4), ...locations),
      box('iprp', box('ipco', box('hvcC', new Uint8Array(23)), fullBox('ispe', 0, u32(64), u32(48)), box('colr', ascii('prof'), icc), box('irot', Uint8Array.of(1))),
        fullBox('ipma', 0, u32(2), Uint8Array.of(0, 1, 4, 0x81, 2, 3, 4), Uint8Array.of(0, 4, 2, 0x81, 2))),
    );
  };
  const ftyp = box('ftyp', ascii('heic'), u32(0), ascii('mif1heic'));
  const probe = build(0);
  const meta = build(ftyp.length + probe.length + 8);
  return concat(ftyp, meta, box('mdat', ...items));
}
