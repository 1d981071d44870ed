/**
 * `fieldwork demo`: the demo engagement as a `.fieldwork` file.
 *
 * The one file of the command line allowed to use the app's database layer (eslint.config.js): the demo
 * file must be exactly what the app writes, so it is produced the way the app produces it — the demo loader
 * (`loadDemoEngagement`) runs through the real repository on an in-memory IndexedDB (fake-indexeddb), and
 * the package input is read back with the app's own export code (`buildPackageInput`).
 */
import './indexeddb';
import { FieldworkDatabase } from '../renderer/db/database';
import { buildPackageInput } from '../renderer/db/exchange';
import { Repository } from '../renderer/db/repository';
import { loadDemoEngagement } from '../renderer/features/demo/commands';
import { actorOf, createProfile } from '../renderer/features/profiles/commands';
import type { WritePackageInput } from '../shared/exchange/types';

/** The auditor the demo is loaded by (the app uses the signed-in profile). */
export const DEMO_AUDITOR = {
  fullName: 'Alex Morgan',
  initials: 'AM',
  firm: 'Harbor & Reed LLP',
  role: 'senior',
} as const;

let databases = 0;

/** The demo engagement, with its evidence, as the app's export would hand it to `writePackage`. */
export async function demoPackageInput(appVersion: string, now: Date): Promise<WritePackageInput> {
  databases += 1;
  const db = new FieldworkDatabase(`fieldwork-cli-demo-${process.pid}-${databases}`);
  const repo = new Repository(db);
  const profile = await createProfile(repo, DEMO_AUDITOR);
  const { id } = await loadDemoEngagement(repo, profile);
  return buildPackageInput(db, repo, {
    kind: 'engagement',
    engagementIds: [id],
    actor: actorOf(profile),
    appVersion,
    now,
  });
}
