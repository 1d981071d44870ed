/**
 * Packages the reader must refuse, each with the reason in plain words: a newer format or schema, entries
 * missing or extra, a record that fails its schema, an audit trail altered even with a consistent
 * manifest, records that disagree with the manifest, a wrong or missing passphrase, files that are not
 * Fieldwork packages. And a package of an older schema version is upgraded, not refused.
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashAuditEvent } from '../../../shared/domain/audit';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/domain/upgrades';
import { TEST_KDF } from '../../../shared/exchange/crypto';
import { bytesSource } from '../../../shared/exchange/io';
import { inspectPackage, openPackage } from '../../../shared/exchange/package';
import {
  ExchangeError,
  type ExchangeErrorCode,
  type WritePackageInput,
} from '../../../shared/exchange/types';
import { isPlainWords, packageBytes, rezip, smallPackageInput } from '../../fixtures/demo-package';

let input: WritePackageInput;
let plain: Uint8Array;

beforeAll(async () => {
  input = (await smallPackageInput()).input;
  plain = (await packageBytes(input)).bytes;
});

function first<T>(items: readonly T[] | undefined): T {
  const item = items?.[0];
  if (item === undefined) throw new Error('empty');
  return item;
}

async function refusal(bytes: Uint8Array, passphrase?: string): Promise<ExchangeError> {
  const error = await openPackage(bytesSource(bytes), passphrase === undefined ? {} : { passphrase }).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ExchangeError)) throw new Error(`expected an ExchangeError, got ${String(error)}`);
  expect(isPlainWords(error.message)).toBe(true);
  return error;
}

async function expectRefused(bytes: Uint8Array, code: ExchangeErrorCode, message: RegExp): Promise<void> {
  const error = await refusal(bytes);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
}

describe('versions', () => {
  it('refuses a newer major format version and says to update', async () => {
    const bytes = await rezip(plain, { manifest: (m) => (m.formatVersion = '2.0') });
    const error = await refusal(bytes);
    expect(error.code).toBe('newer-version');
    expect(error.message).toBe(
      'This file was made by a newer version of Fieldwork (format 2.0). Update Fieldwork to open it.',
    );
    await expect(inspectPackage(bytesSource(bytes))).rejects.toMatchObject({ code: 'newer-version' });
  });

  it('refuses records of a newer schema version', async () => {
    const bytes = await rezip(plain, { manifest: (m) => (m.schemaVersion = CURRENT_SCHEMA_VERSION + 1) });
    await expectRefused(bytes, 'newer-version', /newer version of Fieldwork .*Update Fieldwork/u);
  });

  it('accepts a newer minor version with keys it does not know, but not unknown keys in its own version', async () => {
    const newer = await rezip(plain, {
      manifest: (m) => {
        m.formatVersion = '1.7';
        m.signedBy = 'a future feature';
      },
    });
    expect((await openPackage(bytesSource(newer))).manifest.formatVersion).toBe('1.7');
    const same = await rezip(plain, { manifest: (m) => (m.signedBy = 'a future feature') });
    await expectRefused(same, 'corrupt', /table of contents is not valid/u);
  });

  it('upgrades the records of an older schema version: an engagement without report settings gets the defaults', async () => {
    const [engagement] = input.engagements;
    if (!engagement) throw new Error('no engagement');
    const old: Record<string, unknown> = { ...engagement.snapshot.engagement };
    delete old.report;
    const v4 = {
      ...input,
      schemaVersion: 4,
      engagements: [{ ...engagement, snapshot: { ...engagement.snapshot, engagement: old as never } }], // a v4 record
    };
    const { bytes, manifest } = await packageBytes(v4);
    expect(manifest.schemaVersion).toBe(4);
    const opened = await openPackage(bytesSource(bytes));
    expect(first(opened.engagements).snapshot.engagement.report).toEqual({
      opinion: null,
      basis: '',
      addressee: '',
      city: '',
      section4Order: 'criterion',
      includeSection5: true,
      templates: {},
    });
  });
});

describe('entries', () => {
  it('refuses a package whose evidence file is missing', async () => {
    const bytes = await rezip(plain, {
      entries: (list) => list.filter((e) => !e.path.startsWith('evidence/')),
      rehash: true,
    });
    await expectRefused(bytes, 'corrupt', /evidence\/[0-9a-f]{64} is missing/u);
  });

  it('refuses an entry the manifest does not list, and one listed that does not belong', async () => {
    const extra = { path: 'notes.txt', data: new TextEncoder().encode('hello'), compress: false };
    await expectRefused(
      await rezip(plain, { entries: (list) => [...list, extra] }),
      'corrupt',
      /holds notes\.txt, which its table of contents does not list/u,
    );
    await expectRefused(
      await rezip(plain, { entries: (list) => [...list, extra], rehash: true }),
      'corrupt',
      /notes\.txt, which does not belong/u,
    );
  });

  it('refuses a manifest whose sizes or hashes do not match the entries', async () => {
    const bigger = await rezip(plain, {
      manifest: (m) => {
        const entries = m.entries as { size: number }[]; // our own manifest
        first(entries).size += 1;
      },
    });
    await expectRefused(bigger, 'corrupt', /has \d+ bytes, its table of contents says \d+/u);
    const rehashed = await rezip(plain, {
      manifest: (m) => {
        const entries = m.entries as { sha256: string }[]; // our own manifest
        first(entries).sha256 = 'f'.repeat(64);
      },
    });
    await expectRefused(rehashed, 'corrupt', /does not match the SHA-256/u);
  });

  it('refuses files that are not Fieldwork packages', async () => {
    await expectRefused(
      new TextEncoder().encode('just some text, not a zip at all'),
      'not-a-package',
      /not/u,
    );
    const foreign = await rezip(plain, { manifest: (m) => (m.format = 'other-app') });
    await expectRefused(foreign, 'not-a-package', /not a Fieldwork/u);
    // A zip another program made (Python's zipfile, as an office document or an archive would be).
    const made = spawnSync(
      'python3',
      [
        '-c',
        'import io,sys,zipfile\nb=io.BytesIO()\nz=zipfile.ZipFile(b,"w")\nz.writestr("manifest.json","{}")\nz.close()\nsys.stdout.buffer.write(b.getvalue())',
      ],
      { maxBuffer: 1 << 20 },
    );
    expect(made.status).toBe(0);
    await expectRefused(new Uint8Array(made.stdout), 'not-a-package', /zip archive made by another program/u);
  });
});

describe('records', () => {
  it('refuses a record that fails its schema, naming the table and the line', async () => {
    const [engagement] = input.engagements;
    if (!engagement) throw new Error('no engagement');
    const controls = [...engagement.snapshot.controls].sort((a, b) => (a.id < b.id ? -1 : 1));
    const bad = controls.map((c, i) => (i === 1 ? { ...c, reference: 42 as never } : c)); // a number where text belongs
    const { bytes } = await packageBytes({
      ...input,
      engagements: [{ ...engagement, snapshot: { ...engagement.snapshot, controls: bad } }],
    });
    await expectRefused(
      bytes,
      'corrupt',
      /control record on line 2 of .*records\/controls\.ndjson is not valid/u,
    );
  });

  it('refuses records that do not match the revisions of the manifest', async () => {
    const bytes = await rezip(plain, {
      manifest: (m) => {
        const [e] = m.engagements as { revisions: Record<string, Record<string, { rev: number }>> }[]; // ours
        const control = Object.values(e?.revisions.controls ?? {})[0];
        if (control) control.rev += 1;
      },
    });
    await expectRefused(bytes, 'corrupt', /control record .* does not match its table of contents/u);
  });

  it('refuses a record of another engagement', async () => {
    const [engagement] = input.engagements;
    if (!engagement) throw new Error('no engagement');
    const other = '01900000-0000-7000-8000-000000000001';
    const controls = engagement.snapshot.controls.map((c) => ({ ...c, engagementId: other }));
    const { bytes } = await packageBytes({
      ...input,
      engagements: [{ ...engagement, snapshot: { ...engagement.snapshot, controls } }],
    });
    await expectRefused(bytes, 'corrupt', /belongs to another engagement/u);
  });
});

describe('audit trail', () => {
  it('refuses an altered audit event even when the package around it is consistent', async () => {
    const [engagement] = input.engagements;
    if (!engagement) throw new Error('no engagement');
    const events = engagement.auditEvents.map((e) => (e.seq === 2 ? { ...e, actorName: 'Someone Else' } : e));
    const { bytes } = await packageBytes({ ...input, engagements: [{ ...engagement, auditEvents: events }] });
    const error = await refusal(bytes);
    expect(error.code).toBe('audit-chain');
    expect(error.message).toMatch(
      /audit trail .* does not verify\. Audit trail broken at event #2: its content was altered/u,
    );
  });

  it('refuses a trail whose newest event was removed, even re-hashed', async () => {
    const [engagement] = input.engagements;
    if (!engagement) throw new Error('no engagement');
    const last = Math.max(...engagement.auditEvents.map((e) => e.seq));
    const events = engagement.auditEvents.filter((e) => e.seq !== last);
    const { bytes } = await packageBytes({ ...input, engagements: [{ ...engagement, auditEvents: events }] });
    await expectRefused(bytes, 'audit-chain', /newest 1 event was removed/u);
  });

  it('refuses a rewritten trail whose hashes were recomputed, because the chain head differs', async () => {
    const [engagement] = input.engagements;
    if (!engagement) throw new Error('no engagement');
    const sorted = [...engagement.auditEvents].sort((a, b) => a.seq - b.seq);
    const rewritten = [];
    let prevHash = '0'.repeat(64);
    for (const e of sorted) {
      const body = { ...e, prevHash, actorName: 'Mallory' };
      const hash = await hashAuditEvent(body);
      rewritten.push({ ...body, hash });
      prevHash = hash;
    }
    const { bytes } = await packageBytes({
      ...input,
      engagements: [{ ...engagement, auditEvents: rewritten }],
    });
    await expectRefused(bytes, 'audit-chain', /chain head does not match/u);
  });
});

describe('passphrases', () => {
  it('asks for one when the package is encrypted and refuses a wrong one', async () => {
    const { bytes } = await packageBytes(input, { passphrase: 'right', kdf: TEST_KDF });
    const required = await refusal(bytes);
    expect(required.code).toBe('passphrase-required');
    const wrong = await refusal(bytes, 'wrong');
    expect(wrong.code).toBe('wrong-passphrase');
    expect(wrong.message).toBe('The passphrase is wrong or the file was changed.');
  });
});
