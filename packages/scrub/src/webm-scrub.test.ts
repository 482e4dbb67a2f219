import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EBML_IDS, childrenOf, readElement, readFloat } from './ebml.ts';
import { CLEAN_ALLOWED } from '../test-support/clean-allow-lists.ts';
import { contentDigest } from '../test-support/content-digest.ts';
import { readMetadata } from '../test-support/exiftool.ts';
import { toolsAvailable } from '../test-support/external-tools.ts';
import { findForbiddenMetadata, findUnexpectedMetadata } from '../test-support/forbidden-metadata.ts';
import { concat, ebmlHeader, element, float64, indexOf, simpleBlock, streamed, text, trackEntry, uint } from '../test-support/ebml-builder.ts';
import { detectKind, scrub } from './index.ts';
import { ScrubError } from './scrub-error.ts';
import { cleanWebm } from './webm-scrub.ts';
import { readWebmLayout, webmDurationSeconds } from './webm-layout.ts';

const CHROME = new TextEncoder().encode('Chrome');

/** What Chromium's MediaRecorder writes: unknown-size Segment and Clusters, MuxingApp/WritingApp "Chrome", no Duration. */
function chromeLikeRecording(): Uint8Array {
  return concat(
    ebmlHeader(),
    streamed(
      EBML_IDS.segment,
      element(EBML_IDS.info, uint(EBML_IDS.timecodeScale, 1_000_000), text(EBML_IDS.muxingApp, 'Chrome'), text(EBML_IDS.writingApp, 'Chrome')),
      element(EBML_IDS.tracks, trackEntry()),
      streamed(EBML_IDS.cluster, uint(EBML_IDS.clusterTimecode, 0), simpleBlock(0), simpleBlock(20), simpleBlock(40)),
      streamed(EBML_IDS.cluster, uint(EBML_IDS.clusterTimecode, 60), simpleBlock(0), simpleBlock(20)),
    ),
  );
}

function infoOf(bytes: Uint8Array) {
  const info = readWebmLayout(bytes).segmentChildren.find((child) => child.id === EBML_IDS.info);
  if (info === undefined) throw new Error('no Info');
  return { info, children: childrenOf(bytes, info) };
}

function cleaned(bytes: Uint8Array) {
  const result = cleanWebm(bytes);
  return { ...result, durationSeconds: webmDurationSeconds(result.bytes) };
}

describe('cleanWebm on what a browser records', () => {
  const original = chromeLikeRecording();
  const result = cleaned(original);

  it('leaves no "Chrome" and keeps the length and every byte outside Info', () => {
    expect(indexOf(original, CHROME)).toBeGreaterThan(0); // the needle is real
    expect(indexOf(result.bytes, CHROME)).toBe(-1);
    expect(result.bytes.length).toBe(original.length);
    const { info } = infoOf(original);
    expect(result.bytes.subarray(0, info.dataStart)).toEqual(original.subarray(0, info.dataStart));
    expect(result.bytes.subarray(info.end)).toEqual(original.subarray(info.end));
    expect(result.removed).toEqual(['software name']);
  });

  it('writes the Duration into the freed room, the rest Void, and the file still parses', () => {
    const { children } = infoOf(result.bytes);
    expect(children.map((child) => [child.id, child.end - child.start])).toEqual([
      [EBML_IDS.timecodeScale, 7],
      [EBML_IDS.duration, 11],
      [EBML_IDS.void, 7], // 9 + 9 bytes of MuxingApp and WritingApp, less the Duration's 11
    ]);
    const duration = children[1];
    if (duration === undefined) throw new Error('no Duration');
    expect(readFloat(result.bytes, duration)).toBe(100); // last block at 80 ms, plus one 20 ms frame
    expect(result.durationSeconds).toBeCloseTo(0.1, 9);
    expect(webmDurationSeconds(result.bytes)).toBeCloseTo(0.1, 9);
    expect(webmDurationSeconds(original)).toBeCloseTo(0.1, 9); // computed from the blocks when no Duration is written
    expect(readWebmLayout(result.bytes).segmentChildren.map((child) => child.id)).toEqual([EBML_IDS.info, EBML_IDS.tracks, EBML_IDS.cluster, EBML_IDS.cluster]);
  });

  it('never changes the caller’s bytes', () => {
    expect(indexOf(original, CHROME)).toBeGreaterThan(0);
    expect(result.bytes.buffer).not.toBe(original.buffer);
  });
});

