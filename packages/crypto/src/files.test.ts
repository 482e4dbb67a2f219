import { describe, expect, it } from 'vitest';
import {
  FILE_CHUNK_SIZE,
  decryptFile,
  decryptFileChunk,
  deriveFileKey,
  encryptFile,
  encryptFileChunk,
  equalBytes,
  randomBytes,
  splitIntoChunks,
} from './index.ts';
import { bitsOf, uncaughtFlips } from '../test/tamper.ts';
import { codeOf } from '../test/error-code.ts';

const contentKey = randomBytes(32);
const alertId = 'AAAAAAAAAAAAAAAAAAAAAA';
const fileId = 'FFFFFFFFFFFFFFFFFFFFFF';
const fileKey = deriveFileKey(contentKey, fileId);
const file = randomBytes(2 * FILE_CHUNK_SIZE + 1000);


describe('file chunking', () => {
  it('splits into full chunks and a short last one; an empty file is one empty chunk', () => {
    expect(splitIntoChunks(file).map((c) => c.length)).toEqual([FILE_CHUNK_SIZE, FILE_CHUNK_SIZE, 1000]);
    expect(splitIntoChunks(new Uint8Array(FILE_CHUNK_SIZE)).map((c) => c.length)).toEqual([FILE_CHUNK_SIZE]);
    expect(splitIntoChunks(new Uint8Array(0)).map((c) => c.length)).toEqual([0]);
  });

  it('derives one key per file', () => {
    expect(deriveFileKey(contentKey, fileId)).toEqual(fileKey);
    expect(deriveFileKey(contentKey, 'other')).not.toEqual(fileKey);
    expect(codeOf(() => deriveFileKey(contentKey, ''))).toBe('bad-input');
  });

  it('round trips, and every chunk envelope has the same size', () => {
    const envelopes = encryptFile(fileKey, alertId, fileId, file);
    expect(new Set(envelopes.map((e) => e.length)).size).toBe(1);
    // equalBytes, not toEqual: vitest's deep compare of half a megabyte takes seconds.
    expect(equalBytes(decryptFile(fileKey, alertId, fileId, envelopes), file)).toBe(true);
    const empty = encryptFile(fileKey, alertId, fileId, new Uint8Array(0));
    expect(empty[0]?.length).toBe(envelopes[0]?.length);
    expect(decryptFile(fileKey, alertId, fileId, empty)).toEqual(new Uint8Array(0));
  });

  it('fails on reordered chunks', () => {
    const [a, b, c] = encryptFile(fileKey, alertId, fileId, file);
    if (a === undefined || b === undefined || c === undefined) throw new Error('three chunks expected');
    expect(codeOf(() => decryptFile(fileKey, alertId, fileId, [b, a, c]))).toBe('decrypt-failed');
    expect(codeOf(() => decryptFileChunk(fileKey, alertId, fileId, 1, false, a))).toBe('decrypt-failed');
  });

  it('fails on truncation: the last chunk dropped, the one before opened as last', () => {
    const envelopes = encryptFile(fileKey, alertId, fileId, file);
    expect(codeOf(() => decryptFile(fileKey, alertId, fileId, envelopes.slice(0, 2)))).toBe('decrypt-failed');
    const second = envelopes[1];
    if (second === undefined) throw new Error('chunk expected');
    expect(codeOf(() => decryptFileChunk(fileKey, alertId, fileId, 1, true, second))).toBe('decrypt-failed');
    expect(codeOf(() => decryptFile(fileKey, alertId, fileId, []))).toBe('bad-envelope');
  });

  it('fails when the last chunk is opened as a middle one (extension)', () => {
    const envelopes = encryptFile(fileKey, alertId, fileId, file);
    const last = envelopes[2];
    if (last === undefined) throw new Error('chunk expected');
    expect(codeOf(() => decryptFileChunk(fileKey, alertId, fileId, 2, false, last))).toBe('decrypt-failed');
  });

  it('fails for another file, alert, or key', () => {
    const chunk = encryptFileChunk(fileKey, alertId, fileId, 0, true, randomBytes(10));
    expect(codeOf(() => decryptFileChunk(fileKey, alertId, 'GFFFFFFFFFFFFFFFFFFFFF', 0, true, chunk))).toBe('decrypt-failed');
    expect(codeOf(() => decryptFileChunk(fileKey, 'BAAAAAAAAAAAAAAAAAAAAA', fileId, 0, true, chunk))).toBe('decrypt-failed');
    expect(codeOf(() => decryptFileChunk(deriveFileKey(contentKey, 'x'), alertId, fileId, 0, true, chunk))).toBe('decrypt-failed');
  });

  it('refuses chunks of the wrong length for their position', () => {
    expect(codeOf(() => encryptFileChunk(fileKey, alertId, fileId, 0, false, new Uint8Array(10)))).toBe('bad-input');
    expect(codeOf(() => encryptFileChunk(fileKey, alertId, fileId, 0, true, new Uint8Array(FILE_CHUNK_SIZE + 1)))).toBe('bad-input');
    expect(codeOf(() => encryptFileChunk(fileKey, alertId, fileId, 3, true, new Uint8Array(0)))).toBe('bad-input');
    expect(codeOf(() => encryptFileChunk(fileKey, alertId, fileId, -1, true, new Uint8Array(1)))).toBe('bad-input');
  });

  it('refuses an unknown version byte', () => {
    const chunk = encryptFileChunk(fileKey, alertId, fileId, 0, true, randomBytes(10));
    chunk[0] = 2;
    expect(codeOf(() => decryptFileChunk(fileKey, alertId, fileId, 0, true, chunk))).toBe('unsupported-version');
  });

  it('fails on bit flips: every bit of header, nonce, first and last 64 bytes, and a random sample of the body', () => {
    // A chunk envelope is about 2.1 million bits and each failed open costs ~2 ms, so flipping
    // every bit would take over an hour. Every bit of the parts with structure (version,
    // purpose, nonce, start of ciphertext, end of ciphertext and tag) is flipped; the middle of
    // the body is sampled. Poly1305 treats every ciphertext bit alike.
    const chunk = encryptFileChunk(fileKey, alertId, fileId, 0, false, randomBytes(FILE_CHUNK_SIZE));
    const headerEnd = 2 + 'kenekanko/v1/attachment-chunk'.length + 24;
    const sample = Array.from({ length: 200 }, () => Math.floor(Math.random() * chunk.length * 8));
    const bits = [...bitsOf(0, headerEnd + 64), ...bitsOf(chunk.length - 64, chunk.length), ...sample];
    expect(bits.length).toBeGreaterThan(1500);
    expect(uncaughtFlips(chunk, (t) => decryptFileChunk(fileKey, alertId, fileId, 0, false, t), bits)).toEqual([]);
  });
});
