import type { SubmitProgress } from '@kenekanko/client';
import { locale, t } from '../../i18n/catalogues.ts';
import { formatBytes } from '../../i18n/format.ts';

const PHASES: readonly SubmitProgress['phase'][] = ['keys', 'proof-of-work', 'encrypting', 'uploading', 'finalizing'];

/** The sending screen: which step, and how much is sent while uploading. */
export function SendProgress(props: { readonly progress: SubmitProgress }) {
  const { phase, sentBytes, totalBytes } = props.progress;
  const measured = phase === 'uploading' && totalBytes > 0;
  return (
    <section class="panel" aria-labelledby="send-title" data-testid="send-progress">
      <h1 id="send-title">{t('send.title')}</h1>
      <ol class="steps">
        {PHASES.map((step, i) => (
          <li key={step} class={step === phase ? 'steps__item steps__item--current' : i < PHASES.indexOf(phase) ? 'steps__item steps__item--done' : 'steps__item'} aria-current={step === phase ? 'step' : undefined}>
            {t(`send.phase.${step}`)}
          </li>
        ))}
      </ol>
      {/* Without a value the bar is indeterminate: the other phases have no measurable length. */}
      <progress class="progress" aria-label={t(`send.phase.${phase}`)} data-phase={phase} max={measured ? totalBytes : undefined} value={measured ? sentBytes : undefined} />
      {measured && (
        <p class="field__hint">{t('send.bytes', { sent: formatBytes(sentBytes, locale()), total: formatBytes(totalBytes, locale()) })}</p>
      )}
      <p>{t('send.keepOpen')}</p>
    </section>
  );
}
