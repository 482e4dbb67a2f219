/** Port: alert rows as the reporter's side and the desk both need them. */
import type { AlertState, KeyGrant, Priority, Statistics } from '@kenekanko/contracts';

export type AlertRecord = {
  readonly id: string;
  readonly orgId: string;
  readonly state: AlertState;
  readonly receivedDay: string;
  readonly statistics: Statistics;
  readonly questionnaireVersion: number;
  readonly answersEnvelope: string;
  readonly reporterX25519Public: string;
  readonly reporterEd25519Public: string;
  readonly duplicateOf: string | null;
  readonly assigneeId: string | null;
  readonly updatedAt: string;
  /** Case work (issue 3): a workflow field in clear. */
  readonly priority: Priority;
};

export type AlertRepo = {
  findAlert(alertId: string): Promise<AlertRecord | undefined>;
  /** Reads the alert and locks its row until the transaction ends (serialises its messages and state changes). */
  lockAlert(alertId: string): Promise<AlertRecord | undefined>;
  /** Grants of this alert's keys to one recipient type (e.g. the content key sealed to the reporter). */
  grantsOf(alertId: string, recipientType: KeyGrant['recipientType']): Promise<readonly KeyGrant[]>;
};

/** An id no alert can have (ids are 22 base64url characters), to do a miss's work like a hit's. */
export const NO_ALERT_ID = '~'.repeat(22);
