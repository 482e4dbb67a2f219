/**
 * Port: the hash-chained audit trail (DESIGN §4b). Every staff action appends one entry in the
 * same transaction as the change it records.
 * SECURITY: details name ids, states and counts, never content, keys or anything typed.
 */
export const AUDIT_ACTIONS = [
  'setup',
  'login',
  'logout',
  'view-alert',
  'download-attachment',
  'change-state',
  'message',
  'note',
  // orgs (issue 3)
  'create-organisation',
  'rename-organisation',
  'add-preset',
  'invite',
  'join',
  'remove-member',
  'create-org-keys',
  'rotate-org-key',
  'grant-org-key',
  'grant-signing-key',
  'propose-routing',
  'sign-directory',
  // custody (issue 3)
  'identity-request',
  'identity-grant',
  'identity-refuse',
  'grant-custodian-key',
  'audit-checkpoint',
  'retention-policy',
  'retention-hold',
  'retention-release',
  'retention-delete',
  // security (issue 3)
  'enrol-second-factor',
  'reset-second-factor',
  'second-factor-failed',
  'recover-account',
  // forwarding (issue 3)
  'forward',
  'forward-onward',
  'open-package',
  'acknowledge-forwarding',
  'record-action',
  'conclude-forwarding',
  'download-package-file',
  'read-alert-forwardings',
  'forwarding-settings',
  // cases (issue 3)
  'assign',
  'set-priority',
  'set-labels',
  'set-checklist',
  'change-settings',
  'set-mail-preference',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditEntry = {
  readonly actorId: string | null;
  readonly action: AuditAction;
  readonly objectType: 'organisation' | 'user' | 'alert' | 'invitation' | 'directory' | 'audit' | 'forwarding';
  readonly objectId: string | null;
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
};

export type AuditLog = {
  append(entry: AuditEntry, now: Date): Promise<void>;
};
