/**
 * Retention settings for administrators: per organisation they administer, the months after
 * closing before a closed case's ciphertext is deleted (empty: keep, the default).
 */
import { useState } from 'preact/hooks';
import { loadOrgRetention, saveOrgRetention } from '@kenekanko/client';
import type { StaffSession } from '@kenekanko/client';
import { RETENTION_MAX_MONTHS } from '@kenekanko/contracts';
import { t } from '../../i18n/desk/catalogues.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { Field, controlProps } from '../../shared/components/field.tsx';
import { useAction, useLoad } from './use-load.ts';

/** null for empty (keep), a number of months, or undefined when the text is not one. */
export function parseMonths(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d{1,3}$/.test(trimmed)) return undefined;
  const months = Number(trimmed);
  return months >= 1 && months <= RETENTION_MAX_MONTHS ? months : undefined;
}

function OrgRetentionForm(props: { readonly session: StaffSession; readonly orgId: string; readonly orgName: string }) {
  const { session, orgId } = props;
  const { state } = useLoad(() => loadOrgRetention(session, orgId), [session, orgId]);
  const [text, setText] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const action = useAction();
  if (state.status === 'loading') return <p role="status">{t('desk.working')}</p>;
  if (state.status === 'failed') return <ErrorBanner error={state.error} />;
  const value = text ?? (state.value.months === null ? '' : String(state.value.months));
  const id = `retention-${orgId}`;
  return (
    <form
      noValidate
      data-testid={id}
      onSubmit={(event) => {
        event.preventDefault();
        const months = parseMonths(value);
        setProblem(months === undefined ? t('desk.custody.retention.invalid') : undefined);
        setSaved(false);
        if (months !== undefined) void action.run(async () => void (await saveOrgRetention(session, orgId, months))).then(setSaved);
      }}
    >
      <h2>{props.orgName}</h2>
      {action.failure !== null && <ErrorBanner error={action.failure} />}
      <Field id={id + '-months'} label={t('desk.custody.retention.months')} hint={t('desk.custody.retention.hint')} error={problem}>
        <input {...controlProps(id + '-months', t('desk.custody.retention.hint'), problem)} inputMode="numeric" value={value} onInput={(e) => setText(e.currentTarget.value)} />
      </Field>
      <button type="submit" class="button button--primary" disabled={action.busy}>
        {t('desk.custody.retention.save')}
      </button>
      {saved && <p role="status">{t('desk.custody.retention.saved')}</p>}
    </form>
  );
}

export function RetentionPage(props: { readonly session: StaffSession }) {
  const orgs = props.session.me.memberships.filter((m) => m.role === 'administrator');
  return (
    <section class="panel" aria-labelledby="retention-title">
      <h1 id="retention-title">{t('desk.custody.retention.title')}</h1>
      <p>{t('desk.custody.retention.intro')}</p>
      {orgs.map((m) => (
        <OrgRetentionForm key={m.orgId} session={props.session} orgId={m.orgId} orgName={m.orgName} />
      ))}
    </section>
  );
}
