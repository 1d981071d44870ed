// The configuration rules of `npm run dist:check`: the fuses electronFuses sets and the packed executable
// carries, the .fieldwork association and the Linux .desktop entry generated from it, and auto-update being
// off. Plain functions returning problems as sentences, tested in test/unit/dist/config-rules.test.ts.

/**
 * The fuse settings issue 8 requires. Names are electron-builder's `electronFuses` keys, in the order of
 * @electron/fuses' V1 wire (index = position in the executable's fuse wire).
 */
export const FUSE_WIRE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];
export const REQUIRED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

export const FILE_ASSOCIATION = { ext: 'fieldwork', mimeType: 'application/x-fieldwork' };

/** The fuse settings in the effective electron-builder configuration. */
export function checkFuseConfig(fuses) {
  if (!fuses || typeof fuses !== 'object') return ['electronFuses is not configured'];
  return Object.entries(REQUIRED_FUSES)
    .filter(([name, wanted]) => fuses[name] !== wanted)
    .map(([name, wanted]) => `electronFuses.${name} is ${JSON.stringify(fuses[name])}, must be ${wanted}`);
}

/**
 * The fuse wire read back from the packed executable (@electron/fuses getCurrentFuseWire: index → byte,
 * '1' = 49 enabled, '0' = 48 disabled), against the required settings: proves the fuses were flipped, not
 * only configured.
 */
export function checkFuseWire(wire) {
  if (!wire || wire.version !== '1') return ['the executable has no version-1 fuse wire'];
  const problems = [];
  for (const [name, wanted] of Object.entries(REQUIRED_FUSES)) {
    const index = FUSE_WIRE_ORDER.indexOf(name);
    const byte = wire[index];
    const actual = byte === 49 ? true : byte === 48 ? false : undefined;
    if (actual !== wanted) {
      problems.push(
        `fuse ${name} in the packed executable is ${actual === undefined ? 'missing' : actual}, must be ${wanted}`,
      );
    }
  }
  return problems;
}

/** The .fieldwork association in the effective configuration, with its MIME type and document icon. */
export function checkFileAssociation(config) {
  const list = [config?.fileAssociations ?? []].flat();
  const association = list.find((a) => [a.ext].flat().includes(FILE_ASSOCIATION.ext));
  if (!association) return [`no file association for .${FILE_ASSOCIATION.ext}`];
  const problems = [];
  if (association.mimeType !== FILE_ASSOCIATION.mimeType) {
    problems.push(
      `.${FILE_ASSOCIATION.ext} has MIME type ${JSON.stringify(association.mimeType)}, not ${FILE_ASSOCIATION.mimeType}`,
    );
  }
  if (!association.name) problems.push(`.${FILE_ASSOCIATION.ext} association has no name`);
  if (!association.description) problems.push(`.${FILE_ASSOCIATION.ext} association has no description`);
  if (!association.icon) problems.push(`.${FILE_ASSOCIATION.ext} association has no document icon`);
  return problems;
}

/** The generated Linux .desktop entry: category Office, the MIME type, an Exec that takes file arguments. */
export function checkDesktopEntry(text) {
  const fields = Object.fromEntries(
    String(text)
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  const problems = [];
  if (!(fields.MimeType ?? '').split(';').includes(FILE_ASSOCIATION.mimeType)) {
    problems.push(`the .desktop entry does not declare MimeType ${FILE_ASSOCIATION.mimeType}`);
  }
  if (!(fields.Categories ?? '').split(';').includes('Office')) {
    problems.push('the .desktop entry is not in category Office');
  }
  if (!/%[uUfF]/.test(fields.Exec ?? '')) {
    problems.push('the .desktop entry Exec does not pass opened files (%U)');
  }
  return problems;
}

/** Auto-update stays off: `publish` explicitly null, "never" or empty (left out, electron-builder guesses one). */
export function checkPublishOff(config) {
  const publish = config?.publish;
  if (publish === null || publish === 'never' || (Array.isArray(publish) && publish.length === 0)) return [];
  if (publish === undefined) {
    return ['publish is not set; electron-builder would derive a provider from package.json, set it to null'];
  }
  return [`publish is configured (${JSON.stringify(publish)}); the app ships without auto-update`];
}
