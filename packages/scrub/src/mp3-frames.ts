// MPEG-1/2/2.5 audio frame headers (ISO/IEC 11172-3, 13818-3): enough to walk a stream frame
// by frame, so that anything between or after frames can be told apart from audio.

export type FrameHeader = {
  /** Whole frame length in bytes, header included. */
  readonly length: number;
  /** 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5 (the header's version bits). */
  readonly version: number;
  /** 3 = Layer I, 2 = Layer II, 1 = Layer III (the header's layer bits). */
  readonly layer: number;
  readonly sampleRate: number;
  /** Bytes between the header (and its CRC) and the audio data: where a Xing/Info tag sits. */
  readonly sideInfoEnd: number;
};

const BITRATES: Readonly<Record<string, readonly number[]>> = {
  '3-3': [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  '3-2': [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  '3-1': [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  'lsf-3': [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  'lsf-2': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  'lsf-1': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};

const SAMPLE_RATES: Readonly<Record<number, readonly number[]>> = {
  3: [44100, 48000, 32000],
  2: [22050, 24000, 16000],
  0: [11025, 12000, 8000],
};

/** The frame header at `at`, or undefined if the four bytes there are not a valid one (free format included). */
export function frameHeaderAt(b: Uint8Array, at: number): FrameHeader | undefined {
  if (at + 4 > b.length || b[at] !== 0xff) return undefined;
  const [b1, b2, b3] = [b[at + 1] ?? 0, b[at + 2] ?? 0, b[at + 3] ?? 0];
  if ((b1 & 0xe0) !== 0xe0) return undefined;
  const version = (b1 >> 3) & 3;
  const layer = (b1 >> 1) & 3;
  if (version === 1 || layer === 0 || (b3 & 3) === 2) return undefined;
  const bitrate = BITRATES[`${version === 3 ? '3' : 'lsf'}-${layer}`]?.[b2 >> 4];
  const sampleRate = SAMPLE_RATES[version]?.[(b2 >> 2) & 3];
  if (bitrate === undefined || bitrate === 0 || sampleRate === undefined) return undefined;
  const padding = (b2 >> 1) & 1;
  const length =
    layer === 3
      ? (Math.floor((12 * bitrate * 1000) / sampleRate) + padding) * 4
      : Math.floor(((layer === 1 && version !== 3 ? 72 : 144) * bitrate * 1000) / sampleRate) + padding;
  const mono = b3 >> 6 === 3;
  const sideInfo = layer !== 1 ? 0 : version === 3 ? (mono ? 17 : 32) : mono ? 9 : 17;
  const crc = (b1 & 1) === 0 ? 2 : 0;
  return { length, version, layer, sampleRate, sideInfoEnd: 4 + crc + sideInfo };
}

/** True when a frame starts at `at` and is followed by another of the same stream, or by `end`. */
export function framesChainAt(b: Uint8Array, at: number, end: number): boolean {
  const first = frameHeaderAt(b, at);
  if (first === undefined || at + first.length > end) return false;
  if (at + first.length === end) return true;
  const next = frameHeaderAt(b, at + first.length);
  return next !== undefined && next.version === first.version && next.layer === first.layer && next.sampleRate === first.sampleRate;
}
