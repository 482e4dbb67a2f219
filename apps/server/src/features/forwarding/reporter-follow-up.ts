/**
 * The follow-up a reporter sees with their receipt: where the case went and what was done,
 * in plain words made by the reporter's page from these facts.
 *
 * SECURITY: days only (never the instant of a staff action, which would still say little,
 * but the reporter's view keeps one rule), actions from the closed list, never an event's
 * details; the recipient is named only if it chose to be (forwarding_settings).
 */
import type { ForwardingAction, ReporterFollowUp } from '@kenekanko/contracts';
import type { ForwardingRepo } from './ports.ts';

const day = (instant: string | null): string | null => (instant === null ? null : instant.slice(0, 10));

export async function reporterFollowUp(repo: ForwardingRepo, alertId: string): Promise<ReporterFollowUp[]> {
  const records = await repo.ofAlert(alertId);
  if (records.length === 0) return [];
  const refs = await repo.orgRefs([...new Set(records.map((r) => r.toOrgId))]);
  const named = await repo.nameToReporter([...refs.keys()]);
  const events = await repo.eventsOf(records.map((r) => r.id));
  return records.map((r) => {
    const org = refs.get(r.toOrgId);
    const actions = (events.get(r.id) ?? []).flatMap((e): { action: ForwardingAction; day: string }[] =>
      e.action === null ? [] : [{ action: e.action, day: e.createdAt.slice(0, 10) }],
    );
    return {
      sentDay: r.sentAt.slice(0, 10),
      recipientKind: org?.kind ?? 'authority',
      recipientName: org !== undefined && named.has(org.id) ? org.name : null,
      acknowledgedDay: day(r.acknowledgedAt),
      actions,
      concludedDay: day(r.concludedAt),
    };
  });
}
