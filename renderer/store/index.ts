/**
 * UI state (zustand), built from typed slices. Persistent data lives in Dexie and is read with
 * `useLiveQuery`; nothing here is engagement data.
 */
import { create } from 'zustand';
import { createSessionSlice, type SessionSlice } from './session';
import { createUiSlice, type UiSlice } from './ui';
import { createRouteSlice, type RouteSlice } from './route';

export type AppState = SessionSlice & UiSlice & RouteSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createUiSlice(...a),
  ...createRouteSlice(...a),
}));
