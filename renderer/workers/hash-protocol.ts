/** Messages between the UI and the hashing worker. */
export interface HashRequest {
  files: readonly Blob[];
}

export type HashResponse =
  | { type: 'progress'; index: number; bytesDone: number }
  | { type: 'hashed'; index: number; sha256: string }
  | { type: 'failed'; index: number; message: string }
  | { type: 'done' };
