// Types for scripts/dist/icon-files.mjs (plain JavaScript, run by Node; imported by the TypeScript tests).
export interface RgbaImage {
  size: number;
  rgba: Buffer;
  png: Buffer;
}
export interface IcoEntry {
  declared: number;
  format: 'png' | 'bmp';
  width: number;
  height: number;
  bits?: number;
}
export interface IcnsElement {
  type: string;
  length: number;
  png: boolean;
  width?: number;
  height?: number;
}

export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer;
export function readPngSize(png: Buffer): { width: number; height: number } | null;
export function decodePng(png: Buffer): { width: number; height: number; rgba: Buffer };
export function encodeIco(images: RgbaImage[]): Buffer;
export function parseIco(ico: Buffer): IcoEntry[];
export function icnsLegacyPair(size: number, rgba: Uint8Array): { rgb: Buffer; mask: Buffer };
export const ICNS_TYPES: Record<string, number>;
export function encodeIcns(elements: { type: string; data: Buffer }[]): Buffer;
export function parseIcns(icns: Buffer): IcnsElement[];
