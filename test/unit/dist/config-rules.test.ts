// The configuration rules of `npm run dist:check` (scripts/dist/config-rules.mjs): the fuses, configured and
// flipped in a stand-in executable the way electron-builder flips them; the committed electron-builder.yml
// through electron-builder's own schema validation; the .fieldwork association, the .desktop entry and
// auto-update being off, each with the mistakes it must catch.
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { validateConfiguration as validateConfigurationType } from 'app-builder-lib/out/util/config/config.js';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkDesktopEntry,
  checkFileAssociation,
  checkFuseConfig,
  checkFuseWire,
  checkPublishOff,
  REQUIRED_FUSES,
} from '../../../scripts/dist/config-rules.mjs';
import { DEFAULT_FUSE_WIRE, makeStandInElectron } from '../../../scripts/dist/stand-in-electron.mjs';

const root = join(import.meta.dirname, '..', '..', '..');
const temp = mkdtempSync(join(tmpdir(), 'fieldwork-config-rules-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('fuses', () => {
  it('accepts the required configuration and names each deviation', () => {
    expect(checkFuseConfig({ ...REQUIRED_FUSES, resetAdHocDarwinSignature: true })).toEqual([]);
    expect(checkFuseConfig({ ...REQUIRED_FUSES, runAsNode: true })).toEqual([
      'electronFuses.runAsNode is true, must be false',
    ]);
    const { onlyLoadAppFromAsar: _left, ...missing } = REQUIRED_FUSES;
    expect(checkFuseConfig(missing)).toEqual([
      'electronFuses.onlyLoadAppFromAsar is undefined, must be true',
    ]);
    expect(checkFuseConfig(null)).toEqual(['electronFuses is not configured']);
  });

  it('reads the flipped wire back from a stand-in executable, as dist:check does', async () => {
    const dir = makeStandInElectron(join(temp, 'electron-dist'), '45.4.1');
    const executable = join(dir, 'electron');
    // Unflipped: Electron's defaults are the opposite of every required setting.
    const before = checkFuseWire(await getCurrentFuseWire(executable));
    expect(before).toHaveLength(7);
    expect(before).toContain('fuse runAsNode in the packed executable is true, must be false');
    // Flipped the way electron-builder does it (platformPackager.generateFuseConfig).
    await flipFuses(executable, {
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
    expect(checkFuseWire(await getCurrentFuseWire(executable))).toEqual([]);
    expect(readFileSync(join(dir, 'version'), 'utf8')).toBe('45.4.1\n');
  });

  it('fails on a missing wire, a removed fuse or an unknown wire version', () => {
    expect(checkFuseWire(null)).toEqual(['the executable has no version-1 fuse wire']);
    expect(checkFuseWire({ version: '2' })).toEqual(['the executable has no version-1 fuse wire']);
    const wire = Object.fromEntries([...'01001100'].map((c, i) => [i, c.charCodeAt(0)]));
    expect(checkFuseWire({ version: '1', ...wire })).toEqual([]);
    expect(checkFuseWire({ version: '1', ...wire, 0: 'r'.charCodeAt(0) })).toEqual([
      'fuse runAsNode in the packed executable is missing, must be false',
    ]);
    expect(DEFAULT_FUSE_WIRE).toHaveLength(8);
  });
});

describe('installer configuration', () => {
  type Validate = typeof validateConfigurationType;
  /** validateConfiguration only reads `isEnabled` when the schema check fails; dist-check passes the same. */
  const quietLogger = { isEnabled: false, add() {} } as unknown as Parameters<Validate>[1];

  it('the committed electron-builder.yml passes every configuration rule', async () => {
    const { getConfig, validateConfiguration } = await import('app-builder-lib/out/util/config/config.js');
    const config = await getConfig(root, null, null);
    await validateConfiguration(config, quietLogger);
    expect(checkPublishOff(config)).toEqual([]);
    expect(checkFuseConfig(config.electronFuses)).toEqual([]);
    expect(checkFileAssociation(config)).toEqual([]);
    expect(config.linux?.category).toBe('Office');
  });

  it('electron-builder schema validation rejects a misspelt option', async () => {
    const { validateConfiguration } = await import('app-builder-lib/out/util/config/config.js');
    const misspelt = { appId: 'x', electronFuzes: {} } as Parameters<Validate>[0];
    await expect(validateConfiguration(misspelt, quietLogger)).rejects.toThrow(/electronFuzes/);
  });

  it('requires the .fieldwork association with its MIME type, description and icon', () => {
    const good = {
      ext: 'fieldwork',
      name: 'Fieldwork engagement',
      description: 'Fieldwork engagement file',
      mimeType: 'application/x-fieldwork',
      icon: 'document-icon',
    };
    expect(checkFileAssociation({ fileAssociations: good })).toEqual([]);
    expect(checkFileAssociation({ fileAssociations: [] })).toEqual(['no file association for .fieldwork']);
    expect(checkFileAssociation({ fileAssociations: [{ ...good, mimeType: 'application/zip' }] })).toEqual([
      '.fieldwork has MIME type "application/zip", not application/x-fieldwork',
    ]);
    expect(checkFileAssociation({ fileAssociations: [{ ...good, description: '', icon: null }] })).toEqual([
      '.fieldwork association has no description',
      '.fieldwork association has no document icon',
    ]);
  });

  it('keeps auto-update off unless publish is explicitly null, "never" or empty', () => {
    expect(checkPublishOff({ publish: null })).toEqual([]);
    expect(checkPublishOff({ publish: 'never' })).toEqual([]);
    expect(checkPublishOff({ publish: [] })).toEqual([]);
    expect(checkPublishOff({})[0]).toContain('publish is not set');
    expect(
      checkPublishOff({ publish: { provider: 'generic', url: 'https://updates.example' } })[0],
    ).toContain('publish is configured');
  });

  it('checks the generated .desktop entry', () => {
    const entry = [
      '[Desktop Entry]',
      'Name=Fieldwork',
      'Exec=/opt/Fieldwork/fieldwork %U',
      'MimeType=application/x-fieldwork;',
      'Categories=Office;',
    ].join('\n');
    expect(checkDesktopEntry(entry)).toEqual([]);
    expect(checkDesktopEntry(entry.replace('MimeType=application/x-fieldwork;', ''))).toEqual([
      'the .desktop entry does not declare MimeType application/x-fieldwork',
    ]);
    expect(checkDesktopEntry(entry.replace('Office', 'Utility'))).toEqual([
      'the .desktop entry is not in category Office',
    ]);
    expect(checkDesktopEntry(entry.replace(' %U', ''))).toEqual([
      'the .desktop entry Exec does not pass opened files (%U)',
    ]);
  });
});
