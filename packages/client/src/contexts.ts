/**
 * The associated-data contexts of every envelope the client makes, in one place, so that the
 * writer and every reader bind exactly the same values (docs/crypto.md, "Key grants" and
 * "Contexts used by the client").
 *
 * SECURITY: a context names the alert, the kind of object and the slot it belongs to. The
 * server stores every ciphertext, so without this it could move a note into a message, a
 * message to another seq, or one alert's answers into another alert.
 */
import { keyGrantContext } from '@kenekanko/crypto';
import type { EnvelopeContext } from '@kenekanko/crypto';
import type { KeyGrant } from '@kenekanko/contracts';

export type GrantHeader = Omit<KeyGrant, 'sealedKey'>;

export const answersContext = (alertId: string): EnvelopeContext => ({ alertId, objectKind: 'answers', field: 'main' });

export const identityContext = (alertId: string): EnvelopeContext => ({ alertId, objectKind: 'identity', field: 'main' });

export const messageContext = (alertId: string, seq: number): EnvelopeContext => ({ alertId, objectKind: 'message', field: String(seq) });

export const noteContext = (alertId: string, noteId: string): EnvelopeContext => ({ alertId, objectKind: 'note', field: noteId });

/** `seq` is the state change's own sequence number (history length + 1 when it is made). */
export const reasonContext = (alertId: string, seq: number): EnvelopeContext => ({ alertId, objectKind: 'reason', field: String(seq) });

/** Case work (issue 3): labels and checklist state under the desk key; `version` is the one being written, so an old version cannot be served as a newer one. */
export const caseDocumentContext = (alertId: string, kind: 'labels' | 'checklist', version: number): EnvelopeContext => ({ alertId, objectKind: kind, field: String(version) });

/** A user's private keys, under the password wrapping key and under the user's recovery key. */
export const userKeysContext = (userId: string, keyVersion: number): EnvelopeContext => ({
  alertId: '',
  objectKind: 'user-keys',
  field: `${userId}/${keyVersion}`,
});

/**
 * A key grant binds its whole row (crypto's keyGrantContext): which key (object, kind,
 * version) for whom (recipient type, id, key version). So the server cannot hand the desk key
 * out as the content key, one organisation's grant as another's, or an old version as a new one.
 * Recovery grants (key wraps) bind the same context.
 */
export const grantContext = (grant: GrantHeader): EnvelopeContext => keyGrantContext(grant);
