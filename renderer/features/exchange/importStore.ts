/**
 * Which `.fieldwork` file the import dialog is working on. The dialog is opened from the engagement list,
 * the Share & merge page, and (desktop) a double-clicked file, so its state lives outside those screens.
 */
import { create } from 'zustand';
import { platform } from '../../platform';
import type { OpenedSource } from '../../platform/types';

/** Why the file is opened: it changes the dialog's title and wording only. */
export type ImportPurpose = 'open' | 'merge' | 'restore';

export interface ImportRequest {
  source: OpenedSource;
  purpose: ImportPurpose;
  /** The engagement whose Share page opened the file, if any. */
  engagementId?: string;
}

let nextRequest = 1;

interface ImportStore {
  /** `id` tells one opened file from the next (a new file starts a new dialog). */
  request: (ImportRequest & { id: number }) | null;
  open(request: ImportRequest): void;
  close(): void;
}

export const useImportStore = create<ImportStore>()((set) => ({
  request: null,
  open: (request) => set({ request: { ...request, id: nextRequest++ } }),
  close: () => set({ request: null }),
}));

export const PACKAGE_FILTERS = [{ name: 'Fieldwork engagement file', extensions: ['fieldwork'] }];

/** Lets the user choose a `.fieldwork` file, then opens the import dialog on it. */
export async function chooseFileToImport(purpose: ImportPurpose, engagementId?: string): Promise<void> {
  const source = await platform.openSource(PACKAGE_FILTERS);
  if (!source) return;
  useImportStore.getState().open({ source, purpose, ...(engagementId ? { engagementId } : {}) });
}
