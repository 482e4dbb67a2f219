/** English desk messages: Case work: assignment, labels, priority, duplicates, checklist, deadlines and notifications. Typed against cases-fr.ts. */
import type { MessageTable } from '../types.ts';
import type { CasesKey } from './cases-fr.ts';

export const casesEn: MessageTable<CasesKey> = {};
