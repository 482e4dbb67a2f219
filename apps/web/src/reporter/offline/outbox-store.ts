/**
 * The "send later" outbox in IndexedDB: sealed submissions waiting for the network, keyed by
 * submission id. Values are kept as the structured clone of a SealedSubmission (Uint8Array
 * chunks included) and parsed back by the caller (parseSealedSubmission) before any use.
 *
 * SECURITY: only ciphertext packages go in (see @kenekanko/client sealed-submission.ts for
 * what they reveal). When the last one leaves, the whole database is deleted, so a phone that
 * sent everything holds not even an empty outbox. Opening it to look creates nothing: a
 * database that did not exist is deleted again at once.
 */
import type { SealedSubmission } from '@kenekanko/client';

const DB_NAME = 'kenekanko-outbox';
const STORE = 'sealed';

export type OutboxStore = {
  readonly list: () => Promise<readonly unknown[]>;
  readonly put: (sealed: SealedSubmission) => Promise<void>;
  /** Removes one package; deletes the database once none is left. */
  readonly remove: (submissionId: string) => Promise<void>;
};

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

function deleteDatabase(factory: IDBFactory): Promise<void> {
  return new Promise((resolve) => {
    const req = factory.deleteDatabase(DB_NAME);
    // Blocked only while another tab holds it open; that tab deletes it when it empties it.
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

/** Opens the outbox; `create` false answers null (and leaves nothing behind) when there is none. */
async function open(factory: IDBFactory, create: boolean): Promise<IDBDatabase | null> {
  let created = false;
  const req = factory.open(DB_NAME, 1);
  req.onupgradeneeded = () => {
    created = true;
    req.result.createObjectStore(STORE, { keyPath: 'submissionId' });
  };
  const db = await request(req);
  if (created && !create) {
    db.close();
    await deleteDatabase(factory);
    return null;
  }
  return db;
}

async function withStore<T>(db: IDBDatabase, mode: IDBTransactionMode, work: (store: IDBObjectStore) => Promise<T>): Promise<T> {
  const tx = db.transaction(STORE, mode);
  const finished = done(tx);
  const result = await work(tx.objectStore(STORE));
  await finished;
  return result;
}

/** Whether this browser can keep an alert for later at all (some private modes have no IndexedDB). */
export const outboxSupported = (): boolean => typeof indexedDB !== 'undefined';

/** The outbox, or null where this browser has no IndexedDB (some private modes). */
export function openOutboxStore(factory: IDBFactory | undefined = globalThis.indexedDB): OutboxStore | null {
  if (factory === undefined) return null;
  return {
    async list() {
      const db = await open(factory, false);
      if (db === null) return [];
      try {
        return await withStore(db, 'readonly', (store) => request(store.getAll()));
      } finally {
        db.close();
      }
    },
    async put(sealed) {
      const db = await open(factory, true);
      if (db === null) throw new Error('the outbox could not be created');
      try {
        await withStore(db, 'readwrite', async (store) => void (await request(store.put(sealed))));
      } finally {
        db.close();
      }
    },
    async remove(submissionId) {
      const db = await open(factory, false);
      if (db === null) return;
      const left = await withStore(db, 'readwrite', async (store) => {
        await request(store.delete(submissionId));
        return request(store.count());
      }).finally(() => db.close());
      if (left === 0) await deleteDatabase(factory);
    },
  };
}
