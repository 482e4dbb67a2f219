/**
 * One forwarded case, opened in this browser: the signature checked against the signed
 * directory, the package decrypted with the organisation's key, what was withheld shown as
 * such, the files, the events, and (for the recipient) the follow-up actions.
 */
import { useEffect, useState } from 'preact/hooks';
import { openForwarding } from '@kenekanko/client';
import type { OpenedForwarding, StaffSession } from '@kenekanko/client';
import type { AttachmentRef } from '@kenekanko/contracts';
import { t } from '../../i18n/desk/catalogues.ts';
import { KeyFailureBanner } from '../orgs/key-failure-banner.tsx';
import { deskFailure, openView, placeIndex } from '../desk-state.ts';
import { EventList, SummaryLine } from './event-list.tsx';
import { FollowUpForms } from './follow-up-forms.tsx';
import { fieldRows, messageHeading, statisticsRows } from './package-rows.ts';
import { PackageRows } from './package-rows-list.tsx';

function save(ref: AttachmentRef, bytes: Uint8Array): void {
  // SECURITY: never rendered inline; handed to the system as a download.
  const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = ref.name;
  link.click();
  URL.revokeObjectURL(url);
}

function PackageView(props: { readonly opened: OpenedForwarding }) {
  const { payload } = props.opened;
  const index = placeIndex.value;
  return (
    <>
      <PackageRows rows={fieldRows(payload.fields, index)} testId="package-fields" />
      <h2>{t('desk.forwarding.statistics')}</h2>
      <PackageRows rows={statisticsRows(payload.statistics, index)} testId="package-statistics" />
      {payload.note !== '' && (
        <>
          <h2>{t('desk.forwarding.noteFrom', { from: payload.fromOrg.name })}</h2>
          <blockquote data-testid="package-note">{payload.note}</blockquote>
        </>
      )}
      {payload.identity !== null && <p data-testid="package-identity">{t('desk.forwarding.identity')}: {payload.identity.name} {payload.identity.phone}</p>}
      {payload.attachments.length > 0 && <h2>{t('desk.forwarding.attachments')}</h2>}
      <ul>
        {payload.attachments.map((a) => (
          <li key={a.blobId}>
            <button type="button" class="button button--link" onClick={() => void props.opened.downloadFile(a).then((bytes) => save(a, bytes))}>{t('desk.forwarding.download', { name: a.name })}</button>
          </li>
        ))}
      </ul>
      {payload.messages.length > 0 && <h2>{t('desk.forwarding.messagesReceived')}</h2>}
      <ol data-testid="package-messages">
        {payload.messages.map((m) => (
          <li key={m.seq}>
            <strong>{messageHeading(m)}</strong>
            <p class="answers__text">{m.text}</p>
          </li>
        ))}
      </ol>
    </>
  );
}

export function ForwardingPage(props: { readonly session: StaffSession; readonly forwardingId: string }) {
  const [opened, setOpened] = useState<OpenedForwarding | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  async function load(): Promise<void> {
    setFailure(null);
    try {
      const next = await openForwarding(props.session, props.forwardingId);
      setOpened((previous) => {
        previous?.close();
        return next;
      });
    } catch (error) {
      setFailure(deskFailure(error));
    }
  }
  useEffect(() => {
    void load();
    return () => setOpened((previous) => (previous?.close(), null));
  }, [props.session, props.forwardingId]);
  const summary = opened?.view.summary;
  const recipient = opened !== null && opened.viewerOrgId === summary?.toOrg.id;
  return (
    <div class="forwarding-page">
      <button type="button" class="button button--link" onClick={() => openView({ name: 'forwardings' })}>← {t('desk.forwarding.back')}</button>
      {failure !== null && <KeyFailureBanner session={props.session} error={failure} />}
      {opened !== null && summary !== undefined && (
        <section class="panel" aria-labelledby="forwarding-page-title">
          <h1 id="forwarding-page-title">{t('desk.forwarding.page', { from: summary.fromOrg.name })}</h1>
          <p class="field__hint" data-testid="package-verified">{t('desk.forwarding.verified', { from: summary.fromOrg.name })}</p>
          <SummaryLine summary={summary} />
          <PackageView opened={opened} />
          <EventList events={opened.events} />
          {recipient && <FollowUpForms session={props.session} opened={opened} done={load} />}
        </section>
      )}
    </div>
  );
}
