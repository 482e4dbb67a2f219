/**
 * Known answers for protocol v1 (test-vectors/kenekanko-v1.json). They pin every label, layout
 * and parameter: if one changes by accident, reporters and staff would lose their keys, so the
 * change must show here first. scripts/check-vectors.py checks the same file with an
 * independent implementation (pyca/cryptography) written from docs/crypto.md.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  PURPOSES,
  canonicalJson,
  deriveFakeUserSalt,
  deriveFileKey,
  derivePasswordKeys,
  deriveReceiptKeys,
  ed25519KeyPair,
  fingerprint,
  formatReceipt,
  fromHex,
  hashLoginKey,
  hashLookupToken,
  isPurpose,
  openEnvelope,
  openSealed,
  signStatement,
  toHex,
  utf8Encode,
  verifyStatement,
  x25519KeyPair,
} from './index.ts';
import type { EnvelopeContext, JsonValue, Purpose } from './index.ts';

type Obj = { readonly [key: string]: unknown };
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const vectors: unknown = JSON.parse(readFileSync(new URL('../test-vectors/kenekanko-v1.json', import.meta.url), 'utf8'));

function section(name: string): Obj {
  const value = isObj(vectors) ? vectors[name] : undefined;
  if (!isObj(value)) throw new Error(`section ${name} missing`);
  return value;
}
function str(o: Obj, name: string): string {
  const value = o[name];
  if (typeof value !== 'string') throw new Error(`${name} missing`);
  return value;
}
const hex = (o: Obj, name: string): Uint8Array => fromHex(str(o, name));
function purposeOf(o: Obj): Purpose {
  const value = o.purpose;
  if (!isPurpose(value)) throw new Error('purpose missing');
  return value;
}
function contextOf(o: Obj): EnvelopeContext {
  const c = o.context;
  if (!isObj(c)) throw new Error('context missing');
  return { alertId: str(c, 'alertId'), objectKind: str(c, 'objectKind'), field: str(c, 'field') };
}
function jsonOf(value: unknown): JsonValue {
  // The file came from JSON.parse, so every value in it is JSON; canonicalJson re-checks.
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value as JsonValue;
  if (Array.isArray(value)) return value.map(jsonOf);
  if (isObj(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonOf(v)]));
  throw new Error('not JSON');
}

describe('protocol v1 known answers', () => {
  it('opens the pinned envelope', () => {
    const e = section('envelope');
    expect(purposeOf(e)).toBe(PURPOSES.answers);
    expect(toHex(openEnvelope(hex(e, 'key'), purposeOf(e), contextOf(e), hex(e, 'envelope')))).toBe(str(e, 'plaintext'));
  });

  it('opens the pinned sealed box', () => {
    const e = section('sealedBox');
    expect(toHex(x25519KeyPair(hex(e, 'recipientPrivateKey')).publicKey)).toBe(str(e, 'recipientPublicKey'));
    expect(toHex(openSealed(hex(e, 'recipientPrivateKey'), purposeOf(e), contextOf(e), hex(e, 'sealed')))).toBe(str(e, 'plaintext'));
  });

  it('derives the pinned file key', () => {
    const e = section('file');
    expect(toHex(deriveFileKey(hex(e, 'contentKey'), str(e, 'fileId')))).toBe(str(e, 'fileKey'));
  });

  it('derives the pinned receipt keys and lookup hash', async () => {
    const e = section('receipt');
    expect(formatReceipt(str(e, 'receipt'))).toBe(str(e, 'formatted'));
    const keys = await deriveReceiptKeys(str(e, 'formatted'), hex(e, 'deploymentSalt'));
    expect(toHex(keys.lookupToken)).toBe(str(e, 'lookupToken'));
    expect(toHex(keys.x25519.privateKey)).toBe(str(e, 'x25519PrivateKey'));
    expect(toHex(keys.x25519.publicKey)).toBe(str(e, 'x25519PublicKey'));
    expect(toHex(keys.ed25519.privateKey)).toBe(str(e, 'ed25519PrivateKey'));
    expect(toHex(keys.ed25519.publicKey)).toBe(str(e, 'ed25519PublicKey'));
    expect(toHex(hashLookupToken(hex(e, 'pepper'), keys.lookupToken))).toBe(str(e, 'lookupHash'));
  });

  it('derives the pinned password keys, login hash and fake salt', async () => {
    const e = section('password');
    const keys = await derivePasswordKeys(str(e, 'password'), hex(e, 'salt'));
    expect(toHex(keys.loginKey)).toBe(str(e, 'loginKey'));
    expect(toHex(keys.wrappingKey)).toBe(str(e, 'wrappingKey'));
    expect(toHex(hashLoginKey(keys.loginKey))).toBe(str(e, 'loginKeyHash'));
    expect(toHex(deriveFakeUserSalt(hex(e, 'serverSecret'), str(e, 'login')))).toBe(str(e, 'fakeSalt'));
  });

  it('reproduces the pinned canonical JSON, signature and fingerprint', () => {
    const e = section('statement');
    const statement = jsonOf(e.statement);
    expect(canonicalJson(statement)).toBe(str(e, 'canonical'));
    const signer = ed25519KeyPair(hex(e, 'ed25519Seed'));
    expect(toHex(signer.publicKey)).toBe(str(e, 'publicKey'));
    // Ed25519 signatures are deterministic (RFC 8032), so the bytes are pinned too.
    expect(toHex(signStatement(purposeOf(e), statement, signer.privateKey))).toBe(str(e, 'signature'));
    expect(verifyStatement(purposeOf(e), statement, hex(e, 'signature'), signer.publicKey)).toBe(true);
    expect(fingerprint(signer.publicKey)).toBe(str(e, 'fingerprint'));
    expect(utf8Encode(str(e, 'canonical')).length).toBeGreaterThan(0);
  });
});
