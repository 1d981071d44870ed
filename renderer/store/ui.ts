/** Dialogs, notices and app-wide warnings. */
import type { StateCreator } from 'zustand';

export type DialogName = 'new-engagement' | 'about' | 'profile-new' | 'profile-edit' | 'jump';

export interface NoticeAction {
  label: string;
  run(): void | Promise<unknown>;
}

export interface Notice {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: string;
  detail?: string;
  /** One follow-up, typically Undo. */
  action?: NoticeAction;
  /** When it was shown (ms since the epoch): confirmations go away a few seconds after this. */
  at: number;
}

export interface UiSlice {
  dialog: DialogName | null;
  openDialog(name: DialogName): void;
  closeDialog(): void;
  notices: Notice[];
  notify(kind: Notice['kind'], text: string, detail?: string, action?: NoticeAction): void;
  dismissNotice(id: number): void;
  /** null = not asked yet; false = the browser refused persistent storage. */
  storagePersisted: boolean | null;
  /** Engagement list: include archived engagements (kept while moving between screens). */
  showArchived: boolean;
  setShowArchived(value: boolean): void;
  setStoragePersisted(value: boolean): void;
}

let nextNoticeId = 1;

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = (set) => ({
  dialog: null,
  openDialog: (name) => set({ dialog: name }),
  closeDialog: () => set({ dialog: null }),
  notices: [],
  notify(kind, text, detail, action) {
    const id = nextNoticeId++;
    const notice: Notice = {
      id,
      kind,
      text,
      at: Date.now(),
      ...(detail ? { detail } : {}),
      ...(action ? { action } : {}),
    };
    // Only the newest notice keeps an action: an older Undo would undo something no longer current.
    set((s) => ({
      notices: [...s.notices.filter((n) => !(action && n.action)).slice(-3), notice],
    }));
  },
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  storagePersisted: null,
  showArchived: false,
  setShowArchived: (value) => set({ showArchived: value }),
  setStoragePersisted: (value) => set({ storagePersisted: value }),
});
