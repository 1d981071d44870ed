/**
 * The few runtime globals `shared/` may use: those present in both Node >= 20 and browsers.
 * `shared/` compiles without the DOM and Node type libraries, so anything not declared here
 * (window, document, fs, Buffer…) is a type error — that is the point.
 */
declare global {
  interface SubtleCryptoLike {
    digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
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
