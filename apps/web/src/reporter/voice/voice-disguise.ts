/**
 * Voice disguise: the microphone goes through a pitch shifter built from plain Web Audio
 * nodes, and only the shifted sound reaches the encoder. A pitch shift keeps speech easier
 * to understand than a robot effect. It is the classic delay-line shifter: a delay whose
 * length grows steadily plays the sound back slower, hence lower; two such delays, half a
 * grain apart, take turns through equal-power crossfades, so each one's jump back to zero
 * delay happens while it is silent. It needs no AudioWorklet (older phones lack it) and no
 * code beyond this bundle.
 *
 * SECURITY: when disguise is asked for, the recorder is handed only this graph's output; the
 * microphone's own stream is never connected to the recorder nor to the speakers. If the
 * graph cannot be built, recording fails rather than falling back to the real voice.
 * What it does not protect against is in docs/threat-model.md.
 */

/** Pitch after disguise, relative to the real voice: about four semitones lower. */
export const DISGUISE_PITCH_RATIO = 0.8;
/** One grain: long enough to keep the voice smooth, short enough to keep the timing. */
export const GRAIN_SECONDS = 0.1;

export type PitchShiftCurves = {
  /** One grain of the delay's course, from 0 to 1 (rising to lower the pitch, falling to raise it). */
  readonly ramp: Float32Array<ArrayBuffer>;
  /** One grain of the delay's gain: 0 at both ends, where the ramp jumps back. */
  readonly fade: Float32Array<ArrayBuffer>;
  /** How far the delay moves over one grain, in seconds. */
  readonly depthSeconds: number;
};

/**
 * The curves for a pitch ratio. A delay changing by `depth` over a grain changes the pitch
 * by `1 - depth / grain`, so the depth is `|1 - ratio| × grain`.
 */
export function pitchShiftCurves(ratio: number, sampleRate: number, grainSeconds: number = GRAIN_SECONDS): PitchShiftCurves {
  if (!(ratio > 0 && ratio < 2) || ratio === 1) throw new RangeError(`pitch ratio ${ratio}: expected (0, 1) or (1, 2)`);
  const length = Math.round(grainSeconds * sampleRate);
  if (length < 2) throw new RangeError(`grain of ${grainSeconds} s at ${sampleRate} Hz`);
  const ramp = new Float32Array(length);
  const fade = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    const phase = i / length;
    ramp[i] = ratio < 1 ? phase : 1 - phase;
    // sqrt of a triangle: two grains half a period apart sum to constant power.
    fade[i] = Math.sqrt(phase < 0.5 ? 2 * phase : 2 * (1 - phase));
  }
  return { ramp, fade, depthSeconds: Math.abs(1 - ratio) * (length / sampleRate) };
}

export type DisguisedStream = {
  readonly stream: MediaStream;
  readonly close: () => Promise<void>;
};

function loopingSource(context: AudioContext, curve: Float32Array<ArrayBuffer>): AudioBufferSourceNode {
  const buffer = context.createBuffer(1, curve.length, context.sampleRate);
  buffer.copyToChannel(curve, 0);
  const source = context.createBufferSource();
  source.buffer = buffer;
  source.loop = true;
  return source;
}

/** The microphone, pitch-shifted, as a one-channel stream for MediaRecorder. Throws if Web Audio is missing. */
export async function disguiseStream(microphone: MediaStream, ratio: number = DISGUISE_PITCH_RATIO): Promise<DisguisedStream> {
  const context = new AudioContext();
  try {
    const curves = pitchShiftCurves(ratio, context.sampleRate);
    const input = context.createMediaStreamSource(microphone);
    const output = context.createMediaStreamDestination();
    output.channelCount = 1;
    const grain = curves.ramp.length / context.sampleRate;
    const start = context.currentTime + 0.05;
    for (const offset of [0, grain / 2]) {
      const delay = context.createDelay(1);
      delay.delayTime.value = 0;
      const depth = context.createGain();
      depth.gain.value = curves.depthSeconds;
      const ramp = loopingSource(context, curves.ramp);
      ramp.connect(depth).connect(delay.delayTime);
      const gate = context.createGain();
      gate.gain.value = 0; // the fade curve alone sets it
      const fade = loopingSource(context, curves.fade);
      fade.connect(gate.gain);
      input.connect(delay).connect(gate).connect(output);
      ramp.start(start + offset);
      fade.start(start + offset);
    }
    await context.resume();
    return { stream: output.stream, close: () => context.close() };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}
