// `npm run dist:check`: proves, offline, that the installers would contain only what they should.
//
//  1. builds main, preload and renderer (`npm run build`; `--no-build` skips it when dist/ is fresh);
//  2. loads electron-builder.yml through electron-builder's own loader and schema validation;
//  3. packs the Linux `dir` target with electron-builder's API against a stand-in Electron directory
//     (`electronDist`), because no Electron binary can be downloaded on the build machines. The stand-in
//     executable carries a fuse wire with Electron's defaults, so electron-builder really flips the fuses
//     and we can read them back;
//  4. inspects the output with the rules in scripts/dist/inspect.mjs (unit-tested in test/unit/dist/):
//     app.asar's file list, size, integrity records and package.json, the flipped fuses, the resources
//     folder, `publish`, the .fieldwork association and the generated Linux .desktop entry, and that every
//     platform's icons resolve from assets/ without conversion.
//
// Offline by construction: this process refuses any network connection (an attempt fails the check and
// names the host), electron-builder's cache points at an empty temp folder, and the Electron download is
// replaced by the stand-in. Prints a report; exits non-zero with the reasons on any failure.
//
// Usage: node scripts/dist-check.mjs [--no-build] [--keep]   (--keep leaves the temp folder for a look)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkDesktopEntry,
  checkFileAssociation,
  checkFuseConfig,
  checkFuseWire,
  checkPublishOff,
  FUSE_WIRE_ORDER,
} from './dist/config-rules.mjs';
import {
  asarHeaderHash,
  checkAsarEntries,
  checkAsarIntegrity,
  checkAsarSize,
  checkPackagedPackageJson,
  checkRequiredEntries,
  checkResourcesDir,
  formatMB,
  formatReport,
  readAsarEntries,
  ASAR_BUDGET_BYTES,
} from './dist/inspect.mjs';
import { forbidNetwork } from './dist/offline-guard.mjs';
import { makeStandInElectron } from './dist/stand-in-electron.mjs';

const root = join(import.meta.dirname, '..');

/** Marks a failure after which the remaining checks cannot run; the report still prints. */
class StopCheck extends Error {}
const args = new Set(process.argv.slice(2));
const started = Date.now();
const require = createRequire(import.meta.url);

// --- 1. build --------------------------------------------------------------------------------------------
if (!args.has('--no-build')) {
  console.log('dist:check: building (npm run build)…');
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('dist:check: FAIL — `npm run build` failed, nothing to pack.');
    process.exit(1);
  }
}

// --- offline guard ---------------------------------------------------------------------------------------
// Installed before electron-builder is loaded (it is required below), so all its modules see the refusal.
const network = forbidNetwork();

const work = mkdtempSync(join(tmpdir(), 'fieldwork-dist-check-'));
// A fresh cache: nothing on this machine (a previously downloaded Electron or icon tool) can make it pass.
process.env.ELECTRON_BUILDER_CACHE = join(work, 'cache');
// electron-builder's own offline switch (it skips signing timestamp servers); harmless here, stated for clarity.
process.env.ELECTRON_BUILDER_OFFLINE = 'true';

const sections = [];
const section = (title, problems, facts = []) => sections.push({ title, problems, facts });
let exitCode; // set from the report in `finally`

