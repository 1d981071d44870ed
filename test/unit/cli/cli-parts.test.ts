/**
 * The command line's building blocks on their own: the file source and sink over real temp files, the
 * no-echo terminal prompt, and how `fieldwork merge` unites the audit chains of two files.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileSink, fileSource } from '../../../cli/files';
import { AuditChainMismatchError, clockAfter, uniteChains } from '../../../cli/merge-output';
import { hiddenPrompt } from '../../../cli/passphrase';
import type { AuditEvent, ChainHead } from '../../../shared/domain/audit';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fieldwork-cli-parts-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('fileSource and fileSink', () => {
  it('reads any range, clipped at the end', async () => {
    const file = join(dir, 'in.bin');
    writeFileSync(
      file,
      Uint8Array.from({ length: 100 }, (_, i) => i),
    );
    const source = await fileSource(file);
    expect(source.size).toBe(100);
    expect(await source.read(10, 5)).toEqual(new Uint8Array([10, 11, 12, 13, 14]));
    expect(await source.read(98, 10)).toEqual(new Uint8Array([98, 99]));
    await source.close();
    await expect(fileSource(join(dir, 'missing.bin'))).rejects.toThrow(/Cannot read .*missing\.bin/);
    await expect(fileSource(dir)).rejects.toThrow(/not a file/);
  });

  it('writes through a temporary file renamed into place on close', async () => {
    const target = join(dir, 'out.fieldwork');
    writeFileSync(target, 'OLD');
    const sink = await fileSink(target);
    await sink.write(new Uint8Array([1, 2]));
    await sink.write(new Uint8Array([3]));
    expect(readFileSync(target, 'utf8')).toBe('OLD');
    expect(readdirSync(dir)).toHaveLength(2);
    await sink.close();
    expect(new Uint8Array(readFileSync(target))).toEqual(new Uint8Array([1, 2, 3]));
    expect(readdirSync(dir)).toEqual(['out.fieldwork']);
  });

  it('abort removes the temporary file and leaves the old file as it was', async () => {
    const target = join(dir, 'out.fieldwork');
    writeFileSync(target, 'OLD');
    const sink = await fileSink(target);
    await sink.write(new Uint8Array([1, 2]));
    await sink.abort();
    expect(readdirSync(dir)).toEqual(['out.fieldwork']);
    expect(readFileSync(target, 'utf8')).toBe('OLD');
    await expect(sink.write(new Uint8Array([3]))).rejects.toThrow(/already closed/);
    await expect(fileSink(join(dir, 'no-folder', 'x.fieldwork'))).rejects.toThrow(/does not exist/);
  });
});

describe('hiddenPrompt', () => {
  class FakeTerminal extends EventEmitter {
    isTTY = true;
    modes: boolean[] = [];
    setRawMode(mode: boolean) {
      this.modes.push(mode);
    }
    resume() {}
    pause() {}
  }

  it('echoes nothing typed, handles backspace, and restores the terminal', async () => {
    const input = new FakeTerminal();
    const written: string[] = [];
    const answer = hiddenPrompt(input, { write: (t) => written.push(t) }, 'Passphrase: ');
    input.emit('data', Buffer.from('secrex'));
    input.emit('data', Buffer.from('\u007ft pass\r'));
    await expect(answer).resolves.toBe('secret pass');
    expect(written).toEqual(['Passphrase: ', '\n']);
    expect(input.modes).toEqual([true, false]);
    expect(input.listenerCount('data')).toBe(0);
  });

  it('Ctrl-C cancels', async () => {
    const input = new FakeTerminal();
    const answer = hiddenPrompt(input, { write: () => undefined }, 'Passphrase: ');
    input.emit('data', Buffer.from('abc\u0003'));
    await expect(answer).rejects.toThrow('Cancelled.');
  });
});

describe('uniteChains', () => {
  const event = (chain: string, seq: number, hash: string) => ({ chain, seq, hash }) as unknown as AuditEvent; // only chain, seq and hash are compared
  const head = (chain: string, seq: number, hash: string): ChainHead => ({ chain, seq, hash });
  const h = (n: number) => n.toString(16).padStart(64, '0');

  it('keeps the longer of a chain both files hold, and every chain only one holds', () => {
    const mine = {
      auditEvents: [event('E', 1, h(1)), event('E', 2, h(2))],
      chainHeads: [head('E', 2, h(2))],
    };
    const theirs = {
      auditEvents: [event('E', 1, h(1)), event('E', 2, h(2)), event('E', 3, h(3)), event('E~n2', 1, h(9))],
      chainHeads: [head('E', 3, h(3)), head('E~n2', 1, h(9))],
    };
    const united = uniteChains(mine, theirs);
    expect(united.auditEvents.map((e) => `${e.chain}:${e.seq}`)).toEqual(['E:1', 'E:2', 'E:3', 'E~n2:1']);
    expect(united.chainHeads).toEqual([head('E', 3, h(3)), head('E~n2', 1, h(9))]);
    expect(uniteChains(theirs, mine)).toEqual(united);
  });

  it('refuses a chain that went two ways', () => {
    const mine = {
      auditEvents: [event('E', 1, h(1)), event('E', 2, h(2))],
      chainHeads: [head('E', 2, h(2))],
    };
    const theirs = {
      auditEvents: [event('E', 1, h(1)), event('E', 2, h(7))],
      chainHeads: [head('E', 2, h(7))],
    };
    expect(() => uniteChains(mine, theirs)).toThrow(AuditChainMismatchError);
    expect(() => uniteChains(mine, theirs)).toThrow(/went different ways .*event 2/);
  });
});

describe('clockAfter', () => {
  it('continues after the latest stamp either copy has seen, even when the computer clock is behind', () => {
    const seen = { a: '1800000000000-0003-a', b: '1700000000000-0000-b' };
    expect(clockAfter(seen, 1_600_000_000_000)).toEqual({ wallMs: 1_800_000_000_000, counter: 4 });
    expect(clockAfter(seen, 1_900_000_000_000)).toEqual({ wallMs: 1_900_000_000_000, counter: 0 });
  });
});
