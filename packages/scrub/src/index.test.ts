import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apeTag, id3v2, lameFrame, listInfo, mp3Frame, tinyFlac, tinyOggOpus, tinyOggVorbis, tinyWav, vorbisComment } from '../test-support/audio-fixtures.ts';
import { identifyingIccProfile } from '../test-support/icc-fixtures.ts';
import { FAKE_VP8, gifExtension, netscape, tinyGif, vp8x, webp } from '../test-support/image-fixtures.ts';
import { tinyHeif, tinyMp4 } from '../test-support/iso-fixtures.ts';
import { ascii, concat, exifPayload, segment, tiffBlock, TINY_BASELINE_JPEG, TINY_PROGRESSIVE_JPEG, withSegments } from '../test-support/jpeg-fixtures.ts';
import { docx, odt, pptx, xlsx } from '../test-support/office-fixtures.ts';
import { EBML_IDS } from './ebml.ts';
import { ebmlHeader, element, simpleBlock, streamed, text as ebmlText, trackEntry, uint } from '../test-support/ebml-builder.ts';
import { chunk, text, tinyApng, tinyPng } from '../test-support/png-fixtures.ts';
import { detectKind, loadScrubber, SCRUB_KIND_MIME_TYPES, SCRUB_KINDS, scrub, scrubLazily } from './index.ts';

const TINY_PDF = ascii(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>\nendobj\n4 0 obj\n<< /Author (Alice) >>\nendobj\n' +
    'trailer\n<< /Root 1 0 R /Info 4 0 R >>\n%%EOF\n',
);

// One or more small files of every kind, most with something to remove.
const SAMPLES = [
  TINY_BASELINE_JPEG,
  TINY_PROGRESSIVE_JPEG,
  withSegments(TINY_BASELINE_JPEG, segment(0xe1, exifPayload({ make: 'Nokia', orientation: 6, gps: true }))),
  tinyPng(text('Comment', 'hello')),
  tinyPng(chunk('eXIf', tiffBlock({ make: 'Tecno', orientation: 6 }))),
  tinyApng(),
  tinyGif(gifExtension(0xfe, ascii('hello')), netscape(0)),
  webp(vp8x(0x08), FAKE_VP8),
  tinyHeif(identifyingIccProfile()),
  tinyMp4(true),
  tinyWav(listInfo({ IART: 'Alice' })),
  tinyFlac([4, vorbisComment('libFLAC', ['ARTIST=Alice'])]),
  concat(id3v2(4, 'Alice', true), lameFrame('LAME3.100'), mp3Frame(), apeTag()),
  tinyOggVorbis(vorbisComment('Xiph', ['ARTIST=Alice'])),
  tinyOggOpus(vorbisComment('libopus', [])),
  TINY_PDF,
  docx(),
  xlsx(),
  pptx(),
  odt(),
  concat(
    ebmlHeader(),
    streamed(
      EBML_IDS.segment,
      element(EBML_IDS.info, uint(EBML_IDS.timecodeScale, 1_000_000), ebmlText(EBML_IDS.muxingApp, 'Chrome')),
      element(EBML_IDS.tracks, trackEntry()),
      streamed(EBML_IDS.cluster, uint(EBML_IDS.clusterTimecode, 0), simpleBlock(0)),
    ),
  ),
];

describe('detectKind', () => {
  it('goes by magic bytes only', () => {
    expect(detectKind(TINY_BASELINE_JPEG)).toBe('jpeg');
    expect(detectKind(tinyPng())).toBe('png');
    expect(detectKind(new TextEncoder().encode('GIF89a'))).toBeUndefined();
    expect(detectKind(new Uint8Array(0))).toBeUndefined();
    expect(detectKind(Uint8Array.of(0xff, 0xd8))).toBeUndefined();
  });

  it('covers every kind in the samples, and each kind has a media type', () => {
    expect(new Set(SAMPLES.map(detectKind))).toEqual(new Set(SCRUB_KINDS.filter((k) => !['avif', 'ods', 'odp', 'mov', 'm4a'].includes(k))));
    expect(Object.keys(SCRUB_KIND_MIME_TYPES).sort()).toEqual([...SCRUB_KINDS].sort());
  });
});

describe('scrub', () => {
  it('reports kinds it does not clean as unsupported, and damaged files of kinds it does as failed', () => {
    expect(scrub(ascii('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toMatchObject({ status: 'unsupported' });
    expect(scrub(ascii('%PDF-1.7'))).toMatchObject({ status: 'failed', kind: 'pdf', code: 'malformed' });
    expect(scrub(ascii('not a file'))).toMatchObject({ status: 'unsupported', reason: 'this kind of file cannot be cleaned' });
    expect(scrub('bytes' as unknown as Uint8Array)).toEqual({ status: 'unsupported', reason: 'input is not a byte array' });
  });

  it('never throws, on random bytes or on damaged samples', () => {
    const damaged = fc.tuple(fc.constantFrom(...SAMPLES), fc.nat(), fc.nat(255), fc.nat()).map(([s, at, value, cut]) => {
      const copy = s.slice(0, Math.max(4, s.length - (cut % 32)));
      copy[at % copy.length] = value;
      return copy;
    });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 64 }), damaged), (bytes) => {
        const result = scrub(bytes);
        expect(['cleaned', 'failed', 'unsupported']).toContain(result.status);
        if (result.status === 'failed') expect(result.code).not.toBe('internal');
      }),
      { numRuns: 2000 },
    );
  }, 120_000);

  it('is idempotent: cleaning a cleaned file changes nothing and removes nothing', () => {
    for (const sample of SAMPLES) {
      const once = scrub(sample);
      if (once.status !== 'cleaned') throw new Error(`sample of kind ${String(detectKind(sample))} did not clean: ${JSON.stringify(once)}`);
      expect(scrub(once.bytes)).toEqual({ ...once, removed: [] });
    }
  });

  it('returns a new array, never a view of the input', () => {
    for (const sample of SAMPLES) {
      const result = scrub(sample);
      expect(result.status === 'cleaned' && result.bytes.buffer !== sample.buffer).toBe(true);
    }
  });
});

describe('lazy loading', () => {
  it('gives the same results as scrub(), one cleaner at a time', async () => {
    for (const sample of SAMPLES) expect(await scrubLazily(sample)).toEqual(scrub(sample));
    const clean = await loadScrubber('gif');
    expect(clean(tinyGif())).toEqual(scrub(tinyGif()));
    expect(await scrubLazily(ascii('<svg/>'))).toMatchObject({ status: 'unsupported' });
  });
});
