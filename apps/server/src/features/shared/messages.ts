/**
 * Conversation messages, shared by the reporter's and the desk's side. Every message carries a
 * sequence number and its sender's signature over the MessageStatement, so neither the server
 * nor a staff member can forge, reorder or silently drop one (DESIGN §3).
 */
import type { MessageStatement, MessageView } from '@kenekanko/contracts';
import { PURPOSES, sha256, toBase64Url, verifyStatement } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';
import { decodeBase64Url } from './decode.ts';

export type SenderType = MessageView['senderType'];

export type NewMessage = {
  readonly id: string;
  readonly alertId: string;
  readonly seq: number;
  readonly senderType: SenderType;
  readonly senderUserId: string | null;
  readonly envelope: string;
  readonly signature: string;
  readonly attachmentBlobIds: readonly string[];
  readonly createdDay: string;
};

/** Port: an alert's conversation. */
export type MessageRepo = {
  messagesOf(alertId: string): Promise<readonly MessageView[]>;
  lastSeq(alertId: string): Promise<number>;
  findBySeq(alertId: string, seq: number): Promise<MessageView | undefined>;
  insertMessage(message: NewMessage): Promise<void>;
};

export function messageStatement(alertId: string, seq: number, senderType: SenderType, envelope: string, attachmentBlobIds: readonly string[]): MessageStatement {
  return {
    alertId,
    seq,
    senderType,
    envelopeSha256: toBase64Url(sha256(decodeBase64Url(envelope, 'message.envelope'))),
    attachmentBlobIds,
  };
}

/** Refuses with 'validation-failed' unless `signature` is the sender's over the statement. */
export function assertMessageSignature(statement: MessageStatement, signature: string, senderPublic: string): void {
  const ok = verifyStatement(
    PURPOSES.messageSignature,
    { ...statement, attachmentBlobIds: [...statement.attachmentBlobIds] },
    decodeBase64Url(signature, 'message.signature'),
    decodeBase64Url(senderPublic, 'senderPublic'),
  );
  if (!ok) throw new AppError('validation-failed', { issues: ['message.signature'] });
}

/**
 * Where a new message with `seq` stands: the next one, a retry of one already stored (same
 * envelope and signature: answered again, not stored twice), or out of order ('conflict').
 */
export async function placeInConversation(
  messages: MessageRepo,
  alertId: string,
  message: { readonly seq: number; readonly envelope: string; readonly signature: string },
): Promise<'next' | 'retry'> {
  const last = await messages.lastSeq(alertId);
  if (message.seq === last + 1) return 'next';
  const stored = message.seq <= last ? await messages.findBySeq(alertId, message.seq) : undefined;
  if (stored !== undefined && stored.envelope === message.envelope && stored.signature === message.signature) return 'retry';
  throw new AppError('conflict');
}
