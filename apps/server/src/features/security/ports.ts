/** Ports of the second factor and account recovery. */
import type { SecondFactorMethod } from '@kenekanko/contracts';

export type SecondFactorState = 'pending' | 'active';

export type SecondFactorRecord = {
  readonly userId: string;
  readonly method: SecondFactorMethod;
  readonly state: SecondFactorState;
  readonly secretEnvelope: string;
  readonly lastStep: number;
  readonly failedCount: number;
  readonly createdAt: Date;
  readonly enrolledAt: Date | null;
};

export type SecondFactorRepo = {
  find(userId: string): Promise<SecondFactorRecord | undefined>;
  /** Replaces a pending enrolment (never an active factor) with a new secret. */
  putPending(userId: string, method: SecondFactorMethod, secretEnvelope: string, now: Date): Promise<void>;
  /** pending → active, with its first accepted step; false when it was not pending. */
  activate(userId: string, step: number, now: Date): Promise<boolean>;
  /**
   * Records an accepted step only if it is later than the stored one (atomic, so two
   * requests racing with one code cannot both pass); false means a replay.
   */
  acceptStep(userId: string, step: number): Promise<boolean>;
  /** Counts one wrong code; returns the count since the last accepted one. */
  countFailure(userId: string): Promise<number>;
  /** Removes the factor, pending or active; false when there was none. */
  remove(userId: string): Promise<boolean>;
};

export type AdministeredUser = {
  readonly userId: string;
  readonly login: string;
  readonly disabled: boolean;
  readonly enrolledAt: Date | null;
};

/** Who an administrator's scope reaches: every user (coalition administrators) or members of some organisations. */
export type AdminScope = { readonly all: true } | { readonly all: false; readonly orgIds: readonly string[] };

export type NewCredentials = {
  readonly salt: string;
  readonly loginKeyHash: string;
  readonly wrappedKeys: string;
  /** null keeps the current recovery wrap. */
  readonly recoveryWrappedKeys: string | null;
};

export type SecurityAccountRepo = {
  usersInScope(scope: AdminScope): Promise<readonly AdministeredUser[]>;
  /** Ends every session of a user (after a reset or a recovery). */
  deleteSessionsOf(userId: string): Promise<void>;
  /** Replaces salt, login key hash and wraps, only if the salt is still `expectedSalt`; false otherwise. */
  replaceCredentials(userId: string, expectedSalt: string, credentials: NewCredentials): Promise<boolean>;
};

export type SecurityRepos = {
  readonly secondFactors: SecondFactorRepo;
  readonly securityAccounts: SecurityAccountRepo;
};
