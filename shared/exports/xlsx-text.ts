/**
 * Text that survives an .xlsx file exactly as typed. XML cannot carry most control characters, and an XML
 * parser turns a carriage return into a line feed, so SpreadsheetML escapes them as `_xHHHH_` (ECMA-376
 * §22.9.2.19); a literal `_xHHHH_` in the text is itself escaped by writing its underscore as `_x005F_`.
 * Excel, LibreOffice and exceljs all decode these escapes when they read a file.
 */

const LOOKS_LIKE_ESCAPE = /^_x[0-9a-f]{4}_$/iu;

/** C0 controls except tab and line feed, DEL (exceljs would drop it) and the two non-characters XML forbids. */
function mustEscape(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0x7f || code === 0xfffe || code === 0xffff
  );
}

const escape = (code: number): string => `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;

/**
 * `value` escaped for a string cell, so that Excel and LibreOffice show exactly `value`: a leading
 * carriage return or a control character is kept, and text that happens to look like an escape stays text.
 */
export function toXlsxText(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (mustEscape(code)) out += escape(code);
    else if (code === 0x5f && LOOKS_LIKE_ESCAPE.test(value.slice(i, i + 7))) out += escape(code);
    else out += value.charAt(i);
  }
  return out;
}
