/**
 * The recorder's screens, one per stage. Each moves focus to its main button when it
 * appears, so a screen-reader or keyboard user is never left on a button that just vanished.
 * The record and stop buttons are big, with an icon, for people who do not read.
 */
import { useEffect, useRef } from 'preact/hooks';
import { formats, t } from '../../i18n/catalogues.ts';
import { formatBytes } from '../../i18n/format.ts';
import { formatClock } from './recording-clock.ts';
import type { ClockReading } from './recording-clock.ts';
import type { VoiceFile } from './voice-file.ts';
import type { VoiceProblem } from './voice-problem.ts';

type Purpose = 'alert' | 'reply';

export type Review = {
  readonly voice: VoiceFile;
  /** The cleaned recording (what will be sent), for listening back. */
  readonly url: string | undefined;
  readonly elapsedMs: number;
  readonly capped: boolean;
  readonly disguised: boolean;
};

function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

function RecordIcon(props: { readonly shape: 'dot' | 'square' }) {
  return (
    <svg class="voice__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {props.shape === 'dot' ? <circle cx="12" cy="12" r="8" fill="currentColor" /> : <rect x="5" y="5" width="14" height="14" rx="2" fill="currentColor" />}
    </svg>
  );
}

export function ProblemBanner(props: { readonly problem: VoiceProblem }) {
  return (
    <p class="banner banner--error" role="alert" data-testid="voice-problem" data-problem={props.problem}>
      {t(`voice.problem.${props.problem}`)}
    </p>
  );
}

type ReadyProps = {
  readonly purpose: Purpose;
  readonly supported: boolean;
  readonly disguise: boolean;
  readonly onDisguise: (disguise: boolean) => void;
  readonly onStart: () => void;
  readonly onCancel: () => void;
};

export function ReadyStage(props: ReadyProps) {
  const start = useFocusOnMount<HTMLButtonElement>();
  const id = `voice-disguise-${props.purpose}`;
  if (!props.supported) {
    return (
      <div class="actions">
        <button type="button" class="button button--secondary" data-testid="voice-cancel" onClick={props.onCancel}>
          {t('action.back')}
        </button>
      </div>
    );
  }
  return (
    <>
      <div class="choice voice__disguise">
        <input type="checkbox" id={id} checked={props.disguise} aria-describedby={`${id}-hint`} data-testid="voice-disguise" onChange={(event) => props.onDisguise(event.currentTarget.checked)} />
        <label for={id}>{t('voice.disguise')}</label>
      </div>
      <p class="field__hint" id={`${id}-hint`}>
        {t('voice.disguiseHint')}
      </p>
      <button type="button" class="button voice__record" ref={start} data-testid="voice-start" onClick={props.onStart}>
        <RecordIcon shape="dot" />
        {t('voice.start')}
      </button>
      <div class="actions">
        <button type="button" class="button button--link" data-testid="voice-cancel" onClick={props.onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </>
  );
}

export function WorkingStage(props: { readonly what: 'starting' | 'processing' }) {
  return (
    <p class="voice__working" role="status" data-testid="voice-working">
      {t(props.what === 'starting' ? 'voice.starting' : 'voice.processing')}
    </p>
  );
}

type RecordingProps = { readonly reading: ClockReading; readonly maxMs: number; readonly disguised: boolean; readonly onStop: () => void };

export function RecordingStage(props: RecordingProps) {
  const stop = useFocusOnMount<HTMLButtonElement>();
  const { reading } = props;
  return (
    <>
      <p class="voice__live" data-testid="voice-recording">
        <span class="voice__dot" aria-hidden="true" />
        {t('voice.recording')}
        {props.disguised && ` · ${t('voice.disguised')}`}
      </p>
      {/* role=timer is not announced on every change; the stop button is what matters. */}
      <p class="voice__clock" role="timer" data-testid="voice-clock">
        {t('voice.clock', { elapsed: formatClock(reading.elapsedMs), max: formatClock(props.maxMs) })}
      </p>
      {reading.nearCap && (
        <p class="voice__near-cap" role="status">
          {t('voice.nearCap', { count: Math.ceil(reading.remainingMs / 1000) })}
        </p>
      )}
      <button type="button" class="button voice__record voice__record--stop" ref={stop} data-testid="voice-stop" onClick={props.onStop}>
        <RecordIcon shape="square" />
        {t('voice.stop')}
      </button>
    </>
  );
}

type ReviewProps = {
  readonly purpose: Purpose;
  readonly review: Review;
  readonly maxMs: number;
  readonly onAdd: () => void;
  readonly onRestart: () => void;
  readonly onCancel: () => void;
};

export function ReviewStage(props: ReviewProps) {
  const add = useFocusOnMount<HTMLButtonElement>();
  const { voice, url, elapsedMs, capped, disguised } = props.review;
  const seconds = voice.durationSeconds ?? elapsedMs / 1000;
  return (
    <>
      {capped && (
        <p class="banner banner--warning" role="status" data-testid="voice-capped">
          {t('voice.capReached', { max: formatClock(props.maxMs) })}
        </p>
      )}
      <p>{t('voice.listen')}</p>
      {url !== undefined && <audio class="voice__player" controls preload="metadata" src={url} data-testid="voice-playback" />}
      <p class="field__hint" data-testid="voice-summary">
        {t('voice.summary', { duration: formatClock(seconds * 1000), size: formatBytes(voice.entry.size, formats()) })}
        {disguised && ` ${t('voice.disguised')}`}
      </p>
      {voice.entry.status === 'uncleanable' && <p class="banner banner--warning">{t('files.warning')}</p>}
      <div class="actions">
        <button type="button" class="button button--primary" ref={add} data-testid="voice-add" onClick={props.onAdd}>
          {t(props.purpose === 'alert' ? 'voice.addToAlert' : 'voice.addToReply')}
        </button>
        <button type="button" class="button button--secondary" data-testid="voice-restart" onClick={props.onRestart}>
          {t('voice.restart')}
        </button>
        <button type="button" class="button button--link" data-testid="voice-cancel" onClick={props.onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </>
  );
}
