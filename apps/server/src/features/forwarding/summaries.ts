/**
 * Forwarding records as the API shows them: summaries with the acknowledgement due day, and
 * full views. The due day follows the sending organisation's configured deadline (cases area's
 * settings, forwardingAcknowledgeDays), as its overdue reminders do; 30 days by default.
 */
import { DEFAULT_DEADLINES } from '@kenekanko/contracts';
import type { ForwardingAction, ForwardingSummary, ForwardingView, KeyGrant } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import type { ForwardingDeps, ForwardingEventRecord, ForwardingRecord, OrgRef } from './ports.ts';

const DAY_MS = 24 * 3600 * 1000;

/** The day an acknowledgement is due: the sending day plus the sending organisation's days. */
export function ackDueDay(sentAt: string, days: number = DEFAULT_DEADLINES.forwardingAcknowledgeDays): string {
  const sent = new Date(`${sentAt.slice(0, 10)}T00:00:00.000Z`);
  return new Date(sent.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

type SummaryRepos = Pick<ForwardingDeps, 'forwarding' | 'caseSettings'>;
type AckDays = (fromOrgId: string) => number;

async function ackDaysOf(repos: SummaryRepos, records: readonly ForwardingRecord[]): Promise<AckDays> {
  const saved = await repos.caseSettings.deadlinesOf([...new Set(records.map((r) => r.fromOrgId))]);
  return (orgId) => saved.get(orgId)?.forwardingAcknowledgeDays ?? DEFAULT_DEADLINES.forwardingAcknowledgeDays;
}

function ref(refs: ReadonlyMap<string, OrgRef>, orgId: string): OrgRef {
  const org = refs.get(orgId);
  if (org === undefined) throw new AppError('internal');
  return org;
}

export function summaryOf(record: ForwardingRecord, refs: ReadonlyMap<string, OrgRef>, events: readonly ForwardingEventRecord[], ackDays: AckDays): ForwardingSummary {
  return {
    id: record.id,
    alertId: record.alertId,
    fromOrg: ref(refs, record.fromOrgId),
    toOrg: ref(refs, record.toOrgId),
    state: record.state,
    sentAt: record.sentAt,
    acknowledgedAt: record.acknowledgedAt,
    concludedAt: record.concludedAt,
    ackDueDay: ackDueDay(record.sentAt, ackDays(record.fromOrgId)),
    onwardOf: record.onwardOf,
    includesIdentity: record.includesIdentity,
    actions: events.flatMap((e): ForwardingAction[] => (e.action === null ? [] : [e.action])),
  };
}

export async function summariesOf(repos: SummaryRepos, records: readonly ForwardingRecord[]): Promise<ForwardingSummary[]> {
  const repo = repos.forwarding;
  const refs = await repo.orgRefs([...new Set(records.flatMap((r) => [r.fromOrgId, r.toOrgId]))]);
  const events = await repo.eventsOf(records.map((r) => r.id));
  const ackDays = await ackDaysOf(repos, records);
  return records.map((r) => summaryOf(r, refs, events.get(r.id) ?? [], ackDays));
}

export async function viewsOf(repos: SummaryRepos, records: readonly ForwardingRecord[], viewerOrg: (r: ForwardingRecord) => string): Promise<ForwardingView[]> {
  const repo = repos.forwarding;
  const refs = await repo.orgRefs([...new Set(records.flatMap((r) => [r.fromOrgId, r.toOrgId]))]);
  const events = await repo.eventsOf(records.map((r) => r.id));
  const ackDays = await ackDaysOf(repos, records);
  const views: ForwardingView[] = [];
  for (const r of records) {
    const grants = await repo.grantsOf(r.id);
    const orgId = viewerOrg(r);
    const grant: KeyGrant | undefined = grants.find((g) => g.recipientType === 'organisation' && g.recipientId === orgId && g.keyKind === 'package');
    const list = events.get(r.id) ?? [];
    views.push({
      summary: summaryOf(r, refs, list, ackDays),
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
