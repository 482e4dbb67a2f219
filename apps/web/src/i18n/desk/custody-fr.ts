/** French desk messages: Identity requests, signed audit checkpoints and retention. Keys start with 'desk.custody.'. */
import type { MessageTable } from '../types.ts';

export const custodyFr = {} as const satisfies MessageTable<string>;

export type CustodyKey = keyof typeof custodyFr;