describe('cleanWebm on files that already have a Duration and more metadata', () => {
  const info = element(
    EBML_IDS.info,
    uint(EBML_IDS.timecodeScale, 1_000_000),
    text(EBML_IDS.muxingApp, 'Lavf60.16.100'),
    text(EBML_IDS.writingApp, 'Lavf60.16.100'),
    float64(EBML_IDS.duration, 2000),
    element(EBML_IDS.dateUtc, [0, 0, 0, 0, 0, 0, 0, 1]),
    text(EBML_IDS.title, 'Enregistrement de Moussa'),
    element(EBML_IDS.crc32, [1, 2, 3, 4]),
  );
  const tags = element(EBML_IDS.tags, element(0x7373, element(0x67c8, text(0x45a3, 'ENCODER'), text(0x4487, 'Lavc60 libopus'))));
  const original = concat(
    ebmlHeader('matroska'),
    element(
      EBML_IDS.segment,
      info,
      element(EBML_IDS.tracks, trackEntry(text(EBML_IDS.trackName, 'Micro du Samsung de Moussa'), text(EBML_IDS.codecName, 'libopus 1.4'))),
      element(EBML_IDS.cluster, uint(EBML_IDS.clusterTimecode, 0), simpleBlock(0), simpleBlock(20)),
      tags,
    ),
  );
  const result = cleaned(original);

  it('replaces each identifying element by a Void of exactly its size, at its offset', () => {
    const before = infoOf(original).children;
    const after = infoOf(result.bytes).children;
    expect(after.map((child) => [child.start, child.end])).toEqual(before.map((child) => [child.start, child.end]));
    expect(after.map((child) => child.id)).toEqual([
      EBML_IDS.timecodeScale,
      EBML_IDS.void,
      EBML_IDS.void,
      EBML_IDS.duration,
      EBML_IDS.void,
      EBML_IDS.void,
      EBML_IDS.void,
    ]);
    expect(result.bytes.length).toBe(original.length);
    expect(result.durationSeconds).toBe(2); // the written Duration is kept, not recomputed
  });

  it('removes titles, dates, track names, codec names and tags, and says so', () => {
    for (const needle of ['Lavf', 'Moussa', 'Samsung', 'libopus', 'ENCODER']) {
      expect(indexOf(original, new TextEncoder().encode(needle)), needle).toBeGreaterThan(0);
      expect(indexOf(result.bytes, new TextEncoder().encode(needle)), needle).toBe(-1);
    }
    expect([...result.removed].sort()).toEqual(['date', 'software name', 'tags', 'title', 'track name']);
    const segment = readWebmLayout(result.bytes).segmentChildren;
    expect(segment.map((child) => child.id)).toEqual([EBML_IDS.info, EBML_IDS.tracks, EBML_IDS.cluster, EBML_IDS.void]);
    expect(segment[3]?.end).toBe(result.bytes.length);
  });
});

describe('cleanWebm refuses what it cannot vouch for', () => {
  const good = chromeLikeRecording();
  const cases: readonly (readonly [string, Uint8Array])[] = [
    ['not EBML', new TextEncoder().encode('OggS and some more bytes')],
    ['an empty file', new Uint8Array(0)],
    ['a file cut inside Info', good.subarray(0, 60)],
    ['a file cut inside a block', good.subarray(0, good.length - 2)],
    ['bytes after a sized Segment', concat(ebmlHeader(), element(EBML_IDS.segment, element(EBML_IDS.info, uint(EBML_IDS.timecodeScale, 1_000_000))), [0x42])],
    ['another document type', concat(ebmlHeader('mkv-but-not'), element(EBML_IDS.segment))],
    ['an unknown-size Info', concat(ebmlHeader(), streamed(EBML_IDS.segment, streamed(EBML_IDS.info, text(EBML_IDS.muxingApp, 'Chrome'))))],
    ['an element larger than its parent', concat(ebmlHeader(), element(EBML_IDS.segment, [0x15, 0x49, 0xa9, 0x66, 0x90, 0x2a]))],
  ];
  it.each(cases)('%s', (_name, bytes) => {
    expect(() => cleanWebm(bytes)).toThrow(ScrubError);
  });

  it('is reported by scrub() as a failed webm, never as cleaned', () => {
    expect(scrub(good.subarray(0, good.length - 2))).toMatchObject({ status: 'failed', kind: 'webm', code: 'malformed' });
  });
});

