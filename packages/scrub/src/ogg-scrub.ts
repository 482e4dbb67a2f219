// Ogg Vorbis and Ogg Opus cleaner. The comment header (Vorbis "\x03vorbis", Opus "OpusTags")
// holds the tags and the encoder's vendor string; we replace it with an empty one (no vendor,
// no comments), lay the header packets out in fresh pages, and copy every audio page with
// its sequence number renumbered and its CRC recomputed. Audio packets are never touched.
//
// SECURITY: only one logical stream of a codec we know is accepted. Multiplexed or chained
// streams (several serial numbers), Ogg FLAC, Speex and Theora fail rather than pass through.

import { addOnce, concatBytes, latin1, sameBytes } from './bytes.ts';
import { buildPage, packetsOf, paginateHeaders, PAGE_FLAG, parseOggPages, type OggPage } from './ogg-pages.ts';
import { ScrubError } from './scrub-error.ts';
import type { CleanOutput } from './scrub-types.ts';

type Codec = { readonly name: string; readonly headers: number; readonly commentIndex: number; readonly emptyComment: Uint8Array };

const VORBIS: Codec = {
  name: 'Vorbis',
  headers: 3, // identification, comment, setup
  commentIndex: 1,
  // type 3, "vorbis", vendor length 0, comment count 0, framing bit
  emptyComment: Uint8Array.of(3, 0x76, 0x6f, 0x72, 0x62, 0x69, 0x73, 0, 0, 0, 0, 0, 0, 0, 0, 1),
};

const OPUS: Codec = {
  name: 'Opus',
  headers: 2, // OpusHead, OpusTags
  commentIndex: 1,
  // "OpusTags", vendor length 0, comment count 0
  emptyComment: Uint8Array.of(0x4f, 0x70, 0x75, 0x73, 0x54, 0x61, 0x67, 0x73, 0, 0, 0, 0, 0, 0, 0, 0),
};

export function isOgg(bytes: Uint8Array): boolean {
  return latin1(bytes, 0, 4) === 'OggS';
}

function codecOf(firstPacket: Uint8Array): Codec {
  if (latin1(firstPacket, 0, 7) === '\x01vorbis') return VORBIS;
  if (latin1(firstPacket, 0, 8) === 'OpusHead') return OPUS;
  if (latin1(firstPacket, 0, 5) === '\x7fFLAC') throw new ScrubError('unsupported-feature', 'FLAC in Ogg is not supported');
  throw new ScrubError('unsupported-feature', 'this Ogg codec is not supported (only Vorbis and Opus are)');
}

function checkOneStream(pages: readonly OggPage[]): void {
  const serial = pages[0]?.serial;
  pages.forEach((page, i) => {
    if (page.serial !== serial) throw new ScrubError('unsupported-feature', 'Ogg file with several streams (video, or chained files)');
    if ((i === 0) !== ((page.flags & PAGE_FLAG.firstPage) !== 0)) throw new ScrubError('malformed', `misplaced first-page flag at offset ${page.offset}`);
  });
}

/** How many pages the header packets fill; the last of them must hold nothing else. */
function headerPageCount(pages: readonly OggPage[], codec: Codec): { readonly count: number; readonly packets: Uint8Array[] } {
  for (let count = 1; count <= pages.length; count++) {
    const { packets, complete } = packetsOf(pages.slice(0, count));
    if (packets.length < codec.headers) continue;
    if (packets.length > codec.headers || !complete) throw new ScrubError('malformed', 'audio data shares a page with the header packets');
    return { count, packets };
  }
  throw new ScrubError('truncated', `the ${codec.name} header packets are incomplete`);
}

export function cleanOgg(bytes: Uint8Array): CleanOutput {
  const { pages, trailing } = parseOggPages(bytes);
  checkOneStream(pages);
  const first = pages[0];
  if (first === undefined) throw new ScrubError('malformed', 'no Ogg page');
  const firstPacket = packetsOf([first]).packets[0];
  if (firstPacket === undefined) throw new ScrubError('malformed', 'the first Ogg page holds no complete packet');
  const codec = codecOf(firstPacket);
  const { count, packets } = headerPageCount(pages, codec);
  const removed: string[] = [];
  const comment = packets[codec.commentIndex] ?? new Uint8Array();
  if (!sameBytes(comment, codec.emptyComment)) addOnce(removed, `${codec.name} comments (tags, encoder)`);
  const headers = packets.map((p, i) => (i === codec.commentIndex ? codec.emptyComment : p));
  // The identification header alone on the first page, then the others from a fresh page.
  const identPages = paginateHeaders(headers.slice(0, 1), first.serial, 0, PAGE_FLAG.firstPage);
  const rebuilt = [...identPages, ...paginateHeaders(headers.slice(1), first.serial, identPages.length, 0)];
  const audio = pages.slice(count).map((page, i) => buildPage(page.flags, page.granule, page.serial, rebuilt.length + i, page.lacing, page.body));
  if (trailing > 0) addOnce(removed, 'trailing data');
  return { bytes: concatBytes([...rebuilt, ...audio]), removed };
}

