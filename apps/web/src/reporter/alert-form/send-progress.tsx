/**
 * The sending screen: which step, how many bytes of how many are sent, and, when a send
 * fails with the alert already sealed, what can be done: try again (the same package, so
 * the alert is never filed twice), keep it for later, or go back and change it. An upload is
 * never lost silently: the sealed package stays until one of these is chosen.
 */
import type { SubmitProgress } from '@kenekanko/client';
import { formats, t } from '../../i18n/catalogues.ts';
import { formatBytes } from '../../i18n/format.ts';
import { errorText } from '../../shared/components/error-banner.tsx';
import { outboxSupported } from '../offline/outbox-store.ts';
import { editAgain, sendLater, submitForm, waitsForNetwork } from './alert-form-state.ts';
import type { SendState } from './alert-form-state.ts';

const PHASES: readonly SubmitProgress['phase'][] = ['keys', 'proof-of-work', 'encrypting', 'uploading', 'finalizing'];

function stepClass(step: SubmitProgress['phase'], phase: SubmitProgress['phase']): string {
  if (step === phase) return 'steps__item steps__item--current';
  return PHASES.indexOf(step) < PHASES.indexOf(phase) ? 'steps__item steps__item--done' : 'steps__item';
}

/** Bytes sent over the whole package; after the upload the bar stays full. */
function ProgressBar(props: { readonly progress: SubmitProgress }) {
  const { phase, sentBytes, totalBytes } = props.progress;
  const measured = (phase === 'uploading' || phase === 'finalizing') && totalBytes > 0;
  return (
    <>
      {/* Without a value the bar is indeterminate: the other phases have no measurable length. */}
      <progress class="progress" aria-label={t(`send.phase.${phase}`)} data-phase={phase} max={measured ? totalBytes : undefined} value={measured ? sentBytes : undefined} />
      {measured && (
        <p class="field__hint" data-testid="send-bytes">
          {t('send.bytes', { sent: formatBytes(sentBytes, formats()), total: formatBytes(totalBytes, formats()) })}
        </p>
      )}
    </>
  );
}

function FailedActions(props: { readonly state: Extract<SendState, { status: 'failed' }> }) {
  const { error, finalizing } = props.state;
  return (
    <div class="banner banner--error" role="alert" data-testid="send-failed">
      <p>
        <strong>{t('send.failed')}</strong> {errorText(error)}
      </p>
      <p>{t('send.failedKept')}</p>
      {waitsForNetwork(error) && <p>{t('send.autoRetry')}</p>}
      <div class="actions">
        <button type="button" class="button button--primary" data-testid="send-retry" onClick={() => void submitForm()}>
          {t('action.retry')}
        </button>
        {outboxSupported() && (
          <button type="button" class="button button--secondary" data-testid="send-later-instead" onClick={() => void sendLater()}>
            {t('send.later')}
          </button>
        )}
        {!finalizing && (
          <button type="button" class="button button--link" data-testid="send-edit" onClick={editAgain}>
            {t('send.edit')}
          </button>
        )}
      </div>
    </div>
  );
}

export function SendProgress(props: { readonly state: Extract<SendState, { status: 'sending' | 'failed' }> }) {
  const { state } = props;
  const { phase } = state.progress;
  return (
    <section class="panel" aria-labelledby="send-title" data-testid="send-progress">
      <h1 id="send-title">{t(state.status === 'failed' ? 'send.failed' : 'send.title')}</h1>
      <ol class="steps">
        {PHASES.map((step) => (
          <li key={step} class={stepClass(step, phase)} aria-current={step === phase ? 'step' : undefined}>
            {t(`send.phase.${step}`)}
          </li>
        ))}
      </ol>
      <ProgressBar progress={state.progress} />
      {state.status === 'failed' ? <FailedActions state={state} /> : <p>{t('send.keepOpen')}</p>}
    </section>
  );
}
