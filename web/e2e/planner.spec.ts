import { cvPDF, expect, expectAccessible, newUser, screenshot, signUp, test } from './fixtures';

test('career planner: path between roles, skill gap with readiness, create a goal', async ({ page }) => {
  await signUp(page, newUser('planner'));
  await page.getByRole('link', { name: 'Career planner' }).first().click();
  await expect(page.getByText('No target role yet')).toBeVisible();
  await expectAccessible(page, 'planner (empty)');

  const current = page.getByLabel('Current role');
  await expect(current.locator('option')).not.toHaveCount(1);
  await current.selectOption('data-analyst');
  await page.getByLabel('Target role category').selectOption('DATA');
  const target = page.getByLabel('Target role', { exact: true });
  await expect(target.locator('option', { hasText: 'Software Engineer' })).toHaveCount(0); // filtered
  await target.selectOption('machine-learning-engineer');

  const gap = page.getByRole('region', { name: 'Your skill gap for Machine Learning Engineer' });
  const ready = gap.getByRole('progressbar', { name: 'Readiness for Machine Learning Engineer' });
  await expect(ready).toHaveAttribute('aria-valuenow', '0'); // no CV yet
  await expect(gap.getByText('We do not know your skills yet.')).toBeVisible();
  await expect(gap.getByRole('table', { name: /Your level and the level/ })).toBeAttached();
  await expect(gap.locator('.recharts-bar-rectangle').first()).toBeAttached();
  await expect(
    gap.getByRole('region', { name: 'Missing skills' }).getByRole('listitem').first(),
  ).toBeVisible();

  const path = page.getByRole('region', { name: 'Career path' });
  await expect(path.getByRole('heading', { name: /Step 1: Data Analyst/ })).toBeVisible();
  await expect(path.getByText(/skill levels to gain in all/)).toBeVisible();
  await expectAccessible(page, 'planner');
  await screenshot(page, 'light-planner');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expectAccessible(page, 'planner (dark)');
  await screenshot(page, 'dark-planner');
  await page.emulateMedia({ colorScheme: 'light' });

  await gap.getByRole('button', { name: 'Make Machine Learning Engineer my goal' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Become a Machine Learning Engineer' }),
  ).toBeFocused();
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
