/**
 * Passphrases for the command line: from the environment variable FIELDWORK_PASSPHRASE, else asked on the
 * terminal without echo. Never from a command-line argument: other users can read a process's arguments
 * (`ps`) and the shell keeps them in its history.
 */
export const PASSPHRASE_ENV = 'FIELDWORK_PASSPHRASE';

export const NO_ARGUMENT_MESSAGE =
  'A passphrase is never accepted on the command line: other users can see command lines and the shell keeps them in its history. Set the FIELDWORK_PASSPHRASE environment variable, or leave it unset to be asked.';

/** A refusal that is the caller's to fix (exit code 2). */
export class PassphraseUnavailableError extends Error {}

export interface PassphraseIo {
  env: Readonly<Record<string, string | undefined>>;
  /** Asks on the terminal without echo; absent when there is no terminal. */
  prompt?: (question: string) => Promise<string>;
}

function fromEnvironment(io: PassphraseIo): string | undefined {
  const value = io.env[PASSPHRASE_ENV];
  return value !== undefined && value !== '' ? value : undefined;
}

/** The passphrase to open `fileName`. */
export async function passphraseToOpen(io: PassphraseIo, fileName: string): Promise<string> {
  const env = fromEnvironment(io);
  if (env !== undefined) return env;
  if (!io.prompt) {
    throw new PassphraseUnavailableError(
      `${fileName} is protected with a passphrase. Set ${PASSPHRASE_ENV}, or run the command in a terminal to be asked for it.`,
    );
  }
  const answer = await io.prompt(`Passphrase for ${fileName}: `);
  if (answer === '') throw new PassphraseUnavailableError('No passphrase was entered.');
  return answer;
}

/** Shortest passphrase accepted for a new encrypted file. */
/** The same minimum as the app's (renderer/features/exchange/passphrase.ts). */
export const MIN_PASSPHRASE_LENGTH = 10;

/** A new passphrase to encrypt `fileName` with: asked twice on a terminal. */
export async function passphraseToEncrypt(io: PassphraseIo, fileName: string): Promise<string> {
  const env = fromEnvironment(io);
  const chosen =
    env ??
    (await (async () => {
      if (!io.prompt) {
        throw new PassphraseUnavailableError(
          `--encrypt needs a passphrase: set ${PASSPHRASE_ENV}, or run the command in a terminal to be asked for it.`,
        );
      }
      const first = await io.prompt(`New passphrase for ${fileName}: `);
      const second = await io.prompt('The same passphrase again: ');
      if (first !== second)
        throw new PassphraseUnavailableError('The two passphrases differ; nothing was written.');
      return first;
    })());
  if (chosen.length < MIN_PASSPHRASE_LENGTH) {
    throw new PassphraseUnavailableError(
      `The passphrase is too short: use at least ${MIN_PASSPHRASE_LENGTH} characters.`,
    );
  }
  return chosen;
}

/** The minimal terminal streams `hiddenPrompt` needs (process.stdin / process.stderr satisfy them). */
export interface TerminalInput {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  removeListener(event: 'data', listener: (data: Buffer) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

export interface TerminalOutput {
  write(text: string): unknown;
}

/**
 * Reads one line from a terminal in raw mode, echoing nothing. Enter ends it, Backspace deletes, Ctrl-C
 * and Ctrl-D cancel (rejects).
 */
export function hiddenPrompt(
  input: TerminalInput,
  output: TerminalOutput,
  question: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    output.write(question);
    input.setRawMode?.(true);
    input.resume();
    const finish = (error?: Error) => {
      input.removeListener('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(answer);
    };
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || char === '\u0004')
          return finish(new PassphraseUnavailableError('Cancelled.'));
        if (char === '\u007f' || char === '\b') answer = answer.slice(0, -1);
        else if (char >= ' ') answer += char;
      }
    };
    input.on('data', onData);
  });
}
