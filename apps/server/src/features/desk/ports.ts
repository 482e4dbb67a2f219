/** Ports of the staff desk. */
import type { AlertState, AlertSummary, ForwardingState } from '@kenekanko/contracts';
import type * as v from 'valibot';
import type { BlobViewSchema, NoteViewSchema, StateChangeViewSchema } from '@kenekanko/contracts';
import type { AccountRepo } from '../accounts/index.ts';
import type { AlertRepo } from '../shared/alerts.ts';
import type { AuditLog } from '../shared/audit.ts';
import type { MessageRepo } from '../shared/messages.ts';
import type { DirectoryRepo } from '../shared/records.ts';

export type NoteView = v.InferOutput<typeof NoteViewSchema>;
export type StateChangeView = v.InferOutput<typeof StateChangeViewSchema>;
export type BlobView = v.InferOutput<typeof BlobViewSchema>;

export type NewStateChange = {
  readonly alertId: string;
  readonly seq: number;
  readonly fromState: AlertState;
  readonly toState: AlertState;
  readonly actorId: string;
  /** null only for changes made by the forwarding flow (the forwarding record says why). */
  readonly reasonEnvelope: string | null;
  readonly createdAt: string;
};

export type StoredNote = { readonly id: string; readonly alertId: string; readonly authorId: string; readonly envelope: string };

export type DeskRepo = {
  /** Alerts of these organisations, newest first, optionally in one state. */
  inbox(orgIds: readonly string[], state: AlertState | undefined): Promise<readonly AlertSummary[]>;
  notesOf(alertId: string): Promise<readonly NoteView[]>;
  historyOf(alertId: string): Promise<readonly StateChangeView[]>;
  blobsOfAlert(alertId: string): Promise<readonly BlobView[]>;
  lastStateSeq(alertId: string): Promise<number>;
  /** Sets the state (and duplicate link) only if it is still `from`; false otherwise. */
  updateState(alertId: string, from: AlertState, to: AlertState, duplicateOf: string | null, at: string): Promise<boolean>;
  insertStateChange(change: NewStateChange): Promise<void>;
  /** The states of the alert's forwardings (table of the forwarding area), in no particular order. */
  forwardingStatesOf(alertId: string): Promise<readonly ForwardingState[]>;
  /** Ids of the alerts marked as duplicates of this one. */
  duplicatesOf(alertId: string): Promise<readonly string[]>;
  touchAlert(alertId: string, at: string): Promise<void>;
  findNote(noteId: string): Promise<StoredNote | undefined>;
  insertNote(note: StoredNote, createdAt: string): Promise<void>;
  /** Spam: deletes attachment blobs and empties every envelope of the alert; returns the blob ids. */
  deleteCiphertext(alertId: string): Promise<readonly string[]>;
};

export type DeskRepos = {
  readonly desk: DeskRepo;
  readonly alerts: AlertRepo;
  readonly messages: MessageRepo;
  readonly accounts: AccountRepo;
  readonly directory: DirectoryRepo;
  readonly audit: AuditLog;
};
