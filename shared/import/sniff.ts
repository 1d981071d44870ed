/** Recognises what a file really is from its first bytes, whatever its name says. */

export type FileKind =
  'xlsx' | 'xlsb' | 'ods' | 'zip' | 'ole2' | 'utf16-text' | 'text' | 'image' | 'pdf' | 'binary';

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** Whether the ASCII text occurs anywhere in the bytes (zip entry names are stored uncompressed). */
export function includesAscii(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  const last = bytes.length - text.length;
  for (let i = bytes.indexOf(first); i !== -1 && i <= last; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < text.length && bytes[i + j] === text.charCodeAt(j)) j += 1;
    if (j === text.length) return true;
  }
  return false;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const IMAGES = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
];
const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF

function zipKind(bytes: Uint8Array): FileKind {
  if (includesAscii(bytes, 'xl/workbook.xml')) return 'xlsx';
  if (includesAscii(bytes, 'xl/workbook.bin')) return 'xlsb';
  if (includesAscii(bytes, 'application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  return 'zip';
}

/**
 * Text has no NUL bytes and almost no control characters (tab, line breaks and form feed aside).
 * Only the first 8 KB are looked at: enough to tell a CSV from an image or an executable.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control += 1;
  }
  return control <= sample.length / 100;
}

/** What the file is, judged by its content. */
export function sniffFileKind(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return zipKind(bytes);
  if (startsWith(bytes, OLE2)) return 'ole2';
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'utf16-text';
  if (IMAGES.some((signature) => startsWith(bytes, signature))) return 'image';
  if (startsWith(bytes, PDF)) return 'pdf';
  return looksLikeText(bytes) ? 'text' : 'binary';
}
