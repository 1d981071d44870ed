/**
 * NDJSON as the package writes and reads it: one record per line as canonical JSON (sorted keys, so the
 * same records always give the same bytes), `\n` after every line, UTF-8. Writing yields the lines in
 * pieces of about CHUNK_CHARS, so a table of 500,000 rows never becomes one string; reading splits an
 * entry read whole (records entries are bounded by `maxRecordEntryBytes`) and names the line of any error.
 */
import { canonicalJson } from '../../domain/canonical-json';
import { ExchangeError } from '../types';

export const CHUNK_CHARS = 256 * 1024;

/** The records as NDJSON bytes, a piece at a time. */
export async function* ndjsonChunks(records: Iterable<unknown>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let pending: string[] = [];
  let chars = 0;
  for (const record of records) {
    const line = `${canonicalJson(record)}\n`;
    pending.push(line);
    chars += line.length;
    if (chars >= CHUNK_CHARS) {
      yield encoder.encode(pending.join(''));
      pending = [];
      chars = 0;
    }
  }
  if (pending.length > 0) yield encoder.encode(pending.join(''));
}

/** One JSON value as UTF-8 bytes (engagement.json, manifest.json). */
export function jsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${canonicalJson(value)}\n`);
}

export function decodeUtf8(bytes: Uint8Array, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ExchangeError('corrupt', `The file is damaged: ${path} is not UTF-8 text.`, path);
  }
}

export interface NdjsonLine {
  /** 1-based line number, for messages. */
  line: number;
  value: unknown;
}

/** The JSON value of every line; the entry must end with `\n` and hold no blank line. */
export function parseNdjson(text: string, path: string, what: string): NdjsonLine[] {
  if (text === '') return [];
  if (!text.endsWith('\n')) {
    throw new ExchangeError(
      'corrupt',
      `The file is damaged: the ${what} list ends in the middle of a line.`,
      path,
    );
  }
  const lines = text.slice(0, -1).split('\n');
  return lines.map((source, i) => {
    const line = i + 1;
    try {
      return { line, value: JSON.parse(source) as unknown };
    } catch {
      throw new ExchangeError(
        'corrupt',
        `The file is damaged: line ${line} of the ${what} list is not valid JSON.`,
        `${path}:${line}`,
      );
    }
  });
}

/** The JSON value of a single-value entry (engagement.json). */
export function parseJson(text: string, path: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ExchangeError('corrupt', `The file is damaged: the ${what} is not valid JSON.`, path);
  }
}
