/** English desk messages: focal points in the field. Typed against field-fr.ts. */
import type { MessageTable } from '../types.ts';
import type { FieldKey } from './field-fr.ts';

export const fieldEn: MessageTable<FieldKey> = {};
