/** English desk messages: Identity requests, signed audit checkpoints and retention. Typed against custody-fr.ts. */
import type { MessageTable } from '../types.ts';
import type { CustodyKey } from './custody-fr.ts';

export const custodyEn: MessageTable<CustodyKey> = {};
