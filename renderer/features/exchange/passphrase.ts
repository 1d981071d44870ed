/**
 * What the passphrase fields check before a file is encrypted: a minimum length, the confirmation, and a
 * rough strength hint (longer passphrases of several words beat short complicated ones).
 */

export const MIN_PASSPHRASE = 10;

export type Strength = 'too-short' | 'weak' | 'fair' | 'strong';

export const STRENGTH_LABELS: Record<Strength, string> = {
  'too-short': `Too short: at least ${MIN_PASSPHRASE} characters`,
  weak: 'Weak: easy to guess',
  fair: 'Fair: longer is better',
  strong: 'Strong',
};

/** A rough estimate: length, the kinds of characters used, and whether it repeats itself. */
export function passphraseStrength(passphrase: string): Strength {
  const length = [...passphrase].length;
  if (length < MIN_PASSPHRASE) return 'too-short';
  const kinds = [/[a-z]/u, /[A-Z]/u, /[0-9]/u, /[^a-zA-Z0-9]/u].filter((re) => re.test(passphrase)).length;
  const distinct = new Set(passphrase.toLocaleLowerCase()).size;
  if (distinct < 5) return 'weak';
  const words = passphrase
    .trim()
    .split(/[\s\-_.]+/u)
    .filter((w) => w.length >= 3).length;
  if (length >= 20 || (length >= 16 && (kinds >= 3 || words >= 3))) return 'strong';
  if (length >= 14 || kinds >= 3) return 'fair';
  return 'weak';
}

/** Why the passphrase cannot be used yet, or null when it can. */
export function passphraseProblem(passphrase: string, confirm: string): string | null {
  if ([...passphrase].length < MIN_PASSPHRASE) {
    return `The passphrase needs at least ${MIN_PASSPHRASE} characters.`;
  }
  if (passphrase !== confirm) return 'The two passphrases are not the same.';
  return null;
}
