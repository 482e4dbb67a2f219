/**
 * The key grants a new alert must carry, exactly (DESIGN §3): its content key to the routed
 * organisation and to the reporter, its desk key to the organisation only, and its identity
 * key to the custodian only.
 *
 * SECURITY: refusing any other set stops a tampered browser bundle (or a mistake) from
 * granting the content to an extra recipient, the desk key to the reporter, or the identity
 * to the organisation without the custodian's consent.
 */
import type { KeyGrant } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import { newId } from '../shared/ids.ts';
import type { GrantRecord } from '../shared/records.ts';

export type AlertGrantContext = {
  readonly alertId: string;
  readonly orgId: string;
  readonly orgKeyVersion: number;
  readonly custodianId: string;
  readonly custodianKeyVersion: number;
};

type Slot = Pick<KeyGrant, 'keyKind' | 'recipientType' | 'recipientId' | 'recipientKeyVersion'>;

function slots(ctx: AlertGrantContext): readonly Slot[] {
  return [
    { keyKind: 'content', recipientType: 'organisation', recipientId: ctx.orgId, recipientKeyVersion: ctx.orgKeyVersion },
    { keyKind: 'content', recipientType: 'reporter', recipientId: ctx.alertId, recipientKeyVersion: 1 },
    { keyKind: 'desk', recipientType: 'organisation', recipientId: ctx.orgId, recipientKeyVersion: ctx.orgKeyVersion },
    { keyKind: 'identity', recipientType: 'custodian', recipientId: ctx.custodianId, recipientKeyVersion: ctx.custodianKeyVersion },
  ];
}

function fits(grant: KeyGrant, slot: Slot, alertId: string): boolean {
  return (
    grant.objectType === 'alert' &&
    grant.objectId === alertId &&
    grant.keyVersion === 1 &&
    grant.keyKind === slot.keyKind &&
    grant.recipientType === slot.recipientType &&
    grant.recipientId === slot.recipientId &&
    grant.recipientKeyVersion === slot.recipientKeyVersion
  );
}

/** The grants as records to store, or 'validation-failed' naming the grants that do not fit. */
export function checkAlertGrants(grants: readonly KeyGrant[], ctx: AlertGrantContext): readonly GrantRecord[] {
  const expected = slots(ctx);
  const used = new Set<number>();
  const issues: string[] = [];
  for (const [i, grant] of grants.entries()) {
    const slot = expected.findIndex((s, k) => !used.has(k) && fits(grant, s, ctx.alertId));
    if (slot < 0) issues.push(`grants.${i}`);
    else used.add(slot);
  }
  if (grants.length !== expected.length && issues.length === 0) issues.push('grants');
  if (issues.length > 0) throw new AppError('validation-failed', { issues });
  return grants.map((g) => ({ ...g, id: newId() }));
}
