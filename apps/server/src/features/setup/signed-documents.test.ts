import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { canonicalJson, ed25519KeyPair, PURPOSES, signStatement, toBase64Url } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';
import { verifySignedDocument } from './signed-documents.ts';

const Schema = v.strictObject({ v: v.literal(1), name: v.string() });
const signer = ed25519KeyPair();
const statement = { name: 'COSCLCCP', v: 1 };
const doc = { body: canonicalJson(statement), signature: toBase64Url(signStatement(PURPOSES.directory, statement, signer.privateKey)) };

function issuesOf(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation-failed') return error.issues;
    throw error;
  }
  throw new Error('expected validation-failed');
}

describe('verifySignedDocument', () => {
  it('returns the parsed body of a well-signed canonical document', () => {
    expect(verifySignedDocument(PURPOSES.directory, doc, signer.publicKey, Schema, 'directory')).toEqual(statement);
  });

  it('refuses another purpose, another key, a non-canonical body, and a body that does not fit', () => {
    expect(issuesOf(() => verifySignedDocument(PURPOSES.questionnaire, doc, signer.publicKey, Schema, 'q'))).toEqual(['q.signature']);
    expect(issuesOf(() => verifySignedDocument(PURPOSES.directory, doc, ed25519KeyPair().publicKey, Schema, 'd'))).toEqual(['d.signature']);
    expect(issuesOf(() => verifySignedDocument(PURPOSES.directory, { ...doc, body: '{"v":1,"name":"COSCLCCP"}' }, signer.publicKey, Schema, 'd'))).toEqual(['d.body']);
    expect(issuesOf(() => verifySignedDocument(PURPOSES.directory, { ...doc, body: '{"v":1,' }, signer.publicKey, Schema, 'd'))).toEqual(['d.body']);
    expect(issuesOf(() => verifySignedDocument(PURPOSES.directory, { ...doc, body: '{"name":"\\ud800","v":1}' }, signer.publicKey, Schema, 'd'))).toEqual(['d.body']);
    const other = { name: 7, v: 1 };
    const signedOther = { body: canonicalJson(other), signature: toBase64Url(signStatement(PURPOSES.directory, other, signer.privateKey)) };
    expect(issuesOf(() => verifySignedDocument(PURPOSES.directory, signedOther, signer.publicKey, Schema, 'd'))).toEqual(['d.body.name']);
  });
});
