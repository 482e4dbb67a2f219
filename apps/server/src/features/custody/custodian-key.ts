/**
 * The custodian key (DESIGN §3): made at setup and wrapped only to the printed custodian
 * recovery key. A custodian's browser gets it sealed to the user's X25519 key by a browser
 * that holds it: the first time the custodian's own, after typing the recovery key; later an
 * existing custodian's.
 *
 * SECURITY: the server never sees the private key. It checks who may hand it out and to whom
 * (custodians only), and that the grant is addressed to exactly the custodian key and the
 * recipient's current user key; the receiving browser checks that what opens is the private
 * half of the custodian public key in the signed directory.
 */
import * as v from 'valibot';
import { DirectoryBodySchema } from '@kenekanko/contracts';
import type { CustodianKeyView, KeyGrant } from '@kenekanko/contracts';
import { PURPOSES } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';
import { custodianIdOf } from '../shared/custodian.ts';
import { newId } from '../shared/ids.ts';
import type { DirectoryRepo } from '../shared/records.ts';
import type { Storage } from '../shared/storage.ts';
import { requireCustodian } from './custody-access.ts';
import type { CustodyDeps, CustodyRepo } from './ports.ts';
import { assertSealedShape } from './sealed-shape.ts';

export type CustodianKeyRef = { readonly id: string; readonly x25519Public: string; readonly keyVersion: number };

/** The current custodian public key, from the latest signed directory. */
export async function custodianKeyRef(directory: DirectoryRepo): Promise<CustodianKeyRef> {
  const latest = await directory.latestDirectory();
  if (latest === undefined) throw new AppError('not-set-up');
  const body = v.parse(DirectoryBodySchema, JSON.parse(latest.body));
  return { id: custodianIdOf(body.custodian.x25519Public), x25519Public: body.custodian.x25519Public, keyVersion: body.custodian.keyVersion };
}

export function custodianGrantOf(custody: CustodyRepo, ref: CustodianKeyRef, userId: string): Promise<KeyGrant | undefined> {
  return custody.findGrant({ objectType: 'custodian', objectId: ref.id, keyKind: 'custodian', recipientType: 'user', recipientId: userId });
}

export async function custodianKeyView(repos: CustodyDeps, userId: string): Promise<CustodianKeyView> {
  await requireCustodian(repos.accounts, userId);
  const ref = await custodianKeyRef(repos.directory);
  const [myGrant, recoveryGrant, users] = await Promise.all([
    custodianGrantOf(repos.custody, ref, userId),
    repos.custody.findGrant({ objectType: 'custodian', objectId: ref.id, keyKind: 'custodian', recipientType: 'recovery', recipientId: ref.id }),
    repos.custody.custodianUsers(),
  ]);
  const custodians = await Promise.all(
    users.map(async (u) => ({ ...u, hasKey: (await custodianGrantOf(repos.custody, ref, u.userId)) !== undefined })),
  );
  return { custodian: ref, myGrant: myGrant ?? null, recoveryGrant: recoveryGrant ?? null, custodians };
}

/**
 * Stores the custodian private key sealed to a custodian. The actor is a custodian who holds
 * the key already, or a custodian granting it to themselves (having typed the recovery key).
 */
export async function grantCustodianKey(storage: Storage<CustodyDeps>, userId: string, grant: KeyGrant, now: Date): Promise<void> {
  await storage.transaction(async (repos) => {
    await requireCustodian(repos.accounts, userId);
    const ref = await custodianKeyRef(repos.directory);
    const recipient = (await repos.custody.custodianUsers()).find((u) => u.userId === grant.recipientId);
    // SECURITY: only custodians receive the key; anyone else is refused as if unknown.
    if (recipient === undefined) throw new AppError('validation-failed', { issues: ['grant.recipientId'] });
    if (recipient.userId !== userId && (await custodianGrantOf(repos.custody, ref, userId)) === undefined) throw new AppError('custodian-key-missing');
    const fits =
      grant.objectType === 'custodian' &&
      grant.objectId === ref.id &&
      grant.keyKind === 'custodian' &&
      grant.keyVersion === ref.keyVersion &&
      grant.recipientType === 'user' &&
      grant.recipientKeyVersion === recipient.keyVersion;
    if (!fits) throw new AppError('validation-failed', { issues: ['grant'] });
    assertSealedShape(grant.sealedKey, PURPOSES.sealedKey, 'grant.sealedKey');
    await repos.custody.putGrant({ ...grant, id: newId() }, now.toISOString());
    await repos.audit.append(
      { actorId: userId, action: 'grant-custodian-key', objectType: 'user', objectId: recipient.userId, details: { keyVersion: ref.keyVersion, self: recipient.userId === userId } },
      now,
    );
  });
}
