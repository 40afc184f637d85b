import { cvPDF, expect, expectAccessible, newUser, screenshot, signUp, test } from './fixtures';

// Issue 25: the whole O*NET catalogue, found by alternate title or by category.
test('career planner: a nurse found as RN, required skills with sources, gap, path from an electrician, goal', async ({
  page,
}) => {
  await signUp(page, newUser('planner'));
  await page.getByRole('link', { name: 'Career planner' }).first().click();
  await expect(page.getByText('No target role yet')).toBeVisible();
  await expectAccessible(page, 'planner (empty)');

  const targetBox = page.getByRole('region', { name: 'Target role' });
  const find = targetBox.getByRole('combobox', { name: 'Find your target role' });
  await find.fill('RN');
  await expect(targetBox.getByRole('option', { name: /Registered Nurses/ }).first()).toContainText(
    'also called RN',
  );
  await find.press('ArrowDown');
  await find.press('Enter');
  await expect(page).toHaveURL(/to=29-1141\.00/);
  await expect(targetBox.getByText('Registered Nurses', { exact: true })).toBeVisible();

  const req = page.getByRole('region', { name: 'What Registered Nurses requires' });
  await expect(
    req.getByText(/^Preparation \(O\*NET job zone\): Considerable preparation needed\.$/),
  ).toBeVisible();
  await expect(req.getByRole('listitem').filter({ hasText: 'Critical Thinking' })).toContainText(
    'level 3 (O*NET skill rating)',
  );

  const gap = page.getByRole('region', { name: 'Your skill gap for Registered Nurses' });
  const ready = gap.getByRole('progressbar', { name: 'Readiness for Registered Nurses' });
  await expect(ready).toHaveAttribute('aria-valuenow', '0'); // no CV yet
  await expect(gap.getByText('We do not know your skills yet.')).toBeVisible();
  await expect(gap.getByRole('table', { name: /Your level and the level/ })).toBeAttached();
  await expect(gap.locator('.recharts-bar-rectangle').first()).toBeAttached();
  await expect(
    gap.getByRole('region', { name: 'Missing skills' }).getByRole('listitem').first(),
  ).toBeVisible();

  // The current role by browsing: Construction and extraction → Electricians.
  const currentBox = page.getByRole('region', { name: 'Current role' });
  await currentBox.getByLabel('Or browse a category').selectOption('CONSTRUCTION');
  await currentBox.getByLabel('Role in the category').selectOption({ label: 'Electricians' });
  await expect(page).toHaveURL(/from=47-2111\.00/);
  const path = page.getByRole('region', { name: 'Career path' });
  await expect(path.getByRole('heading', { name: /Step 1: Electricians/ })).toBeVisible();
  await expect(path.getByText(/skill levels to gain in all/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Data sources' })).toContainText('CC BY 4.0');
  await expectAccessible(page, 'planner');
  await screenshot(page, 'light-planner');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expectAccessible(page, 'planner (dark)');
  await screenshot(page, 'dark-planner');
  await page.emulateMedia({ colorScheme: 'light' });

  await gap.getByRole('button', { name: 'Make Registered Nurses my goal' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Become a Registered Nurses' })).toBeFocused();
});

test('career planner: with an analysed CV the gap shows matched and missing skills', async ({
  page,
  context,
}) => {
  const pdf = await cvPDF(context);
  await signUp(page, newUser('planner-cv'));
  await page.goto('/cv');
  await page
    .getByLabel(/CV file/)
    .setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Upload and analyse' }).click();
  await expect(page.getByTestId('cv-score')).toBeVisible({ timeout: 45_000 });

  // the choice lives in the URL, so a link opens the same plan
  await page.goto('/planner?from=software-engineer&to=data-engineer');
  const gap = page.getByRole('region', { name: 'Your skill gap for Data Engineer' });
  const ready = gap.getByRole('progressbar', { name: 'Readiness for Data Engineer' });
  await expect(ready).not.toHaveAttribute('aria-valuenow', '0');
  await expect(gap.getByText('We do not know your skills yet.')).toHaveCount(0);
  const matched = gap.getByRole('region', { name: 'Matched skills' });
  await expect(matched.getByRole('listitem').first()).toBeVisible();
  const table = gap.getByRole('table', { name: /Your level and the level Data Engineer needs/ });
  await expect(table).toContainText('matched');
  await expectAccessible(page, 'planner with a CV');
  await screenshot(page, 'light-planner-with-cv');
});
