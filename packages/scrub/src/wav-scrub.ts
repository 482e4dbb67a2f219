// Lossless WAV cleaner: keeps the format, fact and sample data chunks byte for byte and drops
// everything else a RIFF WAVE file can carry (LIST INFO tags, cue labels, ID3, the broadcast
// extension with its originator and date, iXML, XMP, padding) and any trailing bytes.
//
// SECURITY: a keep-list of three chunk types; the samples themselves are never touched.

import { addOnce, latin1 } from './bytes.ts';
import { buildRiff, parseRiff, riffChunk, riffForm, type RiffChunk } from './riff-chunks.ts';
import { ScrubError } from './scrub-error.ts';
import type { CleanOutput } from './scrub-types.ts';

const FMT_MIN_LENGTH = 16;
const FACT_MIN_LENGTH = 4;

// What a dropped chunk held, for the reporter; padding is not worth naming.
const LABELS: ReadonlyMap<string, string> = new Map([
  ['id3 ', 'ID3'],
  ['ID3 ', 'ID3'],
  ['bext', 'broadcast extension (originator, dates)'],
  ['iXML', 'iXML'],
  ['_PMX', 'XMP'],
  ['cue ', 'cue points'],
  ['smpl', 'sampler data'],
  ['JUNK', ''],
  ['junk', ''],
  ['PAD ', ''],
  ['FLLR', ''],
]);

function listLabel(chunk: RiffChunk): string {
  const type = latin1(chunk.data, 0, 4);
  if (type === 'INFO') return 'RIFF INFO (title, artist, comment, dates, software)';
  if (type === 'adtl') return 'cue labels';
  return 'other metadata (LIST)';
}

export function cleanWav(bytes: Uint8Array): CleanOutput {
  const form = riffForm(bytes);
  if (latin1(bytes, 0, 4) === 'RF64' || latin1(bytes, 0, 4) === 'BW64') {
    throw new ScrubError('unsupported-feature', 'RF64 (WAV larger than 4 GiB) is not supported');
  }
  if (form !== 'WAVE') throw new ScrubError('malformed', 'not a RIFF WAVE file');
  const { chunks, trailing } = parseRiff(bytes, 'WAVE');
  const removed: string[] = [];
  const kept: Uint8Array[] = [];
  let fmt = 0;
  let data = 0;
  for (const chunk of chunks) {
    if (chunk.id === 'fmt ') {
      if (chunk.data.length < FMT_MIN_LENGTH) throw new ScrubError('malformed', `format chunk at offset ${chunk.offset} is too short`);
      if (data > 0) throw new ScrubError('malformed', 'sample data before the format chunk');
      fmt++;
    } else if (chunk.id === 'data') {
      data++;
    } else if (chunk.id === 'fact' && chunk.data.length >= FACT_MIN_LENGTH) {
      // sample count of compressed formats; kept as it is
    } else {
      const label = chunk.id === 'LIST' ? listLabel(chunk) : (LABELS.get(chunk.id) ?? `other metadata (${chunk.id.trim()})`);
      if (label !== '') addOnce(removed, label);
      continue;
    }
    kept.push(riffChunk(chunk.id, chunk.data));
  }
  if (fmt !== 1) throw new ScrubError('malformed', fmt === 0 ? 'no format chunk' : 'more than one format chunk');
  if (data === 0) throw new ScrubError('malformed', 'no sample data (no data chunk)');
  if (trailing > 0) addOnce(removed, 'trailing data');
  return { bytes: buildRiff('WAVE', kept), removed };
}
