// Types for scripts/dist/inspect.mjs (plain JavaScript, run by Node; imported by the TypeScript tests).
export interface AsarIntegrity {
  algorithm: string;
  hash: string;
  blockSize: number;
  blocks: string[];
}
export interface AsarEntry {
  path: string;
  size: number;
  integrity?: AsarIntegrity;
  unpacked: boolean;
  link?: string;
}
export interface ReportSection {
  title: string;
  problems: string[];
  facts?: string[];
}

export const ASAR_BUDGET_BYTES: number;
export const ALLOWED_FILES: string[];
export const ALLOWED_PREFIXES: string[];
export const REQUIRED_FILES: string[];
export const EXPECTED_MAIN: string;

export function readAsarEntries(archivePath: string): { entries: AsarEntry[]; headerString: string };
export function checkAsarEntries(entries: AsarEntry[], options?: { allowSourceMaps?: boolean }): string[];
export function checkRequiredEntries(entries: AsarEntry[]): string[];
export function checkAsarSize(bytes: number, budget?: number): string[];
export function checkAsarIntegrity(entries: AsarEntry[], read?: (path: string) => Buffer): string[];
export function asarHeaderHash(headerString: string): string;
export function checkPackagedPackageJson(pkg: unknown): string[];
export function checkResourcesDir(names: string[]): string[];
export function formatMB(bytes: number): string;
export function formatReport(sections: ReportSection[]): { text: string; failed: number };
