export const FUSE_SENTINEL: string;
export const DEFAULT_FUSE_WIRE: string;
export function makeStandInElectron(dir: string, electronVersion: string, wire?: string): string;
