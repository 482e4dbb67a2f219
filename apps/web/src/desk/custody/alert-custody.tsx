/** The custody parts of the alert page (one include line there): the identity requests and the retention hold. */
import type { StaffSession } from '@kenekanko/client';
import { IdentityPanel } from './identity-panel.tsx';
import { RetentionHold } from './retention-hold.tsx';

export function AlertCustody(props: { readonly session: StaffSession; readonly alertId: string; readonly orgId: string }) {
  return (
    <>
      <IdentityPanel session={props.session} alertId={props.alertId} orgId={props.orgId} />
      <RetentionHold session={props.session} alertId={props.alertId} orgId={props.orgId} />
    </>
  );
}
