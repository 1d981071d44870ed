/**
 * Menu commands sent from the main process to the renderer. Kept free of zod so the sandboxed preload,
 * which imports these values, bundles to a few kilobytes instead of carrying the schema library.
 */
export const menuCommands = ['new-engagement', 'import-engagement', 'lock', 'about'] as const;
export type MenuCommand = (typeof menuCommands)[number];
export const MENU_COMMAND_EVENT = 'menu:command';
