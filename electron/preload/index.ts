/**
 * Preload: exposes `window.fieldwork` and nothing else.
 *
 * Runs sandboxed, where `require` can load only 'electron' and a few built-ins, so this file is bundled by
 * `scripts/build-electron.mjs` (the contract and zod are inlined; 'electron' stays external).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createFieldworkApi } from './api';

contextBridge.exposeInMainWorld('fieldwork', createFieldworkApi(ipcRenderer));
