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
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditEntry = {
  readonly actorId: string | null;
  readonly action: AuditAction;
  readonly objectType: 'organisation' | 'user' | 'alert';
  readonly objectId: string | null;
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
};

export type AuditLog = {
  append(entry: AuditEntry, now: Date): Promise<void>;
};
