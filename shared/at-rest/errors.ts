/** The errors of the app lock, with messages an auditor can act on. */

/** Data was asked for while the app is locked (no data key in memory). */
export class AppLockedError extends Error {
  constructor() {
    super('Fieldwork is locked. Unlock it with your passphrase to continue.');
    this.name = 'AppLockedError';
  }
}

/** A key slot did not open with the passphrase (or recovery key) given. */
export class WrongPassphraseError extends Error {
  constructor(what: 'passphrase' | 'recovery key' = 'passphrase') {
    super(`The ${what} is wrong.`);
    this.name = 'WrongPassphraseError';
  }
}

/**
 * Stored data did not decrypt with the unlocked key: it was changed outside Fieldwork, moved between
 * records, or written under another lock. Nothing is returned rather than something unverified.
 */
export class SealBrokenError extends Error {
  constructor(where: string) {
    super(
      `Stored data in ${where} could not be decrypted: it was changed outside Fieldwork or belongs to another app lock.`,
    );
    this.name = 'SealBrokenError';
  }
}
