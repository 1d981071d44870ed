/**
 * Several auditors sharing one laptop, each with a profile.
 */
import { describe, expect, it } from 'vitest';
import { createProfile, launch, switchProfile, useBrowserSessions } from './harness';

useBrowserSessions();

describe('profiles', () => {
  it('lets several auditors share one laptop with their own profiles', async () => {
    const session = await launch();
    const { page } = session;
    await createProfile(page, 'Ana López', 'Senior');
    await page.getByRole('button', { name: /Signed in as Ana López/ }).click();
    await page.getByRole('button', { name: 'Add a profile…' }).click();
    const add = page.getByRole('dialog', { name: 'Add a profile' });
    // Initials mark sign-offs: a second "AL" on this laptop is refused.
    await add.getByLabel('Full name').fill('Alan Lee');
    await add.getByRole('button', { name: 'Create profile' }).click();
    await expect.poll(() => add.getByText(/Ana López already uses the initials AL/).isVisible()).toBe(true);
    await add.getByLabel('Full name').fill('Ben Okafor');
    await add.getByLabel('Initials').fill('BO');
    await add.getByLabel('Role').selectOption({ label: 'Manager' });
    await add.getByRole('button', { name: 'Create profile' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: /Signed in as Ben Okafor/ }).isVisible())
      .toBe(true);

    await page.getByRole('button', { name: /Signed in as Ben Okafor/ }).click();
    await page.getByRole('button', { name: 'Edit my profile…' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit profile' });
    await edit.getByLabel('Initials').fill('bo');
    await edit.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    await switchProfile(page, 'Ana López');
    await page.reload();
    await expect
      .poll(() => page.getByRole('button', { name: /Signed in as Ana López/ }).isVisible())
      .toBe(true);
  });
});
