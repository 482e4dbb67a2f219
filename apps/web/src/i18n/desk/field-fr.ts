/** French desk messages: focal points in the field (issue 4). Keys start with 'desk.field.'. */
import type { MessageTable } from '../types.ts';

export const fieldFr = {} as const satisfies MessageTable<string>;

export type FieldKey = keyof typeof fieldFr;
