/**
 * The alert a reporter files in the integration tests, with words distinctive enough that
 * finding one of them in the database or the blob files can only mean a plaintext leak.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from '@kenekanko/crypto';
import { FILE_CHUNK_SIZE } from '@kenekanko/crypto';
import type { AlertDraft, DraftFile } from '@kenekanko/client';
import type { Place } from '@kenekanko/contracts';
import { scrub } from '@kenekanko/scrub';

export const PASSWORD = 'Sigida-kura ka kɛnɛya 2025';
export const ORGANISATION = 'COSCLCCP';
export const LOGIN = 'coordinator';

export const DESCRIPTION =
  'Le receveur principal Bakarimassa exige systématiquement quarante mille francs supplémentaires ' +
  'pour chaque camion frigorifique qui franchit le poste.';
export const INSTITUTION = 'Poste douanier Zanfarawéni';
export const IDENTITY = { name: 'Mariamaïssa Kondokorobaly', phone: '+223 76 54 32 10' };
export const PHOTO_NAME = 'DSCN0010-preuve-Kondokoro.jpg';
export const LEDGER_NAME = 'registre-recettes-falsifiees.pdf';
export const REPLY_FILE_NAME = 'quittance-supplementaire-Wolofobougou.png';
export const STAFF_MESSAGE = 'Pouvez-vous préciser la date exacte des prélèvements irréguliers ?';
export const REPLY_TEXT = 'Les prélèvements ont commencé pendant la Tabaski, devant plusieurs transporteurs.';
export const NOTE_TEXT = 'Recoupement prévu avec les bordereaux hebdomadaires.';
export const REASONS = ['Accusé de réception envoyé', 'Vérification documentaire engagée', 'Complément demandé au lanceur'] as const;

/** Relative to this file: ../shared/data from the repository's root. */
const MEDIA = fileURLToPath(new URL('../../../../../shared/data/media/', import.meta.url));

export type Attachments = { readonly photo: DraftFile; readonly ledger: DraftFile };

export async function attachments(): Promise<Attachments> {
  const original = new Uint8Array(await readFile(path.join(MEDIA, 'cam-DSCN0010.jpg')));
  const cleaned = scrub(original);
  const photo: DraftFile =
    cleaned.status === 'cleaned'
      ? { name: PHOTO_NAME, type: 'image/jpeg', bytes: cleaned.bytes, scrub: 'cleaned' }
      : { name: PHOTO_NAME, type: 'image/jpeg', bytes: original, scrub: 'not-cleaned' };
  // More than two chunks, the last one short.
  const ledger: DraftFile = { name: LEDGER_NAME, type: 'application/pdf', bytes: randomBytes(2 * FILE_CHUNK_SIZE + 12_345), scrub: 'not-cleaned' };
  return { photo, ledger };
}

/** A region that has cercles, and one of them, from the places the server lists. */
export function pickPlaces(places: readonly Place[]): { readonly regionId: string; readonly cercleId: string } {
  for (const region of places.filter((p) => p.kind === 'region')) {
    const cercle = places.find((p) => p.kind === 'cercle' && p.parentId === region.id);
    if (cercle !== undefined) return { regionId: region.id, cercleId: cercle.id };
  }
  throw new Error('no region with a cercle in the seeded places');
}

export function alertDraft(regionId: string, cercleId: string, files: Attachments): AlertDraft {
  return {
    language: 'fr',
    statistics: { kind: 'extortion', regionId, cercleId, institutionType: 'customs' },
    communeId: null,
    when: '2025-01-10',
    institutionName: INSTITUTION,
    amountFcfa: 40_000,
    description: DESCRIPTION,
    identity: IDENTITY,
    consents: { shareWithJournalists: true },
    files: [files.photo, files.ledger],
  };
}

/** Words of a text long enough that a chance match inside base64 or hex is out of the question. */
export const distinctiveWords = (text: string): string[] => text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 7);
