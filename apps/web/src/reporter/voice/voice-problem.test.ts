import { describe, expect, it } from 'vitest';
import { VOICE_PROBLEMS, VoiceError, isVoiceProblem, problemOf, problemOfMicrophoneError } from './voice-problem.ts';

describe('problemOfMicrophoneError', () => {
  it.each([
    ['NotAllowedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotFoundError', 'no-microphone'],
    ['OverconstrainedError', 'no-microphone'],
    ['NotReadableError', 'busy'],
    ['AbortError', 'busy'],
    ['TypeError', 'unsupported'],
    ['SomethingNew', 'failed'],
  ])('%s means %s', (name, problem) => {
    expect(problemOfMicrophoneError(new DOMException('x', name))).toBe(problem);
  });

  it('reads anything that is not an error as a failure', () => {
    expect(problemOfMicrophoneError(undefined)).toBe('failed');
    expect(problemOfMicrophoneError('NotAllowedError')).toBe('failed');
  });
});

describe('VoiceError', () => {
  it('carries its problem, which problemOf reads back; other errors are failures', () => {
    const cause = new Error('inner');
    const error = new VoiceError('disguise-unavailable', { cause });
    expect(error.cause).toBe(cause);
    expect(problemOf(error)).toBe('disguise-unavailable');
    expect(problemOf(new Error('x'))).toBe('failed');
    expect(VOICE_PROBLEMS.every(isVoiceProblem)).toBe(true);
    expect(isVoiceProblem('denied ')).toBe(false);
  });
});
