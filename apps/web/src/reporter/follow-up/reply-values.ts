/** Checks a reporter's reply before it is encrypted and sent. */
import { MAX_MESSAGE_CHARS } from '@kenekanko/contracts';
import type { DraftFile } from '@kenekanko/client';
import type { PublicKey } from '../../i18n/languages/fr.ts';
import type { MessageParams } from '../../i18n/types.ts';
import { filesProblem, toDraftFiles } from '../files/file-entry.ts';
import type { FileEntry } from '../files/file-entry.ts';

export type ReplyCheck =
  | { readonly ok: true; readonly text: string; readonly files: readonly DraftFile[] }
  | { readonly ok: false; readonly key: PublicKey; readonly params?: MessageParams };

export function checkReply(text: string, entries: readonly FileEntry[]): ReplyCheck {
  const trimmed = text.trim();
  const problem = filesProblem(entries);
  if (problem === 'pending') return { ok: false, key: 'invalid.filesPending' };
  if (problem === 'undecided') return { ok: false, key: 'invalid.filesUndecided' };
  if (problem === 'too-large') return { ok: false, key: 'invalid.filesTooLarge' };
  if (trimmed.length > MAX_MESSAGE_CHARS) return { ok: false, key: 'invalid.tooLong', params: { count: MAX_MESSAGE_CHARS } };
  const files = toDraftFiles(entries);
  if (trimmed === '' && files.length === 0) return { ok: false, key: 'follow.replyEmpty' };
  return { ok: true, text: trimmed, files };
}
