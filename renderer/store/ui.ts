/** Dialogs, notices and app-wide warnings. */
import type { StateCreator } from 'zustand';

export type DialogName = 'new-engagement' | 'about' | 'profile-new' | 'profile-edit' | 'jump';

export interface Notice {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: string;
  detail?: string;
}

export interface UiSlice {
  dialog: DialogName | null;
  openDialog(name: DialogName): void;
  closeDialog(): void;
  notices: Notice[];
  notify(kind: Notice['kind'], text: string, detail?: string): void;
  dismissNotice(id: number): void;
  /** null = not asked yet; false = the browser refused persistent storage. */
  storagePersisted: boolean | null;
  setStoragePersisted(value: boolean): void;
}

let nextNoticeId = 1;

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = (set) => ({
  dialog: null,
  openDialog: (name) => set({ dialog: name }),
  closeDialog: () => set({ dialog: null }),
  notices: [],
  notify(kind, text, detail) {
    const id = nextNoticeId++;
    set((s) => ({ notices: [...s.notices.slice(-3), { id, kind, text, ...(detail ? { detail } : {}) }] }));
  },
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  storagePersisted: null,
  setStoragePersisted: (value) => set({ storagePersisted: value }),
});
