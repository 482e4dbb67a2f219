import { describe, expect, it } from 'vitest';
import {
  generateRecoveryKey,
  keyGrantContext,
  openKeyGrant,
  randomBytes,
  sealKeyGrant,
  unwrapKey,
  wrapKey,
  x25519KeyPair,
} from './index.ts';
import type { EnvelopeContext, KeyGrantRef } from './index.ts';
import { codeOf } from '../test/error-code.ts';


describe('key wrapping', () => {
  const userKeys: EnvelopeContext = { alertId: '', objectKind: 'user-keys', field: 'user-1/v1' };
  const privateKeys = randomBytes(64);

  it('wraps under a wrapping key and under a recovery key', () => {
    const wrappingKey = randomBytes(32);
    const recovery = generateRecoveryKey();
    expect(unwrapKey(wrappingKey, userKeys, wrapKey(wrappingKey, userKeys, privateKeys))).toEqual(privateKeys);
    expect(unwrapKey(recovery.bytes, userKeys, wrapKey(recovery.bytes, userKeys, privateKeys))).toEqual(privateKeys);
    expect(codeOf(() => unwrapKey(randomBytes(32), userKeys, wrapKey(wrappingKey, userKeys, privateKeys)))).toBe('decrypt-failed');
    const wrapped = wrapKey(wrappingKey, userKeys, privateKeys);
    expect(codeOf(() => unwrapKey(wrappingKey, { ...userKeys, field: 'user-2/v1' }, wrapped))).toBe('decrypt-failed');
  });
});

describe('key grants', () => {
  const org = x25519KeyPair();
  const grant: KeyGrantRef = {
    objectType: 'alert',
    objectId: 'AAAAAAAAAAAAAAAAAAAAAA',
    keyKind: 'content',
    keyVersion: 1,
    recipientType: 'organisation',
    recipientId: 'org-1',
    recipientKeyVersion: 2,
  };
  const contentKey = randomBytes(32);

  it('binds every column of the row', () => {
    const ctx = keyGrantContext(grant);
    expect(ctx.alertId).toBe(grant.objectId);
    expect(ctx.objectKind).toBe('key-grant');
    expect(keyGrantContext({ ...grant, objectType: 'organisation' }).alertId).toBe('');
    const sealed = sealKeyGrant(org.publicKey, grant, contentKey);
    expect(openKeyGrant(org.privateKey, grant, sealed)).toEqual(contentKey);
    const changes: Partial<KeyGrantRef>[] = [
      { objectId: 'BAAAAAAAAAAAAAAAAAAAAA' },
      { objectType: 'organisation' },
      { keyKind: 'desk' },
      { keyVersion: 2 },
      { recipientType: 'user' },
      { recipientId: 'org-2' },
      { recipientKeyVersion: 1 },
    ];
    for (const change of changes) {
      expect(codeOf(() => openKeyGrant(org.privateKey, { ...grant, ...change }, sealed))).toBe('decrypt-failed');
    }
  });

  it('refuses incomplete rows', () => {
    expect(codeOf(() => keyGrantContext({ ...grant, recipientId: '' }))).toBe('bad-input');
    expect(codeOf(() => keyGrantContext({ ...grant, keyVersion: -1 }))).toBe('bad-input');
  });
});
