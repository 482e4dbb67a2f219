/** English desk messages: Organisations, memberships, invitations, organisation keys and the signed key directory. Typed against orgs-fr.ts. */
import type { MessageTable } from '../types.ts';
import type { OrgsKey } from './orgs-fr.ts';

export const orgsEn: MessageTable<OrgsKey> = {};
