/**
 * The quick exit, at the top of every reporter page, and its shortcut (Escape three times).
 * SECURITY: before leaving, what the page holds in memory (the form, an open follow-up and
 * its keys, a receipt on screen) is dropped, so nothing of it survives even if the next page
 * is slow to come; see shared/quick-exit.ts for what leaving does to the history.
 */
import { useEffect } from 'preact/hooks';
import { t } from '../../i18n/catalogues.ts';
import { createPressCounter, leaveNow } from '../../shared/quick-exit.ts';
import { resetForm } from '../alert-form/alert-form-state.ts';
import { followSession, view } from '../reporter-state.ts';
import { ExitIcon } from './exit-icon.tsx';

function exitNow(): void {
  resetForm();
  followSession.value = null;
  view.value = { name: 'language' };
  leaveNow();
}

export function QuickExitButton() {
  useEffect(() => {
    const press = createPressCounter();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.repeat && press(event.timeStamp)) exitNow();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  // The description stays outside the button, so the button's name is just its visible words.
  return (
    <>
      <button type="button" class="quick-exit" aria-describedby="quick-exit-description" data-testid="quick-exit" onClick={exitNow}>
        <ExitIcon />
        <span>{t('exit.label')}</span>
      </button>
      <span class="visually-hidden" id="quick-exit-description">
        {t('exit.description')}
      </span>
    </>
  );
}
