/** English desk messages: Second factor (TOTP) and account recovery. Typed against security-fr.ts. */
import type { MessageTable } from '../types.ts';
import type { SecurityKey } from './security-fr.ts';

export const securityEn: MessageTable<SecurityKey> = {};
