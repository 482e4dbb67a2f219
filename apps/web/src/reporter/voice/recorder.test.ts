/**
 * The recording session against fake browser objects: which stream the encoder gets, when
 * the microphone is released, and what the cap does. The real thing runs in
 * test/browser/voice.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startRecording } from './recorder.ts';
import { VoiceError } from './voice-problem.ts';

class FakeTrack {
  readyState: 'live' | 'ended' = 'live';
  stop(): void {
    this.readyState = 'ended';
  }
}

class FakeStream {
  readonly tracks = [new FakeTrack()];
  getTracks(): FakeTrack[] {
    return this.tracks;
  }
}

class FakeRecorder extends EventTarget {
  static made: FakeRecorder[] = [];
  static isTypeSupported = (type: string) => type === 'audio/webm;codecs=opus';
  state: 'inactive' | 'recording' = 'inactive';
  constructor(
    readonly stream: unknown,
    readonly options: MediaRecorderOptions,
  ) {
    super();
    FakeRecorder.made.push(this);
  }
  start(): void {
    this.state = 'recording';
  }
  stop(): void {
    this.state = 'inactive';
    const data = Object.assign(new Event('dataavailable'), { data: new Blob([Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3])]) });
    setTimeout(() => {
      this.dispatchEvent(data);
      this.dispatchEvent(new Event('stop'));
    }, 0);
  }
}

let microphone: FakeStream;
let getUserMedia: ReturnType<typeof vi.fn>;

beforeEach(() => {
  vi.useFakeTimers();
  FakeRecorder.made = [];
  microphone = new FakeStream();
  getUserMedia = vi.fn(async () => microphone);
  vi.stubGlobal('navigator', { mediaDevices: { getUserMedia } });
  vi.stubGlobal('MediaRecorder', FakeRecorder);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('startRecording', () => {
  it('asks for audio only and records the microphone at the speech bit rate', async () => {
    const recording = await startRecording({ disguise: false, onTick: () => undefined });
    expect(getUserMedia).toHaveBeenCalledWith(expect.objectContaining({ video: false, audio: expect.objectContaining({ channelCount: 1 }) }));
    expect(FakeRecorder.made).toHaveLength(1);
    expect(FakeRecorder.made[0]?.stream).toBe(microphone);
    expect(FakeRecorder.made[0]?.options).toEqual({ mimeType: 'audio/webm;codecs=opus', audioBitsPerSecond: 16_000 });
    expect(microphone.tracks[0]?.readyState).toBe('live');
    vi.advanceTimersByTime(1500);
    recording.stop();
    await vi.runAllTimersAsync();
    const done = await recording.finished;
    expect(done?.bytes).toEqual(Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3]));
    expect(done?.capped).toBe(false);
    expect(microphone.tracks[0]?.readyState).toBe('ended');
  });

  it('stops by itself at the cap and says so', async () => {
    const recording = await startRecording({ disguise: false, maxMs: 2000, onTick: () => undefined });
    await vi.advanceTimersByTimeAsync(2500);
    const done = await recording.finished;
    expect(done?.capped).toBe(true);
    expect(done?.elapsedMs).toBe(2000);
    expect(microphone.tracks[0]?.readyState).toBe('ended');
  });

  it('throws a cancelled recording away and frees the microphone at once', async () => {
    const recording = await startRecording({ disguise: false, onTick: () => undefined });
    recording.cancel();
    expect(microphone.tracks[0]?.readyState).toBe('ended');
    await vi.runAllTimersAsync();
    expect(await recording.finished).toBeUndefined();
  });

  it('never records the real voice when the disguise cannot be built', async () => {
    vi.stubGlobal('AudioContext', undefined); // no Web Audio in this browser
    const attempt = startRecording({ disguise: true, onTick: () => undefined });
    await expect(attempt).rejects.toBeInstanceOf(VoiceError);
    await expect(attempt).rejects.toMatchObject({ problem: 'disguise-unavailable' });
    expect(FakeRecorder.made).toEqual([]);
    expect(microphone.tracks[0]?.readyState).toBe('ended');
  });

  it('says why when the microphone is refused, and never builds a recorder', async () => {
    getUserMedia.mockRejectedValueOnce(new DOMException('denied', 'NotAllowedError'));
    await expect(startRecording({ disguise: false, onTick: () => undefined })).rejects.toMatchObject({ problem: 'denied' });
    expect(FakeRecorder.made).toEqual([]);
  });

  it('says the browser cannot record when MediaRecorder is missing', async () => {
    vi.stubGlobal('MediaRecorder', undefined);
    await expect(startRecording({ disguise: false, onTick: () => undefined })).rejects.toMatchObject({ problem: 'unsupported' });
    expect(getUserMedia).not.toHaveBeenCalled();
  });
});
