/**
 * At start (or after unlocking), an app-lock migration that did not finish — Fieldwork was closed, the disk
 * filled up, it was paused — continues from its checkpoint before the app opens, with its progress.
 */
import { useEffect, useRef } from 'react';
import { useAtRestView, useMigrationRun, migrationRunner } from './session';
import { MigrationStatus } from './MigrationStatus';

export function MigrationScreen({ onDone }: { onDone(): void }) {
  const view = useAtRestView();
  const run = useMigrationRun();
  const doneRef = useRef(onDone);
  useEffect(() => {
    doneRef.current = onDone;
  });

  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void migrationRunner.start().then((result) => {
      // Finished, or paused by the user: the app opens (the data reads correctly either way).
      if (result.status === 'done' || result.status === 'paused') doneRef.current();
    });
  }, []);

  const direction = view.migration?.direction ?? (run.status !== 'idle' ? run.direction : 'seal');
  const title = direction === 'seal' ? 'Encrypting your data' : 'Turning off the app lock';
  return (
    <main className="setup">
      <div className="setup-card lock-card" aria-busy={run.status === 'running'}>
        <h1>{title}</h1>
        <p>
          {direction === 'seal'
            ? 'The app lock was turned on, and Fieldwork has not finished encrypting the data stored on this computer. It continues where it stopped; nothing is lost.'
            : 'The app lock is being turned off, and Fieldwork has not finished decrypting the data stored on this computer. It continues where it stopped; nothing is lost.'}
        </p>
        <MigrationStatus
          run={run}
          pending={view.migration}
          onPause={() => migrationRunner.pause()}
          pauseLabel="Pause and open Fieldwork"
        />
        {run.status === 'failed' ? (
          <div className="form-actions">
            <button type="button" onClick={() => doneRef.current()}>
              Open Fieldwork now
            </button>
            <button
              type="button"
              className="primary"
              onClick={() =>
                void migrationRunner.start().then((result) => {
                  if (result.status === 'done' || result.status === 'paused') doneRef.current();
                })
              }
            >
              Try again
            </button>
          </div>
        ) : null}
      </div>
    </main>
  );
}
