/** French desk messages: Organisations, memberships, invitations, organisation keys and the signed key directory. Keys start with 'desk.orgs.'. */
import type { MessageTable } from '../types.ts';

export const orgsFr = {} as const satisfies MessageTable<string>;

export type OrgsKey = keyof typeof orgsFr;
