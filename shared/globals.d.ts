/**
 * The few runtime globals `shared/` may use: those present in both Node >= 20 and browsers.
 * `shared/` compiles without the DOM and Node type libraries, so anything not declared here
 * (window, document, fs, Buffer…) is a type error — that is the point.
 */
declare global {
  /** An opaque WebCrypto key (exchange/crypto: AES-256-GCM, PBKDF2). */
  interface CryptoKeyLike {
    readonly type: string;
  }
  interface AesGcmParamsLike {
    name: 'AES-GCM';
    iv: Uint8Array<ArrayBuffer>;
    additionalData: Uint8Array<ArrayBuffer>;
    tagLength: 128;
  }
  interface SubtleCryptoLike {
    digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
    importKey(
      format: 'raw',
      keyData: Uint8Array<ArrayBuffer>,
      algorithm: 'PBKDF2' | { name: 'AES-GCM' },
      extractable: false,
      usages: ('encrypt' | 'decrypt' | 'deriveKey')[],
    ): Promise<CryptoKeyLike>;
    deriveKey(
      algorithm: { name: 'PBKDF2'; hash: 'SHA-256'; salt: Uint8Array<ArrayBuffer>; iterations: number },
      baseKey: CryptoKeyLike,
      derivedKeyType: { name: 'AES-GCM'; length: 256 },
      extractable: false,
      usages: ('encrypt' | 'decrypt')[],
    ): Promise<CryptoKeyLike>;
    encrypt(
      algorithm: AesGcmParamsLike,
      key: CryptoKeyLike,
      data: Uint8Array<ArrayBuffer>,
    ): Promise<ArrayBuffer>;
    decrypt(
      algorithm: AesGcmParamsLike,
      key: CryptoKeyLike,
      data: Uint8Array<ArrayBuffer>,
    ): Promise<ArrayBuffer>;
  }
  interface CryptoLike {
    readonly subtle: SubtleCryptoLike;
    getRandomValues<T extends Uint8Array>(array: T): T;
    randomUUID(): string;
  }
  const crypto: CryptoLike;

  class TextEncoder {
    encode(input?: string): Uint8Array<ArrayBuffer>;
  }
  class TextDecoder {
    constructor(label?: string, options?: { fatal?: boolean });
    decode(input?: Uint8Array): string;
  }

  /** Cancellation of long exports (only what the builders read). */
  interface AbortSignal {
    readonly aborted: boolean;
  }
  function setTimeout(callback: () => void, ms?: number): unknown;
}

export {};
