/** Which local profile is signed in. Remembered on this machine between sessions. */
import type { StateCreator } from 'zustand';

const KEY = 'fieldwork.currentProfileId';

export interface SessionSlice {
  currentProfileId: string | null;
  setCurrentProfile(id: string | null): void;
  /**
   * The reason the auditor gave for changes to a released engagement (the assembly window), per
   * engagement id. Kept for this session only: every change until it is cleared carries it.
   */
  changeReasons: Record<string, string>;
  setChangeReason(engagementId: string, reason: string): void;
}

function readStored(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export const createSessionSlice: StateCreator<SessionSlice, [], [], SessionSlice> = (set) => ({
  currentProfileId: readStored(),
  setCurrentProfile(id) {
    try {
      if (id) localStorage.setItem(KEY, id);
      else localStorage.removeItem(KEY);
    } catch {
      // Storage may be unavailable (private mode); the choice then lasts for this session only.
    }
    set({ currentProfileId: id });
  },
  changeReasons: {},
  setChangeReason(engagementId, reason) {
    set((state) => {
      const next = { ...state.changeReasons };
      if (reason.trim()) next[engagementId] = reason.trim();
      else delete next[engagementId];
      return { changeReasons: next };
    });
  },
});
