/**
 * Which `.fieldwork` file the import dialog is working on. The dialog is opened from the engagement list,
 * the Share & merge page, and (desktop) a double-clicked file, so its state lives outside those screens.
 */
import { create } from 'zustand';
import { platform } from '../../platform';
import type { OpenedSource } from '../../platform/types';
import type { ImportResult } from '../../db/exchange';

/** Why the file is opened: it changes the dialog's title and wording only. */
export type ImportPurpose = 'open' | 'merge' | 'restore';

export interface ImportRequest {
  source: OpenedSource;
  purpose: ImportPurpose;
  /** The engagement whose Share page opened the file, if any. */
  engagementId?: string;
}

let nextRequest = 1;

/**
 * Where the write of an opened file stands. It lives here, not in the dialog, because a restore on the
 * first-run screen adds the first profiles: the app then swaps that screen for the main one, and the
 * dialog shown there picks up the write (still running, or its result) instead of opening the file again.
 */
export type ImportWrite =
  | { stage: 'writing' }
  /** `chooseProfile`: restored before any profile existed, so the user picks theirs among those restored. */
  | { stage: 'written'; result: ImportResult; chooseProfile: boolean };

interface ImportStore {
  /** `id` tells one opened file from the next (a new file starts a new dialog). */
  request: (ImportRequest & { id: number; write?: ImportWrite }) | null;
  open(request: ImportRequest): void;
  /** Records how the write of request `id` stands (ignored when another file was opened since). */
  setWrite(id: number, write: ImportWrite | undefined): void;
  close(): void;
}

export const useImportStore = create<ImportStore>()((set) => ({
  request: null,
  open: (request) => set({ request: { ...request, id: nextRequest++ } }),
  setWrite: (id, write) => set((s) => (s.request?.id === id ? { request: { ...s.request, write } } : {})),
  close: () => set({ request: null }),
}));

export const PACKAGE_FILTERS = [{ name: 'Fieldwork engagement file', extensions: ['fieldwork'] }];

/** Lets the user choose a `.fieldwork` file, then opens the import dialog on it. */
export async function chooseFileToImport(purpose: ImportPurpose, engagementId?: string): Promise<void> {
  const source = await platform.openSource(PACKAGE_FILTERS);
  if (!source) return;
  useImportStore.getState().open({ source, purpose, ...(engagementId ? { engagementId } : {}) });
}
