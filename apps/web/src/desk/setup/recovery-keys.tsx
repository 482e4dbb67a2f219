/**
 * The four recovery keys, shown once after setup, each with what it recovers. SECURITY: they
 * exist nowhere else (not on the server); continuing replaces this page in the history and
 * reloads, which drops them from memory.
 */
import { useState } from 'preact/hooks';
import type { SetupResult } from '@kenekanko/client';
import { t } from '../../i18n/desk/catalogues.ts';
import type { DeskMessageKey } from '../../i18n/desk/catalogues.ts';

type KeyName = keyof SetupResult['recoveryKeys'];

const KEYS: readonly { readonly name: KeyName; readonly title: DeskMessageKey; readonly help: DeskMessageKey }[] = [
  { name: 'user', title: 'desk.setup.key.user', help: 'desk.setup.key.userHelp' },
  { name: 'organisation', title: 'desk.setup.key.organisation', help: 'desk.setup.key.organisationHelp' },
  { name: 'coalition', title: 'desk.setup.key.coalition', help: 'desk.setup.key.coalitionHelp' },
  { name: 'custodian', title: 'desk.setup.key.custodian', help: 'desk.setup.key.custodianHelp' },
];

export function RecoveryKeys(props: { readonly keys: SetupResult['recoveryKeys'] }) {
  const [kept, setKept] = useState(false);
  return (
    <section class="panel recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{t('desk.setup.keysTitle')}</h1>
      <p class="banner banner--warning">{t('desk.setup.keysIntro')}</p>
      <dl class="recovery__list">
        {KEYS.map((key) => (
          <div key={key.name} class="recovery__item">
            <dt>{t(key.title)}</dt>
            <dd>
              <code class="recovery__key" data-testid={`recovery-key-${key.name}`}>
                {props.keys[key.name]}
              </code>
              <p class="field__hint">{t(key.help)}</p>
            </dd>
          </div>
        ))}
      </dl>
      <div class="actions no-print">
        <button type="button" class="button button--secondary" data-testid="recovery-print" onClick={() => window.print()}>
          {t('desk.setup.print')}
        </button>
      </div>
      <div class="no-print">
        <label class="choice" for="recovery-kept">
          <input type="checkbox" id="recovery-kept" checked={kept} onChange={(event) => setKept(event.currentTarget.checked)} />
          <span>{t('desk.setup.confirm')}</span>
        </label>
        <button type="button" class="button button--primary" disabled={!kept} data-testid="recovery-continue" onClick={() => location.replace('/desk')}>
          {t('desk.setup.continue')}
        </button>
      </div>
    </section>
  );
}
