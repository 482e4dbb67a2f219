/** English desk messages: Forwarding verified cases to authorities and media, and following them to their outcome. Typed against forwarding-fr.ts. */
import type { MessageTable } from '../types.ts';
import type { ForwardingKey } from './forwarding-fr.ts';

export const forwardingEn: MessageTable<ForwardingKey> = {};
