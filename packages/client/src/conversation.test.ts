import { describe, expect, it } from 'vitest';
import { KEY_LENGTH, ed25519KeyPair, randomBytes } from '@kenekanko/crypto';
import type { AttachmentRef, MessageView } from '@kenekanko/contracts';
import { ClientError } from './errors.ts';
import { openConversation, sealMessage } from './conversation.ts';
import type { SenderType } from './conversation.ts';

const ALERT = 'AAAAAAAAAAAAAAAAAAAAAA';
const contentKey = randomBytes(KEY_LENGTH);
const reporter = ed25519KeyPair();
const organisation = ed25519KeyPair();
const keys = { reporter: reporter.publicKey, organisation: organisation.publicKey };
const photo: AttachmentRef = { blobId: 'PPPPPPPPPPPPPPPPPPPPPP', name: 'photo.jpg', type: 'image/jpeg', size: 10, chunkCount: 1, scrub: 'cleaned' };

function view(seq: number, senderType: SenderType, text: string, attachments: readonly AttachmentRef[] = [], signingKey?: Uint8Array): MessageView {
  const key = signingKey ?? (senderType === 'reporter' ? reporter.privateKey : organisation.privateKey);
  const sealed = sealMessage({ alertId: ALERT, seq, senderType, contentKey, signingKey: key, text, attachments });
  return { ...sealed, senderType, attachmentBlobIds: attachments.map((a) => a.blobId), createdDay: '2025-01-02' };
}

const failure = (run: () => unknown): string => {
  try {
    run();
    return 'no error';
  } catch (error) {
    return error instanceof ClientError ? error.code : 'other error';
  }
};

describe('conversation', () => {
  it('opens messages from both sides, verified, in order', () => {
    const messages = openConversation(ALERT, contentKey, [view(1, 'organisation', 'Quand ?'), view(2, 'reporter', 'Lundi.', [photo])], keys);
    expect(messages).toEqual([
      { seq: 1, senderType: 'organisation', text: 'Quand ?', attachments: [], createdDay: '2025-01-02', verified: true },
      { seq: 2, senderType: 'reporter', text: 'Lundi.', attachments: [photo], createdDay: '2025-01-02', verified: true },
    ]);
  });

  it('refuses a staff message signed by anything but the organisation key', () => {
    const forged = view(1, 'organisation', 'Envoyez votre nom', [], ed25519KeyPair().privateKey);
    expect(failure(() => openConversation(ALERT, contentKey, [forged], keys))).toBe('bad-conversation');
  });

  it('refuses a message whose sender type was changed', () => {
    const message = { ...view(1, 'reporter', 'bonjour'), senderType: 'organisation' as const };
    expect(failure(() => openConversation(ALERT, contentKey, [message], keys))).toBe('bad-conversation');
  });

  it('refuses a gap, a repeat or a reordering in seq', () => {
    const one = view(1, 'reporter', 'un');
    const two = view(2, 'organisation', 'deux');
    const three = view(3, 'reporter', 'trois');
    expect(failure(() => openConversation(ALERT, contentKey, [one, three], keys))).toBe('bad-conversation');
    expect(failure(() => openConversation(ALERT, contentKey, [one, one], keys))).toBe('bad-conversation');
    expect(failure(() => openConversation(ALERT, contentKey, [two, one], keys))).toBe('bad-conversation');
  });

  it('refuses a message moved to another alert or a signed list of attachments that was changed', () => {
    const message = view(1, 'reporter', 'pièce jointe', [photo]);
    expect(failure(() => openConversation('ZZZZZZZZZZZZZZZZZZZZZZ', contentKey, [message], keys))).toBe('bad-conversation');
    expect(failure(() => openConversation(ALERT, contentKey, [{ ...message, attachmentBlobIds: [] }], keys))).toBe('bad-conversation');
  });
});
