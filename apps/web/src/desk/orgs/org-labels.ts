/** Labels of organisation kinds, roles and key statuses, through the desk catalogue. */
import type { OrganisationKind, OrganisationView, Role } from '@kenekanko/contracts';
import { t } from '../../i18n/desk/catalogues.ts';

export const kindLabel = (kind: OrganisationKind): string => t(`desk.orgs.kind.${kind}`);
export const roleLabel = (role: Role): string => t(`desk.orgs.role.${role}`);

export function statusLabel(org: Pick<OrganisationView, 'keyStatus' | 'keyVersion'>): string {
  switch (org.keyStatus) {
    case 'none':
      return t('desk.orgs.status.none');
    case 'unsigned':
      return t('desk.orgs.status.unsigned');
    case 'signed':
      return t('desk.orgs.status.signed', { version: org.keyVersion });
  }
}
