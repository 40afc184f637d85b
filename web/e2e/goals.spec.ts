import { expect, expectAccessible, newUser, screenshot, signUp, test } from './fixtures';

test('set a goal, plan milestones, achieve one, see the dashboard change', async ({ page }) => {
  await signUp(page, newUser('goals'));
  await page.getByRole('link', { name: 'Goals' }).first().click();
  await expect(page.getByText('No goals yet')).toBeVisible();

  await page.getByRole('button', { name: 'Create goal' }).click();
  await expect(page.getByRole('alert')).toHaveText('Give the goal a title.');

  await page.getByLabel('Title').fill('Become a data engineer');
  const role = page.getByLabel('Target role');
  await expect(role.locator('option')).not.toHaveCount(1); // the catalogue loaded
  const value = await role
    .locator('option', { hasText: /Data Engineer/ })
    .first()
    .getAttribute('value');
  await role.selectOption(value!);
  await page.getByRole('button', { name: 'Create goal' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Become a data engineer' })).toBeVisible();

  const milestones: [string, string][] = [
    ['Finish a SQL course', '2027-01-31'],
    ['Build a pipeline project', ''],
  ];
  for (const [title, due] of milestones) {
    await page.getByLabel('New milestone').fill(title);
    if (due) await page.getByLabel('Due (optional)').fill(due);
    await page.getByRole('button', { name: 'Add milestone' }).click();
    await expect(page.getByLabel(title)).toBeVisible();
  }
  await page.getByLabel('Finish a SQL course').check();
  const bar = page.getByRole('progressbar', { name: 'Progress of Become a data engineer' });
  await expect(bar).toHaveAttribute('aria-valuenow', '50');
  await expectAccessible(page, 'goals page');
  await screenshot(page, 'light-goals');

  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  const next = page.getByRole('region', { name: 'Next milestones' });
  await expect(next.getByText('Build a pipeline project')).toBeVisible();
  await expect(page.getByText('1 of 2', { exact: true })).toBeVisible();
});