describe('cleanWebm judged by ffmpeg on files ffmpeg wrote', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kk-webm-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const probe = (file: string) =>
    JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', file], { encoding: 'utf8' })) as {
      format: { duration?: string; tags?: Record<string, string> };
      streams: { codec_name: string; tags?: Record<string, string> }[];
    };

  // .webm: Lavf's muxer writes a SeekHead, Cues, Tags and a title; .mka adds CRC-32 elements.
  it.each(['webm', 'mka'])('a %s file with a title and encoder tags', (extension) => {
    const source = path.join(dir, `source.${extension}`);
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=2', '-c:a', 'libopus', '-b:a', '16k', '-metadata', 'title=Moussa Traoré', source]);
    const before = probe(source);
    expect(before.format.tags?.['title'] ?? before.format.tags?.['TITLE']).toBe('Moussa Traoré');

    const result = cleaned(readFileSync(source));
    const target = path.join(dir, `clean.${extension}`);
    writeFileSync(target, result.bytes);
    const after = probe(target);
    expect(after.format.tags ?? {}).toEqual({});
    expect(after.streams.map((stream) => [stream.codec_name, stream.tags ?? {}])).toEqual([['opus', {}]]);
    expect(Number(after.format.duration)).toBeCloseTo(2, 1);
    expect(result.removed).toEqual(expect.arrayContaining(['software name', 'title', 'tags']));
    // Every packet still decodes: -xerror stops at the first error.
    execFileSync('ffmpeg', ['-v', 'error', '-xerror', '-i', target, '-f', 'null', '-']);
    expect(indexOf(result.bytes, new TextEncoder().encode('Lavf'))).toBe(-1);
  });
});

describe('the parser', () => {
  it('ends an unknown-size Cluster at the next Cluster and a Segment at the end of the file', () => {
    const bytes = chromeLikeRecording();
    const layout = readWebmLayout(bytes);
    const clusters = layout.segmentChildren.filter((child) => child.id === EBML_IDS.cluster);
    expect(clusters).toHaveLength(2);
    expect(clusters[0]?.end).toBe(clusters[1]?.start);
    expect(clusters[1]?.end).toBe(bytes.length);
    expect(layout.segment.end).toBe(bytes.length);
    expect(readElement(bytes, layout.segment.start, bytes.length).end).toBe(bytes.length);
  });
});

describe('webm as a scrub kind', () => {
  it('is detected by its EBML DocType only; Matroska is not called webm', () => {
    expect(detectKind(chromeLikeRecording())).toBe('webm');
    expect(detectKind(concat(ebmlHeader('matroska'), element(EBML_IDS.segment)))).toBeUndefined();
    expect(detectKind(Uint8Array.of(0x1a, 0x45, 0xdf, 0xa3))).toBeUndefined();
  });

  it('is cleaned by scrub() like any other kind', () => {
    const result = scrub(chromeLikeRecording());
    expect(result).toMatchObject({ status: 'cleaned', kind: 'webm', removed: ['software name'] });
    if (result.status === 'cleaned') expect(indexOf(result.bytes, CHROME)).toBe(-1);
  });
});

const judged = toolsAvailable('exiftool', 'ffmpeg');

describe.skipIf(!judged)('a WebM written by ffmpeg with identifying metadata, judged by exiftool', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kk-webm-exif-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const source = path.join(dir, 'dirty.webm');
  const target = path.join(dir, 'clean.webm');
  const tags = ['title=Alerte de Moussa Traoré', 'artist=Moussa Traoré', 'comment=Kati, mairie', 'creation_time=2024-01-02T03:04:05Z', 'location=+12.6392-008.0029/'];
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=300:duration=1', '-c:a', 'libopus', ...tags.flatMap((tag) => ['-metadata', tag]), source]);
  const result = scrub(new Uint8Array(readFileSync(source)));
  writeFileSync(target, result.status === 'cleaned' ? result.bytes : new Uint8Array());

  it('was dirty before', () => {
    expect(findForbiddenMetadata(readMetadata(source)).length).toBeGreaterThan(0);
  });

  it('leaves nothing identifying and nothing unexpected, and plays the same', () => {
    expect(result).toMatchObject({ status: 'cleaned', kind: 'webm' });
    const left = readMetadata(target);
    expect(findForbiddenMetadata(left)).toEqual([]);
    expect(findUnexpectedMetadata(left, CLEAN_ALLOWED.webm)).toEqual([]);
    const before = contentDigest('webm', source, dir);
    const after = contentDigest('webm', target, dir);
    expect(after.ok).toBe(true);
    expect(after.digest).toBe(before.digest);
  });
});
