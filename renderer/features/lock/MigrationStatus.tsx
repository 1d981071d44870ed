/**
 * Where the lock's migration stands, for the settings dialog and the startup screen: a progress bar with
 * records done of total, an estimate, and Pause; then paused, finished or failed in plain words.
 */
import { describeError, ErrorDetails } from '../../components/ErrorText';
import { ProgressLine } from '../exchange/SaveStatus';
import type { MigrationCheckpoint } from '../../db/at-rest/config';
import type { MigrationRun } from './migration';
import { progressWords, secondsLeft, timeLeftWords, type MigrationDirection } from './words';

interface MigrationStatusProps {
  run: MigrationRun;
  /** The stored checkpoint (null when nothing is pending). */
  pending: MigrationCheckpoint | null;
  onPause?: () => void;
  pauseLabel?: string;
}

const VERB: Record<MigrationDirection, string> = { seal: 'encrypting', open: 'decrypting' };

export function MigrationStatus({ run, pending, onPause, pauseLabel = 'Pause' }: MigrationStatusProps) {
  if (run.status === 'running') {
    const progress = run.progress ?? pending;
    const words = progress
      ? progressWords(progress)
      : { text: 'Counting the records…', fraction: null as number | null };
    const left = progress
      ? timeLeftWords(
          secondsLeft({
            startedAt: run.startedAt,
            startDone: run.startDone,
            now: run.updatedAt,
            done: progress.done,
            total: Math.max(progress.total, progress.done),
          }),
        )
      : '';
    return (
      <ProgressLine
        text={run.pausing ? 'Pausing after this batch…' : left ? `${words.text} · ${left}` : words.text}
        fraction={words.fraction}
        label={run.direction === 'seal' ? 'Encrypting the data' : 'Decrypting the data'}
        {...(onPause && !run.pausing ? { onCancel: onPause, cancelLabel: pauseLabel } : {})}
      />
    );
  }
  if (run.status === 'failed') {
    const { text, detail } = describeError(run.error);
    return (
      <div className="error-text" role="alert">
        <p>
          Fieldwork stopped {VERB[run.direction]} the data: {text} Nothing is lost: what is done stays done,
          and it continues from there.
        </p>
        <ErrorDetails detail={detail} />
      </div>
    );
  }
  if (pending) {
    const words = progressWords(pending);
    return (
      <p className="hint-box" role="status">
        {run.status === 'paused' ? 'Paused. ' : 'Not finished yet. '}
        {words.text}. Everything reads normally meanwhile
        {pending.direction === 'seal' ? ' and new changes are already encrypted' : ''}; Fieldwork also
        continues this the next time it starts.
      </p>
    );
  }
  return null;
}
