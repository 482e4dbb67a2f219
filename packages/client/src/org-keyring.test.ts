import { describe, expect, it } from 'vitest';
import { PURPOSES, ed25519KeyPair, toBase64Url } from '@kenekanko/crypto';
import type { DirectoryBody } from '@kenekanko/contracts';
import { ClientError } from './errors.ts';
import { orgSigningKeys, verifiedKeyHistory } from './org-keyring.ts';
import { signDocument } from './signed-documents.ts';

const coalition = ed25519KeyPair();
const ORG = 'BBBBBBBBBBBBBBBBBBBBBB';
const OTHER = 'CCCCCCCCCCCCCCCCCCCCCC';
const key = (n: number) => toBase64Url(new Uint8Array(32).fill(n));

function directoryAt(version: number, orgKeyVersion: number, otherKeyVersion = 1): DirectoryBody {
  return {
    v: 1,
    version,
    issuedAt: '2025-01-01T00:00:00.000Z',
    deploymentSalt: toBase64Url(new Uint8Array(16).fill(1)),
    organisations: [
      { id: ORG, kind: 'coalition', name: 'COSCLCCP', x25519Public: key(orgKeyVersion), ed25519Public: key(10 + orgKeyVersion), keyVersion: orgKeyVersion },
      { id: OTHER, kind: 'authority', name: 'OCLEI', x25519Public: key(20 + otherKeyVersion), ed25519Public: key(30 + otherKeyVersion), keyVersion: otherKeyVersion },
    ],
    routing: { defaultOrgId: ORG },
    custodian: { x25519Public: key(99), keyVersion: 1 },
  };
}

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof ClientError ? error.code : 'not a ClientError';
  }
};

describe('the organisation key history', () => {
  const current = directoryAt(5, 3);
  const signed = (body: DirectoryBody) => signDocument(PURPOSES.directory, body, coalition.privateKey);

  it('keeps only the older versions the coalition signed, with the keys those directories list', () => {
    const history = verifiedKeyHistory([signed(directoryAt(2, 1)), signed(directoryAt(4, 2))], coalition.publicKey, current);
    expect([...(history.get(ORG)?.keys() ?? [])].sort()).toEqual([1, 2]);
    expect(history.get(ORG)?.get(1)).toEqual({ x25519Public: key(1), ed25519Public: key(11) });
    // The other organisation did not rotate: its listed (current) version is not "older".
    expect(history.get(OTHER)).toBeUndefined();
    const keychain = { directory: current, keyHistory: history };
    expect(orgSigningKeys(keychain, ORG).map((k) => toBase64Url(k))).toEqual([key(13), key(12), key(11)]);
    expect(orgSigningKeys(keychain, 'DDDDDDDDDDDDDDDDDDDDDD')).toEqual([]);
  });

  it('refuses a directory the coalition did not sign, or one not older than the current', () => {
    const forged = signDocument(PURPOSES.directory, directoryAt(2, 1), ed25519KeyPair().privateKey);
    expect(codeOf(() => verifiedKeyHistory([forged], coalition.publicKey, current))).toBe('untrusted-directory');
    expect(codeOf(() => verifiedKeyHistory([signed(directoryAt(5, 2))], coalition.publicKey, current))).toBe('untrusted-directory');
    // A directory listing a version at or above the current one vouches for nothing.
    expect(verifiedKeyHistory([signed(directoryAt(4, 3))], coalition.publicKey, current).size).toBe(0);
  });
});
