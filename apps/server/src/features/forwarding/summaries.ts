/** Forwarding records as the API shows them: summaries with the acknowledgement due day, and full views. */
import { FORWARDING_ACK_DAYS } from '@kenekanko/contracts';
import type { ForwardingAction, ForwardingSummary, ForwardingView, KeyGrant } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import type { ForwardingEventRecord, ForwardingRecord, ForwardingRepo, OrgRef } from './ports.ts';

const DAY_MS = 24 * 3600 * 1000;

/** The day an acknowledgement is due: the sending day plus FORWARDING_ACK_DAYS. */
export function ackDueDay(sentAt: string): string {
  const sent = new Date(`${sentAt.slice(0, 10)}T00:00:00.000Z`);
  return new Date(sent.getTime() + FORWARDING_ACK_DAYS * DAY_MS).toISOString().slice(0, 10);
}

function ref(refs: ReadonlyMap<string, OrgRef>, orgId: string): OrgRef {
  const org = refs.get(orgId);
  if (org === undefined) throw new AppError('internal');
  return org;
}

export function summaryOf(record: ForwardingRecord, refs: ReadonlyMap<string, OrgRef>, events: readonly ForwardingEventRecord[]): ForwardingSummary {
  return {
    id: record.id,
    alertId: record.alertId,
    fromOrg: ref(refs, record.fromOrgId),
    toOrg: ref(refs, record.toOrgId),
    state: record.state,
    sentAt: record.sentAt,
    acknowledgedAt: record.acknowledgedAt,
    concludedAt: record.concludedAt,
    ackDueDay: ackDueDay(record.sentAt),
    onwardOf: record.onwardOf,
    includesIdentity: record.includesIdentity,
    actions: events.flatMap((e): ForwardingAction[] => (e.action === null ? [] : [e.action])),
  };
}

export async function summariesOf(repo: ForwardingRepo, records: readonly ForwardingRecord[]): Promise<ForwardingSummary[]> {
  const refs = await repo.orgRefs([...new Set(records.flatMap((r) => [r.fromOrgId, r.toOrgId]))]);
  const events = await repo.eventsOf(records.map((r) => r.id));
  return records.map((r) => summaryOf(r, refs, events.get(r.id) ?? []));
}

export async function viewsOf(repo: ForwardingRepo, records: readonly ForwardingRecord[], viewerOrg: (r: ForwardingRecord) => string): Promise<ForwardingView[]> {
  const refs = await repo.orgRefs([...new Set(records.flatMap((r) => [r.fromOrgId, r.toOrgId]))]);
  const events = await repo.eventsOf(records.map((r) => r.id));
  const views: ForwardingView[] = [];
  for (const r of records) {
    const grants = await repo.grantsOf(r.id);
    const orgId = viewerOrg(r);
    const grant: KeyGrant | undefined = grants.find((g) => g.recipientType === 'organisation' && g.recipientId === orgId && g.keyKind === 'package');
    const list = events.get(r.id) ?? [];
    views.push({
      summary: summaryOf(r, refs, list),
      toKeyVersion: r.toKeyVersion,
      packageEnvelope: r.packageEnvelope,
      signature: r.signature,
      files: [...r.files],
      grant: grant ?? null,
      events: list.map((e) => ({ ...e })),
    });
  }
  return views;
}
