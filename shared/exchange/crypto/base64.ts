/**
 * Standard base64 (RFC 4648, with padding) for the salts and nonce prefix in the encryption header.
 * Decoding is strict: only the one canonical spelling of some bytes is accepted, so an altered header
 * can never decode to the same bytes.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET.charAt((n >> 18) & 63) + ALPHABET.charAt((n >> 12) & 63);
    out += i + 1 < bytes.length ? ALPHABET.charAt((n >> 6) & 63) : '=';
    out += i + 2 < bytes.length ? ALPHABET.charAt(n & 63) : '=';
  }
  return out;
}

/** The bytes `text` spells, or null when it is not canonical base64. */
export function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const ch = text.charAt(i + j);
      const isPad = ch === '=' && i + 4 === text.length && j >= 4 - padding;
      const value = isPad ? 0 : ALPHABET.indexOf(ch);
      if (value < 0) return null;
      n = (n << 6) | value;
    }
    const bytes = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
    for (const byte of bytes) if (o < out.length) out[o++] = byte;
  }
  return toBase64(out) === text ? out : null;
}
