import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { AnswersPayloadSchema } from './payloads.ts';

const KEY = 'A'.repeat(43);
const BLOB = 'B'.repeat(22);

function answers(description: string, attachmentType?: string): unknown {
  return {
    v: 1,
    questionnaireVersion: 1,
    language: 'bm',
    consents: { shareWithJournalists: false },
    statistics: { kind: 'bribery', regionId: 'region-segou', cercleId: null, institutionType: 'customs', amountBand: 'unknown' },
    communeId: null,
    when: null,
    institutionName: '',
    amountFcfa: null,
    description,
    attachments:
      attachmentType === undefined ? [] : [{ blobId: BLOB, name: 'message-vocal-1.webm', type: attachmentType, size: 10, chunkCount: 1, scrub: 'cleaned' }],
    reporterKeys: { x25519Public: KEY, ed25519Public: KEY },
  };
}

describe('AnswersPayloadSchema', () => {
  it('accepts a written account', () => {
    expect(v.is(AnswersPayloadSchema, answers('Le douanier exige 5 000 FCFA.'))).toBe(true);
  });

  it('accepts a voice message in place of the written account', () => {
    expect(v.is(AnswersPayloadSchema, answers('', 'audio/webm'))).toBe(true);
  });

  it('refuses an alert that says nothing: no text and no voice message', () => {
    expect(v.is(AnswersPayloadSchema, answers('   '))).toBe(false);
    expect(v.is(AnswersPayloadSchema, answers('', 'image/jpeg'))).toBe(false);
  });
});
