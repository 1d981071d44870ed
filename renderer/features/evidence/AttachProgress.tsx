/** Progress of hashing and storing files: what is happening, how far, and Cancel. */
import { formatBytes } from '@shared/domain/fieldwork';
import type { AttachState } from './useAttachFiles';

export function AttachProgress({ progress, cancel }: AttachState) {
  if (!progress) return null;
  const { bytesDone, totalBytes, fileIndex, names } = progress;
  const percent = totalBytes > 0 ? Math.floor((bytesDone / totalBytes) * 100) : 100;
  const name = names[fileIndex] ?? '';
  return (
    <div className="attach-progress" role="status" aria-live="polite">
      <div className="attach-progress-text">
        {names.length > 1 ? `File ${fileIndex + 1} of ${names.length}: ` : ''}
        Hashing <strong>{name}</strong> — {formatBytes(bytesDone)} of {formatBytes(totalBytes)}
      </div>
      <progress max={100} value={percent} aria-label="Hashing and storing files">
        {percent}%
      </progress>
      <button type="button" onClick={cancel}>
        Cancel
      </button>
    </div>
  );
}
