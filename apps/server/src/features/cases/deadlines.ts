/**
 * Deadlines (DESIGN §4): acknowledge an alert within N days of its arrival; give the reporter
 * feedback within N months of acknowledging it (an organisation message after the
 * acknowledgement, or leaving by an exit or closing, satisfies it); expect the authority's
 * acknowledgement of a forwarding within N days of sending it. Computed from days the server
 * already holds (received day, state-change and message days, forwarding instants), so no
 * new date about a reporter is stored. Pure functions over 'YYYY-MM-DD' days, in UTC.
 */
import { DEFAULT_DEADLINES } from '@kenekanko/contracts';
import type { Deadlines, DueItem } from '@kenekanko/contracts';
import type { DeadlineFacts } from './ports.ts';

function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  const date = dayToDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDay(date);
}

/** Calendar months; the 31st plus one month is the last day of a shorter month. */
export function addMonths(day: string, months: number): string {
  const date = dayToDate(day);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return isoDay(target);
}

/** Overdue first, then the earliest due day, then a stable order. */
export function compareDue(a: DueItem, b: DueItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueDay !== b.dueDay) return a.dueDay < b.dueDay ? -1 : 1;
  const ka = `${a.alertId}/${a.kind}/${a.forwardingId ?? ''}`;
  const kb = `${b.alertId}/${b.kind}/${b.forwardingId ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Every open deadline, sorted (compareDue). `today` is a day; a deadline is overdue the day after its due day. */
export function dueItems(facts: DeadlineFacts, deadlinesOf: (orgId: string) => Deadlines, today: string): DueItem[] {
  const items: DueItem[] = [];
  const item = (kind: DueItem['kind'], alertId: string, forwardingId: string | null, dueDay: string): DueItem => ({ kind, alertId, forwardingId, dueDay, overdue: dueDay < today });
  for (const alert of facts.alerts) {
    const deadlines = deadlinesOf(alert.orgId);
    if (alert.state === 'received') {
      items.push(item('acknowledge', alert.alertId, null, addDays(alert.receivedDay, deadlines.acknowledgeDays)));
      continue;
    }
    const acknowledged = alert.acknowledgedDay;
    if (acknowledged === null) continue;
    const answered = alert.lastOrganisationMessageDay !== null && alert.lastOrganisationMessageDay >= acknowledged;
    if (!answered) items.push(item('feedback', alert.alertId, null, addMonths(acknowledged, deadlines.feedbackMonths)));
  }
  for (const forwarding of facts.forwardings) {
    const deadlines = deadlinesOf(forwarding.fromOrgId);
    items.push(item('forwarding-acknowledgement', forwarding.alertId, forwarding.forwardingId, addDays(forwarding.sentDay, deadlines.forwardingAcknowledgeDays)));
  }
  return items.sort(compareDue);
}

export function withDefaults(saved: ReadonlyMap<string, Deadlines>): (orgId: string) => Deadlines {
  return (orgId) => saved.get(orgId) ?? DEFAULT_DEADLINES;
}
