/**
 * What a reporter's browser loads before writing an alert: the pinned coalition key, the
 * signed directory and questionnaire, a proof-of-work challenge and the size limits.
 * SECURITY: the browser checks the directory's signature against the key pinned in its
 * bundle, not against the key sent here; this copy only lets it say which key it expected.
 */
import { FILE_CHUNK_SIZE } from '@kenekanko/crypto';
import type { IntakeResponse, Place } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import type { PowService } from '../pow/index.ts';
import { SETTING_KEYS } from '../shared/records.ts';
import type { DirectoryRepo } from '../shared/records.ts';

export type IntakeLimits = { readonly maxFileBytes: number; readonly maxAlertBytes: number };

export async function getIntake(directory: DirectoryRepo, pow: PowService, limits: IntakeLimits, now: Date): Promise<IntakeResponse> {
  const [coalitionSigningPublic, dir, questionnaire] = await Promise.all([
    directory.setting(SETTING_KEYS.coalitionSigningPublic),
    directory.latestDirectory(),
    directory.latestQuestionnaire(),
  ]);
  if (coalitionSigningPublic === undefined || dir === undefined || questionnaire === undefined) throw new AppError('not-set-up');
  return {
    coalitionSigningPublic,
    directory: { body: dir.body, signature: dir.signature },
    questionnaire: { body: questionnaire.body, signature: questionnaire.signature },
    pow: await pow.challenge(now),
    limits: { maxFileBytes: limits.maxFileBytes, maxAlertBytes: limits.maxAlertBytes, chunkSize: FILE_CHUNK_SIZE },
  };
}

/** Port: the places valid on a day (seeded from shared/data/mali-admin.json). */
export type PlacesRepo = {
  currentPlaces(day: string): Promise<readonly Place[]>;
  /** True when `id` is a place of one of `kinds` valid on `day`. */
  isPlaceOfKind(id: string, kinds: readonly Place['kind'][], day: string): Promise<boolean>;
  isChildOf(childId: string, parentId: string): Promise<boolean>;
};
