/**
 * One recording session: open the microphone (audio only), optionally disguise it, encode
 * with MediaRecorder, stop by hand or at the length cap, and hand back the bytes.
 *
 * SECURITY: the recording exists only in this page's memory (Blob chunks, then bytes); it is
 * never stored. The microphone is released the moment the recording stops, fails or is
 * cancelled, so the phone's "microphone in use" indicator goes off at once. With disguise
 * on, MediaRecorder is given only the disguised stream (see voice-disguise.ts).
 */
import type { ClockReading, RunningClock } from './recording-clock.ts';
import { MAX_RECORDING_MS, startClock } from './recording-clock.ts';
import { VOICE_BITS_PER_SECOND, chooseRecordingType } from './recording-format.ts';
import { disguiseStream } from './voice-disguise.ts';
import type { DisguisedStream } from './voice-disguise.ts';
import { VoiceError, problemOfMicrophoneError } from './voice-problem.ts';

export type Recording = { readonly bytes: Uint8Array; readonly elapsedMs: number; readonly capped: boolean };

export type ActiveRecording = {
  /** Ends the recording; `finished` then gives it. */
  readonly stop: () => void;
  /** Ends it and throws it away; `finished` then gives undefined. */
  readonly cancel: () => void;
  readonly finished: Promise<Recording | undefined>;
};

export type RecordOptions = {
  readonly disguise: boolean;
  readonly maxMs?: number;
  readonly onTick: (reading: ClockReading) => void;
};

/** Chunks come every second, so a long message never sits in one growing buffer inside the encoder. */
const TIMESLICE_MS = 1000;

const AUDIO: MediaTrackConstraints = { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true };

/** Whether this browser can record at all (no microphone API on plain-http origins, none in some old browsers). */
export function canRecord(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    typeof navigator.mediaDevices?.getUserMedia === 'function' &&
    typeof MediaRecorder !== 'undefined'
  );
}

async function openMicrophone(): Promise<MediaStream> {
  try {
    // SECURITY: audio only; no camera is ever asked for.
    return await navigator.mediaDevices.getUserMedia({ audio: AUDIO, video: false });
  } catch (error) {
    throw new VoiceError(problemOfMicrophoneError(error), { cause: error });
  }
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

function record(recorder: MediaRecorder, release: () => void, options: RecordOptions): ActiveRecording {
  const chunks: Blob[] = [];
  let capped = false;
  let cancelled = false;
  const stop = () => {
    if (recorder.state !== 'inactive') recorder.stop();
  };
  const finished = new Promise<Recording | undefined>((resolve, reject) => {
    recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size > 0 && !cancelled) chunks.push(event.data);
    });
    recorder.addEventListener('error', (event) => {
      clock.stop();
      release();
      reject(new VoiceError('failed', { cause: event }));
    });
    recorder.addEventListener('stop', () => {
      const elapsedMs = clock.stop();
      release();
      if (cancelled) return resolve(undefined);
      const blob = new Blob(chunks);
      chunks.length = 0;
      blob.arrayBuffer().then(
        (buffer) => (buffer.byteLength === 0 ? reject(new VoiceError('empty')) : resolve({ bytes: new Uint8Array(buffer), elapsedMs, capped })),
        (error: unknown) => reject(new VoiceError('failed', { cause: error })),
      );
    });
  });
  recorder.start(TIMESLICE_MS);
  // The listeners above read the clock; MediaRecorder fires no event before start() returns.
  const clock: RunningClock = startClock({
    maxMs: options.maxMs ?? MAX_RECORDING_MS,
    onTick: options.onTick,
    onCap: () => {
      capped = true;
      stop();
    },
  });
  const cancel = () => {
    cancelled = true;
    chunks.length = 0;
    stop();
    release();
  };
  return { stop, cancel, finished };
}

/** Asks for the microphone and starts recording; throws VoiceError with the reason it cannot. */
export async function startRecording(options: RecordOptions): Promise<ActiveRecording> {
  if (!canRecord()) throw new VoiceError('unsupported');
  const microphone = await openMicrophone();
  let disguised: DisguisedStream | undefined;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    stopTracks(microphone);
    if (disguised !== undefined) {
      stopTracks(disguised.stream);
      void disguised.close().catch(() => undefined);
    }
  };
  try {
    if (options.disguise) {
      try {
        disguised = await disguiseStream(microphone);
      } catch (error) {
        // SECURITY: never fall back to the real voice when disguise was asked for.
        throw new VoiceError('disguise-unavailable', { cause: error });
      }
    }
    const mimeType = chooseRecordingType((type) => MediaRecorder.isTypeSupported(type));
    const recorder = new MediaRecorder(disguised?.stream ?? microphone, {
      ...(mimeType === '' ? {} : { mimeType }),
      audioBitsPerSecond: VOICE_BITS_PER_SECOND,
    });
    return record(recorder, release, options);
  } catch (error) {
    release();
    throw error instanceof VoiceError ? error : new VoiceError('failed', { cause: error });
  }
}
