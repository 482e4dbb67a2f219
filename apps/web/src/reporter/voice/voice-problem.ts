/**
 * Why a voice message could not be recorded, as a closed set the page words in the
 * reporter's language. None of these stops the rest of the form: the reporter can still
 * write, attach files and send.
 */

export const VOICE_PROBLEMS = ['unsupported', 'denied', 'no-microphone', 'busy', 'disguise-unavailable', 'empty', 'failed'] as const;
export type VoiceProblem = (typeof VOICE_PROBLEMS)[number];

export function isVoiceProblem(value: unknown): value is VoiceProblem {
  return typeof value === 'string' && (VOICE_PROBLEMS as readonly string[]).includes(value);
}

export class VoiceError extends Error {
  override readonly name = 'VoiceError';
  constructor(
    readonly problem: VoiceProblem,
    options?: { readonly cause?: unknown },
  ) {
    super(`voice recording: ${problem}`, options);
  }
}

/** What getUserMedia's rejection means for the reporter (the DOMException names of the Media Capture spec). */
export function problemOfMicrophoneError(error: unknown): VoiceProblem {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'no-microphone';
    case 'NotReadableError':
    case 'AbortError':
    case 'TrackStartError':
      return 'busy';
    case 'TypeError':
      return 'unsupported';
    default:
      return 'failed';
  }
}

export function problemOf(error: unknown): VoiceProblem {
  return error instanceof VoiceError ? error.problem : 'failed';
}
