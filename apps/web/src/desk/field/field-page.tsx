/**
 * The field page, for focal points: write down an alert heard in person or by phone with the
 * reporter's own form, seal it at once to the organisation's public key, hand the citizen the
 * receipt (printed or read aloud), and see what waits to be sent (the reporter's outbox list,
 * with "send now" and discard). Works offline once opened: see docs/adr/0011-focal-points.md.
 */
import '../../reporter/reporter.css';
import '../../reporter/voice/voice.css';
import './field.css';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { StaffSession } from '@kenekanko/client';
import { t } from '../../i18n/desk/catalogues.ts';
import { t as publicT } from '../../i18n/catalogues.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { AlertFormFields } from '../../reporter/alert-form/alert-form-fields.tsx';
import { ensurePlaces, formErrors, resetForm } from '../../reporter/alert-form/alert-form-state.ts';
import { ALERT_FORM_FIELDS } from '../../reporter/alert-form/alert-form-values.ts';
import { OutboxNotice } from '../../reporter/offline/outbox-notice.tsx';
import { fieldOrganisations } from './field-org.ts';
import type { FieldOrganisation } from './field-org.ts';
import { closeSlip, fieldIntake, openField, readiness, recordAlert, recordState } from './field-state.ts';
import { ReceiptSlip } from './receipt-slip.tsx';

function OrganisationChoice(props: { readonly orgs: readonly FieldOrganisation[]; readonly orgId: string; readonly onChange: (orgId: string) => void }) {
  if (props.orgs.length < 2) return null;
  return (
    <div class="field">
      <label for="field-org">{t('desk.field.org')}</label>
      <select id="field-org" value={props.orgId} onChange={(event) => props.onChange(event.currentTarget.value)}>
        {props.orgs.map((org) => (
          <option key={org.orgId} value={org.orgId}>
            {org.orgName}
          </option>
        ))}
      </select>
    </div>
  );
}

function FieldForm(props: { readonly orgId: string }) {
  const state = recordState.value;
  const errors = ALERT_FORM_FIELDS.filter((field) => formErrors.value[field] !== undefined).length;
  return (
    <form
      class="panel"
      noValidate
      autocomplete="off"
      aria-labelledby="field-form-title"
      data-testid="field-form"
      onSubmit={(event) => {
        event.preventDefault();
        void recordAlert(props.orgId);
      }}
    >
      <h2 id="field-form-title">{publicT('form.title')}</h2>
      {state.status === 'failed' && (
        <ErrorBanner error={state.error} testId="field-failed">
          <p>{t('desk.field.failed')}</p>
        </ErrorBanner>
      )}
      {errors > 0 && (
        <p class="banner banner--error" role="alert" data-testid="field-errors">
          {t('desk.field.errors', { count: errors })}
        </p>
      )}
      <AlertFormFields />
      <div class="actions">
        <button type="submit" class="button button--primary" data-testid="field-record" disabled={state.status === 'sealing'}>
          {t(state.status === 'sealing' ? 'desk.field.sealing' : 'desk.field.record')}
        </button>
      </div>
    </form>
  );
}

function FieldBody(props: { readonly orgId: string }) {
  const intake = fieldIntake.value;
  const state = recordState.value;
  const ready = useMemo(() => (intake.status === 'ready' ? readiness(intake.intake, props.orgId) : null), [intake, props.orgId]);
  if (state.status === 'slip') return <ReceiptSlip slip={state.slip} onDone={closeSlip} />;
  if (ready?.status === 'untrusted') return <ErrorBanner error={ready.error} testId="field-untrusted" />;
  if (state.status === 'not-in-directory' || ready?.status === 'not-in-directory') {
    return (
      <p class="banner banner--error" role="alert" data-testid="field-not-in-directory">
        {t('desk.field.notInDirectory')}
      </p>
    );
  }
  if (intake.status === 'loading') return <p role="status">{t('desk.field.loading')}</p>;
  if (intake.status === 'failed') {
    return (
      <ErrorBanner error={intake.error} testId="field-intake-failed">
        <p>{t('desk.field.intakeFailed')}</p>
        <button type="button" class="button button--secondary" onClick={() => void openField()}>
          {t('desk.field.reload')}
        </button>
      </ErrorBanner>
    );
  }
  return <FieldForm orgId={props.orgId} />;
}

export function FieldPage(props: { readonly session: StaffSession }) {
  const orgs = fieldOrganisations(props.session.me.memberships);
  const [orgId, setOrgId] = useState(orgs[0]?.orgId ?? '');
  useEffect(() => {
    void openField();
    // The whole list: no budget here, and a focal point offline still picks any commune.
    void ensurePlaces('whole');
    // SECURITY: leaving the page (logging out included) drops the receipt and what was typed.
    return () => {
      closeSlip();
      resetForm();
    };
  }, []);
  return (
    <section aria-labelledby="field-title" data-testid="field-page">
      <h1 id="field-title">{t('desk.field.title')}</h1>
      <p>{t('desk.field.intro')}</p>
      <p class="field__hint">{t('desk.field.keepOpen')}</p>
      <OutboxNotice />
      {orgs.length === 0 ? (
        <p class="banner banner--warning" data-testid="field-no-org">
          {t('desk.field.noOrg')}
        </p>
      ) : (
        <>
          <OrganisationChoice
            orgs={orgs}
            orgId={orgId}
            onChange={(next) => {
              setOrgId(next);
              if (recordState.value.status !== 'slip') closeSlip();
            }}
          />
          <FieldBody orgId={orgId} />
        </>
      )}
    </section>
  );
}
