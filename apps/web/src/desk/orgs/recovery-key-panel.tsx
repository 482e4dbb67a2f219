/** A recovery key shown once, to print: it exists nowhere else. */
import { t } from '../../i18n/desk/catalogues.ts';

export function RecoveryKeyPanel(props: { readonly title: string; readonly intro: string; readonly recoveryKey: string }) {
  return (
    <section class="panel recovery" data-testid="org-recovery">
      <h2>{props.title}</h2>
      <p class="banner banner--warning">{props.intro}</p>
      <code class="recovery__key" data-testid="org-recovery-key">{props.recoveryKey}</code>
      <div class="actions no-print">
        <button type="button" class="button button--secondary" onClick={() => window.print()}>
          {t('desk.setup.print')}
        </button>
      </div>
    </section>
  );
}
