/**
 * Opens the database before anything else renders, and explains the failures an auditor can meet: storage
 * switched off (private windows), data written by a newer Fieldwork, or another window holding an upgrade.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Dexie } from 'dexie';
import { db } from '../db';
import { LATEST_SCHEMA_VERSION } from '../db/schema';

/** The database was upgraded by a newer Fieldwork (Dexie 4 would otherwise open it anyway). */
export class NewerDataError extends Error {
  constructor(found: number) {
    super(`database schema version ${found} is newer than this app's ${LATEST_SCHEMA_VERSION}`);
    this.name = 'NewerDataError';
  }
}
import { ErrorDetails } from '../components/ErrorText';

type Status =
  { kind: 'opening' } | { kind: 'open' } | { kind: 'failed'; title: string; text: string; detail: string };

/** Plain words for a database that would not open. */
export function explainOpenError(error: unknown): { title: string; text: string } {
  if (error instanceof Dexie.VersionError || error instanceof NewerDataError) {
    return {
      title: 'This data is from a newer Fieldwork',
      text: 'The engagements on this computer were saved by a newer version of Fieldwork. Install that version (or newer) to open them; nothing has been changed.',
    };
  }
  if (error instanceof Dexie.MissingAPIError || error instanceof Dexie.InvalidStateError) {
    return {
      title: 'Local storage is not available',
      text: 'Fieldwork keeps engagements in the browser’s local database, which is switched off here (for example in a private window). Open Fieldwork in a normal window or use the desktop app.',
    };
  }
  if (error instanceof Dexie.DatabaseClosedError || error instanceof Dexie.OpenFailedError) {
    return {
      title: 'The local database could not be opened',
      text: 'Another Fieldwork window may be upgrading the data. Close other Fieldwork windows and reload. If the disk is full, free some space first.',
    };
  }
  return {
    title: 'The local database could not be opened',
    text: 'Reload Fieldwork. If this keeps happening, send the details below to support; your data has not been changed.',
  };
}

export function StartupGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>({ kind: 'opening' });
  useEffect(() => {
    db.open()
      .then(() => {
        // Refuse to write into a schema this version does not know: close and explain instead.
        // Dexie 4 opens a higher-versioned database anyway, so compare the native version (Dexie × 10).
        const found = Math.floor(db.backendDB().version / 10);
        if (found > LATEST_SCHEMA_VERSION) {
          db.close();
          throw new NewerDataError(found);
        }
      })
      .then(
        () => setStatus({ kind: 'open' }),
        (error: unknown) =>
          setStatus({
            kind: 'failed',
            ...explainOpenError(error),
            detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          }),
      );
  }, []);
  if (status.kind === 'opening') return <p className="loading">Opening Fieldwork…</p>;
  if (status.kind === 'open') return <>{children}</>;
  return (
    <main className="setup">
      <div className="setup-card" role="alert">
        <h1>{status.title}</h1>
        <p>{status.text}</p>
        <ErrorDetails detail={status.detail} />
        <div className="form-actions">
          <button type="button" className="primary" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </div>
    </main>
  );
}
