import { withLaterMessages } from '../i18n/lazy-catalogues.ts';
import { assertNever } from '../shared/assert-never.ts';
import { AlertFormPage } from './alert-form/alert-form-page.tsx';
import { LANGUAGE_CHOICES } from './first-screen.ts';
import { HomePage } from './home-page.tsx';
import { LanguageChooser } from './language-chooser.tsx';
import { ReceiptPage } from './receipt-page.tsx';
import { lazyView } from './lazy-view.tsx';
import { OutboxSlot } from './offline/outbox-slot.tsx';
import { ReporterHeader } from './reporter-header.tsx';
import { view } from './reporter-state.ts';

// The follow-up (its protocol code and its messages) loads when the reporter chooses it, not on first load.
const FollowUpPage = lazyView(() => withLaterMessages(() => import('./follow-up/follow-up-page.tsx')).then((module) => module.FollowUpPage));

function CurrentView() {
  const current = view.value;
  switch (current.name) {
    case 'language':
      return <LanguageChooser choices={LANGUAGE_CHOICES} />;
    case 'home':
      return <HomePage />;
    case 'form':
      return <AlertFormPage />;
    case 'receipt':
      return <ReceiptPage result={current.result} />;
    case 'follow-up':
      return <FollowUpPage />;
    default:
      return assertNever(current);
  }
}

export function ReporterApp() {
  return (
    <>
      <ReporterHeader languageSwitch={view.value.name !== 'language'} />
      <main class="page">
        <OutboxSlot />
        <CurrentView />
      </main>
    </>
  );
}
