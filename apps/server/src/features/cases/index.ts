/** Case work: assignment, labels, priority, duplicates, checklist, deadlines and notifications. */
export type CasesRepos = Record<never, never>;
