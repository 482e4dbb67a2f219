/**
 * Sound for the voice tests: a WAV that Chromium's fake microphone plays (two alternating
 * tones, so noise suppression does not treat it as a steady hum), and ffmpeg/ffprobe as
 * judges of what the platform stored: does the file decode, how long is it, what pitch is in it.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

export const SAMPLE_RATE = 48_000;
/** The fake microphone's tones, each held for half a second. */
export const TONES_HZ = [440, 660] as const;
const TONE_SECONDS = 0.5;

export function writeToneWav(file: string, seconds = 6): void {
  const samples = Math.round(seconds * SAMPLE_RATE);
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(SAMPLE_RATE, 24);
  wav.writeUInt32LE(SAMPLE_RATE * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    const time = i / SAMPLE_RATE;
    const frequency = TONES_HZ[Math.floor(time / TONE_SECONDS) % TONES_HZ.length] ?? 440;
    wav.writeInt16LE(Math.round(0.5 * 32767 * Math.sin(2 * Math.PI * frequency * time)), 44 + i * 2);
  }
  writeFileSync(file, wav);
}

/** The file decoded by ffmpeg to mono 48 kHz samples in [-1, 1]; throws on any decoding error. */
export function decodeWithFfmpeg(file: string): Float32Array {
  const pcm = execFileSync('ffmpeg', ['-v', 'error', '-xerror', '-i', file, '-f', 's16le', '-ac', '1', '-ar', String(SAMPLE_RATE), '-'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const out = new Float32Array(pcm.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = pcm.readInt16LE(i * 2) / 32768;
  return out;
}

export type Probe = {
  readonly format: { readonly format_name: string; readonly duration?: string; readonly tags?: Readonly<Record<string, string>> };
  readonly streams: readonly { readonly codec_name: string; readonly channels: number; readonly tags?: Readonly<Record<string, string>> }[];
};

export function ffprobe(file: string): Probe {
  return JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', file], { encoding: 'utf8' })) as Probe;
}

/** Power of one frequency in a window (Goertzel). */
function power(samples: Float32Array, start: number, length: number, frequency: number): number {
  const coefficient = 2 * Math.cos((2 * Math.PI * frequency) / SAMPLE_RATE);
  let previous = 0;
  let beforePrevious = 0;
  for (let i = start; i < start + length; i++) {
    const current = (samples[i] ?? 0) + coefficient * previous - beforePrevious;
    beforePrevious = previous;
    previous = current;
  }
  return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
}

/** The strongest frequency (200–900 Hz, 2 Hz steps) of each quarter-second that is not silent. */
export function dominantFrequencies(samples: Float32Array): number[] {
  const window = SAMPLE_RATE / 4;
  const found: number[] = [];
  for (let start = 0; start + window <= samples.length; start += window) {
    let energy = 0;
    for (let i = start; i < start + window; i++) energy += (samples[i] ?? 0) ** 2;
    if (Math.sqrt(energy / window) < 0.01) continue;
    let best = 0;
    let bestFrequency = 0;
    for (let frequency = 200; frequency <= 900; frequency += 2) {
      const value = power(samples, start, window, frequency);
      if (value > best) [best, bestFrequency] = [value, frequency];
    }
    found.push(bestFrequency);
  }
  return found;
}

/** The share of `frequencies` within `tolerance` (relative) of one of `targets`. */
export function shareNear(frequencies: readonly number[], targets: readonly number[], tolerance: number): number {
  if (frequencies.length === 0) return 0;
  const near = frequencies.filter((frequency) => targets.some((target) => Math.abs(frequency - target) <= target * tolerance));
  return near.length / frequencies.length;
}
