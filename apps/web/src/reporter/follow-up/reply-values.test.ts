import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS } from '@kenekanko/contracts';
import type { FileEntry } from '../files/file-entry.ts';
import { checkReply } from './reply-values.ts';

const cleaned: FileEntry = { id: 1, name: 'a.png', size: 1, status: 'cleaned', bytes: new Uint8Array([1]), type: 'image/png', removed: [] };
const undecided: FileEntry = { id: 2, name: 'b.pdf', size: 1, status: 'uncleanable', bytes: new Uint8Array([2]), type: 'application/pdf', sendAnyway: false };

describe('checkReply', () => {
  it('sends trimmed text, a file alone, or both', () => {
    expect(checkReply('  Oui, le 3 mai.  ', [])).toEqual({ ok: true, text: 'Oui, le 3 mai.', files: [] });
    expect(checkReply('', [cleaned])).toMatchObject({ ok: true, text: '', files: [{ name: 'a.png', scrub: 'cleaned' }] });
  });

  it('refuses an empty reply', () => {
    expect(checkReply('   ', [])).toEqual({ ok: false, key: 'follow.replyEmpty' });
  });

  it('holds files to the same rule as the alert: no uncleaned file without the reporter’s choice', () => {
    expect(checkReply('voici', [undecided])).toEqual({ ok: false, key: 'invalid.filesUndecided' });
    expect(checkReply('voici', [{ ...undecided, sendAnyway: true }])).toMatchObject({ ok: true, files: [{ scrub: 'not-cleaned' }] });
  });

  it('caps the text at the message limit', () => {
    expect(checkReply('x'.repeat(MAX_MESSAGE_CHARS + 1), [])).toEqual({ ok: false, key: 'invalid.tooLong', params: { count: MAX_MESSAGE_CHARS } });
  });
});
