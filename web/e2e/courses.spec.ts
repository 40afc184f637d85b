import { cvPDF, expect, expectAccessible, newUser, screenshot, signUp, test } from './fixtures';

test('CV + goal give recommendations; enrol, complete, and the dashboard counts it', async ({
  page,
  context,
}) => {
  const pdf = await cvPDF(context);
  await signUp(page, newUser('courses'));

  await page.goto('/courses');
  await expect(page.getByText('No recommendations yet')).toBeVisible();

  await page.goto('/cv');
  await page
    .getByLabel(/CV file/)
    .setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Upload and analyse' }).click();
  await expect(page.getByTestId('cv-score')).toBeVisible({ timeout: 45_000 });

  await page.getByRole('link', { name: 'Goals' }).first().click();
  // The CV page has Title fields of its own (fixing a position): wait to leave it.
  await expect(page).toHaveURL(/\/goals\b/);
  await page.getByRole('main').getByLabel('Title').fill('Data engineering');
  const role = page.getByLabel('Target role');
  await expect(role.locator('option')).not.toHaveCount(1);
  const value = await role
    .locator('option', { hasText: /Data Engineer/ })
    .first()
    .getAttribute('value');
  await role.selectOption(value ?? '');
  await page.getByRole('button', { name: 'Create goal' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Data engineering' })).toBeVisible();

  // Recommendations are computed from events (cv.analyzed, goal.changed): allow a moment.
  await expect(async () => {
    await page.goto('/courses');
    await expect(
      page.getByRole('region', { name: 'Recommended for you' }).getByRole('listitem').first(),
    ).toBeVisible({
      timeout: 2_000,
    });
  }).toPass({ timeout: 30_000 });
  const recommended = page.getByRole('region', { name: 'Recommended for you' });
  const first = recommended.getByRole('listitem').first();
  const title = await first.getByRole('heading', { level: 3 }).innerText();
  await expectAccessible(page, 'courses page');
  await screenshot(page, 'light-courses');

  await recommended.getByRole('button', { name: `Enrol in ${title}` }).click();
  await expect(page.getByText(`Enrolled in ${title}`, { exact: true })).toBeVisible();
  const learning = page.getByRole('region', { name: 'My learning' });
  await learning.getByRole('button', { name: `Mark completed: ${title}` }).click();
  await expect(learning.getByText('Completed', { exact: true }).first()).toBeVisible();

  // Search the catalogue.
  await page.getByRole('searchbox', { name: 'Search' }).fill('kubernetes');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByText(/\d+ courses? found/)).toBeVisible();

  await expect(async () => {
    await page.goto('/dashboard');
    await expect(page.getByText('1 of 1', { exact: true })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await screenshot(page, 'light-dashboard-after-journey');
});
