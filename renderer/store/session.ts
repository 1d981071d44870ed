/** Which local profile is signed in. Remembered on this machine between sessions. */
import type { StateCreator } from 'zustand';

const KEY = 'fieldwork.currentProfileId';

export interface SessionSlice {
  currentProfileId: string | null;
  setCurrentProfile(id: string | null): void;
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
});
