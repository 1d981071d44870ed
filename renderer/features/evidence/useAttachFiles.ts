/**
 * Adding files as evidence: hash them in the worker (with progress and cancel), then store bytes and
 * records in one write. Reports what happened in a notice: added, already in the library, unreadable.
 */
import { useCallback, useRef, useState } from 'react';
import { formatBytes } from '@shared/domain/fieldwork';
import { repository } from '../../db';
import { useActor } from '../../app/hooks';
import { useAppStore } from '../../store';
import { describeError } from '../../components/ErrorText';
import { addEvidence, type EvidenceDefaults, type HashedFile } from './commands';
import { hashFiles, HashingCancelled, type HashProgress } from './hashFiles';

export interface AttachState {
  /** The files being hashed and their progress; null when idle. */
  progress: (HashProgress & { names: string[] }) | null;
  cancel(): void;
}

export function useAttachFiles(engagementId: string) {
  const actor = useActor();
  const notify = useAppStore((s) => s.notify);
  const [progress, setProgress] = useState<AttachState['progress']>(null);
  const controller = useRef<AbortController | null>(null);

  const attach = useCallback(
    async (files: readonly File[], defaults: EvidenceDefaults = {}): Promise<string[]> => {
      if (!actor || files.length === 0) return [];
      const abort = new AbortController();
      controller.current = abort;
      const names = files.map((f) => f.name);
      const totalBytes = files.reduce((s, f) => s + f.size, 0);
      setProgress({ bytesDone: 0, totalBytes, fileIndex: 0, names });
      try {
        const { hashes, failures } = await hashFiles(
          files,
          (p) => setProgress({ ...p, names }),
          abort.signal,
        );
        const hashed: HashedFile[] = files.flatMap((file, i) => {
          const sha256 = hashes[i];
          return sha256 ? [{ file, sha256 }] : [];
        });
        const result = await addEvidence(repository, actor, engagementId, hashed, defaults);
        const parts: string[] = [];
        if (result.created.length > 0) {
          parts.push(
            result.created.length === 1
              ? `Added ${result.created[0]?.versions[0]?.fileName ?? 'the file'} (${formatBytes(totalBytes)}).`
              : `Added ${result.created.length} files.`,
          );
        }
        if (result.existing.length > 0) {
          parts.push(
            `${result.existing.length === 1 ? 'One file was' : `${result.existing.length} files were`} already in the evidence library (same SHA-256); ${result.existing.length === 1 ? 'it is' : 'they are'} linked here instead of stored twice.`,
          );
        }
        if (failures.length > 0) {
          const detail = failures.map((f) => `${names[f.index] ?? 'file'}: ${f.message}`).join('\n');
          notify(
            'error',
            `${failures.length === 1 ? `${names[failures[0]?.index ?? 0] ?? 'A file'} could not be read` : `${failures.length} files could not be read`}; ${hashed.length > 0 ? 'the others were added' : 'nothing was added'}.`,
            detail,
          );
        }
        if (parts.length > 0) notify('success', parts.join(' '));
        return [...result.created, ...result.existing].map((e) => e.id);
      } catch (error) {
        if (error instanceof HashingCancelled) notify('info', error.message);
        else {
          const { text, detail } = describeError(error);
          notify('error', text, detail);
        }
        return [];
      } finally {
        controller.current = null;
        setProgress(null);
      }
    },
    [actor, engagementId, notify],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { attach, progress, cancel, disabled: !actor };
}
