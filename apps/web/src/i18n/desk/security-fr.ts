/** French desk messages: Second factor (TOTP) and account recovery. Keys start with 'desk.security.'. */
import type { MessageTable } from '../types.ts';

export const securityFr = {} as const satisfies MessageTable<string>;

export type SecurityKey = keyof typeof securityFr;
