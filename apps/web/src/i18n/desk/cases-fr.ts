/** French desk messages: Case work: assignment, labels, priority, duplicates, checklist, deadlines and notifications. Keys start with 'desk.cases.'. */
import type { MessageTable } from '../types.ts';

export const casesFr = {} as const satisfies MessageTable<string>;

export type CasesKey = keyof typeof casesFr;
