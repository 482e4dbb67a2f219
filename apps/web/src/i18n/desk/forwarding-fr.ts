/** French desk messages: Forwarding verified cases to authorities and media, and following them to their outcome. Keys start with 'desk.forwarding.'. */
import type { MessageTable } from '../types.ts';

export const forwardingFr = {} as const satisfies MessageTable<string>;

export type ForwardingKey = keyof typeof forwardingFr;
