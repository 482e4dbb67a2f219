/** Tables of Case work: assignment, labels, priority, duplicates, checklist, deadlines and notifications (migration 0004-case-work). */
export type CasesTables = Record<never, never>;
