/**
 * The package layer of the `.fieldwork` exchange file (docs/exchange-format.md): writing a package from
 * engagements and evidence, opening one with every check made first, reading only its manifest, and the
 * file name to suggest. Built on the byte layers in ../zip and ../crypto.
 */
export { writePackage, evidenceHashesOf, type WriteOptions } from './write';
export { openPackage, inspectPackage, type InspectOptions, type OpenOptions } from './open';
export { packageFileName, PACKAGE_EXTENSION, type PackageFileNameInput } from './file-name';
export { MANIFEST_PATH, shouldDeflateEvidence } from './layout';
export { parseManifest, FORMAT_VERSION_TEXT } from './manifest';
