import { describe, expect, it } from 'vitest';
import { KEY_LENGTH, PURPOSES, ed25519KeyPair, randomBytes, sha256, signStatement, toBase64Url } from '@kenekanko/crypto';
import type { AttachmentRef, MessageView } from '@kenekanko/contracts';
import { ClientError } from './errors.ts';
import { openConversation, openConversationParts, sealMessage } from './conversation.ts';
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

/** A message whose envelope is garbage but properly signed, as a hostile reporter could send. */
function signedGarbage(seq: number): MessageView {
  const envelope = randomBytes(150);
  const statement = { alertId: ALERT, seq, senderType: 'reporter' as const, envelopeSha256: toBase64Url(sha256(envelope)), attachmentBlobIds: [] };
  const signature = toBase64Url(signStatement(PURPOSES.messageSignature, statement, reporter.privateKey));
  return { seq, senderType: 'reporter', envelope: toBase64Url(envelope), signature, attachmentBlobIds: [], createdDay: '2025-01-02' };
}

describe('conversation, part by part', () => {
  const broken = (seq: number, senderType: SenderType, why: string) => ({ seq, senderType, createdDay: '2025-01-02', verified: false, broken: why });

  it('opens every good message and marks each bad one instead of throwing', () => {
    const forged = view(2, 'organisation', 'faux', [], ed25519KeyPair().privateKey);
    const entries = openConversationParts(ALERT, contentKey, [view(1, 'reporter', 'un'), forged, signedGarbage(3), view(4, 'organisation', 'quatre')], keys);
    expect(entries.map((e) => (e.verified ? e.text : e))).toEqual(['un', broken(2, 'organisation', 'bad-signature'), broken(3, 'reporter', 'cannot-decrypt'), 'quatre']);
  });

  it('marks a message not at its seq as out of order, never as genuine', () => {
    const entries = openConversationParts(ALERT, contentKey, [view(1, 'reporter', 'un'), view(3, 'reporter', 'trois'), view(1, 'reporter', 'un')], keys);
    expect(entries.map((e) => (e.verified ? e.text : e.broken))).toEqual(['un', 'out-of-order', 'out-of-order']);
  });

  it('marks reporter messages unverifiable without a trusted reporter key, and all undecryptable without the content key', () => {
    const views = [view(1, 'reporter', 'un'), view(2, 'organisation', 'deux')];
    expect(openConversationParts(ALERT, contentKey, views, { reporter: null, organisation: keys.organisation }).map((e) => (e.verified ? e.text : e.broken))).toEqual(['unverifiable', 'deux']);
    expect(openConversationParts(ALERT, null, views, keys).map((e) => (e.verified ? e.text : e.broken))).toEqual(['cannot-decrypt', 'cannot-decrypt']);
  });

  it('marks a signature that is not even base64url as bad', () => {
    const message = { ...view(1, 'reporter', 'un'), signature: '%%%' };
    expect(openConversationParts(ALERT, contentKey, [message], keys)[0]).toEqual(broken(1, 'reporter', 'bad-signature'));
  });
});
