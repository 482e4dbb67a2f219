/** Pure helpers of the case-work pages (tested beside): parsing labels and deadline fields, badges. */
import { DeadlinesSchema, MAX_LABEL_CHARS, MAX_LABELS } from '@kenekanko/contracts';
import type { Deadlines, DueItem, Priority } from '@kenekanko/contracts';
import * as v from 'valibot';

/** "fraude, Ségou , fraude" → ['fraude', 'Ségou']; null when too many or one too long. */
export function parseLabels(text: string): readonly string[] | null {
  const labels = [...new Set(text.split(',').map((l) => l.trim()).filter((l) => l !== ''))];
  if (labels.length > MAX_LABELS || labels.some((l) => l.length > MAX_LABEL_CHARS)) return null;
  return labels;
}

export type DeadlineFields = { readonly [K in keyof Deadlines]: string };

export const DEADLINE_BOUNDS: { readonly [K in keyof Deadlines]: readonly [number, number] } = {
  acknowledgeDays: [1, 365],
  feedbackMonths: [1, 24],
  forwardingAcknowledgeDays: [1, 365],
};

/** The typed deadlines, or the names of the fields that are not whole numbers within bounds. */
export function parseDeadlines(fields: DeadlineFields): { readonly ok: true; readonly deadlines: Deadlines } | { readonly ok: false; readonly invalid: readonly (keyof Deadlines)[] } {
  const candidate = { acknowledgeDays: Number(fields.acknowledgeDays), feedbackMonths: Number(fields.feedbackMonths), forwardingAcknowledgeDays: Number(fields.forwardingAcknowledgeDays) };
  const invalid = (Object.keys(DEADLINE_BOUNDS) as (keyof Deadlines)[]).filter((key) => !/^\d{1,3}$/.test(fields[key].trim()) || candidate[key] < DEADLINE_BOUNDS[key][0] || candidate[key] > DEADLINE_BOUNDS[key][1]);
  if (invalid.length > 0) return { ok: false, invalid };
  return { ok: true, deadlines: v.parse(DeadlinesSchema, candidate) };
}

const PRIORITY_RANK: Readonly<Record<Priority, number>> = { urgent: 0, high: 1, normal: 2, low: 3 };

/** Highest priority first; the server's order (newest first) within one priority. */
export function byPriority<T extends { readonly priority: Priority }>(alerts: readonly T[]): T[] {
  return alerts.map((alert, index) => ({ alert, index })).sort((a, b) => PRIORITY_RANK[a.alert.priority] - PRIORITY_RANK[b.alert.priority] || a.index - b.index).map((x) => x.alert);
}

/** The earliest open deadline of a list (already sorted overdue first by the server). */
export function firstDue(items: readonly DueItem[]): DueItem | null {
  return items[0] ?? null;
}