try {
  // --- 2. configuration ----------------------------------------------------------------------------------
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
  const debugLogger = { isEnabled: false, add() {} };
  let config;
  try {
    config = await getConfig(root, null, null);
    await validateConfiguration(config, debugLogger);
  } catch (error) {
    section('electron-builder.yml passes electron-builder 26 schema validation', [
      String(error.message ?? error),
    ]);
    throw new StopCheck();
  }
  section(
    'electron-builder.yml passes electron-builder 26 schema validation',
    [],
    [`appId ${config.appId}, productName ${config.productName}, artifactName ${config.artifactName}`],
  );
  section('auto-update is off', checkPublishOff(config), [`publish: ${JSON.stringify(config.publish)}`]);
  section('fuses are configured', checkFuseConfig(config.electronFuses), [
    FUSE_WIRE_ORDER.filter((name) => name in (config.electronFuses ?? {}))
      .map((name) => `${name}=${config.electronFuses[name]}`)
      .join(', '),
  ]);
  const association = [config.fileAssociations ?? []].flat()[0] ?? {};
  section('.fieldwork file association is declared', checkFileAssociation(config), [
    `ext ${association.ext}, ${association.mimeType}, "${association.description}", icon ${association.icon}`,
  ]);

  const resources = join(root, config.directories?.buildResources ?? 'build');
  const neededResources = [
    config.win?.icon,
    config.mac?.icon,
    ...[16, 32, 48, 64, 128, 256, 512, 1024].map((s) => `${config.linux?.icon}/${s}x${s}.png`),
    `${association.icon}.ico`,
    `${association.icon}.icns`,
  ].filter(Boolean);
  const entitlements = [config.mac?.entitlements, config.mac?.entitlementsInherit].filter(Boolean);
  section(
    'installer resources are committed (icons, document icons, entitlements)',
    [
      ...neededResources
        .filter((f) => !existsSync(join(resources, f)))
        .map((f) => `assets: ${f} is missing (npm run icons)`),
      ...entitlements.filter((f) => !existsSync(join(root, f))).map((f) => `${f} is missing`),
      ...entitlements
        .filter((f) => existsSync(join(root, f)))
        .filter((f) => !readFileSync(join(root, f), 'utf8').includes('com.apple.security.cs.allow-jit'))
        .map(
          (f) =>
            `${f} lacks com.apple.security.cs.allow-jit (Electron cannot start under the hardened runtime)`,
        ),
    ],
    [`${neededResources.length} icon files, entitlements ${[...new Set(entitlements)].join(', ')}`],
  );

  // --- 3. pack against the stand-in Electron ----------------------------------------------------------------
  const electronVersion = JSON.parse(
    readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'),
  ).version;
  const standIn = makeStandInElectron(join(work, 'electron-dist'), electronVersion);
  const { build, Platform, Arch } = require('electron-builder');
  const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper.js');
  const { convertIcon } = require('app-builder-lib/out/util/iconConverter.js');
  let packed = null;
  const packStarted = Date.now();
  try {
    await build({
      projectDir: root,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      publish: 'never',
      config: {
        electronDist: standIn,
        directories: { output: join(work, 'out') },
        // Runs inside electron-builder with the effective configuration and the real Linux packager, so
        // the .desktop entry and icon set below are the ones the deb and AppImage targets would use.
        afterPack: async (context) => {
          const packager = context.packager;
          const helper = new LinuxTargetHelper(packager);
          const debOptions = { ...packager.platformSpecificBuildOptions, ...packager.config.deb };
          packed = {
            appOutDir: context.appOutDir,
            executable: join(context.appOutDir, packager.executableName),
            config: packager.config,
            electronVersion: packager.config.electronVersion,
            desktopEntry: await helper.computeDesktopEntry(debOptions),
            linuxIcons: await helper.icons,
          };
        },
      },
    });
  } catch (error) {
    section('electron-builder packs the Linux dir target offline', [String(error.message ?? error)]);
    throw new StopCheck();
  }
  const packSeconds = ((Date.now() - packStarted) / 1000).toFixed(1);
  if (!packed) {
    section('electron-builder packs the Linux dir target offline', [
      'electron-builder finished without packing anything',
    ]);
    throw new StopCheck();
  }

  // --- 4. inspect -------------------------------------------------------------------------------------------
  const resourcesDir = join(packed.appOutDir, 'resources');
  const resourceNames = existsSync(resourcesDir) ? readdirSync(resourcesDir) : [];
  section('electron-builder packs the Linux dir target offline', checkResourcesDir(resourceNames), [
    `Electron ${packed.electronVersion} (stand-in), ${packSeconds} s, output ${packed.appOutDir}`,
    `resources/: ${resourceNames.join(', ') || '(empty)'}`,
  ]);
  if (!resourceNames.includes('app.asar')) throw new StopCheck();

  const archive = join(resourcesDir, 'app.asar');
  const { entries, headerString } = readAsarEntries(archive);
  const asarBytes = statSync(archive).size;
  const rendererFiles = entries.filter((e) => e.path.startsWith('dist/renderer/')).length;
  section('app.asar holds the files the app needs', checkRequiredEntries(entries), [
    `${entries.length} files: ${entries.length - rendererFiles} outside dist/renderer/ ` +
      `(${entries
        .filter((e) => !e.path.startsWith('dist/renderer/'))
        .map((e) => e.path)
        .join(', ')}), ` +
      `${rendererFiles} in dist/renderer/`,
  ]);
  section('app.asar lists only allowed files', checkAsarEntries(entries), [
    'allowed: package.json, dist/electron/{main,preload}.cjs, dist/renderer/**; no maps, sources, tests, keys, .env, node_modules',
  ]);
  section(`app.asar is within the ${formatMB(ASAR_BUDGET_BYTES)} budget`, checkAsarSize(asarBytes), [
    `${formatMB(asarBytes)} (${asarBytes} bytes); largest: ${[...entries]
      .sort((a, b) => b.size - a.size)
      .slice(0, 3)
      .map((e) => `${e.path.split('/').pop()} ${formatMB(e.size)}`)
      .join(', ')}`,
  ]);
  const asar = require('@electron/asar');
  section(
    'app.asar records SHA-256 integrity for every file, matching the content',
    checkAsarIntegrity(entries, (path) => asar.extractFile(archive, path)),
    [
      `header hash ${asarHeaderHash(headerString)}: electron-builder writes it into the .exe (Windows) and ` +
        'Info.plist (macOS), where Electron checks it; Linux has no asar integrity check, so the dir target records it nowhere',
    ],
  );
  asar.uncache(archive);

  let packagedJson = null;
  try {
    packagedJson = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8'));
  } catch {
    // reported below
  } finally {
    asar.uncache(archive);
  }
  section(
    'package.json inside the app carries no scripts, dev tooling or secrets',
    checkPackagedPackageJson(packagedJson),
    [packagedJson ? `keys: ${Object.keys(packagedJson).join(', ')}` : 'package.json could not be read'],
  );

  const { getCurrentFuseWire } = require('@electron/fuses');
  let wire = null;
  try {
    wire = await getCurrentFuseWire(packed.executable);
  } catch {
    // checkFuseWire reports the missing wire
  }
  section('fuses are flipped in the packed executable', checkFuseWire(wire), [
    wire
      ? FUSE_WIRE_ORDER.map(
          (name, i) => `${name}=${wire[i] === 49 ? 'on' : wire[i] === 48 ? 'off' : '?'}`,
        ).join(', ')
      : `no fuse wire in ${packed.executable}`,
  ]);

  section(
    'Linux .desktop entry (deb) declares the MIME type and category Office',
    checkDesktopEntry(packed.desktopEntry),
    [
      ...packed.desktopEntry
        .trim()
        .split('\n')
        .filter((line) => /^(Name|Exec|Icon|StartupWMClass|MimeType|Categories)=/.test(line)),
    ],
  );

  const iconProblems = [];
  const iconFacts = [];
  const linuxSizes = (packed.linuxIcons ?? []).map((icon) => icon.size);
  iconFacts.push(`Linux: ${linuxSizes.join(', ')} px from ${config.linux?.icon}/`);
  if (linuxSizes.length === 0) iconProblems.push('no Linux icons resolved');
  for (const [format, source] of [
    ['ico', config.win?.icon],
    ['icns', config.mac?.icon],
  ]) {
    try {
      // The same resolution electron-builder's Windows and macOS packagers use; a source that would need
      // converting would fetch the icon toolset, which the offline guard refuses.
      const { icons, isFallback } = await convertIcon({
        sources: [source],
        fallbackSources: [],
        roots: [resources, root],
        format,
        outDir: join(work, `icons-${format}`),
      });
      if (icons.length === 0 || isFallback)
        iconProblems.push(`${source} did not resolve as the ${format} icon`);
      else iconFacts.push(`${format}: ${icons[0].file.slice(root.length + 1)} used as is`);
    } catch (error) {
      iconProblems.push(`${source}: ${error.message}`);
    }
  }
  section('icons resolve for every platform without conversion or download', iconProblems, iconFacts);
} catch (error) {
  if (!(error instanceof StopCheck)) {
    section('dist:check ran to the end', [String(error.stack ?? error)]);
  }
} finally {
  section(
    'no network access was attempted',
    network.attempts.map((a) => `${a} (dist:check must work offline)`),
    network.attempts.length === 0
      ? ['every connection attempt in this process would have been refused and reported']
      : [],
  );
  const { text, failed } = formatReport(sections);
  console.log(`\n=== packaging check ===\n${text}`);
  console.log(
    `\npackaging check: ${sections.length - failed} ok, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (args.has('--keep')) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
  exitCode = failed > 0 ? 1 : 0;
}
process.exit(exitCode);
