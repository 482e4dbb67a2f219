import { describe, expect, it } from 'vitest';
import { encryptFileChunk, FILE_CHUNK_SIZE, PURPOSES, randomBytes, sealEnvelope } from '@kenekanko/crypto';
import { chunkCompleteness, IDENTITY_ENVELOPE_BYTES, MAX_CHUNK_ENVELOPE_BYTES, maxBlobBytes, maxChunksPerBlob } from './upload-limits.ts';

describe('upload limits', () => {
  it('match the size of a real encrypted chunk, full or short', () => {
    const key = randomBytes(32);
    expect(encryptFileChunk(key, 'a', 'f', 0, false, randomBytes(FILE_CHUNK_SIZE)).length).toBe(MAX_CHUNK_ENVELOPE_BYTES);
    expect(encryptFileChunk(key, 'a', 'f', 1, true, randomBytes(10)).length).toBe(MAX_CHUNK_ENVELOPE_BYTES);
  });

  it('match the size of a real identity envelope, empty or full', () => {
    const key = randomBytes(32);
    const context = { alertId: 'a', objectKind: 'identity', field: 'main' };
    expect(sealEnvelope(key, PURPOSES.identity, context, new Uint8Array(0)).length).toBe(IDENTITY_ENVELOPE_BYTES);
    expect(sealEnvelope(key, PURPOSES.identity, context, randomBytes(900)).length).toBe(IDENTITY_ENVELOPE_BYTES);
  });

  it('let a file of the maximum size through, chunk overhead included', () => {
    const maxFile = 50 * 1024 * 1024;
    expect(maxChunksPerBlob(maxFile)).toBe(200);
    expect(maxChunksPerBlob(maxFile + 1)).toBe(201);
    expect(maxChunksPerBlob(1)).toBe(1);
    expect(maxBlobBytes(maxFile)).toBe(200 * MAX_CHUNK_ENVELOPE_BYTES);
  });

  it('tells complete, incomplete and over-long chunk sets apart', () => {
    expect(chunkCompleteness([2, 0, 1], 3)).toBe('complete');
    expect(chunkCompleteness([0, 2], 3)).toBe('incomplete');
    expect(chunkCompleteness([], 1)).toBe('incomplete');
    expect(chunkCompleteness([0, 1, 3], 3)).toBe('beyond-manifest');
  });
});
