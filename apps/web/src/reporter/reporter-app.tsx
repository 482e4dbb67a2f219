import { t } from '../i18n/catalogues.ts';
import { assertNever } from '../shared/assert-never.ts';
import { PageHeader } from '../shared/components/page-header.tsx';
import { AlertFormPage } from './alert-form/alert-form-page.tsx';
import { FollowUpPage } from './follow-up/follow-up-page.tsx';
import { HomePage } from './home-page.tsx';
import { ReceiptPage } from './receipt-page.tsx';
import { view } from './reporter-state.ts';

function CurrentView() {
  const current = view.value;
  switch (current.name) {
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
      <PageHeader subtitle={t('app.tagline')} />
      <main class="page">
        <CurrentView />
      </main>
    </>
  );
}
