/**
 * End-to-end harness: Debian's Chromium driven by playwright-core against the built UI served over http.
 * Each test gets a fresh profile directory; `relaunch` reopens the same one to check what survives a restart.
 */
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, expect } from 'vitest';
import { startStaticServer } from './static-server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DIST = join(process.cwd(), 'dist/renderer');
export const SCREENS = join(process.cwd(), 'test-results/screens');

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Session {
  page: Page;
  context: BrowserContext;
  /** Console errors and CSP violations seen so far. */
  problems: string[];
  url: string;
  userDataDir: string;
  relaunch(): Promise<Session>;
  close(): Promise<void>;
  screenshot(name: string): Promise<void>;
}

let server: Awaited<ReturnType<typeof startStaticServer>> | null = null;
/** Sessions still open, closed after each test by useBrowserSessions(). */
const openSessions = new Set<Session>();

/**
 * Registers the hooks a test file needs: close its browsers after each test (after a failure, first
 * leave what each browser showed: a screenshot and the app's notices, so a failure seen once in CI can
 * be read afterwards), stop the server after all.
 */
export function useBrowserSessions(): void {
  afterEach(async ({ task }) => {
    const sessions = [...openSessions];
    if (task.result?.state === 'fail') {
      for (const [i, session] of sessions.entries()) await reportFailure(session, `${task.name}-${i + 1}`);
    }
    for (const session of sessions) await session.close();
  });
  afterAll(stopServer);
}

async function reportFailure(session: Session, name: string): Promise<void> {
  const file = `FAILED-${name.replace(/[^a-z0-9]+/giu, '-').slice(0, 80)}`;
  try {
    await session.screenshot(file);
    const notices = await session.page.locator('.notice').allInnerTexts();
    console.log(
      [
        `After the failure (screenshot test-results/screens/${file}.png):`,
        `  address: ${session.page.url()}`,
        `  notices: ${notices.length ? notices.map((n) => n.replace(/\s+/gu, ' ')).join(' | ') : 'none'}`,
        `  console errors: ${session.problems.length ? session.problems.join(' | ') : 'none'}`,
      ].join('\n'),
    );
  } catch (caught) {
    console.log(`Could not record the page after the failure: ${String(caught)}`);
  }
}

export async function ensureServer(): Promise<string> {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error('dist/renderer is missing: run `npm run build` first');
  server ??= await startStaticServer(DIST);
  return server.url;
}

export async function stopServer(): Promise<void> {
  await server?.close();
  server = null;
}

export async function launch(userDataDir = mkdtempSync(join(tmpdir(), 'fieldwork-e2e-'))): Promise<Session> {
  const url = await ensureServer();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1366, height: 768 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  await page.goto(url);
  const session: Session = {
    page,
    context,
    problems,
    url,
    userDataDir,
    async relaunch() {
      openSessions.delete(session);
      await context.close();
      return launch(userDataDir);
    },
    async close() {
      openSessions.delete(session);
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
    async screenshot(name) {
      mkdirSync(SCREENS, { recursive: true });
      await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: false });
    },
  };
  openSessions.add(session);
  return session;
}

/** Completes the first-run profile form. */
export async function createProfile(page: Page, name = 'Ana López', role = 'Senior'): Promise<void> {
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Firm').fill('Harbor & Reed LLP');
  await page.getByLabel('Role').selectOption({ label: role });
  await page.getByRole('button', { name: 'Create profile' }).click();
}

/** Switches the signed-in profile on this laptop (app lock off) and waits until the header says so. */
export async function switchProfile(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: /Signed in as/ }).click();
  await page.getByRole('button', { name, exact: true }).click();
  await expect.poll(() => page.getByRole('button', { name: `Signed in as ${name}` }).isVisible()).toBe(true);
}

/** Opens the New engagement dialog and fills a SOC 2 Type 2 engagement (not yet submitted). */
export async function newType2(page: Page, org: string, system: string, start: string, end: string) {
  await page.getByRole('button', { name: 'New engagement' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New engagement' });
  await dialog.getByLabel('Service organization').fill(org);
  await dialog.getByLabel('System name').fill(system);
  await dialog.getByLabel('Engagement type').selectOption({ label: 'SOC 2 Type 2' });
  await dialog.getByLabel('Period start').fill(start);
  await dialog.getByLabel('Period end').fill(end);
  return dialog;
}

export function cspViolations(problems: string[]): string[] {
  return problems.filter((p) => /Content Security Policy|Refused to/i.test(p));
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2.2 AA findings on the page, or inside `selector`, as `id (impact): help — targets`. Run
 * through the debugging protocol, so the strict CSP stays on. Experimental rules included: label-in-name
 * (WCAG 2.5.3) is one of them.
 */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (selector) => {
    interface Result {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    }
    const axe = (window as unknown as { axe: { run(ctx: Document | string, opts: object): Promise<Result> } })
      .axe;
    const { violations } = await axe.run(selector ?? document, {
      rules: { 'label-content-name-mismatch': { enabled: true } },
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  }, selector);
}

/** Loads the demo engagement from the empty engagements list and waits for its Overview. */
export async function loadDemo(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Load demo engagement' }).first().click();
  await expect
    .poll(() => page.getByRole('heading', { name: 'Overview' }).isVisible(), { timeout: 30_000 })
    .toBe(true);
}
