// Types for scripts/dist/config-rules.mjs (plain JavaScript, run by Node; imported by the TypeScript tests).
export const FUSE_WIRE_ORDER: string[];
export const REQUIRED_FUSES: Record<string, boolean>;
export const FILE_ASSOCIATION: { ext: string; mimeType: string };

export function checkFuseConfig(fuses: unknown): string[];
/** `wire` is @electron/fuses' getCurrentFuseWire result: { version, 0: byte, 1: byte, … }. */
export function checkFuseWire(wire: unknown): string[];
export function checkFileAssociation(config: unknown): string[];
export function checkDesktopEntry(text: string): string[];
export function checkPublishOff(config: unknown): string[];
