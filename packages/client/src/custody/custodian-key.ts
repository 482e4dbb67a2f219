/**
 * The custodian key in a custodian's browser: set it up from the printed custodian recovery
 * key (the first custodian), open it from the grant sealed to this user, and hand it to
 * another custodian.
 *
 * SECURITY: whatever opens is checked against the custodian public key of the signed
 * directory, so a server that seals a key of its own making is caught at once. The private
 * key lives in memory only; callers wipe it (fill(0)) when done.
 */
import { CustodianKeyViewSchema, CUSTODY_ROUTES } from '@kenekanko/contracts';
import type { CustodianKeyView, CustodianMember, KeyGrant } from '@kenekanko/contracts';
import { personFingerprint } from '../person-fingerprint.ts';
import { equalBytes, fromBase64Url, parseRecoveryKey, x25519PublicKey } from '@kenekanko/crypto';
import * as v from 'valibot';
import { custodianId } from '../custodian.ts';
import { ClientError } from '../errors.ts';
import { openGrant, sealGrant, unwrapGrant } from '../grants.ts';
import type { StaffSession } from '../staff-session.ts';

export function fetchCustodianKey(session: StaffSession): Promise<CustodianKeyView> {
  return session.api.transport.json('GET', CUSTODY_ROUTES.custodianKey, CustodianKeyViewSchema);
}

/** Throws unless `privateKey` is the private half of the directory's custodian key. */
function checkCustodianKey(session: StaffSession, privateKey: Uint8Array): void {
  const expected = fromBase64Url(session.keyring.directory.custodian.x25519Public);
  if (privateKey.length !== 32 || !equalBytes(x25519PublicKey(privateKey), expected)) {
    privateKey.fill(0);
    throw new ClientError('missing-key', 'the custodian key does not match the signed directory');
  }
}

function custodianRef(session: StaffSession): { readonly id: string; readonly keyVersion: number } {
  const { x25519Public, keyVersion } = session.keyring.directory.custodian;
  return { id: custodianId(fromBase64Url(x25519Public)), keyVersion };
}

/** The custodian private key from this user's grant; the caller wipes it. */
export async function openCustodianKey(session: StaffSession): Promise<Uint8Array> {
  const view = await fetchCustodianKey(session);
  if (view.myGrant === null) throw new ClientError('missing-key', 'the custodian key is not granted to this user yet');
  const ref = custodianRef(session);
  if (view.myGrant.objectId !== ref.id || view.myGrant.recipientId !== session.me.user.id) throw new ClientError('missing-key', 'the custodian key grant is not addressed to this user');
  const key = openGrant(view.myGrant, session.keyring.user.x25519.privateKey);
  checkCustodianKey(session, key);
  return key;
}

function grantTo(session: StaffSession, recipient: Pick<CustodianMember, 'userId' | 'x25519Public' | 'keyVersion'>, key: Uint8Array): KeyGrant {
  const ref = custodianRef(session);
  return sealGrant(
    { objectType: 'custodian', objectId: ref.id, keyKind: 'custodian', keyVersion: ref.keyVersion, recipientType: 'user', recipientId: recipient.userId, recipientKeyVersion: recipient.keyVersion },
    fromBase64Url(recipient.x25519Public),
    key,
  );
}

async function postGrant(session: StaffSession, grant: KeyGrant): Promise<void> {
  await session.api.transport.json('POST', CUSTODY_ROUTES.custodianKeyGrants, v.strictObject({ ok: v.literal(true) }), { json: { grant } });
}

/** First set-up: the printed custodian recovery key opens the recovery grant; the key is sealed to me. */
export async function setUpCustodianKeyWithRecovery(session: StaffSession, recoveryKeyText: string): Promise<void> {
  const view = await fetchCustodianKey(session);
  if (view.recoveryGrant === null) throw new ClientError('missing-key', 'no recovery grant of the custodian key is stored');
  const recovery = parseRecoveryKey(recoveryKeyText);
  let key: Uint8Array;
  try {
    key = unwrapGrant(view.recoveryGrant, recovery);
  } catch {
    throw new ClientError('missing-key', 'this recovery key does not open the custodian key');
  } finally {
    recovery.fill(0);
  }
  checkCustodianKey(session, key);
  try {
    const me = session.me.user;
    await postGrant(session, grantTo(session, { userId: me.id, x25519Public: me.x25519Public, keyVersion: me.keyVersion }, key));
  } finally {
    key.fill(0);
  }
}

/** An existing custodian hands the key to another custodian (check their fingerprint first). */
export async function grantCustodianKeyTo(session: StaffSession, recipient: CustodianMember): Promise<void> {
  const key = await openCustodianKey(session);
  try {
    await postGrant(session, grantTo(session, recipient, key));
  } finally {
    key.fill(0);
  }
}

/** A user's fingerprint, to compare aloud before sealing anything to them: the same as their Keys page shows. */
export const keyFingerprint = personFingerprint;
