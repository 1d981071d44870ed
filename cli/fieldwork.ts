/** The `fieldwork` command (see main.ts): wires stdout/stderr, the terminal prompt and the exit code. */
import { runCli } from './main';
import { hiddenPrompt } from './passphrase';

const terminal = process.stdin.isTTY === true && process.stderr.isTTY === true;

const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
  ...(terminal
    ? { prompt: (question: string) => hiddenPrompt(process.stdin, process.stderr, question) }
    : {}),
});
process.exitCode = code;
