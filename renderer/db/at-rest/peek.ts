/**
 * Reads what the lock screen needs — the lock's configuration and the profiles — straight from IndexedDB
 * without opening the database through Dexie. Opening runs schema upgrades, and an upgrade of encrypted
 * records needs the key, so with the lock on the database is opened only after unlocking. A database that
 * does not exist yet is not created here.
 */
import type { Profile } from '@shared/domain/profile';
import { AT_REST_META_KEY } from './config';

export interface Peeked {
  /** The stored lock configuration (unchecked), or undefined when there is none. */
  config: unknown;
  profiles: Profile[];
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Null when the database does not exist yet (first run). */
export function peekDatabase(name: string, idb: IDBFactory = indexedDB): Promise<Peeked | null> {
  return new Promise((resolve, reject) => {
    let created = false;
    const req = idb.open(name);
    req.onupgradeneeded = () => {
      // No database yet: abort, so this look does not create an empty one at version 1.
      created = true;
      req.transaction?.abort();
    };
    req.onerror = (event) => {
      if (created) {
        event.preventDefault();
        resolve(null);
      } else reject(req.error ?? new Error('The local database could not be opened.'));
    };
    req.onblocked = () => reject(new Error('Another Fieldwork window is upgrading the data.'));
    req.onsuccess = () => {
      const idbDb = req.result;
      const stores = ['meta', 'profiles'].filter((s) => idbDb.objectStoreNames.contains(s));
      if (stores.length === 0) {
        idbDb.close();
        resolve({ config: undefined, profiles: [] });
        return;
      }
      const tx = idbDb.transaction(stores, 'readonly');
      const meta = stores.includes('meta')
        ? request(tx.objectStore('meta').get(AT_REST_META_KEY) as IDBRequest<{ value?: unknown } | undefined>)
        : Promise.resolve(undefined);
      const profiles = stores.includes('profiles')
        ? request(tx.objectStore('profiles').getAll() as IDBRequest<Profile[]>)
        : Promise.resolve([]);
      Promise.all([meta, profiles]).then(
        ([row, list]) => {
          idbDb.close();
          resolve({ config: row?.value, profiles: list });
        },
        (error: unknown) => {
          idbDb.close();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    };
  });
}
